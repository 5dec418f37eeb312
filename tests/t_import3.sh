#!/bin/sh
# t_import3.sh -- `jianbao import` arranging real-looking submissions as an editor would.
#   tests/import3/{web,short,tongzhi,credits,jueding}.txt, written for the tests: a web
#   page's text with its furniture, a 3-line paste, a pasted 通知 (its title
#   broken over two lines, 印发 in it, 一、/(一)/1、, a 落款: one 落款 block),
#   a submission with its own 编辑：审核： line, a 决定 whose last paragraph
#   ends in its 落款.  tests/import3/mkdocx3.py makes Word files with
#   python-docx: a WPS-style 公文 (三号 body by direct formatting), a news
#   piece with bold 小标题, two articles, typed 3.1/3.1.1 numbers, a file
#   with no formatting at all, notes
#   (endnote, missing note), merged table cells, pictures (GIF, corrupt
#   PNG, IMG_256 alt text).
#   Each has a golden issue (NAME.expected) and report (NAME.err); each must
#   build (HTML, PDF, Word) and pass check after check --fix; Word files keep
#   every Han character pandoc reads in them.
# When ../shared/corpus/submissions is there, every case in it is imported
# and scored with ../shared/tools/outline.py against its key: each >= 0.85,
# the mean >= 0.95, every Han character kept; else that part reports skip.
# With -u, rewrite the golden files (review the diff!).
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
top=$(pwd)
SERIES=$top/tests/parse/bulletin.yaml
D=$top/tests/import3
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1772668800	# 2026-03-05
jb=$(cd "$(dirname "$JB")" && pwd)/$(basename "$JB")
have() { command -v "$1" >/dev/null 2>&1; }
mkdir -p "$tmp/cwd"

# imp OUT FILE...: import into OUT (status in $st, report in $tmp/err)
imp() {
	out=$1
	shift
	(cd "$tmp/cwd" && "$jb" import --series "$SERIES" --number 5 \
	    --date 2026-03-05 "$@" -o "$out") >/dev/null 2>"$tmp/err"
	st=$?
	sed -i "s|$tmp/||g; s|$D/||g" "$tmp/err"
}

# edition_ok NAME FILE SERIES: builds HTML, PDF and Word; check --fix, then check: no error
edition_ok() {
	rm -rf "$tmp/out"
	b=$(basename "$2" .md)
	if "$JB" build --series "$3" --templates "$top/templates" --out "$tmp/out" "$2" \
	    >"$tmp/build" 2>&1 && [ -s "$tmp/out/$b.html" ] && [ -s "$tmp/out/$b.pdf" ] &&
	    [ -s "$tmp/out/$b.docx" ]; then
		ok "$1 builds HTML, PDF and Word"
	else
		notok "$1 builds HTML, PDF and Word"; sed 's/^/# /' "$tmp/build"
	fi
	# a copy beside it, where its pictures are
	fixed=$(dirname "$2")/fixed-$b.md
	cp "$2" "$fixed"
	"$JB" check --fix --series "$3" "$fixed" >/dev/null 2>&1
	if "$JB" check --series "$3" "$fixed" >"$tmp/check" 2>&1 &&
	    ! grep -q '错误：' "$tmp/check"; then
		ok "$1 passes check after check --fix"
	else
		notok "$1 passes check after check --fix"; sed 's/^/# /' "$tmp/check"
	fi
}

# printed FILE: the body without its [//]: # lines
printed() {
	sed '1,/^---$/d' "$1" | grep -v '^\[//\]: #'
}

# ---- pasted texts ----
for s in web short tongzhi credits jueding; do
	imp "$tmp/$s.md" "$D/$s.txt"
	golden "import $s.txt: report" "$D/$s.err" "$tmp/err" "$st"
	golden "import $s.txt: issue" "$D/$s.expected" "$tmp/$s.md"
	edition_ok "import $s.txt" "$tmp/$s.md" "$SERIES"
done
check "web.txt: its furniture in [//]: # lines, none printed, one notice" \
    '[ "$(grep -c "^\[//\]: # (网页杂项：" "$tmp/web.md")" -eq 14 ] &&
     ! printed "$tmp/web.md" | grep -q "上一篇\|下一篇\|来源\|责任编辑\|版权所有\|广告\|首页 >\|^[0-9.][0-9.]*$" &&
     [ "$(grep -c "提示：网页上的杂项" "$D/web.err")" -eq 1 ]'
check "web.txt: one article, its title and 一、 sections" \
    '[ "$(grep -c "^## " "$tmp/web.md")" -eq 1 ] &&
     grep -q "^## 柳荫社区开展垃圾分类宣传周活动$" "$tmp/web.md" &&
     grep -q "^### 一、现场讲解$" "$tmp/web.md" && grep -q "^### 二、入户走访$" "$tmp/web.md"'
check "short.txt: a 3-line paste is a title and two paragraphs" \
    '[ "$(printed "$tmp/short.md" | grep -c .)" -eq 3 ] &&
     grep -q "^## 云岭市开展春季义务植树活动$" "$tmp/short.md"'
check "tongzhi.txt: the title joined, 印发 in it is text, the organ its kicker" \
    'grep -q "^## 关于印发《青禾县2026年文明单位创建工作考核办法》的通知$" "$tmp/tongzhi.md" &&
     [ "$(grep -c "^## " "$tmp/tongzhi.md")" -eq 1 ] &&
     [ "$(printed "$tmp/tongzhi.md" | grep -v "^$" | head -1)" = "青禾县创建办" ] &&
     ! grep -q "^分送\|^署名" "$tmp/tongzhi.md"'
check "tongzhi.txt: 一、 ###, (一) ####, 1、 items and the 落款 a 落款 block" \
    'grep -q "^### 一、考核对象$" "$tmp/tongzhi.md" && grep -q "^#### (一)考核方式$" "$tmp/tongzhi.md" &&
     grep -q "^1、实地查看" "$tmp/tongzhi.md" &&
     "$jb" dump --series "$SERIES" "$tmp/tongzhi.md" 2>/dev/null |
     grep -q "^  [0-9]*:1 signoff \"青禾县创建办⏎2026年3月1日\"$" &&
     [ "$(grep -c "^#" "$tmp/tongzhi.md")" -eq 3 ]'
check "jueding.txt: organ lines and a date ending a paragraph: one 落款 block, no character lost" \
    '"$jb" dump --series "$SERIES" "$tmp/jueding.md" 2>/dev/null |
     grep -q "^  [0-9]*:1 signoff \"云岭市文明办⏎云岭市民政局⏎二〇二六年三月二日\"$" &&
     grep -q "^特此决定。$" "$tmp/jueding.md" &&
     [ "$(LC_ALL=C.UTF-8 grep -oP "[\\x{4e00}-\\x{9fa5}\\x{3007}]" "$D/jueding.txt" | sort | tr -d "\n")" = \
       "$(printed "$tmp/jueding.md" | LC_ALL=C.UTF-8 grep -oP "[\\x{4e00}-\\x{9fa5}\\x{3007}]" | sort | tr -d "\n")" ]'
check "credits.txt: its own 编辑：审核： line and a sentence on 上一篇 stay in the article" \
    'grep -q "^编辑：王小禾 审核：李青$" "$tmp/credits.md" && ! grep -q "^署名" "$tmp/credits.md" &&
     grep -q "^上一篇报道提到的" "$tmp/credits.md" && ! grep -q "^\[//\]" "$tmp/credits.md"'

# ---- Word files ----
if $PY -c 'import docx' 2>/dev/null; then
	$PY $D/mkdocx3.py "$tmp"
	mkdir -p "$tmp/w"
	for w in wps news two decimal plain notes table pics; do
		imp "$tmp/w/$w.md" "$tmp/$w.docx"
		golden "import $w.docx: report" "$D/$w.err" "$tmp/err" "$st"
		golden "import $w.docx: issue" "$D/$w.expected" "$tmp/w/$w.md"
		edition_ok "import $w.docx" "$tmp/w/$w.md" "$SERIES"
		if have pandoc; then
			pandoc -f docx -t plain "$tmp/$w.docx" -o "$tmp/$w.plain"
			if $PY tests/import2/han.py --contains "$tmp/$w.plain" "$tmp/w/$w.md" >"$tmp/han"; then
				ok "import $w.docx keeps every Han character (against pandoc)"
			else
				notok "import $w.docx keeps every Han character (against pandoc)"; cat "$tmp/han"
			fi
		fi
	done
	have pandoc || skip "Word files against pandoc" "pandoc is not installed"
	check "wps.docx: a 三号 body set by direct formatting: one title, its right-aligned 落款 a 落款 block" \
	    '[ "$(grep -c "^## " "$tmp/w/wps.md")" -eq 1 ] &&
	     grep -q "^### 一、活动时间$" "$tmp/w/wps.md" && grep -q "^#### （一）走访慰问$" "$tmp/w/wps.md" &&
	     grep -q "^\*\*1.结对到户。\*\*每户" "$tmp/w/wps.md" &&
	     "$jb" dump --series "$SERIES" "$tmp/w/wps.md" 2>/dev/null |
	     grep -q "^  [0-9]*:1 signoff \"青禾县文明办⏎青禾县民政局⏎2026年4月20日\"$" &&
	     grep -q "^（此页无正文）$" "$tmp/w/wps.md"'
	check "news.docx: bold 小标题 are inner headings, not articles" \
	    '[ "$(grep -c "^## " "$tmp/w/news.md")" -eq 1 ] &&
	     grep -q "^### 趣味项目人人参与$" "$tmp/w/news.md" && grep -q "^### 赛场内外传递温情$" "$tmp/w/news.md"'
	check "two.docx: two centred larger titles over body text are two articles" \
	    '[ "$(grep -c "^## " "$tmp/w/two.md")" -eq 2 ]'
	check "decimal.docx: 3. the title, 3.1 ###, 3.1.1 ####, 2.1原则： and a．items paragraphs" \
	    'grep -q "^## 3. 社区之家$" "$tmp/w/decimal.md" && grep -q "^### 3.1 议事规则$" "$tmp/w/decimal.md" &&
	     grep -q "^#### 3.1.1 议事会的组成$" "$tmp/w/decimal.md" && grep -q "^2.1原则：$" "$tmp/w/decimal.md" &&
	     grep -q "^a．公开透明$" "$tmp/w/decimal.md"'
	check "notes.docx: endnote and footnote at the end, a missing note keeps its place" \
	    'grep -q "^注：数字由社区居委会统计。$" "$tmp/w/notes.md" &&
	     grep -q "^注：旧物交换由社区志愿者登记。$" "$tmp/w/notes.md" &&
	     grep -q "一百二十次（注7），" "$tmp/w/notes.md" && grep -q "notes.docx:3:13: 警告：注释引用" "$D/notes.err"'
	check "plain.docx: a Word file without formatting is one article; a lone 1.5倍 line no heading" \
	    '[ "$(grep -c "^#" "$tmp/w/plain.md")" -eq 1 ] && grep -q "^## 东岚区志愿者人数增长$" "$tmp/w/plain.md" &&
	     grep -q "^1.5倍的增长$" "$tmp/w/plain.md" && grep -q "^社区服务项目$" "$tmp/w/plain.md"'
	check "table.docx: no column only a merge made, merged text once, a warning" \
	    '[ "$(grep -c "^|" "$tmp/w/table.md")" -eq 4 ] &&
	     [ "$(grep "^|" "$tmp/w/table.md" | awk -F"|" "NF != 5" | wc -l)" -eq 0 ] &&
	     [ "$(grep -c "城区" "$tmp/w/table.md")" -eq 1 ] && grep -q "^|  | 南湖站 | 图书漂流 |$" "$tmp/w/table.md" &&
	     grep -q "警告：表格中有合并的单元格" "$D/table.err"'
	check "pics.docx: GIF and BMP made PNG, corrupt PNG and GIF and a 30000 × 30000 GIF placeholders with warnings, IMG_256 no alt text" \
	    'grep -q "^!\[图为广场一角。\](images/pics-1.png \"图为广场一角。\")$" "$tmp/w/pics.md" &&
	     grep -q "^（此处原有图片 “word/media/image2.png”，无法印出）$" "$tmp/w/pics.md" &&
	     grep -q "^!\[\](images/pics-3.png)$" "$tmp/w/pics.md" && [ -s "$tmp/w/images/pics-3.png" ] &&
	     grep -q "^!\[\](images/pics-4.png)$" "$tmp/w/pics.md" &&
	     grep -q "^（此处原有图片 “word/media/image5.gif”，无法印出）$" "$tmp/w/pics.md" &&
	     grep -q "^（此处原有图片 “word/media/image6.gif”，无法印出）$" "$tmp/w/pics.md" &&
	     [ "$(grep -c "无法印出" "$D/pics.err")" -eq 3 ] && [ "$(grep -c "转换为 PNG" "$D/pics.err")" -eq 2 ]'
	# the converted pictures as Pillow reads them: PNG files of the size
	# drawn, every pixel the colour drawn
	if $PY -c 'import PIL' 2>/dev/null; then
		check "pics.docx: the GIF (2 × 2 red) and the BMP (3 × 2 blue) are PNG files of their pixels" \
		    '$PY -c "import sys
from PIL import Image
for f, size, rgb in ((sys.argv[1], (2, 2), (255, 0, 0)), (sys.argv[2], (3, 2), (0x22, 0x22, 0xcc))):
    im = Image.open(f)
    assert im.format == \"PNG\" and im.size == size, (f, im.format, im.size)
    assert set(im.convert(\"RGB\").getdata()) == {rgb}, (f, set(im.convert(\"RGB\").getdata()))
" "$tmp/w/images/pics-1.png" "$tmp/w/images/pics-4.png"'
	else
		skip "pics.docx: the converted pictures' pixels" "python3-pil is not installed"
	fi
	# a WebP picture: made PNG when gdk-pixbuf has the WebP loader
	# (webp-pixbuf-loader), a placeholder naming what is missing when not
	cache=$(pkg-config --variable=gdk_pixbuf_cache_file gdk-pixbuf-2.0 2>/dev/null)
	if ! [ -f "$tmp/webp.docx" ]; then
		skip "webp.docx" "libwebp is not installed"
	elif ! [ -f "$cache" ] || ! grep -q '"webp"' "$cache"; then
		skip "webp.docx" "webp-pixbuf-loader is not installed"
	else
		imp "$tmp/w/webp.md" "$tmp/webp.docx"
		golden "import webp.docx: report" "$D/webp.err" "$tmp/err" "$st"
		golden "import webp.docx: issue" "$D/webp.expected" "$tmp/w/webp.md"
		edition_ok "import webp.docx" "$tmp/w/webp.md" "$SERIES"
		check "webp.docx: the WebP is a 3 × 2 PNG (as file(1) reads it)" \
		    'file "$tmp/w/images/webp-1.png" | grep -q "PNG image data, 3 x 2,"'
		if $PY -c 'import PIL' 2>/dev/null; then
			check "webp.docx: the PNG has the WebP's pixels (as Pillow reads them)" \
			    '$PY -c "import sys
from PIL import Image
im = Image.open(sys.argv[1])
assert set(im.convert(\"RGB\").getdata()) == {(0x22, 0xaa, 0x44)}
" "$tmp/w/images/webp-1.png"'
		fi
		# gdk-pixbuf's loader list without the WebP loader
		awk 'BEGIN { RS = ""; ORS = "\n\n" } !/"webp"/' "$cache" >"$tmp/nowebp.cache"
		(cd "$tmp" && GDK_PIXBUF_MODULE_FILE=$tmp/nowebp.cache "$jb" import \
		    --series "$SERIES" --number 5 --date 2026-03-05 webp.docx \
		    -o "$tmp/w/nowebp.md") >/dev/null 2>"$tmp/err"
		st=$?
		check "webp.docx without the WebP loader: a placeholder, a warning naming the package, exit 0" \
		    '[ $st -eq 0 ] && grep -q "^（此处原有图片 “word/media/image1.webp”，无法印出）$" "$tmp/w/nowebp.md" &&
		     grep -qx "webp.docx:3:1: 警告：图片 “word/media/image1.webp” 是 WebP 等格式，本机缺少它的解码器（Debian 的 webp-pixbuf-loader），无法印出，已换成一段占位文字，请备好 PNG 或 JPEG 格式的图片后补上" "$tmp/err" &&
		     grep -q "图为湖边的樱花林。" "$tmp/w/nowebp.md"' || sed 's/^/# /' "$tmp/err"
	fi
else
	skip "import of python-docx files" "python3-docx is not installed"
fi

# ---- the real submissions in ../shared, scored against an editor's outline ----
if ! shared corpus/submissions || ! [ -f ../shared/tools/outline.py ]; then
	skip "real submissions scored with outline.py" "../shared is not beside this copy"
else
	C=$(cd ../shared/corpus/submissions && pwd)
	: >"$tmp/scores"
	for key in $C/expected/*.json; do
		k=$(basename "$key" .json)
		case $k in
		t09) set -- $C/t09a-*.txt $C/t09b-*.txt $C/t09c-*.txt ;;
		*) set -- $(ls $C/$k*.* | head -1) ;;
		esac
		: >"$tmp/ref"
		for f; do
			case $f in
			*.docx) pandoc -f docx -t plain "$f" >>"$tmp/ref" 2>/dev/null ||
			    $PY $D/docxtext.py "$f" >>"$tmp/ref" ;;
			*.doc) soffice -env:UserInstallation=file://$tmp/lo --headless \
			    --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp/lo" "$f" >/dev/null 2>&1
			    pandoc -f docx -t plain "$tmp/lo/$(basename "$f" .doc).docx" >>"$tmp/ref" ;;
			*) $PY -c 'import sys; sys.path.insert(0, sys.argv[1]); import outline
sys.stdout.write(outline.read_text(sys.argv[2]) + "\n")' ../shared/tools "$f" >>"$tmp/ref" ;;
			esac
		done
		rm -rf "$tmp/c"
		mkdir -p "$tmp/c"
		(cd "$tmp/c" && "$jb" import --series "$top/bulletin.yaml" --number 1 \
		    --date 2026-03-05 "$@" -o "$tmp/c/$k.md") >/dev/null 2>"$tmp/err"
		st=$?
		if [ $st -ne 0 ] || ! [ -f "$tmp/c/$k.md" ]; then
			notok "corpus $k imports"; sed 's/^/# /' "$tmp/err"; continue
		fi
		$PY ../shared/tools/outline.py "$key" "$tmp/c/$k.md" "$tmp/ref" >"$tmp/score"
		$PY -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(sys.argv[2], d["score"], d["han_kept"]["kept"], d["han_kept"]["ref"])' "$tmp/score" "$k" >>"$tmp/scores"
		read -r _ sc kept ref <<EOF
$(tail -1 "$tmp/scores")
EOF
		check "corpus $k: outline score $sc >= 0.85, Han kept $kept/$ref" \
		    '[ "$kept" = "$ref" ] && $PY -c "import sys; sys.exit(not $sc >= 0.85)"' ||
		    sed 's/^/# /' "$tmp/score"
		edition_ok "corpus $k" "$tmp/c/$k.md" "$top/bulletin.yaml"
	done
	sed 's/^/# /' "$tmp/scores"
	mean=$($PY -c 'import sys
s = [float(l.split()[1]) for l in open(sys.argv[1])]
print("%.4f" % (sum(s) / len(s)))' "$tmp/scores")
	check "corpus: mean outline score $mean >= 0.95 over $(wc -l <"$tmp/scores") cases" \
	    '$PY -c "import sys; sys.exit(not $mean >= 0.95)"'
fi
