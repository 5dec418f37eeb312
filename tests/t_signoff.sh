#!/bin/sh
# t_signoff.sh -- the 落款 (organ lines over a date line) in the model and every edition.
#   tests/signoff/NAME.md  beside NAME.tree (jianbao dump), NAME.layout
#   (jianbao layout --fixed) and NAME.check (jianbao check)
# then the editions read back, each 落款 where GB/T 9704-2012 7.3.5.2 puts
# it (want.py): the web page by python3's HTML parser and in Chromium, the
# print edition by poppler (pdftotext -bbox-layout), the Word edition by
# python3-docx and as LibreOffice sets it, the phone image's layout.  With
# -u, rewrite the golden files.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
SERIES=tests/forms/bulletin.yaml
S=tests/signoff
PY=/usr/bin/python3		# Debian's, where python3-docx lives

# 1. The model, the print layout and check: golden files.
for f in $S/*.md; do
	"$JB" dump --series $SERIES "$f" >"$tmp/out" 2>"$tmp/err"
	[ -s "$tmp/err" ] && { notok "dump $f printed diagnostics"; sed 's/^/# /' "$tmp/err"; }
	golden "dump $f" "${f%.md}.tree" "$tmp/out"
	"$JB" layout --fixed --series $SERIES "$f" >"$tmp/out" 2>&1
	golden "layout $f" "${f%.md}.layout" "$tmp/out"
	"$JB" check --series $SERIES "$f" >"$tmp/out" 2>&1
	golden "check $f: no finding at a 落款" "${f%.md}.check" "$tmp/out"
done
F=$S/luokuan.md
check "three 落款, the lines with a colon and the lone date stay paragraphs" \
	'[ "$("$JB" dump --series $SERIES $F | grep -c " signoff ")" = 3 ] &&
	 "$JB" dump --series $SERIES $F | grep -q " para \"报送时间：⏎2026年3月9日\"" &&
	 "$JB" dump --series $SERIES $F | grep -q " para \"2026年3月10日\""'

# 2. The editions.
"$JB" build --series $SERIES --out "$tmp/o" $F >"$tmp/err" 2>&1
check "the 落款 sample builds without a word" '[ ! -s "$tmp/err" ]' || sed 's/^/# /' "$tmp/err"

check "web: each 落款 a p.signoff holding its lines as one group, the date 2 字 right of the organ lines" \
	'python3 $S/web.py "$tmp/o/luokuan.html"'
# ... and as Chromium sets it, on a desk and on a phone
if [ -d tests/browser/node_modules/playwright-core ] && [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
	timeout 120 node tests/browser/signoff.mjs "$tmp/o/luokuan.html" 1024 400 >"$tmp/web.tap" 2>&1
	status=$?
	sed 's/^/# /' "$tmp/web.tap"
	check "web in Chromium: each 落款 placed as GB/T 9704 asks, as far as CSS lets it" '[ $status -eq 0 ]'
else
	skip "web in Chromium: the 落款's geometry" "no playwright-core (npm ci in tests/browser) or chromium"
fi

# Print: GB/T 9704-2012 7.3.5.2 (want.py), read back by poppler.
if command -v pdftotext >/dev/null; then
	pdftotext -bbox-layout "$tmp/o/luokuan.pdf" "$tmp/bb.html"
	check "print: organ lines at one x, 2 字 in (or the longer date), date 2 字 right of them" \
		'python3 $S/pdf.py "$tmp/bb.html"'
else
	skip "print: the 落款's geometry" "no pdftotext (poppler-utils)"
fi

if "$PY" -c 'import docx' 2>/dev/null; then
	"$JB" build --docx --series $SERIES --out "$tmp/k" tests/forms/parse/kickers.md >/dev/null 2>&1
	check "Word: each 落款 a paragraph a line in the style 落款, indented as in print" \
		'"$PY" $S/word.py "$tmp/o/luokuan.docx" "$tmp/k/kickers.docx"'
else
	skip "Word: the 落款 style" "no python3-docx"
fi

# The Word edition as LibreOffice sets it: the same geometry, the date on
# one line (memo, lib.sh: converted once for the same files).
if command -v soffice >/dev/null && command -v pdftotext >/dev/null; then
	lover="soffice $(dpkg-query -W -f='${Version}' libreoffice-core 2>/dev/null)"
	export FONTCONFIG_FILE="$PWD/tests/docx/fonts.conf"
	memo "$tmp/lo" "$lover pdf" '(cd "$tmp/o" &&
	    soffice -env:UserInstallation="file://$tmp/profile" \
	    --headless --convert-to pdf --outdir "$tmp/lo" luokuan.docx \
	    >/dev/null 2>&1)' "$tmp/o/luokuan.docx" tests/docx/fonts.conf
	unset FONTCONFIG_FILE
	pdftotext -bbox-layout "$tmp/lo/luokuan.pdf" "$tmp/lobb.html"
	check "Word by LibreOffice: organ lines at one x, the date 2 字 right of them on one line" \
		'python3 $S/pdf.py "$tmp/lobb.html" lo'
else
	skip "Word by LibreOffice: the 落款's geometry" "no soffice or pdftotext"
fi

check "phone image: each 落款 placed as in print" \
	'"$JB" layout --png --series $SERIES $F | python3 $S/phone.py'

[ $fails -eq 0 ]
