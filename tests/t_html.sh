#!/bin/sh
# t_html.sh -- the HTML edition: structure checked with a real HTML parser, golden pages, template errors.
# Speed is measured by bench/, not here.
# usage: sh tests/t_html.sh [-u]   (-u rewrites tests/html/*.html after review)
cd "$(dirname "$0")/.." || exit 2
JB=${JB:-./jianbao}
dir=tests/html
update=0
[ "$1" = "-u" ] && update=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; fails=$((fails + 1)); }
check() { if eval "$1"; then ok "$2"; else notok "$2"; fi; }

build() {	# build ISSUE.md [templates]: page in $tmp/out/ISSUE.html
	"$JB" build --html --series $dir/bulletin.yaml \
	    --templates "${2:-templates}" --out "$tmp/out" "$dir/$1.md" \
	    2>"$tmp/$1.err"
}

# ---- the sample pages: parse them and check what they must show ----
for t in full hant unsafe; do
	if ! build $t; then
		notok "$t: jianbao build --html failed: $(head -3 "$tmp/$t.err")"
		continue
	fi
	ok "$t: built"
	case $t in
	hant) lang=zh-Hant issue=第2期 date=2024年3月5日 ;;
	unsafe) lang=zh-Hans issue=第3期 date=2024年4月1日 ;;
	*) lang=zh-Hans issue=第13期 date=2024年8月30日 ;;
	esac
	python3 $dir/check.py "$tmp/out/$t.html" $t $lang 创建工作动态 \
	    $issue 青川市创建全国文明城市工作办公室 $date || fails=$((fails + 1))
	if [ $update = 1 ]; then
		cp "$tmp/out/$t.html" $dir/$t.html
		echo "# rewrote $dir/$t.html"
	fi
	if cmp -s "$tmp/out/$t.html" $dir/$t.html; then
		ok "$t: page equals $dir/$t.html"
	else
		notok "$t: page differs from $dir/$t.html (sh tests/t_html.sh -u after review)"
		diff -u $dir/$t.html "$tmp/out/$t.html" | head -20 | sed 's/^/# /'
	fi
done

# ---- what the full sample shows, element by element ----
p=$tmp/out/full.html
check "grep -q '<p class=\"classification\">内部资料　注意保存</p>' $p" \
    "full: classification mark"
check "grep -q '<span class=\"total\">总第86期</span>' $p" "full: 总第N期"
check "grep -q '<strong class=\"note-label\">编者按：</strong>老旧小区' $p" \
    "full: 编者按 label and text"
check "grep -q '<h2>本期要目</h2>' $p" "full: 本期要目 heading"
check "grep -q '<p class=\"kicker\">青川区湖滨街道——</p>' $p" "full: kicker"
check "grep -q '<p class=\"subtitle\">——湖滨街道推进' $p" "full: subtitle"
check "grep -q '<p class=\"lead\"><span class=\"lead\"><strong>本报讯</strong></span>' $p" \
    "full: lead run marked"
check "grep -q '<h3>一、问题清单摸实情</h3>' $p && grep -q '<h4>（一）统筹资金</h4>' $p" \
    "full: heading levels 1 and 2 as h3 and h4"
check "grep -q '<em>停车难、晾晒难、充电难</em>' $p" "full: emphasis"
check "grep -q '<li><span class=\"marker\">2.</span>每月通报' $p" "full: list item marker"
check "grep -q '<figure><img src=\"images/street.png\" alt=\"改造后的湖滨小区\"><figcaption><span class=\"caption\">改造后的湖滨小区一角</span><span class=\"credit\">张华 摄</span></figcaption></figure>' $p" \
    "full: figure with caption and credit"
check "grep -q '<div class=\"box\">' $p" "full: boxed note"
check "grep -q '<p class=\"byline\">（通讯员　李明　王芳）</p>' $p" "full: byline"
check "[ \$(grep -c '<p class=\"item\"><span class=\"star\" aria-hidden=\"true\">★</span>8月' $p) = 4 ]" \
    "full: 4 工作简讯 items with a star"
check "grep -q '<span class=\"dist-label\">发：</span>各区（县）创建办，市创建工作成员单位，市委宣传部，市文明办</p>' $p" \
    "full: 本期增发 joined to 发 with ，"
check "grep -q '<span class=\"copies\">（共印120份）</span>' $p" "full: 共印N份"
check "grep -q '<span class=\"signoff\">审核：周明远</span><span class=\"signoff\">校对：钱晓云</span><span class=\"signoff\">编辑：吴桐</span>' $p" \
    "full: credits in order, 编辑 overridden"
check "[ -f $tmp/out/images/street.png ]" "full: image copied beside the page"
p=$tmp/out/hant.html
check "grep -q '<span class=\"dist-label\">報：</span>' $p && grep -q '印發</span>' $p" \
    "hant: Traditional labels"
check "! grep -q 'class=\"contents\"' $p && ! grep -q 'class=\"note\"' $p && ! grep -q 'class=\"total\"' $p && ! grep -q 'class=\"copies\"' $p" \
    "hant: no 要目 for one article, absent 编者按/总期号/共印 leave no element"
check "grep -q ':lang(zh-Hant)' $p && grep -q 'Noto Serif CJK TC' $p" \
    "hant: Traditional font fallback in the style sheet"
p=$tmp/out/unsafe.html
check "! grep -qi '<script\|<iframe\|onclick\|javascript:\|data:text' $p" \
    "unsafe: no raw HTML or script link from the issue"
check "grep -q '文字里的 &lt;、&gt; 和 &amp; 原样显示，<a href=\"../index.html\">往期目录</a>链接保留' $p" \
    "unsafe: < > & escaped, relative link kept"
check "grep -q '还有危险链接和数据链接' $p" \
    "unsafe: javascript: and data: links reduced to their text"

# ---- template errors: reported with file and line, old page kept ----
cp -r templates "$tmp/bad"
sed 's|</main>||' templates/issue.html >"$tmp/bad/issue.html"
cp "$tmp/out/full.html" "$tmp/keep.html"
if build full "$tmp/bad"; then
	notok "broken template: build should fail"
else
	ok "broken template: build fails"
fi
check "grep -q 'bad/issue.html:[0-9]*:[0-9]*: 错误：模板 “issue.html” 有误' $tmp/full.err" \
    "broken template: reported with file:line:col"
check "cmp -s $tmp/keep.html $tmp/out/full.html" \
    "broken template: existing page left untouched"
sed 's|data-slot="dist"|data-slot="distribution"|' templates/issue.html \
    >"$tmp/bad/issue.html"
build full "$tmp/bad"
check "grep -q 'bad/issue.html:34: 错误：模板 “issue.html” 有误：未知的插槽 “distribution”' $tmp/full.err" \
    "unknown slot name reported at its line"
sed 's|<p class="classification" data-slot="classification"></p>|&&&&&|' \
    templates/issue.html >"$tmp/bad/issue.html"
build full "$tmp/bad"
check "grep -q 'bad/issue.html:[0-9]*: 错误：模板 “issue.html” 有误：插槽 “classification” 用了 4 次以上' $tmp/full.err" \
    "a slot used five times reported"
cp templates/archive.html templates/site.css templates/search.js templates/favicon.svg "$tmp/bad/"
sed -i 's|<title data-slot="title">|<title data-slot="heading">|' "$tmp/bad/archive.html"
"$JB" site --series $dir/bulletin.yaml --templates "$tmp/bad" --out "$tmp/site" \
    $dir/full.md 2>"$tmp/site.err"
check "grep -q 'bad/archive.html:20: 错误：模板 “archive.html” 有误：未知的插槽 “heading”' $tmp/site.err" \
    "archive template: unknown slot name reported at its line"

[ $fails -eq 0 ]
