#!/bin/sh
# t_docx.sh -- the Word edition, judged by software we did not write: the
# package by zipfile and xmllint, the text and styles by python-docx and
# pandoc, the pages by LibreOffice (soffice --convert-to pdf, with the
# official face names mapped to the free faces by tests/docx/fonts.conf)
# measured with tests/pdfmeasure.py beside the print edition; rebuilds,
# make docx and make site, and bad input.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh

PY=/usr/bin/python3		# Debian's, where python3-docx lives
ISSUES=$(ls issues/*/*.md)
stem() { f=${1#issues/}; echo "${f%.md}"; }

# verdicts CMD...: run a checker that prints ok/not ok lines itself, and
# count its failures with ours.
verdicts() {
	"$@" >"$tmp/verdicts" 2>&1
	cat "$tmp/verdicts"
	fails=$((fails + $(grep -c '^not ok' "$tmp/verdicts")))
}

# 1. Every sample: the Word edition and, to compare, the print edition.
if ! "$JB" build --docx --pdf --out "$tmp/s" $ISSUES 2>"$tmp/err" ||
    [ -s "$tmp/err" ]; then
	notok "build --docx --pdf every sample"; sed 's/^/# /' "$tmp/err"
	exit 1
fi
ok "build --docx --pdf every sample"
n=0
for f in $ISSUES; do
	[ -s "$tmp/s/$(stem "$f").docx" ] && n=$((n + 1))
done
check "a DOCX for each of the $n samples" '[ "$n" -eq "$(echo $ISSUES | wc -w)" ]'
check "--docx writes no page and no PDF" \
	'"$JB" build --docx --out "$tmp/only" issues/2025/07.md &&
	[ "$(cd "$tmp/only" && find . -type f)" = "./2025/07.docx" ]'
check "build --help names --docx" '"$JB" build --help | grep -q -- "--docx"'

# 2. Rebuilds are byte-identical, also with SOURCE_DATE_EPOCH, which dates
# the entries and the last change.
"$JB" build --docx --out "$tmp/r" $ISSUES 2>/dev/null
same=1
for f in $ISSUES; do
	cmp -s "$tmp/s/$(stem "$f").docx" "$tmp/r/$(stem "$f").docx" || same=0
done
check "a rebuild is byte-identical" '[ $same = 1 ]'
SOURCE_DATE_EPOCH=1767225600 "$JB" build --docx --out "$tmp/e1" issues/2025/08.md
SOURCE_DATE_EPOCH=1767225600 "$JB" build --docx --out "$tmp/e2" issues/2025/08.md
check "with SOURCE_DATE_EPOCH too" 'cmp -s "$tmp/e1/2025/08.docx" "$tmp/e2/2025/08.docx"'
check "SOURCE_DATE_EPOCH dates the entries and the last change" \
	'! cmp -s "$tmp/e1/2025/08.docx" "$tmp/s/2025/08.docx" &&
	unzip -l "$tmp/e1/2025/08.docx" | grep -q "2026-01-01 00:00" &&
	unzip -p "$tmp/e1/2025/08.docx" docProps/core.xml |
	grep -q "modified[^>]*>2026-01-01T00:00:00Z<" &&
	unzip -p "$tmp/e1/2025/08.docx" docProps/core.xml |
	grep -q "created[^>]*>2025-08-29T00:00:00Z<"'

# 3. The package, the text and the styles, per sample.
have_docx=0
"$PY" -c 'import docx' 2>/dev/null && have_docx=1
for f in $ISSUES; do
	s=$(stem "$f")
	"$JB" dump "$f" >"$tmp/dump" 2>/dev/null
	verdicts "$PY" tests/docx/package.py "$s" "$tmp/s/$s.docx" "$tmp/dump" \
	    "$(dirname "$f")"
	if [ $have_docx = 1 ] && command -v pandoc >/dev/null; then
		verdicts "$PY" tests/docx/readback.py "$s" "$tmp/s/$s.docx" \
		    "$tmp/s/$s.pdf" "$tmp/dump"
	else
		skip "$s: read back" "no python3-docx or pandoc"
	fi
done

# 4. LibreOffice sets the pages.  A profile of its own, so a running
# office and the user's settings play no part.  Each conversion runs once
# for the same files (memo, lib.sh).
if command -v soffice >/dev/null; then
	lover="soffice $(dpkg-query -W -f='${Version}' libreoffice-core 2>/dev/null)"
	export FONTCONFIG_FILE="$PWD/tests/docx/fonts.conf"
	for f in $ISSUES; do cp "$tmp/s/$(stem "$f").docx" \
	    "$tmp/$(stem "$f" | tr / -).docx"; done
	# An issue whose text ends ever lower on its last page, two lines at
	# a time: the 报尾 must take a page of its own once it cannot fit.
	mkdir -p "$tmp/fit"
	cp -r issues/2025/images "$tmp/fit/"
	for k in 0 1 2 3 4 5 6 7 8 9; do
		cp issues/2025/07.md "$tmp/fit/fit$k.md"
		i=0
		while [ $i -lt $k ]; do
			printf '\n★%d日，又一条工作简讯，两行长，把最后一页一点点排满，看报尾放不下时是否另起一页。\n' \
			    $i >>"$tmp/fit/fit$k.md"
			i=$((i + 1))
		done
	done
	"$JB" build --docx --out "$tmp" "$tmp"/fit/fit*.md
	memo "$tmp/lo" "$lover pdf" '(cd "$tmp" &&
	    soffice -env:UserInstallation="file://$tmp/profile" \
	    --headless --convert-to pdf --outdir "$tmp/lo" ./*.docx \
	    >/dev/null 2>&1)' "$tmp"/*.docx tests/docx/fonts.conf
	unset FONTCONFIG_FILE
	verdicts python3 tests/docx/colophon.py "$tmp"/lo/fit*.pdf
	check "a 要目 kicker on a line of its own is not spread to the measure" \
	    'pdftotext -layout -f 1 -l 1 "$tmp/lo/2025-07.pdf" - | grep -q "^ *南湖区桂香社区——$"'
	check "an article title broken as print breaks it" \
	    'pdftotext -layout "$tmp/lo/2026-01.pdf" - | grep -q "^ *文明积分“小账本” *$"'

	set --
	for f in $ISSUES; do
		s=$(stem "$f")
		lo="$tmp/lo/$(echo "$s" | tr / -).pdf"
		if [ ! -s "$lo" ]; then
			notok "$s: LibreOffice converts it"
			continue
		fi
		set -- "$@" "$lo"
		"$JB" dump "$f" >"$tmp/dump" 2>/dev/null
		verdicts python3 tests/docx/order.py "$s" "$lo" "$tmp/s/$s.pdf" \
		    "$tmp/dump"
		check "$s: LibreOffice sets it in the print edition's faces" \
		    "pdffonts '$lo' | awk 'NR > 2 && \$1 !~ /Fandol|Noto|ZenKai|Liberation/ { bad = 1 } END { exit bad }'"
	done
	# 表格横页: a table too wide for the page is set across pages of its
	# own, a section of landscape pages between the text before and after.
	sed 's/^表格横页: 否/表格横页: 是/; s/^表格字号: 四号/表格字号: 三号/' \
	    bulletin.yaml >"$tmp/turn.yaml"
	if "$JB" build --docx --series "$tmp/turn.yaml" --out "$tmp/turn" \
	    issues/2026/03.md 2>"$tmp/err" && [ ! -s "$tmp/err" ]; then
		memo "$tmp/turn/lo" "$lover pdf" '(cd "$tmp/turn/2026" &&
		    FONTCONFIG_FILE="$OLDPWD/tests/docx/fonts.conf" \
		    soffice -env:UserInstallation="file://$tmp/profile" \
		    --headless --convert-to pdf --outdir ../lo 03.docx >/dev/null 2>&1)' \
		    "$tmp/turn/2026/03.docx" tests/docx/fonts.conf
		turned=$(pdfinfo -f 1 -l 99 "$tmp/turn/lo/03.pdf" 2>/dev/null |
		    awk '/^Page +[0-9]+ size: +841/ { print $2 }')
		check "a table too wide for the page, 表格横页: 是: set across a page of its own" \
		    '[ "$(echo $turned | wc -w)" -eq 1 ] &&
		    pdftotext -f $turned -l $turned "$tmp/turn/lo/03.pdf" - | tr -d " \n" |
		    grep -q "表2抽测街道（乡镇）得分排名" &&
		    ! pdftotext -f $turned -l $turned "$tmp/turn/lo/03.pdf" - | grep -q "表1"'
	else
		notok "build --docx with 表格横页: 是"; sed 's/^/# /' "$tmp/err"
	fi
	# The page as tests/pdfmeasure.py judges a print edition: A4, 22
	# lines on the grid, 28 characters on full lines, inside the type
	# area, folios outside 7 mm below it.  Which word of a paragraph's
	# last line stands alone is Word's to decide, not the file's: no
	# 孤字 rule beyond a line of marks alone.  A picture stays where it
	# is written in a Word file, so a page it does not fit on ends early
	# (print floats it to the next page's top): pages at least half full.
	verdicts python3 tests/pdfmeasure.py --orphan 0 --fill 50 "$@" \
	    >"$tmp/measure"
	sed "s|$tmp/lo/||" "$tmp/measure"
else
	skip "LibreOffice sets the pages" "no soffice (libreoffice-writer-nogui)"
fi

# 5. make docx and make site write the Word edition beside the others, only
# for what changed.
rm -rf "$tmp/m"
make -s -j2 site OUT="$tmp/m" >"$tmp/make1" 2>&1
n=0
for f in $ISSUES; do
	[ -s "$tmp/m/$(stem "$f").docx" ] && [ -s "$tmp/m/$(stem "$f").pdf" ] &&
	    [ -s "$tmp/m/$(stem "$f").html" ] && n=$((n + 1))
done
check "make site writes a DOCX beside each page and PDF" \
	'[ "$n" -eq "$(echo $ISSUES | wc -w)" ]'
check "the issue page links the Word file next to the PDF" \
	'grep -A1 "class=\"pdf\" href=\"08.pdf\"" "$tmp/m/2025/08.html" |
	grep -q "class=\"docx\" href=\"08.docx\""'
check "the archive links each Word file" \
	'[ "$(grep -o "href=\"[0-9]*/[a-z0-9-]*\.docx\"" "$tmp/m/index.html" |
	sort -u | wc -l)" -eq "$(echo $ISSUES | wc -w)" ]'
check "no queue is left behind" '! ls "$tmp/m"/.queue-* 2>/dev/null'
check "make docx with nothing stale runs nothing" \
	'[ -z "$(make -s docx OUT="$tmp/m" 2>&1)" ]'
cp "$tmp/m/2025/08.docx" "$tmp/08.docx"
rm "$tmp/m/2025/07.docx"
make -j2 docx OUT="$tmp/m" >"$tmp/make2" 2>&1
check "a deleted DOCX alone is rebuilt, by build --docx" \
	'[ -s "$tmp/m/2025/07.docx" ] && grep -q "^\./jianbao build --jobs 2 --out $tmp/m --docx issues/2025/07.md$" "$tmp/make2" &&
	[ "$(grep -c "^\./jianbao build" "$tmp/make2")" -eq 1 ]'
check "and the others stay as they were" 'cmp -s "$tmp/08.docx" "$tmp/m/2025/08.docx"'

# Links open their targets and read as text: an article of the issue by
# its bookmark, a page outside by a relationship whose target is a URI.
mkdir -p "$tmp/link"
printf -- '---\n期号: 5\n日期: 2026-04-01\n---\n\n## 链接\n\n详见[市文明网的通知](http://wm.yunling.example/通知2026.html)和[下一篇](#a2)。\n\n## 第二篇\n\n正文。\n' \
    >"$tmp/link/05.md"
"$JB" build --docx --out "$tmp/link" "$tmp/link/05.md" 2>/dev/null
check "links: one to a bookmark, one outside with its target percent-encoded" \
	'unzip -p "$tmp/link/05.docx" word/_rels/document.xml.rels |
	grep -q "Target=\"http://wm.yunling.example/%E9%80%9A%E7%9F%A52026.html\" TargetMode=\"External\"" &&
	unzip -p "$tmp/link/05.docx" word/document.xml | grep -q "<w:hyperlink w:anchor=\"a2\"" &&
	unzip -p "$tmp/link/05.docx" word/document.xml | grep -q "<w:hyperlink r:id=\"rIdLink1\"" &&
	pandoc -f docx -t plain "$tmp/link/05.docx" | tr -d " \n" | grep -q "详见市文明网的通知和下一篇。"'

# 6. Bad input: the print edition's diagnostics, nothing written, an old
# file kept.  A font role without a name; a picture that is no PNG or JPEG.
mkdir -p "$tmp/bad/images"
sed 's/^  仿宋: .*/  仿宋: " , "/' bulletin.yaml >"$tmp/bad/bulletin.yaml"
cp "$tmp/s/2025/07.docx" "$tmp/old.docx"
mkdir -p "$tmp/keep/2025" && cp "$tmp/old.docx" "$tmp/keep/2025/07.docx"
"$JB" build --docx --series "$tmp/bad/bulletin.yaml" --out "$tmp/keep" \
    issues/2025/07.md 2>"$tmp/err.docx"
st=$?
"$JB" build --pdf --series "$tmp/bad/bulletin.yaml" --out "$tmp/keep" \
    issues/2025/07.md 2>"$tmp/err.pdf"
check "a font role without a name: exit 1" '[ $st -eq 1 ]'
check "the print edition's diagnostic" \
	'[ -s "$tmp/err.docx" ] && cmp -s "$tmp/err.docx" "$tmp/err.pdf" &&
	grep -q "bulletin.yaml:1: 错误：找不到字体 “ , ”（用于仿宋）" "$tmp/err.docx"'
check "the old DOCX is left as it was, no temporary file" \
	'cmp -s "$tmp/old.docx" "$tmp/keep/2025/07.docx" &&
	[ "$(ls "$tmp/keep/2025")" = "07.docx" ]'
printf 'GIF89a\001\000\001\000\000\000\000;' >"$tmp/bad/images/x.png"
printf -- '---\n期号: 3\n日期: 2025-03-01\n---\n\n## 标题\n\n正文。\n\n![图](images/x.png)\n' \
    >"$tmp/bad/03.md"
"$JB" build --docx --out "$tmp/bad/out" "$tmp/bad/03.md" 2>"$tmp/err.docx"
st=$?
"$JB" build --pdf --out "$tmp/bad/out" "$tmp/bad/03.md" 2>"$tmp/err.pdf"
check "a picture Word cannot show: exit 1, the print edition's diagnostic" \
	'[ $st -eq 1 ] && cmp -s "$tmp/err.docx" "$tmp/err.pdf" &&
	grep -q "03.md:10:1: 错误：图片 “images/x.png” 无法读取：不是 PNG 或 JPEG 图片" "$tmp/err.docx"'
check "and nothing written" '[ ! -e "$tmp/bad/out" ]'
printf -- '---\n期号: 4\n日期: 2026-03-20\n---\n\n## 宽表格\n\n表1　太宽的表格\n\n| 甲 | 乙 | 丙 | 丁 | 戊 | 己 | 庚 | 辛 |\n|---|---|---|---|---|---|---|---|\n| 1234567890.12 | 1234567890.12 | 1234567890.12 | 1234567890.12 | 1234567890.12 | 1234567890.12 | 1234567890.12 | 1234567890.12 |\n' \
    >"$tmp/bad/04.md"
"$JB" build --docx --out "$tmp/bad/out" "$tmp/bad/04.md" 2>"$tmp/err.docx"
st=$?
"$JB" build --pdf --out "$tmp/bad/out" "$tmp/bad/04.md" 2>"$tmp/err.pdf"
check "a table too wide: exit 1, the print edition's diagnostic" \
	'[ $st -eq 1 ] && cmp -s "$tmp/err.docx" "$tmp/err.pdf" &&
	grep -q "04.md:10:1: 错误：表格 “表1　太宽的表格” 太宽" "$tmp/err.docx"'
check "and nothing written for it" '[ ! -e "$tmp/bad/out" ]'
"$JB" build --docx --series tests/table/turn.yaml --out "$tmp/bad/out" \
    tests/table/bad/too-wide-turned.md 2>"$tmp/err.docx"
st=$?
"$JB" build --pdf --series tests/table/turn.yaml --out "$tmp/bad/out" \
    tests/table/bad/too-wide-turned.md 2>"$tmp/err.pdf"
check "too wide across a turned page too: the print edition's diagnostic" \
	'[ $st -eq 1 ] && cmp -s "$tmp/err.docx" "$tmp/err.pdf" &&
	grep -q "横排也超出版心高度" "$tmp/err.docx" && [ ! -e "$tmp/bad/out" ]'

[ "$fails" -eq 0 ]
