#!/bin/sh
# t_cache.sh -- the shape cache of a press that prints many issues in one
# process (layout.h): an issue printed after others is the issue printed
# alone, to the byte and in its text positions, and a character no font has
# is reported by every build that meets it, where it stands.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
SERIES=tests/pdf/bulletin.yaml
in=$tmp/in
mkdir -p "$in"
cp -R tests/pdf/images "$in/"

# same NAME A B: files A and B are equal; on failure the start of the diff.
same() {
	if cmp -s "$2" "$3"; then
		ok "$1"
	else
		notok "$1"
		diff -u "$2" "$3" | head -20 | sed 's/^/# /'
	fi
}

# quiet NAME STATUS: the build that wrote $tmp/err exited with STATUS 0
# and printed nothing; else what it printed.
quiet() {
	if [ "$2" -eq 0 ] && [ ! -s "$tmp/err" ]; then
		ok "$1"
	else
		notok "$1"
		echo "# exit status $2"
		sed 's/^/# /' "$tmp/err"
	fi
}

# a: the test issue and, after it, a paragraph of the series' 署名 (which
# the 报尾 sets smaller), one of Traditional text and two with emphasis.
# b: a with a character of a paragraph changed, the 署名 paragraph left
# out, one emphasis moved, the other made strong, and a paragraph added.
# c: the zh-Hant test issue.  Printed after a, b meets a's paragraph with
# another character in spans of the same lengths, its 报尾 a's 署名 text
# at body size, its paragraphs a's text with other spans and other roles,
# and c meets a's Traditional paragraph shaped with the Simplified fonts:
# a cache whose key left out the text, the size, the spans, the role or
# the font set would hand them a's shaping.  Each issue's phone image is
# laid out between its print edition and the next issue's.
cp tests/pdf/issue.md "$in/a.md"
cat >>"$in/a.md" <<'EOF'

审核：欧阳春　校对：林秋水　编辑：白露

「大家一下子就熟絡了。」

各村文明*实践活动*有序开展。

各户*积极参与*志愿服务。
EOF
sed -e 's/确保每场活动有计划/确保每次活动有计划/' -e '/^审核：/d' \
    -e 's/文明\*实践活动\*有序/文明实践*活动*有序/' \
    -e 's/\*积极参与\*/**积极参与**/' "$in/a.md" >"$in/b.md"
echo '
★ 9月6日，河湾县文明实践中心召开志愿服务队队长座谈会。' >>"$in/b.md"
cp tests/pdf/hant.md "$in/c.md"
check "b differs from a in three paragraphs, one left out and one added" \
    '[ "$(diff "$in/a.md" "$in/b.md" | grep -c "^[<>] .")" -eq 8 ]'

"$JB" build --pdf --png --series "$SERIES" --out "$tmp/together" \
    "$in/a.md" "$in/b.md" "$in/c.md" 2>"$tmp/err"
quiet "a, b and c printed by one press, with nothing to report" $?
for s in b c; do
	"$JB" build --pdf --png --series "$SERIES" --out "$tmp/alone" \
	    "$in/$s.md" 2>"$tmp/err"
	quiet "$s printed alone, with nothing to report" $?
	pdftotext -bbox-layout "$tmp/together/$s.pdf" "$tmp/$s.together.html"
	pdftotext -bbox-layout "$tmp/alone/$s.pdf" "$tmp/$s.alone.html"
	same "$s after a: text positions (pdftotext -bbox-layout) as alone" \
	    "$tmp/$s.alone.html" "$tmp/$s.together.html"
	same "$s after a: the PDF's bytes as alone" \
	    "$tmp/alone/$s.pdf" "$tmp/together/$s.pdf"
	for f in "$tmp/alone/$s".png "$tmp/alone/$s"-[0-9]*.png; do
		[ -e "$f" ] || continue
		same "$s after a: phone image ${f##*/} as alone" "$f" \
		    "$tmp/together/${f##*/}"
	done
done

# A missing glyph: glyph.md, then a copy with a paragraph more before its
# second source paragraph, then glyph.md again; each build reports each
# character, the copy's two lines further down.
sed '8i\
新加一段。\
' tests/pdf/glyph.md >"$in/glyph2.md"
{
	cat tests/pdf/glyph.err
	awk -F: -v f="$in/glyph2.md" 'BEGIN { OFS = ":" }
	    { $1 = f; if ($2 > 6) $2 += 2; print }' tests/pdf/glyph.err
	cat tests/pdf/glyph.err
} >"$tmp/want"
"$JB" build --pdf --series "$SERIES" --out "$tmp/g" tests/pdf/glyph.md \
    "$in/glyph2.md" tests/pdf/glyph.md 2>"$tmp/err"
check "missing glyphs fail every build" "[ $? -ne 0 ] && [ ! -e '$tmp/g/glyph.pdf' ] && [ ! -e '$tmp/g/glyph2.pdf' ]"
same "missing glyphs reported by every build at their own line and column" \
    "$tmp/want" "$tmp/err"
exit 0
