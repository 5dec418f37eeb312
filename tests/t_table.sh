#!/bin/sh
# t_table.sh -- tables: the model dump, layout golden files (fixed-width
# metrics) for wrapping cells, a page split with the header repeated and
# the three-line style; the PDF read back (poppler's word boxes against
# the rules found in pdftoppm's pixels); the HTML parsed by python3's
# html.parser; bad input with its exact diagnostics, a non-zero exit and
# the outputs of a previous good build left as they were.
# With -u, rewrite the golden files from the current output (review the diff!).
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
T=tests/table
SERIES=tests/parse/bulletin.yaml

# made NAME GOT WANT: GOT, made with diagnostics in $tmp/err, matches the
# golden file WANT (-u rewrites it) and the run printed nothing.
made() {
	if [ -s "$tmp/err" ]; then
		notok "$1 printed diagnostics"; sed 's/^/# /' "$tmp/err"
	else
		golden "$1" "$3" "$2"
	fi
}

# 1. The model: 表题 (full-width or ASCII space), alignments, number cells,
# a table without 表题, a 表题-like sentence that stays a paragraph.
"$JB" dump --series "$SERIES" $T/tables.md >"$tmp/tree" 2>"$tmp/err"
made "dump of $T/tables.md" "$tmp/tree" $T/tables.tree

# 2. Layout, fixed metrics.
"$JB" layout --fixed --series "$SERIES" $T/wrap.md >"$tmp/wrap" 2>"$tmp/err"
made "layout of wrapping cells" "$tmp/wrap" $T/wrap.layout
"$JB" layout --fixed --series "$SERIES" $T/split.md >"$tmp/split" 2>"$tmp/err"
made "layout of a table split across pages" "$tmp/split" $T/split.layout
"$JB" layout --fixed --series $T/three.yaml $T/split.md >"$tmp/three" 2>"$tmp/err"
made "layout of a three-line table in 三号" "$tmp/three" $T/three.layout
"$JB" layout --fixed --series $T/turn.yaml $T/wide.md >"$tmp/turn" 2>"$tmp/err"
made "layout of a table set across landscape pages" "$tmp/turn" $T/turn.layout

# What the golden files say, so that a reviewed -u cannot quietly lose it.
python3 - "$tmp/wrap" "$tmp/split" "$tmp/three" <<'PY'
import re, sys
def res(ok, name): print(('ok - ' if ok else 'not ok - ') + name)
def pages(path):
    out = []
    for l in open(path):
        if l.startswith('page '): out.append([])
        elif out: out[-1].append(l.split())
    return out
wrap, split, three = (pages(p) for p in sys.argv[1:])
# Wrapping: the description cell of row 1 takes several lines, all inside
# its column's rules, and no line of it starts with a closing mark.
items = [i for p in wrap for i in p]
vr = sorted({float(i[1]) for i in items if i[0] == 'vrule'})
vy = [(float(i[2]), float(i[2]) + float(i[4][2:])) for i in items if i[0] == 'vrule']
y0, y1 = min(a for a, b in vy), max(b for a, b in vy)
cells = [i for i in items if i[0] == 'text' and i[5] == '14.00' and y0 < float(i[2]) < y1]
inside = all(any(a <= float(c[1]) and float(c[1]) + float(c[3][2:]) <= b + 0.01
                 for a, b in zip(vr, vr[1:])) for c in cells)
res(len(vr) == 5 and len(cells) > 12 and inside, 'wrap: 5 column rules, every cell line inside its column')
desc = [c for c in cells if vr[2] < float(c[1]) < vr[3]]
ys = sorted({float(c[2]) for c in desc})
res(len(ys) >= 6, 'wrap: the long description wraps (%d lines in its column)' % len(ys))
starts = {}
for c in desc:
    y = float(c[2]); starts.setdefault(y, c)
    if float(c[1]) < float(starts[y][1]): starts[y] = c
res(all(not re.match('^\|[，。、；：？！）”]', s[-1]) for s in starts.values()),
    'wrap: no cell line starts with a closing mark')
# Split: the header row (heiti 14 pt) on every page the table is on, the
# rows never cut (every page's last table rule below its last cell text).
tpages = [p for p in split if any(i[0] == 'vrule' for i in p)]
heads = [sum(1 for i in p if i[0] == 'text' and i[4] == 'heiti' and i[-1] == '|排名|') for p in tpages]
res(len(tpages) >= 2 and all(h == 1 for h in heads), 'split: header on each of %d pages' % len(tpages))
# On the pages after the first, 续表1 (the 表题's number) over the header.
def y_of(p, text):
    return [float(i[2]) for i in p if i[0] == 'text' and i[-1] == text]
conts = [y_of(p, '|续表|') for p in tpages]
res(len(tpages) >= 2 and not conts[0] and
    all(len(c) == 1 and c[0] < min(y_of(p, '|排名|')) for c, p in zip(conts[1:], tpages[1:])),
    'split: 续表1 over the header on each page after the first')
nums = [int(i[-1].strip('|')) for p in tpages for i in p
        if i[0] == 'text' and i[4] == 'digits' and float(i[1]) < 120 and re.fullmatch(r'\|\d+\|', i[-1])]
res(nums == list(range(1, 41)), 'split: rows 1 to 40 once each, in order')
# After the table the text is back on the grid: its baseline is a grid
# baseline (top 104.88 + k * 28.99 + 14.49 + 0.38 * 15.79).
last = [i for i in tpages[-1] if i[0] == 'text' and i[-1].startswith('|得分在')]
ok = bool(last) and abs(((float(last[0][2]) - 104.88 - 14.49 - 6.0) / 28.99) % 1) < 0.01
res(ok, 'split: the paragraph after the table sits on the grid')
# Three-line: no vertical rules, heavy rules top and bottom on each page.
t3 = [p for p in three if any(i[0] == 'rule' and i[4] == 'h=1.50' for i in p)]
res(not any(i[0] == 'vrule' for p in three for i in p), 'three: no vertical rules')
res(len(t3) >= 2 and all(sum(1 for i in p if i[0] == 'rule' and i[4] == 'h=1.50') == 2 for p in t3),
    'three: a heavy rule above and below the table on each of %d pages' % len(t3))
res(any(i[0] == 'text' and i[5] == '15.79' and i[4] == 'fangsong' and i[-1] == '|云岭高新区|' for p in three for i in p),
    'three: 表格字号 三号 sets cells at 15.79 pt')
PY

# 3. The PDF: every word of a table cell between two of the rules the
# page shows (found in its pixels), the header on both pages.
if "$JB" build --pdf --series "$SERIES" --out "$tmp/pdf" $T/split.md 2>"$tmp/err" &&
    [ ! -s "$tmp/err" ]; then
	ok "build --pdf $T/split.md"
	pdftotext -bbox-layout "$tmp/pdf/split.pdf" "$tmp/bbox.html"
	pdftoppm -r 144 -gray "$tmp/pdf/split.pdf" "$tmp/pg"
	python3 - "$tmp/bbox.html" "$tmp"/pg-*.pgm <<'PY'
import re, sys, xml.etree.ElementTree as ET
def res(ok, name): print(('ok - ' if ok else 'not ok - ') + name)
x = open(sys.argv[1], 'rb').read()
root = ET.fromstring(re.sub(rb'<!DOCTYPE[^>]*>', b'', x))
H = '{http://www.w3.org/1999/xhtml}'
def pgm(path):
    d = open(path, 'rb').read()
    m = re.match(rb'P5\s+(\d+)\s+(\d+)\s+(\d+)\s', d)
    w, h = int(m.group(1)), int(m.group(2))
    return w, h, d[m.end():]
S = 2.0   # 144 dpi: pixels per pt
bad, heads, pages = [], 0, 0
for page, path in zip(root.iter(H + 'page'), sys.argv[2:]):
    w, h, px = pgm(path)
    # Vertical rules: columns with a dark run taller than 1.5 text lines.
    rules, top, bottom = [], h, 0
    for xx in range(w):
        run = best = 0
        for yy in range(h):
            if px[yy * w + xx] < 128:
                run += 1
                if run > best: best, end = run, yy
            else:
                run = 0
        if best > 40 * S:
            rules.append(xx / S)
            top, bottom = min(top, (end - best) / S), max(bottom, end / S)
    if not rules:
        continue
    pages += 1
    merged = []
    for r in rules:
        if merged and r - merged[-1][-1] <= 1.5: merged[-1].append(r)
        else: merged.append([r])
    cols = [sum(m) / len(m) for m in merged]
    for word in page.iter(H + 'word'):
        x0, x1 = float(word.get('xMin')), float(word.get('xMax'))
        y0 = float(word.get('yMin'))
        if word.text == '排名': heads += 1
        if not (cols[0] < x0 < cols[-1] and top < y0 < bottom):
            continue
        if any(x0 + 0.3 < c < x1 - 0.3 for c in cols):
            bad.append('%s at %.1f-%.1f' % (word.text, x0, x1))
    res(len(cols) == 6, 'PDF page with the table: 6 column rules (%d)' % len(cols))
res(pages >= 2 and not bad, 'PDF: every cell word inside its column on %d pages %s' % (pages, bad[:3]))
res(heads == pages, 'PDF: the header row on each page of the table (%d of %d)' % (heads, pages))
PY
else
	notok "build --pdf $T/split.md"; sed "s/^/# /" "$tmp/err"
fi

# 3b. A table wider than the page, set across landscape pages: its text
# runs up the page (poppler's word boxes are tall), its head faces the
# left edge on odd and even pages alike, the header on each of its pages,
# the page numbers where every other page has them, the text after it on
# an upright page again.
if "$JB" build --pdf --series $T/turn.yaml --out "$tmp/turned" $T/wide.md 2>"$tmp/err" &&
    [ ! -s "$tmp/err" ]; then
	ok "build --pdf $T/wide.md with 表格横页: 是"
	pdftotext -bbox-layout "$tmp/turned/wide.pdf" "$tmp/tbox.html"
	python3 - "$tmp/tbox.html" <<'PY'
import re, sys, xml.etree.ElementTree as ET
def res(ok, name): print(('ok - ' if ok else 'not ok - ') + name)
x = open(sys.argv[1], 'rb').read()
root = ET.fromstring(re.sub(rb'<!DOCTYPE[^>]*>', b'', x))
H = '{http://www.w3.org/1999/xhtml}'
MM = 72 / 25.4
LEFT, RIGHT, BOTTOM = 28 * MM, 184 * MM, 262 * MM
pages = []
for p in root.iter(H + 'page'):
    ws = [(w.text, float(w.get('xMin')), float(w.get('yMin')), float(w.get('xMax')), float(w.get('yMax')))
          for w in p.iter(H + 'word')]
    pages.append(ws)
turned = [n for n, ws in enumerate(pages, 1) if any(t == '1月' for t, *_ in ws)]
res(turned == [2, 3], 'turn: the table on pages 2 and 3 (%s)' % turned)
for n in turned:
    ws = pages[n - 1]
    body = [w for w in ws if w[4] < BOTTOM and len(w[0]) >= 2]
    tall = all(w[4] - w[2] > w[3] - w[1] for w in body)
    res(body and tall, 'turn: page %d: every word runs up the page' % n)
    head = [w for w in ws if w[0] == '1月'][0]
    rows = [w for w in ws if re.fullmatch(r'\d+\.\d', w[0])]
    res(all(w[1] > head[3] for w in rows), 'turn: page %d: the header nearest the left edge, rows to its right' % n)
    fol = [w for w in ws if w[2] > BOTTOM]
    x0, x1 = min(w[1] for w in fol), max(w[3] for w in fol)
    okf = abs(x1 - (RIGHT - 14)) < 1 if n % 2 else abs(x0 - (LEFT + 14)) < 1
    res(fol and okf and x1 - x0 > max(w[4] for w in fol) - min(w[2] for w in fol),
        'turn: page %d: page number upright in its usual place' % n)
cap = [n for n, ws in enumerate(pages, 1) if any(t == '各区（县）逐月测评得分' for t, *_ in ws)]
res(cap == [2], 'turn: the 表题 on the first page of the table (%s)' % cap)
after = [n for n, ws in enumerate(pages, 1) if any(t.startswith('表后的文字') for t, *_ in ws)]
res(after == [4] and all(w[3] - w[1] > w[4] - w[2] for w in pages[3] if w[0].startswith('表后的文字')),
    'turn: the text after the table upright on page 4 (%s)' % after)
PY
else
	notok "build --pdf $T/wide.md with 表格横页: 是"; sed "s/^/# /" "$tmp/err"
fi

# 3c. The project's measure of print editions passes the table pages too:
# grid, three-line and turned tables.
"$JB" build --pdf --series $T/three.yaml --out "$tmp/threepdf" $T/split.md 2>/dev/null
python3 tests/pdfmeasure.py "$tmp/pdf/split.pdf" "$tmp/threepdf/split.pdf" \
    "$tmp/turned/wide.pdf" >"$tmp/measure" 2>&1
st=$?
check "pdfmeasure.py passes the grid, three-line and turned tables" '[ $st -eq 0 ]'
[ $st -eq 0 ] || grep -v '^ok' "$tmp/measure" | sed 's/^/# /'

# 4. The HTML edition of the sample 通报.
if "$JB" build --html --out "$tmp/html" issues/2026/03.md 2>"$tmp/err" &&
    [ ! -s "$tmp/err" ]; then
	python3 - "$tmp/html/2026/03.html" <<'PY'
import sys
from html.parser import HTMLParser
def res(ok, name): print(('ok - ' if ok else 'not ok - ') + name)
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []; self.tables = []; self.err = []; self.cell = None
    def handle_starttag(self, tag, a):
        a = dict(a)
        if tag in ('br', 'img', 'meta', 'link', 'input', 'wbr'): return
        self.stack.append(tag)
        if tag == 'table':
            self.tables.append(dict(wrap=len(self.stack) > 1 and self.wrap, caption='', th=[], td=[], thead=False, tbody=False))
        if tag == 'div': self.wrap = a.get('class') == 'table' and a.get('role') == 'region' and a.get('tabindex') == '0'
        t = self.tables[-1] if self.tables else None
        if tag in ('thead', 'tbody') and t: t[tag] = True
        if tag == 'th' and t: t['th'].append(a); self.cell = ''
        if tag == 'td' and t: t['td'].append(a); self.cell = ''
        if tag == 'caption': self.cell = ''
    def handle_endtag(self, tag):
        if tag in ('br', 'img', 'meta', 'link', 'input', 'wbr'): return
        if not self.stack or self.stack[-1] != tag:
            self.err.append(tag); return
        self.stack.pop()
        if tag == 'caption': self.tables[-1]['caption'] = self.cell
        if tag in ('td', 'th') and self.cell is not None:
            (self.tables[-1]['td'] if tag == 'td' else self.tables[-1]['th'])[-1]['text'] = self.cell
        if tag in ('td', 'th', 'caption'): self.cell = None
    def handle_data(self, d):
        if self.cell is not None: self.cell += d
p = P(); p.wrap = False
p.feed(open(sys.argv[1], encoding='utf-8').read())
res(not p.err and not p.stack, 'HTML: every element closed in order %s' % p.err[:3])
res(len(p.tables) == 2, 'HTML: two tables (%d)' % len(p.tables))
t = p.tables[0]
res(t['caption'] == '表1　2月各区（县）月度测评得分', 'HTML: <caption> holds the 表题 (%s)' % t['caption'])
res(t['thead'] and t['tbody'], 'HTML: <thead> and <tbody>')
res(len(t['th']) == 7 and all(a.get('scope') == 'col' for a in t['th']), 'HTML: 7 <th scope="col">')
nums = [a for a in t['td'] if a.get('text', '').replace('.', '').replace('+', '').replace('-', '').isdigit()]
res(nums and all(a.get('class') in ('num', 'center') for a in nums), 'HTML: number cells flush right (class num)')
res(all(a.get('class') != 'num' for a in t['td'] if a.get('text') in ('南湖区', '松源县')), 'HTML: text cells are not numbers')
res(all(x['wrap'] for x in p.tables), 'HTML: each table inside a focusable scrolling region')
css = open(sys.argv[1], encoding='utf-8').read()
res('.table { margin: 1.2em 0; overflow-x: auto; }' in css and '.table .num { text-align: right;' in css,
    'HTML: the wrapper scrolls sideways, .num is right-aligned')
PY
	if command -v chromium >/dev/null 2>&1; then
		# A script at the end of a copy of the page writes, once it is
		# laid out, the page's scroll and window widths, then for each
		# table's box its scroll and client widths; Chromium prints the DOM.
		probe "$tmp/html/2026/03.html" widths 'var d=document.documentElement,r=[d.scrollWidth,d.clientWidth];document.querySelectorAll("div.table").forEach(t=>r.push(t.scrollWidth,t.clientWidth));document.body.setAttribute("data-widths",r.join(" "))' "$tmp/widths" 1000 390
		echo "# widths at 1000 px: $(cat "$tmp/widths1000"); at 390 px: $(cat "$tmp/widths390")"
		check "HTML in Chromium at 1000 px: both tables fit their column" \
		    "awk 'NF == 6 && \$1 <= \$2 && \$3 <= \$4 && \$5 <= \$6 { ok = 1 } END { exit !ok }' '$tmp/widths1000'"
		check "HTML in Chromium at 390 px: the page does not overflow, the tables scroll in their boxes" \
		    "awk 'NF == 6 && \$1 <= \$2 && \$3 > \$4 && \$5 > \$6 { ok = 1 } END { exit !ok }' '$tmp/widths390'"
	else
		skip "HTML in Chromium" "chromium is not installed"
	fi
else
	notok "build --html issues/2026/03.md"; sed "s/^/# /" "$tmp/err"
fi

# 5. Bad input: tests/table/bad/NAME.md gives exactly NAME.err (the paths
# as issues/2024/03.md) with a non-zero exit, and the HTML and PDF of a
# good build before it stay as they were.
mkdir -p "$tmp/b/issues/2024"
for f in $T/bad/*.md; do
	name=${f%.md}
	series=$SERIES
	[ -f "$name.yaml" ] && series=$name.yaml
	printf -- '---\n期号: 3\n日期: 2024-03-08\n---\n\n## 标题\n\n正文。\n' \
	    >"$tmp/b/issues/2024/03.md"
	rm -rf "$tmp/b/out"
	"$JB" build --series "$SERIES" --out "$tmp/b/out" "$tmp/b/issues/2024/03.md" 2>/dev/null
	(cd "$tmp/b/out" && find . -type f | sort | xargs sha256sum) >"$tmp/before"
	cp "$f" "$tmp/b/issues/2024/03.md"
	"$JB" build --series "$series" --out "$tmp/b/out" "$tmp/b/issues/2024/03.md" \
	    2>"$tmp/err" >/dev/null
	status=$?
	sed "s|$tmp/b/||g" "$tmp/err" >"$tmp/err2"
	[ $update = 1 ] && cp "$tmp/err2" "$name.err"
	(cd "$tmp/b/out" && find . -type f | sort | xargs sha256sum) >"$tmp/after"
	if ! diff -u "$name.err" "$tmp/err2"; then
		notok "bad input $f: diagnostics differ from $name.err"
	elif [ $status -eq 0 ] || [ $status -ge 128 ]; then
		notok "bad input $f: exit status $status"
	elif ! cmp -s "$tmp/before" "$tmp/after"; then
		notok "bad input $f: previous outputs changed"
	else
		ok "bad input $f: $(head -1 "$name.err" | sed 's/.*错误：//')"
	fi
done
