#!/bin/sh
# t_import5.sh -- `jianbao import` of pasted back issues: a masthead on one
#   line (青禾县文明办编 第1期(总第7期) 2004年3月19日, with full-width
#   brackets and digits, with 〔〕, or 第1期 on a line of its own, then the
#   organ and the date on one line or two, the organ
#   on the line after the date) fills the
#   front matter and is not printed; a typed 目录 or 本期要目 (items that
#   repeat the titles after it, with leader dots and page numbers) stays as
#   [//]: # comments, is said at each line and in the closing outline, and
#   the editions print the 要目 made from the titles instead.  A title that
#   starts with 第3期 or has 第3期（总第12期） inside is no masthead.  A UTF-16 file with a broken character
#   is refused at its line and column.  A pasted text's pictures that
#   cannot be found become placeholders, the import goes on.
#   tests/import5/*.txt, written for the tests; each has a golden issue
#   (NAME.expected) and report (NAME.err); the editions are judged by
#   pdftotext.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
top=$(pwd)
SERIES=$top/tests/parse/bulletin.yaml
D=$top/tests/import5
export SOURCE_DATE_EPOCH=1772668800	# 2026-03-05
jb=$(cd "$(dirname "$JB")" && pwd)/$(basename "$JB")
have() { command -v "$1" >/dev/null 2>&1; }

# imp OUT FILE [OPTION...]: import into OUT (status in $st, report in $tmp/err)
imp() {
	out=$1
	f=$2
	shift 2
	(cd "$D" && "$jb" import --series "$SERIES" "$@" "$(basename "$f")" \
	    -o "$out") >/dev/null 2>"$tmp/err"
	st=$?
	sed -i "s|$tmp/||g" "$tmp/err"
}

# front FILE KEY VALUE: the issue's front matter has KEY: VALUE
front() {
	sed -n '2,/^---$/p' "$1" | grep -qx "$2: $3"
}

# a masthead on one line, in its forms: no --number, no --date, the
# masthead says them
for s in mast1 mast2 mast3 mast4 mast5 mast6; do
	imp "$tmp/$s.md" "$D/$s.txt"
	golden "import $s.txt: report" "$D/$s.err" "$tmp/err" "$st"
	golden "import $s.txt: issue" "$D/$s.expected" "$tmp/$s.md"
	check "$s.txt: 期号 1, 日期 2004-03-19, 编印单位 青禾县文明办 from its masthead, no warning of a guess" \
	    'front "$tmp/$s.md" 期号 1 && front "$tmp/$s.md" 日期 2004-03-19 &&
	     front "$tmp/$s.md" 编印单位 青禾县文明办 && ! grep -q "按新建一期的规则取" "$tmp/err"'
	check "$s.txt: one article with its title, the masthead not in the body" \
	    '[ "$(grep -c "^## " "$tmp/$s.md")" -eq 1 ] && ! sed "1,/^---$/d" "$tmp/$s.md" | grep -q "第1期\|2004年3月19日"'
done
for s in mast1 mast2 mast3; do
	check "$s.txt: 总期号 7" 'front "$tmp/$s.md" 总期号 7'
done

# two back issues in one import: the second masthead unused, said at its
# first line; both articles kept
imp "$tmp/two.md" "$D/mast1.txt" mast5.txt	# mast5.txt, then mast1.txt
golden "import mast5.txt mast1.txt: report" "$D/two.err" "$tmp/err" "$st"
check "mast5.txt mast1.txt: the first masthead's numbers, two articles" \
    '! grep -q "^总期号" "$tmp/two.md" && [ "$(grep -c "^## " "$tmp/two.md")" -eq 2 ] &&
     grep -qx "mast1.txt:1:1: 警告：这个文件的报头（第1期）未用：期次信息取自第一个有报头的文件" "$D/two.err"'

# a pasted text's own pictures that cannot be found, or lie outside the
# issue's folder, become placeholders with a warning; the rest of it and
# the other files are imported
imp "$tmp/picture.md" "$D/picture.txt" --number 5 --date 2026-03-05 mast1.txt
golden "import mast1.txt picture.txt: report" "$D/picture.err" "$tmp/err" "$st"
golden "import mast1.txt picture.txt: issue" "$D/picture.expected" "$tmp/picture.md"
check "picture.txt: two placeholders keeping path, alt and caption, two warnings at their lines, exit 0" \
    '[ $st -eq 0 ] && grep -qx "（此处原有图片 “photos/bridge.png”，无法印出：图为修好的石板桥。）" "$tmp/picture.md" &&
     grep -qx "（此处原有图片 “../../outside.png”，无法印出）" "$tmp/picture.md" &&
     grep -q "^picture.txt:3:1: 警告：图片 “photos/bridge.png” 找不到" "$tmp/err" &&
     grep -q "^picture.txt:7:1: 警告：图片 “../../outside.png” 在本期文件所在的目录之外" "$tmp/err" &&
     grep -q "^## 南湖社区开展春季植树活动" "$tmp/picture.md"'

# the 刊名 and the year before the numbers are neither of them an organ
imp "$tmp/name.md" "$D/name.txt"
golden "import name.txt: report" "$D/name.err" "$tmp/err" "$st"
golden "import name.txt: issue" "$D/name.expected" "$tmp/name.md"
check "name.txt: 创建工作动态 2024年第3期 2024年3月19日: 期号 3, 日期 2024-03-19, no 编印单位" \
    'front "$tmp/name.md" 期号 3 && front "$tmp/name.md" 日期 2024-03-19 &&
     ! grep -q "^编印单位" "$tmp/name.md" && grep -qx "## 南湖社区开展春季植树活动" "$tmp/name.md"'

# a title that starts with 第3期 is no masthead
imp "$tmp/notmast.md" "$D/notmast.txt" --number 5 --date 2026-03-05
golden "import notmast.txt: report" "$D/notmast.err" "$tmp/err" "$st"
golden "import notmast.txt: issue" "$D/notmast.expected" "$tmp/notmast.md"
check "notmast.txt: its title 第3期青年干部培训班在青禾县开班 stays its title" \
    'grep -qx "## 第3期青年干部培训班在青禾县开班" "$tmp/notmast.md" && front "$tmp/notmast.md" 期号 5'
imp "$tmp/notmast2.md" "$D/notmast2.txt" --number 5 --date 2026-03-05
golden "import notmast2.txt: report" "$D/notmast2.err" "$tmp/err" "$st"
golden "import notmast2.txt: issue" "$D/notmast2.expected" "$tmp/notmast2.md"
check "notmast2.txt: 关于印发第3期（总第12期）工作简报的通知 is its title, its 落款 a 落款, nothing moved to front matter" \
    'grep -qx "## 关于印发第3期（总第12期）工作简报的通知" "$tmp/notmast2.md" &&
     ! grep -q "^总期号: 12\|^编印单位" "$tmp/notmast2.md" && ! grep -q "报头" "$D/notmast2.err" &&
     "$jb" dump --series "$SERIES" "$tmp/notmast2.md" 2>/dev/null | grep -q "signoff \"青禾县文明办⏎2026年3月2日\""'

# a typed 目录: comments, said, the 要目 made by the editions
imp "$tmp/toc1.md" "$D/toc1.txt"
golden "import toc1.txt: report" "$D/toc1.err" "$tmp/err" "$st"
golden "import toc1.txt: issue" "$D/toc1.expected" "$tmp/toc1.md"
imp "$tmp/toc2.md" "$D/toc2.txt" --number 5 --date 2026-03-05
golden "import toc2.txt: report" "$D/toc2.err" "$tmp/err" "$st"
golden "import toc2.txt: issue" "$D/toc2.expected" "$tmp/toc2.md"
for s in toc1 toc2; do
	check "$s.txt: the 目录's 3 lines kept as [//]: # comments, two articles" \
	    '[ "$(grep -c "^\[//\]: # (手打目录：" "$tmp/$s.md")" -eq 3 ] &&
	     [ "$(grep -c "^## " "$tmp/$s.md")" -eq 2 ]'
	check "$s.txt: each 目录 line said at its line, the outline counts them" \
	    '[ "$(grep -c "^$s.txt:[0-9]*:1: 提示：手打的目录 " "$D/$s.err")" -eq 3 ] &&
	     grep -q "提示：导入结果：2 篇文章，3 行注释（不印出，其中手打的目录 3 行" "$D/$s.err"'
	if have pdftotext; then
		rm -rf "$tmp/out"
		"$JB" build --series "$SERIES" --templates "$top/templates" \
		    --out "$tmp/out" "$tmp/$s.md" >/dev/null 2>&1
		pdftotext "$tmp/out/$s.pdf" "$tmp/$s.txt" 2>/dev/null
		check "$s.txt: the PDF prints the 要目 made from the titles, not the typed one (pdftotext)" \
		    '[ "$(grep -c "^本期要目$" "$tmp/$s.txt")" -eq 1 ] &&
		     [ "$(grep -c "^南湖社区开展春季植树活动$" "$tmp/$s.txt")" -eq 2 ] &&
		     ! grep -q "……\|\.\.\.\.\|^目录$" "$tmp/$s.txt"' || sed 's/^/# /' "$tmp/$s.txt"
	else
		skip "$s.txt: the PDF's 要目" "pdftotext is not installed"
	fi
done

# a UTF-16 file with a lone surrogate: refused at its line and column
printf '\377\376' >"$tmp/u16.txt"
printf '标题\n第二行' | iconv -f UTF-8 -t UTF-16LE >>"$tmp/u16.txt"
printf '\000\330A\000' >>"$tmp/u16.txt"
(cd "$tmp" && "$jb" import --series "$SERIES" --number 5 --date 2026-03-05 \
    u16.txt -o u16.md) >/dev/null 2>"$tmp/err"
st=$?
check "a UTF-16 file with a broken character: an error at its line and column, nothing written" \
    '[ $st -eq 1 ] && ! [ -e "$tmp/u16.md" ] &&
     grep -qx "u16.txt:2:4: 错误：文件既不是 UTF-8，也不是 GB18030、Big5 或带 BOM 的 UTF-16，无法读取（字节 “\\\\x00”）" "$tmp/err"' ||
    sed 's/^/# /' "$tmp/err"
# each issue passes check
for s in mast1 mast2 mast3 mast4 mast5 mast6 name notmast notmast2 toc1 toc2; do
	check "$s.txt: the issue passes check" \
	    '"$JB" check --series "$SERIES" "$tmp/$s.md" >"$tmp/check" 2>&1 &&
	     ! grep -q "错误：" "$tmp/check"' || sed 's/^/# /' "$tmp/check"
done
exit $((fails > 0))
