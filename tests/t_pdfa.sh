#!/bin/sh
# t_pdfa.sh -- the print edition's forms, judged by software we did not write:
# every PDF sound by qpdf --check (Cairo 1.16's cross-reference table was
# not), the PDF/A-2b claim by PDFBox Preflight (a PDF/A-1b validator: the
# claim read as part 1, its one part-1-only rule, CIDSet, set aside) and by
# tests/pdfa_check.py on the objects qpdf reads; 套打 pages rendered by
# poppler without a red pixel outside the pictures and with every word where
# the normal edition has it; the draft mark on every page of a draft and on
# none of a normal build; the same bytes on a rebuild.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
ISSUES=$(ls issues/*/*.md)
n=$(echo "$ISSUES" | wc -l)
top=$(pwd)

# build NAME OPTIONS...: every sample into $tmp/NAME.
build() {
	_d=$1
	shift
	"$JB" build --pdf "$@" --out "$tmp/$_d" $ISSUES 2>"$tmp/$_d.err"
}
# pdfs NAME: the PDFs of build NAME.
pdfs() {
	ls "$tmp/$1"/*/*.pdf
}

# Three builds cover the forms: normal, 套打, and all three together (the
# draft against 套打 differs only by the mark and the PDF/A claim).
for b in normal:"" taoda:--taoda all:"--pdfa --taoda --draft"; do
	# shellcheck disable=SC2086
	if build "${b%%:*}" ${b#*:} && [ ! -s "$tmp/${b%%:*}.err" ] &&
	    [ "$(pdfs "${b%%:*}" | wc -l)" -eq "$n" ]; then
		ok "build --pdf ${b#*:} of the $n samples"
	else
		notok "build --pdf ${b#*:} of the $n samples"
		sed 's/^/# /' "$tmp/${b%%:*}.err"
		exit 1
	fi
done

# 1. Sound files: qpdf --check finds nothing, not even a warning.
for b in normal taoda all; do
	bad=""
	for f in $(pdfs $b); do
		qpdf --check "$f" >"$tmp/check" 2>&1 &&
		    ! grep -q WARNING "$tmp/check" || bad="$bad $f"
	done
	check "qpdf --check: every $b PDF sound" '[ -z "$bad" ]' ||
	    echo "# damaged:$bad"
done

# 2. What every file keeps (pdfa_check.py without --claim), and no claim
# without --pdfa.
python3 tests/pdfa_check.py $(pdfs normal) $(pdfs taoda) >"$tmp/struct"
st=$?
check "/ID, printable links, embedded fonts, no empty transparency group in every PDF" \
    '[ $st -eq 0 ] && [ "$(grep -c "^ok - " "$tmp/struct")" -eq $((2 * n)) ]' ||
    sed 's/^/# /' "$tmp/struct"
check "no PDF/A claim without --pdfa" \
    "! grep -aq pdfaid $(pdfs normal | tr '\n' ' ') $(pdfs taoda | tr '\n' ' ')"

# 3. The PDF/A-2b claim: the rules Preflight does not apply (pdfa_check.py
# --claim), with SOURCE_DATE_EPOCH's modification date too.
SOURCE_DATE_EPOCH=1767225600 "$JB" build --pdf --pdfa --out "$tmp/epoch" issues/2026/01.md
python3 tests/pdfa_check.py --claim $(pdfs all) $(pdfs epoch) >"$tmp/claim"
st=$?
check "PDF/A-2b claim: XMP as the information dictionary, sRGB output intent (pdfa_check.py)" \
    '[ $st -eq 0 ] && [ "$(grep -c "^ok - " "$tmp/claim")" -eq $((n + 1)) ]' ||
    sed 's/^/# /' "$tmp/claim"
check "pdfa_check.py --claim rejects a PDF without the claim" \
    "! python3 tests/pdfa_check.py --claim $(pdfs normal | head -1) >/dev/null"
check "XMP title is the Chinese title, the modification date SOURCE_DATE_EPOCH's" \
    "grep -aq '<rdf:li xml:lang=\"x-default\">创建工作动态 2026年第1期</rdf:li>' '$tmp/epoch/2026/01.pdf' && grep -aq '<xmp:ModifyDate>2026-01-01T00:00:00Z</xmp:ModifyDate>' '$tmp/epoch/2026/01.pdf'"

# 4. PDFBox Preflight.  It validates PDF/A-1b only: each file is read as
# claiming part 1 (the same number of bytes, so the offsets hold) and
# CIDSet (3.1.11), which PDF/A-2 makes optional, is set aside; every other
# error counts.  Java runs tests/preflight.java from source.
J=/usr/share/java
CP=$J/preflight.jar:$J/pdfbox2.jar:$J/fontbox2.jar:$J/xmpbox.jar:$J/commons-logging.jar:$J/javax.activation.jar:$J/jaxb-api.jar
if ! command -v java >/dev/null || ! [ -f $J/preflight.jar ] ||
    ! [ -f $J/javax.activation.jar ] || ! [ -f $J/jaxb-api.jar ]; then
	skip "PDFBox Preflight" "needs java, libpdfbox2-java, libactivation-java, libjaxb-api-java"
else
	mkdir "$tmp/p1"
	for f in $(pdfs all); do
		g=$tmp/p1/$(echo "$f" | tr / _)
		sed 's|<pdfaid:part>2</pdfaid:part>|<pdfaid:part>1</pdfaid:part>|' "$f" >"$g"
	done
	java -cp "$CP" tests/preflight.java "$tmp"/p1/*.pdf >"$tmp/pf" 2>&1
	grep -v ': valid$\|: invalid$\|: 3\.1\.11 ' "$tmp/pf" >"$tmp/pferr"
	np=$(grep -c ': valid$\|: invalid$' "$tmp/pf")
	# Its CIDSet errors show it read the fonts.
	check "PDFBox Preflight: no error but CIDSet in $np PDF/A files" \
	    '[ "$np" -eq "$n" ] && [ ! -s "$tmp/pferr" ] && grep -q ": 3\.1\.11 " "$tmp/pf"' ||
	    sed 's/^/# /' "$tmp/pferr" "$tmp/pf" | head -20
fi

# 5. 套打: no red pixel outside the pictures on any page (poppler renders at
# 50 dpi, tests/pixels.py counts), while the normal edition's first page has
# the red masthead; every word of the 套打 edition where the normal edition
# has it (pdftotext -bbox), and only the red words missing.
red_ok=1
for f in $ISSUES; do
	s=$(basename "$(dirname "$f")")/$(basename "$f" .md)
	"$JB" layout --taoda "$f" >"$tmp/t.layout" 2>/dev/null
	for b in taoda all; do
		rm -f "$tmp"/r-*.ppm
		pdftoppm -r 36 "$tmp/$b/$s.pdf" "$tmp/r"
		python3 tests/pixels.py red --layout "$tmp/t.layout" --dpi 36 \
		    "$tmp"/r-*.ppm >"$tmp/red"
		awk '$2 != 0 { bad = 1 } END { exit bad || NR == 0 }' "$tmp/red" || {
			red_ok=0; grep -v ' 0$' "$tmp/red" | sed "s|^|# $b red pixels: |"; }
	done
done
check "套打: no red pixel outside the pictures on any page of the $n samples, draft or not" '[ $red_ok = 1 ]'
pdftoppm -r 36 -f 1 -l 1 "$tmp/normal/2026/01.pdf" "$tmp/n"
check "the red counter sees the normal edition's red masthead" \
    "python3 tests/pixels.py red '$tmp'/n-*1.ppm | awk '{ exit !(\$2 > 300) }'"

pos_ok=1
name=$(sed -n 's/^刊名: *//p' bulletin.yaml)
for f in $ISSUES; do
	s=$(basename "$(dirname "$f")")/$(basename "$f" .md)
	kind=$(sed -n 's/^刊别: *//p' "$f")
	# the normal words 套打 lacks: on page 1, the 刊名 (and the 刊别)
	python3 tests/samewords.py "$tmp/normal/$s.pdf" "$tmp/taoda/$s.pdf" >"$tmp/lack"
	st=$?
	if [ $st -ne 0 ] || [ "$(awk '$1 != 1 { print "page" $1 } { printf "%s", $2 }' "$tmp/lack")" != "$name$kind" ]; then
		pos_ok=0
		sed "s|^|# $s: not in 套打: |" "$tmp/lack" | head -5
	fi
done
check "套打: every word where the normal edition sets it, only the red 刊名 (and 刊别) left out" '[ $pos_ok = 1 ]'

# 6. The draft mark: light grey pixels added on every page of every draft
# (rendered by poppler, against the same pages without the mark: poppler's
# text extraction drops diagonal text); the mark's items on every page of
# the layout; the web page's banner, none without --draft.
draft_ok=1
for f in $ISSUES; do
	s=$(basename "$(dirname "$f")")/$(basename "$f" .md)
	rm -f "$tmp"/t-*.ppm "$tmp"/d-*.ppm
	pdftoppm -r 36 "$tmp/taoda/$s.pdf" "$tmp/t"
	pdftoppm -r 36 "$tmp/all/$s.pdf" "$tmp/d"
	python3 tests/pixels.py grey "$tmp"/t-*.ppm | awk '{ print $2 }' >"$tmp/gt"
	python3 tests/pixels.py grey "$tmp"/d-*.ppm | awk '{ print $2 }' >"$tmp/gd"
	[ "$(wc -l <"$tmp/gd")" -eq "$(pdfinfo "$tmp/all/$s.pdf" | awk '/^Pages:/ { print $2 }')" ] &&
	    paste "$tmp/gt" "$tmp/gd" | awk '$2 - $1 < 500 { bad = 1 } END { exit bad }' || {
		draft_ok=0; paste "$tmp/gt" "$tmp/gd" | sed "s|^|# $s grey pixels without, with the mark: |"; }
done
check "draft: the mark on every page of the $n samples" '[ $draft_ok = 1 ]'
mkdir "$tmp/cwd" && cp -r bulletin.yaml issues "$tmp/cwd/"
case $JB in /*) jb=$JB ;; *) jb=$top/$JB ;; esac
(cd "$tmp/cwd" && "$jb" build --draft issues/2026/01.md) 2>"$tmp/derr"
st=$?
check "build --draft without --out refuses, writes nothing" \
    '[ $st -eq 2 ] && grep -q "错误：--draft 需要用 --out" "$tmp/derr" && [ ! -e "$tmp/cwd/out" ]'
"$JB" layout --fixed --draft issues/2026/01.md >"$tmp/dl"
check "draft: each page of the layout has the mark, at 45 degrees" \
    "[ \$(grep -c '^page ' '$tmp/dl') -gt 1 ] && awk '/^page / { if (p && !m) bad = 1; p = 1; m = 0 } / draft 45\$/ { m = 1 } END { exit bad || !m }' '$tmp/dl'"
"$JB" build --html --docx --draft --out "$tmp/h" issues/2026/01.md 2>/dev/null
"$JB" build --html --docx --out "$tmp/h0" issues/2026/01.md 2>/dev/null
check "draft: the web page has the 送审稿 banner, a normal one none" \
    "grep -q '<p class=\"draft\" role=\"note\">送审稿</p>' '$tmp/h/2026/01.html' && ! grep -q 'class=\"draft\"' '$tmp/h0/2026/01.html'"

# The Word edition: a header with the word on odd and even pages of every
# section, read from the package with Python's zipfile; none without --draft.
python3 - "$tmp/h/2026/01.docx" "$tmp/h0/2026/01.docx" <<'EOF'
import re, sys, zipfile
d, n = (zipfile.ZipFile(f) for f in sys.argv[1:])
doc = d.read('word/document.xml').decode()
sects = doc.count('<w:sectPr')
refs = re.findall(r'<w:headerReference w:type="(\w+)" r:id="rIdHeader"/>', doc)
sys.exit(0 if '送审稿' in d.read('word/header1.xml').decode() and sects > 0
         and refs.count('default') == sects and refs.count('even') == sects
         and not any('header' in f for f in n.namelist())
         and 'headerReference' not in n.read('word/document.xml').decode()
         else 1)
EOF
st=$?
check "draft: the Word file's pages have the 送审稿 header, a normal one none" '[ $st -eq 0 ]'

# 7. The series settings do what the options do; the draft word is the
# series' 草稿字样.
sed 's/^刊名:/PDF\/A: 是\n套打: 是\n草稿字样: 征求意见稿\n刊名:/' bulletin.yaml >"$tmp/series.yaml"
"$JB" build --pdf --series "$tmp/series.yaml" --out "$tmp/s" issues/2026/01.md 2>"$tmp/s.err"
"$JB" build --pdf --pdfa --taoda --out "$tmp/o" issues/2026/01.md 2>/dev/null
check "bulletin.yaml's PDF/A: 是 and 套打: 是 give the bytes of --pdfa --taoda" \
    "[ ! -s '$tmp/s.err' ] && cmp -s '$tmp/s/2026/01.pdf' '$tmp/o/2026/01.pdf'"
"$JB" layout --fixed --draft --series "$tmp/series.yaml" issues/2026/01.md >"$tmp/wl" 2>/dev/null
"$JB" layout --fixed --draft issues/2026/02.md >"$tmp/hl" 2>/dev/null
check "a zh-Hant issue's draft word is 送審稿" "grep -q '|送審稿| draft 45\$' '$tmp/hl'"
check "草稿字样: 征求意见稿 is the draft's word" \
    "grep -q '|征求意见稿| draft 45\$' '$tmp/wl' && ! grep -q '送审稿' '$tmp/wl'"

# 8. The same bytes again (the normal edition's: t_pdf.sh).
build all.2 --pdfa --taoda --draft
same=1
for f in $(pdfs all); do cmp -s "$f" "$tmp/all.2/${f#"$tmp/all/"}" || same=0; done
check "rebuild with --pdfa --taoda --draft is byte-identical" '[ $same = 1 ]'

# 9. The print edition, finished by libqpdf, still measures as it should.
(cd "$tmp" && python3 "$top/tests/pdfmeasure.py" --cpl 27-30 normal/*/*.pdf) >"$tmp/measure"
st=$?
check "pdfmeasure.py passes the samples" '[ $st -eq 0 ]' ||
    grep -v '^ok' "$tmp/measure" | head -5 | sed 's/^/# /'

[ "$fails" -eq 0 ]
