#!/bin/sh
# t_png.sh -- the phone image (build --png): 1080 px wide, slices of at most
# 16,000 px cut between lines, the same bytes every time, old slices
# removed, tables set for the phone (layout --png), and tesseract reads
# back the issue's Han characters in order.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh

out=$tmp/out
if [ "$JB" = ./jianbao ]; then
	make -s png OUT="$out" >"$tmp/build.log" 2>&1
	check "make png makes the phone image of every sample" '[ $? -eq 0 ]' || sed 's/^/# /' "$tmp/build.log"
else
	$JB build --png --out "$out" issues/*/*.md >"$tmp/build.log" 2>&1
	check "build --png makes the phone image of every sample" '[ $? -eq 0 ]' || sed 's/^/# /' "$tmp/build.log"
fi
for f in issues/*/*.md; do
	s=${f#issues/}
	s=${s%.md}
	check "$s has a phone image" '[ -f "$out/$s.png" ] || [ -f "$out/$s-1.png" ]'
	check "$s has no print or web edition from --png alone" '[ ! -e "$out/$s.pdf" ] && [ ! -e "$out/$s.html" ]'
done
# The titles break where the title breaker lets them (util/titlebreak.c):
# every line of a title ends where the web page's <h2> has a <wbr>, a
# blank or a mark, never inside one of ICU's words.  The page gets its
# <wbr> from its script in the browser (templates/titles.js, Chromium's
# Intl.Segmenter: another build of ICU's dictionary); the DOM is taken
# after the script ran.
"$JB" build --html --out "$tmp/web" issues/*/*.md >"$tmp/web.log" 2>&1
if command -v chromium >/dev/null 2>&1; then
	for f in issues/*/*.md; do
		s=${f#issues/}
		s=${s%.md}
		timeout 60 chromium --headless --no-sandbox --disable-gpu \
		    --dump-dom "file://$tmp/web/$s.html" >"$tmp/dom.html" 2>/dev/null
		"$JB" layout --png "$f" >"$tmp/layout.png.txt" 2>&1
		python3 tests/png/titles.py "$tmp/layout.png.txt" "$tmp/dom.html" >"$tmp/titles.txt" 2>&1
		rc=$?
		check "$s: the phone image's title lines end between words ($(grep -c '^ok' "$tmp/titles.txt") ends, $(grep -o '<h2>.*</h2>' "$tmp/dom.html" | grep -o '<wbr>' | wc -l) <wbr>)" \
		    '[ $rc -eq 0 ]' || sed 's/^/# /' "$tmp/titles.txt"
	done
	# Against the page as built, without its script's <wbr>, the same
	# check fails: it can.
	"$JB" layout --png issues/2026/01.md >"$tmp/layout.png.txt" 2>&1
	check "the title check fails against a page without <wbr>" \
	    '! grep -q "<h2>.*<wbr>" "$tmp/web/2026/01.html" &&
	     ! python3 tests/png/titles.py "$tmp/layout.png.txt" "$tmp/web/2026/01.html" >/dev/null 2>&1'
else
	skip "the phone image's title lines against the web page's words" "chromium is not installed"
fi

pngs=$(find "$out" -name '*.png' ! -path '*/images/*' | sort)
node tests/png/check.mjs $pngs >"$tmp/sizes" 2>&1
check "node reads every slice" '[ $? -eq 0 ]' || sed 's/^/# /' "$tmp/sizes"
long=0
for f in issues/*/*.md; do
	s=${f#issues/}
	s=${s%.md}
	slices=$(ls "$out/$s"-[0-9]*.png 2>/dev/null | grep -E -- "/${s##*/}-[0-9]+\.png$")
	[ -n "$slices" ] && long=$((long + 1))
	check "$s is a whole image or slices, not both" '[ -z "$slices" ] || [ ! -e "$out/$s.png" ]'
	for p in ${slices:-$out/$s.png}; do
		n=${p#$out/}
		line=$(grep -F "$p " "$tmp/sizes")
		set -- $line
		w=$2 h=$3 top=$4 bottom=$5 ink=$6
		check "$n is 1080 px wide ($w)" '[ "$w" = 1080 ]'
		check "$n is at most 16,000 px high ($h)" '[ "$h" -le 16000 ] && [ "$h" -gt 500 ]'
		check "$n has text on it (ink $ink)" 'awk -v i="$ink" "BEGIN { exit !(i > 0.03) }"'
		# a cut goes through a gap between lines: blank rows on both sides
		[ -n "$slices" ] && check "$n begins and ends between lines ($top, $bottom px blank)" \
			'[ "$top" -ge 10 ] && [ "$bottom" -ge 10 ]'
	done
done
check "issues longer than 16,000 px are cut into slices ($long)" '[ "$long" -ge 2 ]'

# The same bytes again; slices of an earlier, longer image go.
touch "$out/2025/07-9.png" "$out/2025/07.png"
$JB build --png --out "$tmp/again" issues/*/*.md >/dev/null 2>&1
$JB build --png --out "$out" issues/2025/07.md >/dev/null 2>&1
same=1
for p in $pngs; do cmp -s "$p" "$tmp/again/${p#$out/}" || { same=0; echo "# $p differs"; }; done
check "a second run writes the same bytes" '[ $same = 1 ]'
check "slices the new image has not are removed" '[ ! -e "$out/2025/07-9.png" ] && [ ! -e "$out/2025/07.png" ]'

# --jpeg: the same slices as JPEG (as file(1) reads them), the same bytes again.
$JB build --jpeg --out "$tmp/jpeg" issues/2025/07.md issues/2026/02.md >"$tmp/jpeg.log" 2>&1
check "build --jpeg writes JPEG slices" '[ $? -eq 0 ]' || sed 's/^/# /' "$tmp/jpeg.log"
for p in $(cd "$out" && ls 2025/07*.png 2026/02*.png); do
	j=$tmp/jpeg/${p%.png}.jpg
	size=$(grep -F "$out/$p " "$tmp/sizes" | awk '{ print $2 "x" $3 }')
	check "${p%.png}.jpg is a JPEG of the PNG's size ($size)" \
		'file "$j" | grep -q "JPEG image data.*, $size,"'
done
$JB build --jpeg --out "$tmp/jpeg2" issues/2025/07.md >/dev/null 2>&1
check "--jpeg writes the same bytes again" 'cmp -s "$tmp/jpeg/2025/07-1.jpg" "$tmp/jpeg2/2025/07-1.jpg"'
check "--jpeg alone writes no PNG" '[ -z "$(find "$tmp/jpeg" -name "*.png" ! -path "*/images/*")" ]'

# A short issue is one image, NN.png.
mkdir -p "$tmp/short/issues/2026"
cat >"$tmp/short/issues/2026/03.md" <<'EOD'
---
期号: 3
日期: 2026-03-02
---

## 云岭市召开春季爱国卫生运动动员会

本报讯 3月1日，云岭市召开春季爱国卫生运动动员会，部署开展环境卫生集中整治。
EOD
(cd "$tmp/short" && "$OLDPWD/$JB" build --png --series "$OLDPWD/bulletin.yaml" --out out issues/2026/03.md) >"$tmp/short.log" 2>&1
check "a short issue is one image" '[ -f "$tmp/short/out/2026/03.png" ] && [ ! -e "$tmp/short/out/2026/03-1.png" ]' ||
	sed 's/^/# /' "$tmp/short.log"

# Tables as the phone sets them (tables.py): the ranking tables of a
# sample and of an issue of wider tables, in both scripts, as grids of
# cells no smaller than 五号 with their padding, no name or number broken,
# no header broken into lone characters; a table too wide even then as
# blocks of header：value lines.
for c in "issues/2026/03.md grid,grid" "tests/png/tables.md narrow,blocks" \
    "tests/png/tables-hant.md narrow,blocks"; do
	set -- $c
	$JB layout --png "$1" >"$tmp/phone.layout" 2>"$tmp/err"
	check "layout --png $1" '[ $? -eq 0 ] && [ ! -s "$tmp/err" ]' || sed 's/^/# /' "$tmp/err"
	python3 tests/png/tables.py "$tmp/phone.layout" "$1" "$2" >"$tmp/tables"
	cat "$tmp/tables"
	fails=$((fails + $(grep -c '^not ok' "$tmp/tables")))
done
$JB build --png --out "$tmp/wide" tests/png/tables.md tests/png/tables-hant.md >"$tmp/err" 2>&1
check "build --png of the issues of wider tables" '[ $? -eq 0 ] && [ -f "$tmp/wide/tables.png" ] &&
	[ -f "$tmp/wide/tables-hant.png" ]' || sed 's/^/# /' "$tmp/err"

# OCR: tesseract reads the slices of every sample back, in simplified or
# traditional Chinese as the issue is written; the reference is the same
# issue's print edition as poppler reads it in the order it is set
# (-raw), less the 续表N line and the header row a table repeats at the top
# of each page it continues on: the phone image, one page, has them once.
if ! command -v tesseract >/dev/null || ! command -v pdftotext >/dev/null; then
	skip "OCR of the phone image" "tesseract or pdftotext is not installed"
	[ $fails -eq 0 ]; exit
fi
tess="tesseract $(dpkg-query -W -f='${Version}' tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra 2>/dev/null)"
for f in issues/*/*.md; do
	s=${f#issues/}
	s=${s%.md}
	lang=chi_sim
	sed -n '2,/^---/p' "$f" | grep -q 'zh-Hant' && lang=chi_tra
	if ! tesseract --list-langs 2>/dev/null | grep -qx "$lang"; then
		skip "OCR of $s" "tesseract has no $lang"
		continue
	fi
	$JB build --pdf --out "$tmp/pdf" "issues/$s.md" >/dev/null 2>&1
	# The issue's table headers, their cells a space apart as poppler
	# reads them: the line over a pipe table's |---| line.
	heads=$(awk '/^\|[-:| ]+$/ && prev ~ /^\|/ { h = prev
		gsub(/^\| *| *\|$/, "", h); gsub(/ *\| */, " ", h); print h }
		{ prev = $0 }' "$f")
	pdftotext -raw "$tmp/pdf/$s.pdf" - | HEADS=$heads awk '
		BEGIN { n = split(ENVIRON["HEADS"], h, "\n")
			for (i = 1; i <= n; i++) head[h[i]] = 1 }
		{ sub(/^\f/, "") }
		top && /^(续|續)表[^ ]+$/ { next }
		top && ($0 in head) { top = 0; next }
		{ top = /^— [0-9]+ —$/; print }' >"$tmp/ref.txt"
	# Each slice at half size, about as a phone shows it: tesseract reads
	# text of that size better, and four times as fast.  Read page by
	# page as one column (--psm 4) and as one block (--psm 6): tables
	# suit the one, long runs of text the other; the better reading counts.
	halves=""
	for p in $(ls "$out/$s.png" "$out/$s"-[0-9]*.png 2>/dev/null | sort -t- -k2 -n); do
		b=$tmp/ocr-$(basename "$p" .png)
		node tests/png/check.mjs --half "$p" "$b.png"
		halves="$halves $b"
	done
	# Each reading runs once for the same slice (memo, lib.sh).
	best=0
	for psm in 4 6; do
		texts=""
		for b in $halves; do
			memo "$b-$psm" "$tess $lang --psm $psm" 'OMP_THREAD_LIMIT=1 timeout 300 \
			    tesseract "$b.png" "$b-$psm/ocr" -l "$lang" --psm $psm \
			    >/dev/null 2>&1' "$b.png"
			texts="$texts $b-$psm/ocr.txt"
		done
		score=$(python3 tests/png/ocr.py "$tmp/ref.txt" $texts)
		echo "# $s, tesseract --psm $psm: $score"
		awk -v a="${score%% *}" -v b="${best%% *}" 'BEGIN { exit !(a > b) }' && best=$score
	done
	check "tesseract ($lang) reads back ≥ 0.95 of $s's Han characters in order ($best)" \
		'awk -v s="${best%% *}" "BEGIN { exit !(s >= 0.95) }"'
done
[ $fails -eq 0 ]
