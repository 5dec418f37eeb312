#!/bin/sh
# t_site.sh -- the archive site end to end: make site in a scratch project built from tests/site/,
# incremental rebuilds, page/link/feed checks, search index, make publish, then nginx serving it
# under /bulletins/ and headless Chromium reading it (tests/browser/site.mjs).
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
top=$(pwd)
nginx_pid=""
cleanup() {
	[ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

SERIES_NAME=城建工作简报
BASE=/bulletins/
STEMS="2025/02 2025/01 2024/11"	# newest first

# A scratch project: the Makefile, the built program with its
# modules and the test issues.
proj=$tmp/proj
mkdir -p "$proj"
cp Makefile "$proj/"
cp "$JB" "$proj/jianbao"
for f in "$(dirname "$JB")"/jianbao-*.so; do cp "$f" "$proj/"; done
cp -R templates "$proj/templates"
mkdir -p "$proj/scripts"
cp scripts/publish.sh "$proj/scripts/"
cp tests/site/bulletin.yaml "$proj/bulletin.yaml"
cp -R tests/site/issues "$proj/issues"

# Commands make ran, one per line, the program's name stripped.
ran() { grep '^\./jianbao ' "$1" | sed 's/^\.\/jianbao //' | sort; }

if make -C "$proj" site >"$tmp/make1" 2>&1; then
	ok "make site builds the test site"
else
	notok "make site builds the test site"; sed 's/^/# /' "$tmp/make1"
fi
out=$proj/out
for f in index.html search.html search.js search-index/2025.js search-index/2024.js feed.xml 2024/index.html 2025/index.html .archive; do
	check "make site writes $f" '[ -s "$out/$f" ]'
done

make -C "$proj" site >"$tmp/make2" 2>&1
check "a second make site does nothing" '[ -z "$(ran "$tmp/make2")" ]'

# Edit one issue: its page, its PDF and the archive are rebuilt, nothing else.
sleep 1
echo "本期补充一句积分的说明。" >>"$proj/issues/2025/01.md"
make -C "$proj" site >"$tmp/make3" 2>&1
ran "$tmp/make3" >"$tmp/ran3"
check "after editing one issue, its page and PDF are rebuilt by one run" \
	'grep -Eqx "build --jobs [0-9]+ --out out issues/2025/01.md" "$tmp/ran3"'
check "after editing one issue, the archive is rebuilt" \
	'grep -q "^site --out out issues/" "$tmp/ran3"'
check "after editing one issue, no other issue is rebuilt" \
	'[ "$(grep -c "build " "$tmp/ran3")" -eq 1 ]'
if ! [ "$(grep -c "build " "$tmp/ran3")" -eq 1 ]; then sed 's/^/# /' "$tmp/ran3"; fi

# Structure, links, feed.
python3 tests/site_check.py "$out" "$SERIES_NAME" "$BASE" $STEMS

# The incremental archive is the clean one, byte for byte; files that did
# not change keep their time stamps.
clean() {	# clean DIR: the archive of the project's issues, built from nothing
	rm -rf "$1"
	(cd "$proj" && ./jianbao site --out "$1" issues/*/*.md)
}
same_as_clean() {	# same_as_clean NAME: every file of a clean build but its bookkeeping, equal in out
	clean "$tmp/clean"
	bad=$(cd "$tmp/clean" && find . -type f ! -name .archive | while read -r f; do
		cmp -s "$f" "$out/$f" || echo "$f"; done)
	[ "$(ls "$out/search-index")" = "$(ls "$tmp/clean/search-index")" ] ||
		bad="$bad search-index/"
	if [ -z "$bad" ] && [ -s "$tmp/clean/index.html" ]; then ok "$1"; else
		notok "$1"; echo "# differ: $bad"; fi
}
same_as_clean "after an edit, the incremental archive equals a clean build"
stamp() { stat -c %Y.%y "$@"; }
keep="index.html 2024/index.html 2025/index.html search.html feed.xml search.js favicon.svg search-index/2024.js search-index/2025.js"
before=$(cd "$out" && stamp $keep)
sleep 1
touch "$proj/issues/2024/11.md"
make -C "$proj" site >"$tmp/make4" 2>&1
check "touching an issue re-runs the archive" 'ran "$tmp/make4" | grep -q "^site --out out issues/"'
check "a re-run with nothing changed rewrites no archive file" \
	'[ "$(cd "$out" && stamp $keep)" = "$before" ]'
# A new sentence in 2024's issue: that year's search file changes, the
# other year's does not; no page lists body text.
before25=$(stamp "$out/search-index/2025.js")
beforey=$(stamp "$out/2025/index.html" "$out/2024/index.html")
sleep 1
echo "补记商铺回访一次。" >>"$proj/issues/2024/11.md"
make -C "$proj" site >/dev/null 2>&1
check "editing the text of a 2024 issue rewrites search-index/2024.js" \
	'grep -q "补记商铺回访一次" "$out/search-index/2024.js"'
check "editing the text of a 2024 issue leaves search-index/2025.js alone" \
	'[ "$(stamp "$out/search-index/2025.js")" = "$before25" ]'
check "editing body text leaves the year pages alone" \
	'[ "$(stamp "$out/2025/index.html" "$out/2024/index.html")" = "$beforey" ]'
same_as_clean "after a text edit, the incremental archive equals a clean build"
# A title edit reaches the pages; a year that loses its last issue loses
# its page's links and its search file.
sed -i 's/^## \(河湾.*\)$/## \1（修订）/' "$proj/issues/2024/11.md"
make -C "$proj" site >"$tmp/make5" 2>&1
check "a changed title reaches the home page" 'grep -q "（修订）" "$out/index.html"' ||
	sed 's/^/# /' "$tmp/make5"
same_as_clean "after a title edit, the incremental archive equals a clean build"
mv "$proj/issues/2024/11.md" "$tmp/11.md"
make -C "$proj" site >/dev/null 2>&1
check "a year without issues loses its search file" '[ ! -e "$out/search-index/2024.js" ]'
same_as_clean "after removing an issue, the incremental archive equals a clean build"
mkdir -p "$proj/issues/2024" && cp tests/site/issues/2024/11.md "$proj/issues/2024/"
make -C "$proj" site >/dev/null 2>&1
# A changed template reaches every year page, though no issue changed.
cp "$proj/templates/site.css" "$tmp/site.css"
echo '.test-mark { color: inherit; }' >>"$proj/templates/site.css"
make -C "$proj" site >/dev/null 2>&1
check "a changed style sheet reaches the year pages" \
	'grep -q "test-mark" "$out/2024/index.html" && grep -q "test-mark" "$out/2025/index.html"'
same_as_clean "after a template edit, the incremental archive equals a clean build"
cp "$tmp/site.css" "$proj/templates/site.css"
make -C "$proj" site >/dev/null 2>&1
# A damaged summary file is ignored, not trusted.
head -c 900 "$out/.archive" >"$tmp/cut" && cp "$tmp/cut" "$out/.archive"
(cd "$proj" && ./jianbao site --out out issues/*/*.md) 2>"$tmp/err5"
check "a damaged .archive is ignored without a message" '[ ! -s "$tmp/err5" ]'
same_as_clean "after a damaged .archive, the archive equals a clean build"

# The search index through the shipped script's own search function.
cat >"$tmp/search.cjs" <<'EOF'
const fs = require("fs"), vm = require("vm");
const [js, ...parts] = process.argv.slice(2);
const box = {};
for (const p of parts)
	vm.runInNewContext(fs.readFileSync(p, "utf8"), box);
const s = require(js), all = box.JIANBAO_SEARCH, d = s.join(all);
const say = (good, name) => console.log((good ? "ok - " : "not ok - ") + name);
const titles = (q) => s.search(d, q).map((r) => r.article.title);
say(all && all.length === 2 && all.every((p) => p.version === 2) && all[0].year === 2025,
    "the yearly search files append their parts to JIANBAO_SEARCH, newest year first");
say(d.articles.length === 6 && d.issues.length === 3, "the joined index holds every issue and article");
say(d.issues[d.articles[5].issue].href === "2024/11.html", "article numbers run on across the years");
const jf = titles("积分");
say(jf.length === 1 && jf[0] === "一本积分册　激活居民自治", "积分 finds the one article holding it (title first)");
say(s.search(d, "积分")[0].article.anchor === "a2" && s.search(d, "积分")[0].issue.href === "2025/01.html", "the result points at 2025/01.html#a2");
say(titles("加装电梯").length === 1, "a word in body text is found");
say(titles("电梯 财政").length === 1 && titles("电梯 积分").length === 0, "several words must all occur");
say(titles("梯").length === 1, "a single character is found");
say(titles("积分兑换").length === 0, "a phrase that occurs nowhere is not found");
say(titles("").length === 0 && titles("，。").length === 0, "an empty query finds nothing");
EOF
# In the order search.html loads them.
scripts=$(grep -o 'src="search-index/[0-9]*\.js"' "$out/search.html" | sed 's/^src="//; s/"$//')
check "search.html loads one search file per year, newest first" \
	'[ "$(echo $scripts)" = "search-index/2025.js search-index/2024.js" ]'
node "$tmp/search.cjs" "$out/search.js" $(for f in $scripts; do echo "$out/$f"; done)

# A long archive: past 50 issues the home page keeps the newest few of each
# year and links to the year pages, which list them all.
big=$tmp/big
python3 bench/gen_issues.py 60 "$big"
(cd "$big" && "$proj/jianbao" site --out out --templates "$top/templates" issues/*/*.md) ||
	notok "jianbao site on 60 generated issues"
python3 - "$big/out" <<'PYEOF'
import re, sys
out = sys.argv[1]
def hrefs(path, cls):
    s = open(path, encoding="utf-8").read()
    return re.findall(r'<a href="([^"]+)" class="%s"' % cls, s)
def say(good, name):
    print(("ok - " if good else "not ok - ") + name)
home = open(out + "/index.html", encoding="utf-8").read()
links = hrefs(out + "/index.html", "issue-link")
say(len(links) == 15 and links[0] == "2026/12.html",
    "with 60 issues the home page lists the newest 5 of each year")
more = re.findall(r'<p class="more">\s*<a href="(\d{4}/index.html)">', home)
say(more == ["2026/index.html", "2025/index.html", "2024/index.html"],
    "the home page links each year's full list")
say(len(hrefs(out + "/2025/index.html", "issue-link")) == 24,
    "a year page lists every issue of its year")
PYEOF

# make publish: a symlink swapped in one rename, old copies removed.
dest=$tmp/srv/bulletins
make -C "$proj" publish DEST="$dest" >"$tmp/pub1" 2>&1
first=$(readlink "$dest")
check "make publish puts the site at DEST" '[ -L "$dest" ] && [ -f "$dest/index.html" ] && [ -f "$dest/2025/01.html" ]'
check "make publish leaves no build bookkeeping" '[ ! -e "$dest/.issues" ] && [ ! -e "$dest/.archive" ]'
# A reader polling during the next publish always finds a whole site.
( while [ ! -e "$tmp/stop" ]; do
	[ -f "$dest/index.html" ] && [ -f "$dest/search-index/2025.js" ] || echo gap >>"$tmp/gaps"
done ) &
poll=$!
sleep 1
touch "$proj/out/.archive"
make -C "$proj" publish DEST="$dest" >"$tmp/pub2" 2>&1
touch "$tmp/stop"; wait "$poll"
second=$(readlink "$dest")
check "a second publish swaps in a new copy" '[ -n "$second" ] && [ "$second" != "$first" ]'
check "the previous copy is removed" '[ ! -e "$tmp/srv/$first" ]'
check "no staging folder is left" '[ -z "$(ls -d "$tmp/srv"/*.new-* 2>/dev/null)" ]'
check "a reader never saw a missing site during publish" '[ ! -e "$tmp/gaps" ]'

# nginx on 127.0.0.1 serving the site under /bulletins/, no daemon.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ngx=$tmp/nginx
mkdir -p "$ngx"
user=""
[ "$(id -u)" -eq 0 ] && user="user root;"
cat >"$ngx/nginx.conf" <<EOF
$user
daemon off;
worker_processes 1;
pid $ngx/nginx.pid;
error_log $ngx/error.log;
events { worker_connections 64; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log $ngx/access.log;
	client_body_temp_path $ngx/body;
	proxy_temp_path $ngx/proxy;
	fastcgi_temp_path $ngx/fastcgi;
	uwsgi_temp_path $ngx/uwsgi;
	scgi_temp_path $ngx/scgi;
	server {
		listen 127.0.0.1:$port;
		location /bulletins/ { alias $dest/; }
	}
}
EOF
/usr/sbin/nginx -p "$ngx" -c "$ngx/nginx.conf" -e "$ngx/error.log" &
nginx_pid=$!
up=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/bulletins/')" 2>/dev/null; then
		up=1; break
	fi
	sleep 0.25
done
if [ $up = 1 ]; then ok "nginx serves the published site under /bulletins/"; else
	notok "nginx serves the published site under /bulletins/"; tail -3 "$ngx/error.log" | sed 's/^/# /'; exit 1
fi

# Headless Chromium through Playwright.
if [ ! -d tests/browser/node_modules/playwright-core ]; then
	(cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund >"$tmp/npm.log" 2>&1) ||
		{ notok "npm ci in tests/browser"; sed 's/^/# /' "$tmp/npm.log"; exit 1; }
fi
mkdir -p tests/out
node tests/browser/site.mjs "http://127.0.0.1:$port/bulletins/" "$dest" tests/out
status=$?
# Every request the browser made, favicons included, found its file.
if grep -qE '" [45][0-9][0-9] ' "$ngx/access.log"; then
	notok "the server answered no request with an error"
	grep -E '" [45][0-9][0-9] ' "$ngx/access.log" | sed 's/^/# /'
	status=1
else
	ok "the server answered no request with an error"
fi
grep -c '/bulletins/favicon.svg' "$ngx/access.log" | grep -qv '^0$' &&
	ok "issue pages and archive fetch the site's favicon.svg" ||
	{ notok "issue pages and archive fetch the site's favicon.svg"; status=1; }
exit $status
