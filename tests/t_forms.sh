#!/bin/sh
# t_forms.sh -- the bulletin forms: location kickers, 增刊 (刊别) and 合刊.
#   tests/forms/parse/NAME.md   beside NAME.tree   (jianbao dump output)
#   tests/forms/diag/NAME.md    beside NAME.err    (exact stderr; exit 1, nothing built)
#   tests/forms/series/*.yaml   bad 刊别 settings beside NAME.err
#   tests/forms/*.masthead      the first page's 报头 from jianbao layout --fixed
#   tests/forms/check/          期号 rules per 刊别 and across a 合刊 (check.expected)
#   tests/forms/import/*.txt    old 合刊 and 增刊 texts beside NAME.expected (import)
# then the print and web editions read back with pdftotext, pdfinfo and
# python3's HTML, XML and JSON parsers, new --kind, the archive and make site.
# With -u, rewrite the golden files from the current output (review the diff!).
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
top=$(pwd)
JB=$(cd "$(dirname "$JB")" && pwd)/$(basename "$JB")
SERIES=tests/forms/bulletin.yaml
F=tests/forms
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
[ -n "${KEEP:-}" ] && echo "# $tmp"
unset MAKEFLAGS MFLAGS MAKELEVEL

# 1. The model: dump goldens, no diagnostics.
for f in $F/parse/*.md; do
	"$JB" dump --series $SERIES "$f" >"$tmp/out" 2>"$tmp/err"
	if [ -s "$tmp/err" ]; then
		notok "dump $f printed diagnostics"; sed 's/^/# /' "$tmp/err"
	else
		golden "dump $f" "${f%.md}.tree" "$tmp/out"
	fi
done
"$JB" dump --series $F/series/mapping.yaml $F/series/zhuankan.md >"$tmp/out" 2>&1
check "a 刊别 with its file name prefix from bulletin.yaml" \
	'grep -q "^doc 2026-zhk-01 name=\"创建工作动态\" kind=\"专刊\" 第1期 " "$tmp/out"'
"$JB" dump --series tests/parse/bulletin.yaml $F/parse/zengkan.md >"$tmp/out" 2>&1
check "增刊 is a 刊别 when bulletin.yaml names none" \
	'grep -q "kind=\"增刊\"" "$tmp/out"'
"$JB" dump --series tests/parse/bulletin.yaml $F/parse/tekan.md >"$tmp/out" 2>&1
check "特刊 is unknown unless bulletin.yaml names it" \
	'grep -q "tekan.md:2:5: 错误：未知的刊别 “特刊”，应为 “增刊”" "$tmp/out"'

# 2. Bad input: the exact messages, exit status 1, nothing written and
# what an earlier run wrote left as it was.
for f in $F/diag/*.md; do
	name=$(basename "${f%.md}")
	rm -rf "$tmp/o"
	mkdir -p "$tmp/o"
	echo old >"$tmp/o/$name.html"
	echo old >"$tmp/o/$name.pdf"
	"$JB" build --series $SERIES --out "$tmp/o" "$f" >/dev/null 2>"$tmp/err"
	status=$?
	golden "diagnostics of $f, exit status 1" "${f%.md}.err" "$tmp/err" $status
	check "$name: nothing written, old outputs intact" \
		'[ "$(ls -A "$tmp/o" | tr "\n" " ")" = "$name.html $name.pdf " ] &&
		 [ "$(cat "$tmp/o/$name.html" "$tmp/o/$name.pdf")" = "old
old" ]'
done
for y in $F/series/*.yaml; do
	[ "$y" = $F/series/mapping.yaml ] && continue
	"$JB" dump --series "$y" $F/series/zhuankan.md >/dev/null 2>"$tmp/err"
	status=$?
	golden "bulletin.yaml $(basename "$y")" "${y%.yaml}.err" "$tmp/err"
	check "$(basename "$y"): exit status 2" '[ $status -eq 2 ]'
done

# 3. The print masthead, fixed metrics: 刊名, 增刊 under it, 第N期.
for f in zengkan hekan; do
	"$JB" layout --fixed --series $SERIES $F/parse/$f.md 2>"$tmp/err" |
	    sed '/^  rule /q' >"$tmp/out"
	[ -s "$tmp/err" ] && sed 's/^/# /' "$tmp/err"
	golden "layout of the $f masthead" $F/$f.masthead "$tmp/out"
done
check "the regular masthead has no kind line" \
	'! "$JB" layout --fixed --series $SERIES $F/parse/kickers.md | sed "/^  rule /q" | grep -q "e60012 |增刊|"'
check "the 增刊 masthead: its rule one grid line lower" \
	'r1=$("$JB" layout --fixed --series $SERIES $F/parse/kickers.md | sed -n "s/^  rule [0-9.]* \([0-9.]*\) .*/\1/p" | head -1) &&
	 r2=$(sed -n "s/^  rule [0-9.]* \([0-9.]*\) .*/\1/p" $F/zengkan.masthead) &&
	 python3 -c "import sys; sys.exit(abs($r2 - $r1 - 225*72/25.4/22) > 0.01)"'

# 4. The print edition read back by poppler.
"$JB" build --series $SERIES --out "$tmp/p" $F/parse/zengkan.md $F/parse/hekan.md \
    $F/parse/kickers.md 2>"$tmp/err"
check "增刊, 合刊 and kicker issues build without diagnostics" '! [ -s "$tmp/err" ]'
pdftotext -f 1 -l 1 -bbox-layout "$tmp/p/zengkan.pdf" "$tmp/z.html"
# The words of the masthead, top down: 刊名, then 增刊 in a line of its
# own, then 第2期, all centred on the type area.
python3 - "$tmp/z.html" >"$tmp/mast" <<'PY'
import re, sys, xml.etree.ElementTree as ET
H = '{http://www.w3.org/1999/xhtml}'
root = ET.fromstring(re.sub(rb'<!DOCTYPE[^>]*>', b'', open(sys.argv[1], 'rb').read()))
MM = 72 / 25.4
mid = (28 + 156 / 2) * MM
for ln in root.iter(H + 'line'):
    t = ''.join(w.text or '' for w in ln.iter(H + 'word'))
    x0, x1 = float(ln.get('xMin')), float(ln.get('xMax'))
    print('%s %.1f %d' % (t, float(ln.get('yMin')), abs((x0 + x1) / 2 - mid) < 2))
PY
check "PDF masthead reads 刊名 / 增刊 / 第2期, each centred" \
	'[ "$(sed -n "1,3p" "$tmp/mast" | cut -d" " -f1,3 | tr "\n" /)" = "创建工作动态 1/增刊 1/第2期 1/" ]'
check "PDF title names the 增刊" \
	'pdfinfo "$tmp/p/zengkan.pdf" | grep -q "^Title: *创建工作动态 2026年增刊第2期$"'
pdftotext -f 1 -l 1 "$tmp/p/hekan.pdf" - | tr -d " " >"$tmp/h.txt"
check "PDF masthead of a 合刊 reads 第7—8期（总第63—64期）" \
	'grep -qx "第7—8期（总第63—64期）" "$tmp/h.txt"'
check "PDF title of a 合刊" \
	'pdfinfo "$tmp/p/hekan.pdf" | grep -q "^Title: *创建工作动态 2025年第7—8期$"'
# (a page's first line comes after a form feed)
pdftotext "$tmp/p/kickers.pdf" - | tr -d " \f" | grep . >"$tmp/k.txt"
check "PDF sets a location kicker on the line above its title" \
	'grep -A1 -x "播州区" "$tmp/k.txt" | tail -1 | grep -q "^地点引题"'

# 5. The web edition, parsed.
for f in zengkan hekan kickers; do
	python3 - "$tmp/p/$f.html" >"$tmp/$f.h" <<'PY'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.stack = []; s.out = {}
    def handle_starttag(s, tag, a):
        a = dict(a); key = tag + ('.' + a['class'] if 'class' in a else '')
        s.stack.append(key)
    def handle_endtag(s, tag):
        s.stack.pop()
    def handle_data(s, d):
        if s.stack and d.strip():
            s.out.setdefault(s.stack[-1], []).append(d.strip())
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read())
for k in ('title', 'h1.series', 'p.kind', 'span.issue', 'span.total', 'p.kicker', 'h2'):
    print((k + ' ' + '|'.join(p.out.get(k, []))).rstrip())
PY
done
check "HTML: <title> and masthead of the 增刊" \
	'grep -qx "title 创建工作动态 增刊第2期" "$tmp/zengkan.h" &&
	 grep -qx "p.kind 增刊" "$tmp/zengkan.h" && grep -qx "span.issue 第2期" "$tmp/zengkan.h"'
check "HTML: the kind line comes between 刊名 and 期号" \
	'tr -d "\n" <"$tmp/p/zengkan.html" | grep -q "class=\"series\">创建工作动态</h1><p class=\"kind\">增刊</p><p class=\"number\"><span class=\"issue\">第2期"'
check "HTML: a 合刊's numbers and <title>, no kind line" \
	'grep -qx "title 创建工作动态 第7—8期" "$tmp/hekan.h" &&
	 grep -qx "span.issue 第7—8期" "$tmp/hekan.h" &&
	 grep -qx "span.total 总第63—64期" "$tmp/hekan.h" && grep -qx "p.kind" "$tmp/hekan.h"'
check "HTML: the location kicker stands above its title without ——, as in print" \
	'grep -q "^p.kicker 播州区|" "$tmp/kickers.h"'

# 6. check: 期号 per 刊别, a 合刊 taking both numbers, file names.
(SOURCE_DATE_EPOCH=1780000000 "$JB" check --series $SERIES $F/check/*/*.md) >"$tmp/out" 2>&1
status=$?
golden "check across regular issues, 增刊, 特刊 and 合刊" $F/check.expected "$tmp/out"
check "check: duplicate numbers fail the run" '[ $status -eq 1 ]'

# 7. new --kind, in a scratch archive whose latest issue is a 合刊.
mkdir -p "$tmp/n/issues/2026"
cp $SERIES "$tmp/n/bulletin.yaml"
cp $F/check/2026/01.md $F/check/2026/02.md "$tmp/n/issues/2026/"
(
	cd "$tmp/n" || exit 2
	e=1772000000	# 2026-02-25
	a=$(SOURCE_DATE_EPOCH=$e "$JB" new) &&
	b=$(SOURCE_DATE_EPOCH=$e "$JB" new --kind 增刊) &&
	c=$(SOURCE_DATE_EPOCH=$e "$JB" new --kind zk --date 2026-02-26) &&
	d=$(SOURCE_DATE_EPOCH=$e "$JB" new) &&
	echo "$a $b $c $d" && head -5 "$b" && head -5 "$c" && head -4 "$d"
) >"$tmp/new" 2>&1
golden "new after a 合刊, then new --kind 增刊 twice" $F/new.expected "$tmp/new"
(cd "$tmp/n" && SOURCE_DATE_EPOCH=1772100000 "$JB" check) >"$tmp/out" 2>&1
status=$?
check "the new issues pass check" '[ $status -eq 0 ] && ! [ -s "$tmp/out" ]'
(cd "$tmp/n" && "$JB" new --kind 专刊) >"$tmp/out" 2>&1
status=$?
check "new --kind with an unknown 刊别: exit 2, nothing written" \
	'[ $status -eq 2 ] && grep -q "错误：未知的刊别 “专刊”，应为 “增刊”、“特刊”" "$tmp/out" &&
	 [ "$(ls "$tmp/n/issues/2026" | tr "\n" " ")" = "01.md 02.md 04.md 05.md zk-01.md zk-02.md " ]'

# 7b. import reads a 合刊's numbers and a 增刊's line under the 刊名, and
# files the 增刊 as zk-NN.md.
# (import never replaces a file: each goes to a new one; the notices of
# what went into front matter are no diagnostics)
for f in $F/import/*.txt; do
	rm -f "$tmp/imp.md"
	"$JB" import --series $SERIES "$f" -o "$tmp/imp.md" >/dev/null 2>"$tmp/err"
	status=$?
	golden "import $f" "${f%.txt}.expected" "$tmp/imp.md"
	check "import $f: no diagnostics, exit 0" '[ $status -eq 0 ] && ! grep -v "提示：" "$tmp/err" | grep -q .'
done
mkdir -p "$tmp/i"
cp $SERIES "$tmp/i/bulletin.yaml"
(cd "$tmp/i" && "$JB" import "$top/$F/import/zengkan.txt") >"$tmp/out" 2>"$tmp/err"
check "import writes a 增刊 to issues/YYYY/zk-NN.md" \
	'[ "$(cat "$tmp/out")" = issues/2026/zk-02.md ] && [ -s "$tmp/i/issues/2026/zk-02.md" ]'

# 8. The archive: the 增刊 marked in its year after the regular issue of
# the same date, in the feed and the search index; the cache keeps it.
mkdir -p "$tmp/s/issues/2026"
cp $SERIES "$tmp/s/bulletin.yaml"
cp $F/check/2026/01.md "$tmp/s/issues/2026/01.md"
sed 's/^日期: .*/日期: 2026-01-09/' $F/parse/zengkan.md >"$tmp/s/issues/2026/zk-02.md"
cp $F/parse/hekan.md "$tmp/s/issues/2026/02.md"
sed -i 's/^日期: .*/日期: 2026-01-30/; s/^总期号: .*/总期号: 71-72/; s/^期号: .*/期号: 2-3/' \
    "$tmp/s/issues/2026/02.md"
site() { (cd "$tmp/s" && "$JB" site --templates "$top/templates" --out out issues/2026/*.md); }
site 2>"$tmp/err"
status=$?
check "site builds an archive with a 增刊 and a 合刊" '[ $status -eq 0 ] && ! [ -s "$tmp/err" ]'
python3 - "$tmp/s/out" >"$tmp/arc" <<'PY'
import sys, json, re, xml.etree.ElementTree as ET
from html.parser import HTMLParser
out = sys.argv[1]
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.inlink = 0; s.items = []
    def handle_starttag(s, tag, a):
        if tag == 'a' and ('class', 'issue-link') in a: s.inlink = 1; s.items.append('')
    def handle_endtag(s, tag):
        if tag == 'a': s.inlink = 0
    def handle_data(s, d):
        if s.inlink: s.items[-1] += d
p = P(); p.feed(open(out + '/2026/index.html', encoding='utf-8').read())
print('year:', ' '.join(p.items))
A = '{http://www.w3.org/2005/Atom}'
feed = ET.parse(out + '/feed.xml').getroot()
print('feed:', ' / '.join(e.find(A + 'title').text for e in feed.iter(A + 'entry')))
js = open(out + '/search-index/2026.js', encoding='utf-8').read()
idx = json.loads(js[js.index('{'):js.rindex('}') + 1])
print('search:', ' '.join(i['label'] for i in idx['issues']))
PY
check "year page: 增刊 marked, after the regular issue of its date" \
	'grep -qx "year: 第2—3期 第1期 增刊第2期" "$tmp/arc"'
check "feed entries name the 增刊 and the 合刊" \
	'grep -qx "feed: 创建工作动态 2026年第2—3期 / 创建工作动态 2026年第1期 / 创建工作动态 2026年增刊第2期" "$tmp/arc"'
check "search index labels" \
	'grep -q "^search: .*2026年增刊第2期" "$tmp/arc" && grep -q "^search: .*2026年第2—3期" "$tmp/arc"'
check "archive lists 总第71—72期" 'grep -q "总第71—72期" "$tmp/s/out/2026/index.html"'
cp "$tmp/s/out/2026/index.html" "$tmp/idx1"
cp "$tmp/s/out/feed.xml" "$tmp/feed1"
site 2>"$tmp/err"
check "a second run from the cache (.archive) gives the same pages" \
	'cmp -s "$tmp/idx1" "$tmp/s/out/2026/index.html" && cmp -s "$tmp/feed1" "$tmp/s/out/feed.xml" &&
	 head -1 "$tmp/s/out/.archive" | grep -qx "jianbao-archive 4"'

# 9. make site builds the 增刊 sample as out/2026/zk-01.html and .pdf.
m=$tmp/m
mkdir -p "$m/issues/2026"
cp Makefile bulletin.yaml "$m/"
cp "$JB" "$m/jianbao"
for f in "$(dirname "$JB")"/jianbao-*.so; do cp "$f" "$m/"; done
ln -s "$top/templates" "$m/templates"
[ -d fonts ] && ln -s "$top/fonts" "$m/fonts"
cp issues/2026/01.md issues/2026/zk-01.md "$m/issues/2026/"
cp -R issues/2026/images "$m/issues/2026/"
if make -C "$m" --no-print-directory site >"$tmp/make" 2>&1; then ok "make site with the 增刊 sample"
else notok "make site with the 增刊 sample"; sed 's/^/# /' "$tmp/make"; fi
check "make site writes out/2026/zk-01.html and zk-01.pdf" \
	'[ -s "$m/out/2026/zk-01.html" ] && [ -s "$m/out/2026/zk-01.pdf" ] &&
	 pdftotext -l 1 "$m/out/2026/zk-01.pdf" - | grep -qx "增 *刊"'
check "the issue before links to the 增刊 by its name" \
	'grep -q "href=\"../2026/zk-01.html\">下一期 2026年增刊第1期 ›<" "$m/out/2026/01.html"'
touch "$m/issues/2026/zk-01.md"
make -C "$m" --no-print-directory issue N=2026-zk-01 >"$tmp/make" 2>&1
status=$?
check "make issue N=2026-zk-01 builds the 增刊's file" \
	'[ $status -eq 0 ] && grep -q "build --pdf --out out issues/2026/zk-01.md" "$tmp/make" &&
	 [ "$m/out/2026/zk-01.pdf" -nt "$m/issues/2026/zk-01.md" ]'
[ "$fails" -eq 0 ]
