#!/bin/sh
# t_html.sh -- the HTML edition: structure checked with a real HTML parser, golden pages, template errors.
# Speed is measured by bench/, not here.
# usage: sh tests/t_html.sh [-u]   (-u rewrites tests/html/*.html after review)
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
dir=tests/html

build() {	# build ISSUE.md [templates]: page in $tmp/out/ISSUE.html
	"$JB" build --html --series $dir/bulletin.yaml \
	    --templates "${2:-templates}" --out "$tmp/out" "$dir/$1.md" \
	    2>"$tmp/$1.err"
}

# ---- the sample pages: parse them and check what they must show ----
for t in full hant unsafe; do
	if ! build $t; then
		notok "$t: built"; head -3 "$tmp/$t.err" | sed 's/^/# /'
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
	golden "$t: page equals $dir/$t.html" $dir/$t.html "$tmp/out/$t.html"
done

# ---- what the full sample shows, element by element ----
p=$tmp/out/full.html
check "full: classification mark" \
    "grep -q '<p class=\"classification\">内部资料　注意保存</p>' $p"
check "full: 总第N期" "grep -q '<span class=\"total\">总第86期</span>' $p"
check "full: 编者按 label and text" \
    "grep -q '<strong class=\"note-label\">编者按：</strong>老旧小区' $p"
check "full: 本期要目 heading" "grep -q '<h2>本期要目</h2>' $p"
check "full: kicker" "grep -q '<p class=\"kicker\">青川区湖滨街道——</p>' $p"
check "full: subtitle" "grep -q '<p class=\"subtitle\">——湖滨街道推进' $p"
check "full: lead run marked" \
    "grep -q '<p class=\"lead\"><span class=\"lead\"><strong>本报讯</strong></span>' $p"
check "full: heading levels 1 and 2 as h3 and h4" \
    "grep -q '<h3>一、问题清单摸实情</h3>' $p && grep -q '<h4>（一）统筹资金</h4>' $p"
check "full: emphasis" "grep -q '<em>停车难、晾晒难、充电难</em>' $p"
check "full: list item marker" \
    "grep -q '<li><span class=\"marker\">2.</span>每月通报' $p"
check "full: figure with caption and credit" \
    "grep -q '<figure><img src=\"images/street.png\" alt=\"改造后的湖滨小区\"><figcaption><span class=\"caption\">改造后的湖滨小区一角</span><span class=\"credit\">张华 摄</span></figcaption></figure>' $p"
check "full: boxed note" "grep -q '<div class=\"box\">' $p"
check "full: byline" "grep -q '<p class=\"byline\">（通讯员　李明　王芳）</p>' $p"
check "full: 4 工作简讯 items with a star" \
    "[ \$(grep -c '<p class=\"item\"><span class=\"star\" aria-hidden=\"true\">★</span>8月' $p) = 4 ]"
check "full: 本期增发 joined to 发 with ，" \
    "grep -q '<span class=\"dist-label\">发：</span>各区（县）创建办，市创建工作成员单位，市委宣传部，市文明办</p>' $p"
check "full: 共印N份" "grep -q '<span class=\"copies\">（共印120份）</span>' $p"
check "full: credits in order, 编辑 overridden" \
    "grep -q '<span class=\"signoff\">审核：周明远</span><span class=\"signoff\">校对：钱晓云</span><span class=\"signoff\">编辑：吴桐</span>' $p"
check "full: image copied beside the page" \
    "[ -f $tmp/out/images/street.png ]"
p=$tmp/out/hant.html
check "hant: Traditional labels" \
    "grep -q '<span class=\"dist-label\">報：</span>' $p && grep -q '印發</span>' $p"
check "hant: no 要目 for one article, absent 编者按/总期号/共印 leave no element" \
    "! grep -q 'class=\"contents\"' $p && ! grep -q 'class=\"note\"' $p && ! grep -q 'class=\"total\"' $p && ! grep -q 'class=\"copies\"' $p"
check "hant: Traditional font fallback in the style sheet" \
    "grep -q ':lang(zh-Hant)' $p && grep -q 'Noto Serif CJK TC' $p"
p=$tmp/out/unsafe.html
# the page's own one script is titles.js (check.py compares it)
check "unsafe: no raw HTML or script link from the issue" \
    "[ \$(grep -oi '<script' $p | wc -l) -eq 1 ] && ! grep -qi '<iframe\|onclick\|javascript:\|data:text' $p"
check "unsafe: < > & escaped, relative link kept" \
    "grep -q '文字里的 &lt;、&gt; 和 &amp; 原样显示，<a href=\"../index.html\">往期目录</a>链接保留' $p"
check "unsafe: javascript: and data: links reduced to their text" \
    "grep -q '还有危险链接和数据链接' $p"

# ---- template errors: reported with file and line, old page kept ----
cp -r templates "$tmp/bad"
sed 's|</main>||' templates/issue.html >"$tmp/bad/issue.html"
cp "$tmp/out/full.html" "$tmp/keep.html"
if build full "$tmp/bad"; then
	notok "broken template: build should fail"
else
	ok "broken template: build fails"
fi
check "broken template: reported with file:line:col" \
    "grep -q 'bad/issue.html:[0-9]*:[0-9]*: 错误：模板 “issue.html” 有误' $tmp/full.err"
check "broken template: existing page left untouched" \
    "cmp -s $tmp/keep.html $tmp/out/full.html"
sed 's|data-slot="dist"|data-slot="distribution"|' templates/issue.html \
    >"$tmp/bad/issue.html"
build full "$tmp/bad"
distline=$(grep -n 'data-slot="dist"' templates/issue.html | cut -d: -f1)
check "unknown slot name reported at its line" \
    "grep -q 'bad/issue.html:$distline: 错误：模板 “issue.html” 有误：未知的插槽 “distribution”' $tmp/full.err"
sed 's|<p class="classification" data-slot="classification"></p>|&&&&&|' \
    templates/issue.html >"$tmp/bad/issue.html"
build full "$tmp/bad"
check "a slot used five times reported" \
    "grep -q 'bad/issue.html:[0-9]*: 错误：模板 “issue.html” 有误：插槽 “classification” 用了 4 次以上' $tmp/full.err"
cp templates/archive.html templates/site.css templates/search.js templates/favicon.svg "$tmp/bad/"
sed -i 's|<title data-slot="title">|<title data-slot="heading">|' "$tmp/bad/archive.html"
"$JB" site --series $dir/bulletin.yaml --templates "$tmp/bad" --out "$tmp/site" \
    $dir/full.md 2>"$tmp/site.err"
check "archive template: unknown slot name reported at its line" \
    "grep -q 'bad/archive.html:20: 错误：模板 “archive.html” 有误：未知的插槽 “heading”' $tmp/site.err"

# ---- titles in Chromium: lines end between words, never inside one ----
# The sample issues' long titles (全市文明城市创建…, a zh-Hant issue), in a
# phone's window and a desk's, through Playwright (tests/browser/titles.mjs):
# the page's script (templates/titles.js) has the browser cut them into
# words, and every title line must end at a word boundary of Node's own
# segmenter and never inside a word such as 城市.  With scripts off, or
# without Intl.Segmenter, each title is still shown whole; that plain
# wrapping breaks inside words (全市文明城/市) shows the check can fail.
if [ ! -d tests/browser/node_modules/playwright-core ]; then
	(cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund >"$tmp/npm.log" 2>&1) ||
		{ notok "npm ci in tests/browser"; sed 's/^/# /' "$tmp/npm.log"; exit 1; }
fi
if command -v chromium >/dev/null 2>&1; then
	# the site too: the pages' icon is at its root
	"$JB" build --html --out "$tmp/tb" issues/*/*.md 2>"$tmp/tb.err" &&
	    "$JB" site --out "$tmp/tb" issues/*/*.md 2>>"$tmp/tb.err"
	check "the samples' pages built for Chromium" '[ $? -eq 0 ]' || sed 's/^/# /' "$tmp/tb.err"
	TITLES_CAN_FAIL=2026/01.html timeout 240 node tests/browser/titles.mjs "$tmp/tb" \
	    2025/07.html 2026/01.html 2026/02.html 2026/03.html >"$tmp/titles.log" 2>&1
	status=$?
	cat "$tmp/titles.log"
	fails=$((fails + $(grep -c "^not ok" "$tmp/titles.log")))
	check "the titles' session in Chromium ran to the end" \
	    '[ $status -eq 0 ] || grep -q "^not ok" "$tmp/titles.log"'
	check "the check that can fail was made" \
	    'grep -q "^ok - 2026/01.html at 390 px, scripts off: plain wrapping breaks inside a word" "$tmp/titles.log"'
else
	skip "titles in Chromium" "chromium is not installed"
fi

[ $fails -eq 0 ]
