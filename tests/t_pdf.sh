#!/bin/sh
# t_pdf.sh -- the print edition end to end: layout golden file (fixed-width
# metrics), then the PDF read back with poppler (pdfinfo, pdffonts,
# pdftotext -bbox-layout) and measured with the project's tests/pdfmeasure.py.
# With -u, rewrite the golden layout from the current output (review the diff!).
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
SERIES=tests/pdf/bulletin.yaml
ISSUE=tests/pdf/issue.md

# quiet_golden NAME GOLDEN: $tmp/out matches GOLDEN and $tmp/err is empty.
quiet_golden() {
	if [ -s "$tmp/err" ]; then
		notok "$1"; echo "# it printed diagnostics:"; sed 's/^/# /' "$tmp/err"
	else
		golden "$1" "$2" "$tmp/out"
	fi
}

# 1. Layout golden file: fixed-width metrics, so it does not depend on fonts.
"$JB" layout --fixed --series "$SERIES" "$ISSUE" >"$tmp/out" 2>"$tmp/err"
quiet_golden "layout lines of $ISSUE match tests/pdf/issue.layout" tests/pdf/issue.layout

# 1b. Title lines (二号): broken at phrase and word boundaries, balanced.
# The golden file holds one title line a row.
"$JB" layout --fixed --series "$SERIES" tests/pdf/titles.md 2>"$tmp/err" |
awk '$1 == "text" && $6 == "22.00" { t = $NF; gsub(/\|/, "", t)
	if ($3 != y && row != "") { print row; row = "" }
	y = $3; row = row t } END { print row }' >"$tmp/out"
quiet_golden "title lines match tests/pdf/titles.lines" tests/pdf/titles.lines

# 2. The PDF.
if ! "$JB" build --pdf --series "$SERIES" --out "$tmp/a" "$ISSUE" 2>"$tmp/err" ||
    [ -s "$tmp/err" ]; then
	notok "build --pdf $ISSUE"; sed 's/^/# /' "$tmp/err"; exit 1
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
pdffonts "$pdf" >"$tmp/fonts"
check "every font embedded" "[ \$(wc -l <'$tmp/fonts') -gt 2 ] && awk 'NR > 2 && \$(NF-4) != \"yes\" { bad = 1 } END { exit bad }' '$tmp/fonts'"
check "no font outside the roles" "[ \$(wc -l <'$tmp/fonts') -gt 2 ] && ! grep -q DejaVu '$tmp/fonts'"
check "JPEG embedded as JPEG" "grep -aq '/DCTDecode' '$pdf'"
check "named destinations a1 a2 a3" "pdfinfo -dests '$pdf' | grep -q '\"a3\"'"
check "本期要目 entries are links" "[ \$(grep -ac '/Subtype /Link' '$pdf') -ge 3 ]"
check "one bookmark per article" "[ \$(grep -ac '/Parent' '$pdf') -ge 3 ] && grep -aq '/Outlines' '$pdf'"

# 3. The text read back and measured against the page spec by
# tests/pdfmeasure.py (grid, prohibitions, lines per page, page numbers,
# 孤字) -- for the test issue and every sample issue.  The share of
# 28-character lines is taken over all of them: in one short issue two
# lines decide it.  A full line holds 27 characters or more (none is
# stretched by more than one), 30 at most (two runs of adjacent marks,
# 」、「 in 2 em).
"$JB" build --pdf --out "$tmp/s" issues/*/*.md 2>"$tmp/err" || sed 's/^/# /' "$tmp/err"
top=$(pwd)
(cd "$tmp" && python3 "$top/tests/pdfmeasure.py" --cpl 27-30 a/issue.pdf s/*/*.pdf) >"$tmp/measure"
status=$?
cat "$tmp/measure"
n=$((1 + $(ls issues/*/*.md | wc -l)))
check "pdfmeasure.py measured $n PDFs" \
    '[ $status -ne 2 ] && [ "$(grep -c ": page size A4$" "$tmp/measure")" -eq $n ]'
check "the share of 28-character lines is judged" 'grep -q "^ok - full lines hold 28 characters" "$tmp/measure"'

# 4. Same input, same bytes.
"$JB" build --pdf --series "$SERIES" --out "$tmp/b" "$ISSUE" 2>/dev/null
check "rebuild is byte-identical" "cmp -s '$pdf' '$tmp/b/issue.pdf'"

# 5. --even pads to an even page count; the 报尾 page after a blank one is not numbered.
"$JB" build --pdf --even --series "$SERIES" --out "$tmp/e" "$ISSUE" 2>/dev/null
pe=$(pdfinfo "$tmp/e/issue.pdf" | awk '/^Pages:/ { print $2 }')
check "--even gives an even page count ($pe)" "[ \$(( pe % 2 )) -eq 0 ]"

# 6. A character no configured font covers stops the build, reported at
# its own line and column (title, emphasis, second source line of a
# paragraph, code, byline): exact stderr in tests/pdf/glyph.err.
"$JB" build --pdf --series "$SERIES" --out "$tmp/g" tests/pdf/glyph.md 2>"$tmp/err"
st=$?
check "missing glyph fails the build" "[ $st -ne 0 ] && [ ! -e '$tmp/g/glyph.pdf' ]"
golden "missing glyphs reported at file:line:col with U+XXXX" tests/pdf/glyph.err "$tmp/err"

# 7. A font role naming no installed family is an error.
sed 's/^编印单位:.*/&\n字体:\n  仿宋: 没有这种字体/' "$SERIES" >"$tmp/nofont.yaml"
"$JB" build --pdf --series "$tmp/nofont.yaml" --out "$tmp/n" "$ISSUE" 2>"$tmp/err"
check "unknown font family reported" "grep -q '找不到字体 “没有这种字体”' '$tmp/err'"

# 8. Traditional fonts centre ，。、 in the em box: adjacent marks still take
# 1.5 em (「…了。」 is 12 characters in 11.5 em; 他說，「好。」 is 7 in 6).
"$JB" layout --series "$SERIES" tests/pdf/hant.md >"$tmp/hant" 2>"$tmp/err"
em() { awk -v t="|$1|" '$1 == "text" && $NF == t { sub("w=", "", $4); printf "%.2f", $4 / $6 }' "$tmp/hant"; }
check "zh-Hant 。」 compressed to 1.5 em ($(em '「大家一下子就熟絡了。」') em)" "[ '$(em '「大家一下子就熟絡了。」')' = 11.50 ]"
check "zh-Hant ，「 and 。」 compressed ($(em '他說，「好。」') em)" "[ '$(em '他說，「好。」')' = 6.00 ]"
