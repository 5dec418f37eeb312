#!/bin/sh
# t_pdf.sh -- the print edition end to end: layout golden file (fixed-width
# metrics), then the PDF read back with poppler (pdfinfo, pdffonts,
# pdftotext -bbox-layout) and measured with the shared pdfcheck.py.
# With -u, rewrite the golden layout from the current output (review the diff!).
cd "$(dirname "$0")/.." || exit 2
JB=${JB:-./jianbao}
SERIES=tests/pdf/bulletin.yaml
ISSUE=tests/pdf/issue.md
CHECK=${PDFCHECK:-../shared/tools/pdfcheck.py}
update=0
[ "${1:-}" = -u ] && update=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; }
check() { if eval "$2"; then ok "$1"; else nok "$1"; fi; }

# golden WHAT SOURCE OUTPUT GOLDEN: OUTPUT (made from SOURCE with
# diagnostics in $tmp/err) matches GOLDEN; -u rewrites GOLDEN.
golden() {
	[ $update = 1 ] && cp "$3" "$4"
	if [ -s "$tmp/err" ]; then
		nok "layout $2 printed diagnostics"; cat "$tmp/err"
	elif diff -u "$4" "$3"; then
		ok "$1 match $4"
	else
		nok "$1 differ from $4"
	fi
}

# 1. Layout golden file: fixed-width metrics, so it does not depend on fonts.
"$JB" layout --fixed --series "$SERIES" "$ISSUE" >"$tmp/layout" 2>"$tmp/err"
golden "layout lines of $ISSUE" "$ISSUE" "$tmp/layout" tests/pdf/issue.layout

# 1b. Title lines (二号): broken at phrase and word boundaries, balanced.
# The golden file holds one title line a row.
"$JB" layout --fixed --series "$SERIES" tests/pdf/titles.md 2>"$tmp/err" |
awk '$1 == "text" && $6 == "22.00" { t = $NF; gsub(/\|/, "", t)
	if ($3 != y && row != "") { print row; row = "" }
	y = $3; row = row t } END { print row }' >"$tmp/titles"
golden "title lines" tests/pdf/titles.md "$tmp/titles" tests/pdf/titles.lines

# 2. The PDF.
if ! "$JB" build --pdf --series "$SERIES" --out "$tmp/a" "$ISSUE" 2>"$tmp/err" ||
    [ -s "$tmp/err" ]; then
	nok "build --pdf $ISSUE"; cat "$tmp/err"; exit 1
fi
ok "build --pdf $ISSUE"
pdf=$tmp/a/issue.pdf
"$JB" layout --series "$SERIES" "$ISSUE" >"$tmp/real" 2>/dev/null
npages=$(grep -c '^page ' "$tmp/real")
info=$(pdfinfo "$pdf")
check "page size is A4" "echo \"\$info\" | grep -q 'Page size: *595.276 x 841.89 pts (A4)'"
check "page count $npages as laid out" "echo \"\$info\" | grep -q '^Pages: *$npages\$'"
check "title metadata" "echo \"\$info\" | grep -q '^Title: *河湾工作简报 2024年第5期\$'"
check "author metadata" "echo \"\$info\" | grep -q '^Author: *河湾县文明实践中心办公室\$'"
check "creation date is the issue date" "echo \"\$info\" | grep -q '^CreationDate: *Fri Sep  6 00:00:00 2024'"
check "every font embedded" "pdffonts '$pdf' | awk 'NR > 2 && \$(NF-4) != \"yes\" { bad = 1 } END { exit bad }'"
check "no font outside the roles" "! pdffonts '$pdf' | grep -q DejaVu"
check "JPEG embedded as JPEG" "grep -aq '/DCTDecode' '$pdf'"
check "named destinations a1 a2 a3" "pdfinfo -dests '$pdf' | grep -q '\"a3\"'"
check "本期要目 entries are links" "[ \$(grep -ac '/Subtype /Link' '$pdf') -ge 3 ]"
check "one bookmark per article" "[ \$(grep -ac '/Parent' '$pdf') -ge 3 ] && grep -aq '/Outlines' '$pdf'"

# 3. The text read back: grid, prohibitions, page numbers -- for the test
# issue and every sample issue.  The share of 28-character lines is taken
# over all of them: in one short issue two lines decide it.
"$JB" build --pdf --out "$tmp/s" issues/*/*.md 2>"$tmp/err" || cat "$tmp/err"
set -- "$pdf" "$tmp"/s/*/*.pdf
for f in "$@"; do
pdftotext -bbox-layout "$f" "$tmp/bbox.html"
python3 - "$tmp/bbox.html" "${f#$tmp/}" <<'PY'
import re, sys, xml.etree.ElementTree as ET
MM = 72 / 25.4
LEFT, TOP, RIGHT, BOTTOM = 28 * MM, 37 * MM, 184 * MM, 262 * MM
NO_START = set('，。、；：？！）〕】〗》〉」』”’·…—')
NO_END = set('（〔【〖《〈「『“‘')
HAN = re.compile(r'[\u3400-\u9fff]')
x = open(sys.argv[1], 'rb').read()
root = ET.fromstring(re.sub(rb'<!DOCTYPE[^>]*>', b'', x))
H = '{http://www.w3.org/1999/xhtml}'
bad = []
lines28 = full = 0
maxrows = 0
folio_ok = folio_n = 0
for n, p in enumerate(root.iter(H + 'page'), 1):
    rows = {}
    for ln in p.iter(H + 'line'):
        t = ''.join(w.text or '' for w in ln.iter(H + 'word'))
        x0, x1 = float(ln.get('xMin')), float(ln.get('xMax'))
        y0, y1 = float(ln.get('yMin')), float(ln.get('yMax'))
        if y0 > BOTTOM:
            if re.fullmatch(r'—\s*\d+\s*—', t.strip()):
                folio_n += 1
                if n % 2 and abs(x1 - (RIGHT - 14)) < 1: folio_ok += 1
                if not n % 2 and abs(x0 - (LEFT + 14)) < 1: folio_ok += 1
            continue
        key = round(float(ln.get('yMax')))
        r = rows.setdefault(key, [x0, x1, ''])
        r[0] = min(r[0], x0); r[1] = max(r[1], x1); r[2] += t
    maxrows = max(maxrows, len(rows))
    for x0, x1, t in rows.values():
        if abs(x0 - LEFT) < 1 and t[0] in NO_START: bad.append('starts: ' + t)
        if t[-1] in NO_END: bad.append('ends: ' + t)
        if abs(x0 - LEFT) < 1 and abs(x1 - RIGHT) < 1 and HAN.search(t) and not re.search(r'[\x21-\x7e]', t):
            full += 1
            lines28 += len(t) == 28
            # two runs of adjacent marks (」、「 in 2 em) let a line hold 30
            if not 26 <= len(t) <= 30: bad.append('length %d: %s' % (len(t), t))
def res(ok, name): print(('ok - ' if ok else 'not ok - ') + sys.argv[2] + ': ' + name)
res(not bad, 'no line breaks a prohibition rule ' + '; '.join(bad[:3]))
res(maxrows <= 22, 'at most 22 lines in the type area (%d)' % maxrows)
res(folio_n >= 2 and folio_ok == folio_n, 'page numbers right on odd pages, left on even (%d of %d)' % (folio_ok, folio_n))
print('# full %d %d' % (lines28, full))
PY
done >"$tmp/grid"
grep -v '^# full' "$tmp/grid"
awk '/^# full/ { l += $3; f += $4 } END { exit !(f >= 40 && l >= 0.85 * f) }' "$tmp/grid"
check "full lines hold 28 characters ($(awk '/^# full/ { l += $3; f += $4 } END { print l " of " f }' "$tmp/grid"))" "[ $? -eq 0 ]"

# 4. The shared checker must pass.
for f in "$@"; do python3 "$CHECK" "$f" --json; done >"$tmp/pdfcheck"
sed 's/^/# pdfcheck: /' "$tmp/pdfcheck"
python3 - "$tmp/pdfcheck" <<'PY'
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
def res(ok, name): print(('ok - ' if ok else 'not ok - ') + 'pdfcheck ' + name)
res(len(rs) >= 5, '%d PDFs measured' % len(rs))
res(all(r['a4'] and r['emb'] for r in rs), 'a4 and emb')
res(all(r['kinsoku_start'] == 0 and r['kinsoku_end'] == 0 for r in rs), 'kinsoku_start=0 kinsoku_end=0')
res(all(r['max_lines'] <= 22 for r in rs), 'max_lines<=22')
res(all(r['folios_ok'] == r['pages'] for r in rs), 'folios_ok on every page')
res(all(r['orphans'] == 0 for r in rs), 'orphans=0')
full = sum(r['full_lines'] for r in rs)
cpl = sum(r['cpl28'] * r['full_lines'] for r in rs) / full if full else 0
res(cpl >= 0.85, 'cpl28>=0.85 over all (%.3f)' % cpl)
PY

# 5. Same input, same bytes.
"$JB" build --pdf --series "$SERIES" --out "$tmp/b" "$ISSUE" 2>/dev/null
check "rebuild is byte-identical" "cmp -s '$pdf' '$tmp/b/issue.pdf'"

# 6. --even pads to an even page count; the 报尾 page after a blank one is not numbered.
"$JB" build --pdf --even --series "$SERIES" --out "$tmp/e" "$ISSUE" 2>/dev/null
pe=$(pdfinfo "$tmp/e/issue.pdf" | awk '/^Pages:/ { print $2 }')
check "--even gives an even page count ($pe)" "[ \$(( pe % 2 )) -eq 0 ]"

# 7. A character no configured font covers stops the build, reported at
# its own line and column (title, emphasis, second source line of a
# paragraph, code, byline): exact stderr in tests/pdf/glyph.err.
"$JB" build --pdf --series "$SERIES" --out "$tmp/g" tests/pdf/glyph.md 2>"$tmp/err"
st=$?
[ $update = 1 ] && cp "$tmp/err" tests/pdf/glyph.err
check "missing glyph fails the build" "[ $st -ne 0 ] && [ ! -e '$tmp/g/glyph.pdf' ]"
if diff -u tests/pdf/glyph.err "$tmp/err"; then
	ok "missing glyphs reported at file:line:col with U+XXXX"
else
	nok "missing glyph diagnostics differ from tests/pdf/glyph.err"
fi

# 8. A font role naming no installed family is an error.
sed 's/^编印单位:.*/&\n字体:\n  仿宋: 没有这种字体/' "$SERIES" >"$tmp/nofont.yaml"
"$JB" build --pdf --series "$tmp/nofont.yaml" --out "$tmp/n" "$ISSUE" 2>"$tmp/err"
check "unknown font family reported" "grep -q '找不到字体 “没有这种字体”' '$tmp/err'"

# 9. Traditional fonts centre ，。、 in the em box: adjacent marks still take
# 1.5 em (「…了。」 is 12 characters in 11.5 em; 他說，「好。」 is 7 in 6).
"$JB" layout --series "$SERIES" tests/pdf/hant.md >"$tmp/hant" 2>"$tmp/err"
em() { awk -v t="|$1|" '$1 == "text" && $NF == t { sub("w=", "", $4); printf "%.2f", $4 / $6 }' "$tmp/hant"; }
check "zh-Hant 。」 compressed to 1.5 em ($(em '「大家一下子就熟絡了。」') em)" "[ '$(em '「大家一下子就熟絡了。」')' = 11.50 ]"
check "zh-Hant ，「 and 。」 compressed ($(em '他說，「好。」') em)" "[ '$(em '他說，「好。」')' = 6.00 ]"
