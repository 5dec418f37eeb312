#!/bin/sh
# t_pics.sh -- pictures: rows of two or three in one paragraph, and a
# picture that does not fit the rest of a page floating to the next one.
# Golden model dump and layout dumps (fixed metrics) of the test issues in
# tests/pics/, what those dumps must show (where.py), the refused row of
# five, the PDFs read back by poppler (page fill with tests/pdfmeasure.py,
# captions under their pictures with tests/pics/captions.py) for the test
# issues, every sample issue and generated issues with pictures added, and
# the HTML row parsed and laid out by Chromium on a wide screen and a phone.
# usage: sh tests/t_pics.sh [-u]   (-u rewrites the golden files: review the diff)
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
dir=tests/pics
S="--series $dir/bulletin.yaml"
W="python3 $dir/where.py"

# ---- the model: a row, its pictures and captions, the row's credit ----
"$JB" dump $S $dir/row.md >"$tmp/row.tree" 2>"$tmp/err"
check "dump of $dir/row.md prints no diagnostics" '[ ! -s "$tmp/err" ]'
golden "dump of $dir/row.md matches $dir/row.tree" $dir/row.tree "$tmp/row.tree"

# ---- layout golden files ----
for t in float title back row two; do
	"$JB" layout --fixed $S $dir/$t.md >"$tmp/$t.layout" 2>"$tmp/err"
	check "layout of $dir/$t.md prints no diagnostics" '[ ! -s "$tmp/err" ]'
	golden "layout of $dir/$t.md matches $dir/$t.layout" $dir/$t.layout \
	    "$tmp/$t.layout"
done

# float.md: the picture does not fit under the first three paragraphs; it
# goes to the top of page 2, and the paragraph after it fills page 1.
L=$tmp/float.layout
check "float: the picture is at the top of page 2" \
    '[ "$($W $L image 1)" = "2 111.65 276.38" ]'
check "float: the paragraph after the picture fills page 1" \
    '[ "$($W $L text 一是压实 | cut -d" " -f1)" = 1 ]'
check "float: page 1 uses 21 of 22 lines (the next paragraph would leave one line)" \
    '[ "$($W $L lines 1)" = 21 ]'
check "float: the caption and credit follow the picture on page 2" \
    '[ "$($W $L text 滨河路绿化带 | cut -d" " -f1)" = 2 ] &&
     [ "$($W $L text 县融媒体中心 | cut -d" " -f1)" = 2 ]'

# title.md: the picture ends its article and does not fit; the next
# article's title does not come up to fill page 1, nor does the picture
# move up (it would pass the article's only paragraph that can move).
L=$tmp/title.layout
check "title: the picture goes to the top of page 2" \
    '[ "$($W $L image 1 | cut -d" " -f1-2)" = "2 111.65" ]'
check "title: the next article starts after the picture, on page 2" \
    '[ "$($W $L dest a2)" = "2 481.76" ]'

# back.md: the picture ends its article and does not fit; it moves up
# before the article's last paragraph, which follows it on the next page.
L=$tmp/back.layout
check "back: the picture stays on page 2, above the last paragraph" \
    '[ "$($W $L image 1 | cut -d" " -f1)" = 2 ] &&
     [ "$($W $L text 镇党委书记 | cut -d" " -f1)" = 3 ]'
check "back: page 2 is full" '[ "$($W $L lines 2)" = 22 ]'
check "back: the next article starts after that paragraph, on page 3" \
    '[ "$($W $L dest a2 | cut -d" " -f1)" = 3 ]'

# two.md: two pictures end their article and the second does not fit
# below the first; neither can move up past the other nor past the next
# title, so both shrink (the taller more, neither below half its height
# or 5 lines) and the article ends on page 2 with its byline.
L=$tmp/two.layout
check "two: both pictures on page 2, each shrunk to between half and all of its height" \
    'echo $($W $L image 1) $($W $L image 2) |
     awk "\$1 == 2 && \$4 == 2 && \$3 >= 138 && \$3 < 276 && \$6 >= 166 && \$6 < 332 { ok = 1 } END { exit !ok }"'
check "two: page 2 is full and ends the article with its byline" \
    '[ "$($W $L lines 2)" = 22 ] && [ "$($W $L text 罗晓梅 | cut -d" " -f1)" = 2 ]'
check "two: the next article starts page 3" \
    '[ "$($W $L dest a2 | cut -d" " -f1)" = 3 ]'

# row.md: pictures of one height filling the measure with 1 字 between
# them, each caption centred under its own picture.
L=$tmp/row.layout
for r in 1:2 2:3; do
	$W $L row ${r%:*} >"$tmp/r"
	check "row ${r%:*}: ${r#*:} pictures of one height across the measure, 1 字 apart, captions centred under them" \
	    "python3 - ${r#*:} '$tmp/r' <<'PY'
import sys
n, f = int(sys.argv[1]), open(sys.argv[2]).read().split()
pics = [tuple(map(float, f[3 * i:3 * i + 3])) for i in range(n)]
caps = [float(c) for c in f[3 * n:]]
ok = abs(pics[0][0] - 79.37) < 0.02 and abs(pics[-1][0] + pics[-1][1] - 521.57) < 0.05
ok &= all(abs(a[0] + a[1] + 15.79 - b[0]) < 0.05 and a[2] == b[2] for a, b in zip(pics, pics[1:]))
ok &= len(caps) > 0 and all(any(abs(c - x - w / 2) < 0.5 for x, w, h in pics) for c in caps)
sys.exit(0 if ok else 1)
PY"
done
check "row: the row of two floats to page 2, the paragraph after it fills page 1" \
    '[ "$($W $L image 1 | cut -d" " -f1)" = 2 ] &&
     [ "$($W $L text 帮帮团成立 | cut -d" " -f1)" = 1 ]'

# ---- a row of five: refused at the fourth picture, nothing written ----
mkdir -p "$tmp/r5"
echo 旧网页 >"$tmp/r5/row5.html"
"$JB" build --html --pdf $S --out "$tmp/r5" $dir/row5.md 2>"$tmp/row5.err"
status=$?
golden "a row of five pictures: message matches $dir/row5.err" $dir/row5.err \
    "$tmp/row5.err" $status
check "a row of five pictures: the old page is kept, no PDF written" \
    '[ "$(cat "$tmp/r5/row5.html")" = 旧网页 ] && [ ! -e "$tmp/r5/row5.pdf" ] &&
     [ "$(ls "$tmp/r5")" = row5.html ]'

# ---- the PDFs: page fill and captions ----
# The test issues, every sample, generated issues as bench/gen.py makes
# them, and the same with pictures after every few paragraphs (rows of two
# and three among them); then, with pictures, the second half of a year of
# 24 issues from two seeds (the first half is much like the 12 above).
mkdir -p "$tmp/gen"
if python3 bench/gen.py "$tmp/gen" 12 >/dev/null; then
	cp -r "$tmp/gen" "$tmp/plain"
	python3 $dir/inject.py $dir/images "$tmp"/gen/issues/*/*.md
else
	notok "bench/gen.py makes generated issues"
fi
for seed in 7 22; do
	if python3 bench/gen.py --seed $seed "$tmp/seed$seed" 24 >/dev/null; then
		rm "$tmp/seed$seed"/issues/2026/0*.md "$tmp/seed$seed"/issues/2026/1[0-2].md
		python3 $dir/inject.py $dir/images "$tmp/seed$seed"/issues/*/*.md
	else
		notok "bench/gen.py --seed $seed makes generated issues"
	fi
done
: >"$tmp/list"
for f in $dir/float.md $dir/back.md $dir/row.md $dir/two.md; do
	echo "$f $dir/bulletin.yaml" >>"$tmp/list"
done
for f in issues/*/*.md; do
	echo "$f bulletin.yaml" >>"$tmp/list"
done
for g in plain gen seed7 seed22; do
	for f in "$tmp/$g"/issues/*/*.md; do
		echo "$f $tmp/$g/bulletin.yaml" >>"$tmp/list"
	done
done
n=0
while read -r f y; do
	n=$((n + 1))
	out=$tmp/pdf/$n
	if ! "$JB" build --pdf --series "$y" --out "$out" "$f" 2>"$tmp/err"; then
		notok "build --pdf $f"; sed 's/^/# /' "$tmp/err"
		continue
	fi
	pdf=$(find "$out" -name '*.pdf')
	"$JB" dump --series "$y" "$f" >"$tmp/dump"
	python3 $dir/captions.py "$tmp/dump" "$pdf" >"$tmp/cap"
	check "${f#$tmp/}: every caption under its picture, on its page" \
	    "grep -q '^ok' '$tmp/cap' || { sed 's/^/# /' '$tmp/cap'; false; }"
	python3 tests/pdfmeasure.py "$pdf" >"$tmp/m"
	check "${f#$tmp/}: $(sed -n "s|^.*$pdf: \(pages at least .*full.*\)|\1|p" "$tmp/m" | sed 's/ *#.*//')" \
	    "grep -q '^ok - .*: pages at least' '$tmp/m' || { grep -A5 'pages at least' '$tmp/m'; false; }"
done <"$tmp/list"

# ---- HTML: a figure of figures; side by side on a wide screen, stacked on a phone ----
if ! "$JB" build --html $S --out "$tmp/h" $dir/row.md 2>"$tmp/err"; then
	notok "build --html $dir/row.md"; sed 's/^/# /' "$tmp/err"
else
	ok "build --html $dir/row.md"
	python3 tests/html/check.py "$tmp/h/row.html" row zh-Hans 河湾工作简报 第11期 \
	    河湾县文明实践中心办公室 2024年12月6日 >"$tmp/hc"
	check "row page: tests/html/check.py finds it well formed" \
	    "! grep -q '^not ok' '$tmp/hc' || { grep '^not ok' '$tmp/hc'; false; }"
	check "row page: two photo rows, of two and three figures, each picture with its caption" \
	    "python3 - '$tmp/h/row.html' <<'PY'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.stack = []; s.rows = []
    def handle_starttag(s, t, a):
        a = dict(a)
        if t == 'img':
            if len(s.stack) >= 2 and s.stack[-2][1].get('class') == 'photo-row':
                s.rows[-1]['imgs'].append(a)
            return
        if t == 'figure' and a.get('class') == 'photo-row':
            s.rows.append({'figs': 0, 'imgs': [], 'caps': 0, 'credit': 0, 'grow': []})
        elif t == 'figure' and s.stack and s.stack[-1][1].get('class') == 'photo-row':
            s.rows[-1]['figs'] += 1; s.rows[-1]['grow'].append(a.get('style', ''))
        elif t == 'span' and a.get('class') == 'caption' and len(s.stack) >= 3 and \
                s.stack[-3][1].get('class') == 'photo-row':
            s.rows[-1]['caps'] += 1
        elif t == 'span' and a.get('class') == 'credit' and len(s.stack) >= 2 and \
                s.stack[-2][1].get('class') == 'photo-row':
            s.rows[-1]['credit'] += 1
        s.stack.append((t, a))
    def handle_endtag(s, t):
        while s.stack and s.stack.pop()[0] != t:
            pass
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
r = p.rows
ok = len(r) == 2 and [x['figs'] for x in r] == [2, 3] and [len(x['imgs']) for x in r] == [2, 3]
ok &= [x['caps'] for x in r] == [2, 2] and [x['credit'] for x in r] == [1, 0]
ok &= [x['grow'] for x in r] == [['flex-grow: 1.333', 'flex-grow: 0.750'],
                                 ['flex-grow: 1.600', 'flex-grow: 1.000', 'flex-grow: 0.750']]
ok &= all(i.get('alt') for x in r for i in x['imgs'])
sys.exit(0 if ok else 1)
PY"
	check "row page: the pictures are copied beside it" \
	    '[ -f "$tmp/h/images/photo.jpg" ] && [ -f "$tmp/h/images/upright.png" ] &&
	     [ -f "$tmp/h/images/square.png" ] && [ -f "$tmp/h/images/wide.png" ]'
	if command -v chromium >/dev/null 2>&1; then
		# A script at the end of a copy of the page writes where each
		# picture of the first row lies once they are loaded (left, top,
		# width, height), then the width of the window; Chromium prints
		# the DOM.
		probe "$tmp/h/row.html" boxes 'var r=[...document.querySelector(".photo-row").querySelectorAll("img")].map(i=>{var b=i.getBoundingClientRect();return [b.left,b.top,b.width,b.height].map(Math.round).join(",")});document.body.setAttribute("data-boxes",r.join(" ")+" "+document.documentElement.clientWidth)' "$tmp/boxes" 1000 390
		echo "# boxes at 1000 px: $(cat "$tmp/boxes1000"); at 390 px: $(cat "$tmp/boxes390")"
		check "row page in Chromium at 1000 px: side by side, one height" \
		    "awk -F'[ ,]' 'NF == 9 && \$2 == \$6 && \$4 > 100 && (\$4 - \$8) * (\$4 - \$8) <= 1 && \$5 > \$1 + \$3 { ok = 1 } END { exit !ok }' '$tmp/boxes1000'"
		check "row page in Chromium at 390 px: stacked, inside the window" \
		    "awk -F'[ ,]' 'NF == 9 && \$4 > 100 && \$6 > \$2 + \$4 && \$1 + \$3 <= \$9 && \$5 + \$7 <= \$9 { ok = 1 } END { exit !ok }' '$tmp/boxes390'"
	else
		skip "row page in Chromium" "chromium is not installed"
	fi
fi
