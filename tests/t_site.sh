#!/bin/sh
# t_site.sh -- the archive site end to end: make site in a scratch project built from tests/site/,
# incremental rebuilds, page/link/feed checks, search index, make publish, then nginx serving it
# under /bulletins/ and headless Chromium reading it (tests/browser/site.mjs).
cd "$(dirname "$0")/.." || exit 2
top=$(pwd)
tmp=$(mktemp -d)
nginx_pid=""
cleanup() {
	[ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
ok() { echo "ok - $1"; }
notok() { echo "not ok - $1"; }
check() { if eval "$2"; then ok "$1"; else notok "$1"; fi; }

SERIES_NAME=城建工作简报
BASE=/bulletins/
STEMS="2025/02 2025/01 2024/11"	# newest first

# A scratch project: the Makefile, the built program and the test issues.
proj=$tmp/proj
mkdir -p "$proj"
cp Makefile "$proj/"
cp "${JB:-./jianbao}" "$proj/jianbao"
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
for f in index.html search.html search.js search-index.js feed.xml 2024/index.html 2025/index.html; do
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

# The search index through the shipped script's own search function.
cat >"$tmp/search.cjs" <<'EOF'
const fs = require("fs"), vm = require("vm");
const [idx, js] = process.argv.slice(2);
const box = {};
vm.runInNewContext(fs.readFileSync(idx, "utf8"), box);
const s = require(js), d = box.JIANBAO_SEARCH;
const say = (good, name) => console.log((good ? "ok - " : "not ok - ") + name);
const titles = (q) => s.search(d, q).map((r) => r.article.title);
say(d && d.version === 1 && d.articles.length === 6, "search-index.js assigns JIANBAO_SEARCH with every article");
const jf = titles("积分");
say(jf.length === 1 && jf[0] === "一本积分册　激活居民自治", "积分 finds the one article holding it (title first)");
say(s.search(d, "积分")[0].article.anchor === "a2" && s.search(d, "积分")[0].issue.href === "2025/01.html", "the result points at 2025/01.html#a2");
say(titles("加装电梯").length === 1, "a word in body text is found");
say(titles("电梯 财政").length === 1 && titles("电梯 积分").length === 0, "several words must all occur");
say(titles("梯").length === 1, "a single character is found");
say(titles("积分兑换").length === 0, "a phrase that occurs nowhere is not found");
say(titles("").length === 0 && titles("，。").length === 0, "an empty query finds nothing");
EOF
node "$tmp/search.cjs" "$out/search-index.js" "$out/search.js"

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
check "make publish leaves no build bookkeeping" '[ ! -e "$dest/.issues" ]'
# A reader polling during the next publish always finds a whole site.
( while [ ! -e "$tmp/stop" ]; do
	[ -f "$dest/index.html" ] && [ -f "$dest/search-index.js" ] || echo gap >>"$tmp/gaps"
done ) &
poll=$!
sleep 1
touch "$proj/out/index.html"
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
	(cd tests/browser && npm ci --no-audit --no-fund >"$tmp/npm.log" 2>&1) ||
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
