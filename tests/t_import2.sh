#!/bin/sh
# t_import2.sh -- `jianbao import` of submitted articles and `check --fix`.
#   tests/import2/{newspaper,hant,county,pdfcopy}.txt, written for the tests, are
#   imported as UTF-8, UTF-8 with BOM and CRLF, GB18030 and UTF-16 (made
#   here with iconv) and as .docx made by LibreOffice (soffice --headless from
#   HTML this suite writes); tests/import2/mkdocx.py makes Word files with
#   python-docx (heading styles, direct formatting, numbering, a table, a
#   JPEG, tracked changes); tests/import2/mkhostile.py the hostile ones.
#   Each import must build (HTML and PDF), pass check with no error after
#   check --fix, and keep every Han character of its body (tests/import2/
#   han.py; for Word files against pandoc -f docx -t plain).
# With -u, rewrite the golden files tests/import2/*.err, *.expected.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
top=$(pwd)
SERIES=$top/tests/parse/bulletin.yaml
D=$top/tests/import2
PY=/usr/bin/python3
JPEG=$top/issues/2025/images/08-lukou.jpg
export SOURCE_DATE_EPOCH=1772668800	# 2026-03-05
jb=$(cd "$(dirname "$JB")" && pwd)/$(basename "$JB")
have() { command -v "$1" >/dev/null 2>&1; }

# imp NAME OUT FILE...: import FILE... into OUT; status in $st, report in $tmp/err
# (in an empty folder: 总期号 would follow the issues/ it runs beside)
mkdir -p "$tmp/cwd"
imp() {
	name=$1 out=$2
	shift 2
	(cd "$tmp/cwd" && "$jb" import --series "$SERIES" --number 5 \
	    --date 2026-03-05 "$@" -o "$out") >"$tmp/stdout" 2>"$tmp/err"
	st=$?
}

# issue_ok NAME FILE: builds HTML and PDF, check --fix, then check: no error
issue_ok() {
	rm -rf "$tmp/out"
	if "$JB" build --series "$SERIES" --out "$tmp/out" "$2" >"$tmp/build" 2>&1 &&
	    [ -s "$tmp/out/$(basename "$2" .md).html" ] &&
	    [ -s "$tmp/out/$(basename "$2" .md).pdf" ]; then
		ok "$1 builds HTML and PDF"
		# the page shows every character of the body
		if $PY $D/han.py --contains "$2" "$tmp/out/$(basename "$2" .md).html" >"$tmp/han"; then
			ok "$1: the page keeps every Han character"
		elif grep -q "不属于任何文章" "$tmp/build"; then
			skip "$1: the page keeps every Han character" \
			    "this parser does not read a place name above the first title as its kicker"
		else
			notok "$1: the page keeps every Han character"; cat "$tmp/han"
		fi
	else
		notok "$1 builds HTML and PDF"; sed 's/^/# /' "$tmp/build"
	fi
	"$JB" check --fix --series "$SERIES" "$2" >"$tmp/fix" 2>&1
	if "$JB" check --series "$SERIES" "$2" >"$tmp/check" 2>&1 &&
	    ! grep -q '错误：' "$tmp/check"; then
		ok "$1 passes check after check --fix"
	else
		notok "$1 passes check after check --fix"; sed 's/^/# /' "$tmp/check"
	fi
}

# kept NAME WANT GOT [--contains]: Han characters of WANT all in GOT's body
kept() {
	if $PY $D/han.py ${4:-} "$2" "$3" >"$tmp/han"; then
		ok "$1 keeps every Han character"
	else
		notok "$1 keeps every Han character"; cat "$tmp/han"
	fi
}

# ---- text in four encodings ----
for s in newspaper hant county pdfcopy; do
	f=$D/$s.txt
	cp "$f" "$tmp/$s-utf8.txt"
	printf '\357\273\277' >"$tmp/$s-bom.txt"
	# Word's indents on every paragraph; a PDF copy's lines run on unindented
	if [ $s = pdfcopy ]; then ind=; else ind='s/^\([^#（]\)/　　\1/'; fi
	sed "s/\$/\r/; $ind" "$f" >>"$tmp/$s-bom.txt"
	iconv -f UTF-8 -t GB18030 "$f" >"$tmp/$s-gb18030.txt"
	iconv -f UTF-8 -t UTF-16 "$f" >"$tmp/$s-utf16.txt"
	for e in utf8 bom gb18030 utf16; do
		imp "$s $e" "$tmp/$s-$e.md" "$tmp/$s-$e.txt"
		sed -i "s|$tmp/|TMP/|g" "$tmp/err"
		if [ $e = utf8 ]; then
			golden "import $s.txt: report" "$D/$s.err" "$tmp/err" "$st"
			golden "import $s.txt: issue" "$D/$s.expected" "$tmp/$s-$e.md"
			issue_ok "import $s.txt" "$tmp/$s-$e.md"
			kept "import $s.txt" "$f" "$tmp/$s-$e.md"
			continue
		fi
		case $e in
		gb18030) said="提示：文件的编码是 GB18030（GBK），已转换为 UTF-8" ;;
		utf16) said="提示：文件的编码是 UTF-16，已转换为 UTF-8" ;;
		*) said="" ;;
		esac
		check "import $s as $e: exit 0${said:+, says so}" \
		    '[ $st -eq 0 ] && { [ -z "$said" ] || grep -q "$said" "$tmp/err"; }'
		check "import $s as $e: the same issue as from UTF-8" \
		    'cmp -s "$tmp/$s-$e.md" "$tmp/$s-utf8.md"'
	done
	issue_ok "import $s as GB18030" "$tmp/$s-gb18030.md"
done
# Traditional text as a Traditional Chinese Windows saves it
iconv -f UTF-8 -t BIG5 $D/hant.txt >"$tmp/hant-big5.txt"
imp "hant big5" "$tmp/hant-big5.md" "$tmp/hant-big5.txt"
check "import hant as Big5: said, the same issue as from UTF-8" \
    '[ $st -eq 0 ] && grep -q "提示：文件的编码是 Big5，已转换为 UTF-8" "$tmp/err" &&
     cmp -s "$tmp/hant-big5.md" "$tmp/hant-utf8.md"'


# ---- the same articles as Word files made by LibreOffice ----
# Each conversion runs once for the same files (memo, lib.sh).
lover="soffice $(dpkg-query -W -f='${Version}' libreoffice-core 2>/dev/null)"
if have soffice; then
	for s in newspaper hant county; do
		$PY $D/tohtml.py $D/$s.txt "$tmp/$s.html"
	done
	memo "$tmp/lo1" "$lover docx" 'soffice -env:UserInstallation=file://$tmp/lo \
	    --headless --convert-to "docx:MS Word 2007 XML" --outdir "$tmp/lo1" \
	    "$tmp/newspaper.html" "$tmp/hant.html" "$tmp/county.html" >/dev/null 2>&1' \
	    "$tmp/newspaper.html" "$tmp/hant.html" "$tmp/county.html"
	cp "$tmp"/lo1/* "$tmp"/
	for s in newspaper hant county; do
		imp "$s.docx" "$tmp/$s-lo.md" "$tmp/$s.docx"
		check "import LibreOffice $s.docx: exit 0" '[ $st -eq 0 ]'
		issue_ok "import LibreOffice $s.docx" "$tmp/$s-lo.md"
		kept "import LibreOffice $s.docx" $D/$s.txt "$tmp/$s-lo.md"
	done
	check "LibreOffice county.docx: headings from styles" \
	    'grep -q "^## 青禾县2026年第一季度创建工作情况报告$" "$tmp/county-lo.md" &&
	     grep -q "^### 一、工作进展$" "$tmp/county-lo.md" &&
	     grep -q "^#### （一）基础设施持续完善$" "$tmp/county-lo.md"'
	check "LibreOffice hant.docx: title and 一、（一） sections found" \
	    'grep -q "^## 雲嶺市推動志願服務常態化的實踐與思考$" "$tmp/hant-lo.md" &&
	     grep -q "^### 一、主要做法$" "$tmp/hant-lo.md" &&
	     grep -q "^#### （一）健全組織體系$" "$tmp/hant-lo.md" &&
	     grep -q "^语言: zh-Hant$" "$tmp/hant-lo.md"'
	# comments kept as [//]: # lines, footnotes and text boxes as paragraphs, each said;
	# a table of contents dropped
	memo "$tmp/lo2" "$lover docx" 'soffice -env:UserInstallation=file://$tmp/lo \
	    --headless --convert-to "docx:MS Word 2007 XML" --outdir "$tmp/lo2" \
	    $D/notes.fodt >/dev/null 2>&1' $D/notes.fodt
	cp "$tmp"/lo2/* "$tmp"/
	imp notes.docx "$tmp/notes.md" "$tmp/notes.docx"
	sed -i "s|$tmp/|TMP/|g" "$tmp/err"
	golden "import notes.docx: report" $D/notes.err "$tmp/err" "$st"
	check "notes.docx: Word's table of contents dropped, and said" \
	    'grep -q "提示：Word 生成的目录已删去" "$tmp/err" && ! grep -q "目录" "$tmp/notes.md"'
	check "notes.docx: comment kept as a [//]: # line, footnote and text box as paragraphs" \
	    'grep -qF "[//]: # (批注：请核实参加人数)" "$tmp/notes.md" &&
	     grep -q "^注：旧物交换由社区志愿者组织。$" "$tmp/notes.md" &&
	     grep -q "^邻里节口号：远亲不如近邻。$" "$tmp/notes.md"'
	issue_ok "import notes.docx" "$tmp/notes.md"
	if have pandoc; then
		# pandoc keeps the table of contents, which import drops
		mkdir -p "$tmp/notoc"
		grep -v '<text:table-of-content ' $D/notes.fodt >"$tmp/notoc/notes.fodt"
		memo "$tmp/lo3" "$lover docx" 'soffice -env:UserInstallation=file://$tmp/lo \
		    --headless --convert-to "docx:MS Word 2007 XML" --outdir "$tmp/lo3" \
		    "$tmp/notoc/notes.fodt" >/dev/null 2>&1' "$tmp/notoc/notes.fodt"
		cp "$tmp"/lo3/* "$tmp/notoc/"
		pandoc -f docx -t plain "$tmp/notoc/notes.docx" -o "$tmp/notes.plain"
		kept "import notes.docx (against pandoc)" "$tmp/notes.plain" \
		    "$tmp/notes.md" --contains
	fi
else
	skip "import of LibreOffice .docx" "soffice is not installed"
fi

# ---- Word files made with python-docx ----
if $PY -c 'import docx' 2>/dev/null; then
	$PY $D/mkdocx.py "$tmp" "$JPEG"
	imp styles.docx "$tmp/w/styles.md" "$tmp/styles.docx"
	sed -i "s|$tmp/|TMP/|g" "$tmp/err"
	golden "import styles.docx: report" $D/styles.err "$tmp/err" "$st"
	golden "import styles.docx: issue" $D/styles.expected "$tmp/w/styles.md"
	issue_ok "import styles.docx" "$tmp/w/styles.md"
	check "styles.docx: the JPEG is copied byte for byte under images/" \
	    'cmp -s "$tmp/w/images/styles-1.jpg" "$JPEG"'
	check "styles.docx: picture with its alt text and caption" \
	    'grep -qF "![志愿者在社区文明实践站为老人测量血压](images/styles-1.jpg \"图为东岚区柳荫社区文明实践站。\")" "$tmp/w/styles.md"'
	check "styles.docx: tracked changes as accepted" \
	    'grep -q "文明实践站三百余个，" "$tmp/w/styles.md" && ! grep -q "两百个" "$tmp/w/styles.md"'
	if have cmark-gfm; then
		cmark-gfm -e table "$tmp/w/styles.md" >"$tmp/gfm.html"
		check "styles.docx: the table is a GFM pipe table (cmark-gfm)" \
		    '[ "$(grep -c "<tr>" "$tmp/gfm.html")" -eq 3 ] &&
		     grep -q "<th>实践站数</th>" "$tmp/gfm.html" &&
		     grep -q "<td>5200</td>" "$tmp/gfm.html"'
	else
		skip "styles.docx table in cmark-gfm" "cmark-gfm is not installed"
	fi
	imp direct.docx "$tmp/w/direct.md" "$tmp/direct.docx"
	golden "import direct.docx: issue" $D/direct.expected "$tmp/w/direct.md"
	issue_ok "import direct.docx" "$tmp/w/direct.md"
	imp outline.docx "$tmp/w/outline.md" "$tmp/outline.docx"
	check "outline.docx: headings from basedOn, a localized name, an outline level, a number" \
	    'grep -q "^## 云岭市志愿服务站点建设情况$" "$tmp/w/outline.md" &&
	     grep -q "^### 一、建设情况$" "$tmp/w/outline.md" &&
	     grep -q "^#### （一）站点布局$" "$tmp/w/outline.md" &&
	     grep -q "^### 二、下一步打算$" "$tmp/w/outline.md"'
	"$JB" import --series "$SERIES" "$tmp/whole.docx" -o "$tmp/w/whole.md" >/dev/null 2>"$tmp/err"
	st=$?
	check "whole.docx: a whole past issue as a Word file: masthead, 编者按 and the 报尾 table to front matter" \
	    '[ $st -eq 0 ] && grep -q "^期号: 7$" "$tmp/w/whole.md" && grep -q "^总期号: 52$" "$tmp/w/whole.md" &&
	     grep -q "^日期: 2024-05-20$" "$tmp/w/whole.md" && grep -q "^## 南湖社区开展邻里节$" "$tmp/w/whole.md" &&
	     grep -q "^  审核: 周明远$" "$tmp/w/whole.md" && ! grep -q "警告" "$tmp/err" &&
	     grep -q "^编者按: 本期刊发南湖社区的做法，供各地参考。$" "$tmp/w/whole.md" &&
	     grep -q "^  - 各区（县）创建办$" "$tmp/w/whole.md" && ! grep -q "^|" "$tmp/w/whole.md"'
	imp frame.docx "$tmp/w/frame.md" "$tmp/frame.docx"
	check "frame.docx: a one-row table and an empty one: their text as paragraphs, said" \
	    '[ $st -eq 0 ] && grep -q "^文明祭扫，绿色清明。$" "$tmp/w/frame.md" &&
	     grep -q "^劝导人次$" "$tmp/w/frame.md" && ! grep -q "^|" "$tmp/w/frame.md" &&
	     [ "$(grep -c "表格，其中的文字已作为段落导入" "$tmp/err")" -eq 2 ]'
	check "frame.docx: a link keeps its target" \
	    'grep -qF "详见[青禾文明网](<https://example.org/wenming?id=1>)。" "$tmp/w/frame.md"'
	issue_ok "import frame.docx" "$tmp/w/frame.md"
	if have pandoc; then
		for w in styles direct outline frame; do
			pandoc -f docx -t plain "$tmp/$w.docx" -o "$tmp/$w.plain"
			kept "import $w.docx (against pandoc)" "$tmp/$w.plain" \
			    "$tmp/w/$w.md" --contains
		done
	else
		skip "Word files against pandoc" "pandoc is not installed"
	fi
else
	skip "import of python-docx files" "python3-docx is not installed"
fi

# ---- .doc through LibreOffice, or a message ----
printf '<html><body><h1>青禾县举办文明实践培训</h1><p>本报讯　青禾县举办文明实践骨干培训班。</p></body></html>\n' >"$tmp/old.html"
if have soffice; then
	memo "$tmp/lo4" "$lover doc" 'soffice -env:UserInstallation=file://$tmp/lo \
	    --headless --convert-to "doc:MS Word 97" --outdir "$tmp/lo4" \
	    "$tmp/old.html" >/dev/null 2>&1' "$tmp/old.html"
	cp "$tmp"/lo4/* "$tmp"/
	imp old.doc "$tmp/old.md" "$tmp/old.doc"
	check "a .doc goes through LibreOffice, and says so" \
	    '[ $st -eq 0 ] && grep -q "提示：已用 LibreOffice 把" "$tmp/err" &&
	     grep -q "^## 青禾县举办文明实践培训$" "$tmp/old.md"'
	(PATH=/nonexistent; "$jb" import --series "$SERIES" --number 1 \
	    --date 2026-01-01 "$tmp/old.doc" -o "$tmp/old2.md") 2>"$tmp/err"
	st=$?
	check "a .doc without LibreOffice: save it as .docx" \
	    '[ $st -eq 1 ] && grep -q "请在 Word 或 WPS 中另存为 .docx" "$tmp/err" && ! [ -e "$tmp/old2.md" ]'
else
	skip "a .doc through LibreOffice" "soffice is not installed"
fi

# ---- hostile Word files: one message each, nothing written ----
mkdir -p "$tmp/h"
$PY $D/mkhostile.py "$tmp/h"
: >"$tmp/hostile"
for f in notzip truncated nodoc slip absolute entities xxe bomb huge liar \
    badxml encrypted; do
	rm -rf "$tmp/h/o"
	mkdir "$tmp/h/o"
	# bounded memory, but AddressSanitizer needs its shadow address space
	(if [ -z "${ASAN_OPTIONS:-}" ]; then ulimit -v 2000000; fi
	 cd "$tmp/h" && timeout 20 "$jb" import --series \
	    "$SERIES" --number 1 --date 2026-01-01 $f.docx -o o/x.md) \
	    >/dev/null 2>"$tmp/err"
	st=$?
	cat "$tmp/err" >>"$tmp/hostile"
	check "hostile $f.docx: exit 1, one message naming it at 1:1, nothing written" \
	    '[ $st -eq 1 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
	     grep -q "^$f.docx:1:1: 错误：" "$tmp/err" && [ -z "$(ls -A "$tmp/h/o")" ]'
done
golden "hostile Word files: messages" $D/hostile.err "$tmp/hostile"
# one bad file among good ones is refused alone: the others are imported
# and written, each bad one says why at its 1:1, the status is 1
cp "$tmp/styles.docx" "$tmp/h/good.docx"
cp $D/county.txt "$tmp/h/good.txt"
rm -rf "$tmp/h/o"; mkdir "$tmp/h/o"
(cd "$tmp/h" && "$jb" import --series "$SERIES" --number 1 --date 2026-01-01 \
    encrypted.docx good.docx truncated.docx nodoc.docx bomb.docx good.txt \
    notzip.docx -o o/x.md) >/dev/null 2>"$tmp/err"
st=$?
check "a batch with five bad Word files: the good two written, exit 1" \
    '[ $st -eq 1 ] && [ -s "$tmp/h/o/x.md" ] &&
     grep -q "^## 云岭市扎实推进新时代文明实践中心建设" "$tmp/h/o/x.md" &&
     grep -q "^## 青禾县2026年第一季度创建工作情况报告" "$tmp/h/o/x.md"' ||
    sed 's/^/# /' "$tmp/err"
grep ":1:1: 错误：" "$tmp/err" >"$tmp/refused"
golden "a batch with bad Word files: one error each, at 1:1" $D/refused.err \
    "$tmp/refused"
check "a batch with bad Word files: no other error" \
    '[ "$(grep -c "错误：" "$tmp/err")" -eq 5 ]'
# a picture that is no picture stops nothing: a placeholder, a warning
rm -rf "$tmp/h/o"; mkdir "$tmp/h/o"
(cd "$tmp/h" && "$jb" import --series "$SERIES" --number 1 --date 2026-01-01 \
    notimage.docx -o o/x.md) >/dev/null 2>"$tmp/err"
st=$?
check "notimage.docx: imported, the picture a placeholder paragraph, one warning" \
    '[ $st -eq 0 ] && [ "$(grep -c "警告：图片 “word/media/image1.png” 不是 PNG、JPEG、GIF、BMP、TIFF 或 WebP 图片" "$tmp/err")" -eq 1 ] &&
     grep -q "^（此处原有图片 “word/media/image1.png”，无法印出" "$tmp/h/o/x.md" && ! [ -e "$tmp/h/o/images" ]'

# ---- the options ----
imp "several" "$tmp/several.md" $D/newspaper.txt $D/county.txt
check "several files: one issue, in the order given" \
    '[ $st -eq 0 ] && [ "$(grep -n "^## " "$tmp/several.md" | head -1 | cut -d: -f2-)" = "## 背街小巷“微改造”让老街区换新颜" ] &&
     [ "$(grep "^## " "$tmp/several.md" | tail -1)" = "## 青禾县2026年第一季度创建工作情况报告" ]'
printf '编辑的文件，不能丢。\n' >"$tmp/keep.md"
cp "$tmp/keep.md" "$tmp/keep0.md"
imp "-o existing" "$tmp/keep.md" $D/county.txt
check "-o over an existing file: refused, the file untouched" \
    '[ $st -eq 1 ] && grep -q "已经存在，不会覆盖（确要覆盖请加 --force）" "$tmp/err" &&
     cmp -s "$tmp/keep.md" "$tmp/keep0.md"'
imp "-o --force" "$tmp/keep.md" $D/county.txt --force
check "-o with --force replaces it" \
    '[ $st -eq 0 ] && grep -q "^## 青禾县" "$tmp/keep.md"'
cp "$tmp/county-utf8.md" "$tmp/into.md"
cp "$tmp/into.md" "$tmp/into0.md"
"$JB" import --series "$SERIES" $D/newspaper.txt --into "$tmp/into.md" \
    >"$tmp/stdout" 2>"$tmp/err"
st=$?
n=$(wc -c <"$tmp/into0.md")
check "--into appends the articles after every byte of the issue" \
    '[ $st -eq 0 ] && head -c "$n" "$tmp/into.md" | cmp -s - "$tmp/into0.md" &&
     grep -q "^## 云岭市举办文明交通志愿服务培训$" "$tmp/into.md" &&
     [ "$(cat "$tmp/stdout")" = "$tmp/into.md" ]'
issue_ok "--into result" "$tmp/into.md"
"$JB" import --series "$SERIES" $D/newspaper.txt --into "$tmp/none.md" 2>"$tmp/err"
st=$?
check "--into a missing issue: an error, nothing made" \
    '[ $st -eq 1 ] && ! [ -e "$tmp/none.md" ]'
"$JB" import --series "$SERIES" $D/newspaper.txt -o "$tmp/a.md" --into "$tmp/into.md" 2>"$tmp/err"
st=$?
check "-o and --into together: usage" '[ $st -eq 2 ] && grep -q "用法：jianbao import" "$tmp/err"'

: >"$tmp/empty.txt"
imp "empty" "$tmp/empty.md" "$tmp/empty.txt"
check "a file with no text: an error, nothing written" \
    '[ $st -eq 1 ] && grep -q "empty.txt:1:1: 错误：文件中没有可导入的文字" "$tmp/err" && ! [ -e "$tmp/empty.md" ]'

# without a masthead or options: new's rule, with a warning
mkdir -p "$tmp/site/issues/2026"
cp "$SERIES" "$tmp/site/bulletin.yaml"
sed 's/^期号: 5$/期号: 2/' "$tmp/county-utf8.md" >"$tmp/site/issues/2026/02.md"
(cd "$tmp/site" && "$jb" import "$D/hant.txt") >"$tmp/stdout" 2>"$tmp/err"
st=$?
check "no masthead: 期号 and 日期 by new's rule, with a warning" \
    '[ $st -eq 0 ] && [ "$(cat "$tmp/stdout")" = issues/2026/03.md ] &&
     grep -q "警告：原文没有报头，期号 3、日期 2026-03-05 按新建一期的规则取" "$tmp/err" &&
     grep -q "^期号: 3$" "$tmp/site/issues/2026/03.md"'
cp "$tmp/site/issues/2026/03.md" "$tmp/03.md"
(cd "$tmp/site" && "$jb" import "$D/hant.txt") >"$tmp/stdout" 2>"$tmp/err"
check "no masthead again: the next number, the first file untouched" \
    '[ "$(cat "$tmp/stdout")" = issues/2026/04.md ] && cmp -s "$tmp/03.md" "$tmp/site/issues/2026/03.md"'

# ---- check --fix ----
cp $D/fix.md "$tmp/fix.md"
"$JB" check --fix --dry-run --series "$SERIES" "$tmp/fix.md" >/dev/null 2>"$tmp/dry"
check "check --fix --dry-run changes nothing" 'cmp -s "$tmp/fix.md" $D/fix.md && grep -q "可修正：" "$tmp/dry"'
"$JB" check --fix --series "$SERIES" "$tmp/fix.md" >/dev/null 2>"$tmp/err"
sed -i "s|$tmp/|TMP/|g" "$tmp/err"
golden "check --fix: report" $D/fix.err "$tmp/err"
golden "check --fix: repaired file" $D/fix.expected "$tmp/fix.md"
check "check --fix changes only what it reports: as many lines, the front matter as it was" \
    '[ "$(wc -l <"$tmp/fix.md")" -eq "$(wc -l <$D/fix.md)" ] &&
     [ "$(sed -n 1,4p "$tmp/fix.md")" = "$(sed -n 1,4p $D/fix.md)" ]'
cp "$tmp/fix.md" "$tmp/fix1.md"
"$JB" check --fix --series "$SERIES" "$tmp/fix.md" >/dev/null 2>"$tmp/err"
check "check --fix a second time changes nothing" \
    'cmp -s "$tmp/fix.md" "$tmp/fix1.md" && ! grep -q "已修正" "$tmp/err"'
check "check --fix leaves the ignored paragraph, code and URL alone" \
    'grep -qF "这一段,不改;因为被忽略。" "$tmp/fix.md" && grep -qF "\`代码,不改\`" "$tmp/fix.md" &&
     grep -qF "https://example.com/a,b?c=1" "$tmp/fix.md"'
check "check reports a private-use character" \
    'grep -q "U+E863.*\[private-use\]" "$tmp/err"'
printf -- '---\n期号: 11\n日期: 2026-03-05\n检查忽略: [halfwidth-punct]\n---\n\n## 标题\n\n会议要求,各单位落实 工作。\n' >"$tmp/ign.md"
"$JB" check --fix --series "$SERIES" "$tmp/ign.md" >/dev/null 2>"$tmp/err"
check "check --fix respects 检查忽略 in the front matter" \
    'grep -q "^会议要求,各单位落实工作。$" "$tmp/ign.md" && grep -q "已修正：“实 工” → “实工” \[cjk-space\]" "$tmp/err"'
cp $D/zh-hant-fix.md "$tmp/hantfix.md"
"$JB" check --fix --series "$SERIES" "$tmp/hantfix.md" >/dev/null 2>&1
check "check --fix in a zh-Hant issue: 「」 and 『』" \
    'grep -qF "市民說「他講『有序』最重要」，" "$tmp/hantfix.md" && grep -qF "推動「志願服務」常態化" "$tmp/hantfix.md"'
