#!/bin/sh
# t_serve.sh -- jianbao serve: the preview of the samples on 127.0.0.1, a
# save seen in the open page, diagnostics over it, paths kept inside out/,
# types, 200 requests at once, and a clean stop on Ctrl-C (SIGINT).
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh

top=$(pwd)
jb=$(realpath "$JB")
site=$tmp/site
mkdir -p "$site"
cp -r issues templates bulletin.yaml "$site/"
mkdir -p "$site/fonts"
[ -f fonts/README.md ] && cp fonts/README.md "$site/fonts/"

pid=""
stop() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap stop EXIT

# --port 0: the system picks a free port; the first line names it.
(cd "$site" && exec "$jb" serve --port 0 >"$tmp/serve.out" 2>"$tmp/serve.err") &
pid=$!
port=""
for i in $(seq 100); do
	port=$(sed -n 's|^预览：http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/serve.out" 2>/dev/null)
	[ -n "$port" ] && break
	kill -0 $pid 2>/dev/null || break
	sleep 0.2
done
if [ -z "$port" ]; then
	notok "serve starts and says where"
	sed 's/^/# /' "$tmp/serve.out" "$tmp/serve.err"
	exit 1
fi
ok "serve says where: port $port"
base=http://127.0.0.1:$port
check "the first line is the desk's address, with its token" \
	'head -1 "$tmp/serve.out" | grep -q "^编辑台：http://127\.0\.0\.1:$port/desk/?token=[0-9a-f]\{64\}$"'
# It serves while it builds what is stale: the samples come next.
for i in $(seq 300); do
	grep -q "PDF 已写好" "$tmp/serve.out" 2>/dev/null && break
	kill -0 $pid 2>/dev/null || break
	sleep 0.2
done

check "it listens on the loopback address only" \
	'! grep -q "0.0.0.0:$port\|\*:$port" /proc/net/tcp 2>/dev/null &&
	 ss -ltn 2>/dev/null | grep ":$port " | grep -q "127.0.0.1:$port"'

# status and content type of a path, as "CODE TYPE"
get() {
	curl --path-as-is -s -o /dev/null -w '%{http_code} %{content_type}' "$@"
}

check "the site is built after the address is shown" '[ -f "$site/out/index.html" ] && [ -f "$site/out/2025/07.pdf" ]'
check "an issue page is text/html; charset=utf-8" '[ "$(get $base/2025/07.html)" = "200 text/html; charset=utf-8" ]'
check "the home page is served for /" '[ "$(get $base/)" = "200 text/html; charset=utf-8" ]'
check "a print edition is application/pdf" '[ "$(get $base/2025/07.pdf)" = "200 application/pdf" ]'
check "the feed is application/atom+xml" '[ "$(get $base/feed.xml)" = "200 application/atom+xml" ]'
check "the favicon is image/svg+xml" '[ "$(get $base/favicon.svg)" = "200 image/svg+xml" ]'
check "the search script is application/javascript" \
	'get $base/search.js | grep -q "^200 application/javascript"'
img=$(cd "$site/out" && find . -path '*/images/*' \( -name '*.png' -o -name '*.jpg' \) | sed 's|^\./||' | sort)
for f in $img; do
	case $f in *.png) want=image/png ;; *) want=image/jpeg ;; esac
	check "$f is $want" '[ "$(get $base/$f)" = "200 $want" ]'
done
check "a folder without its slash is redirected" '[ "$(get $base/2025 | cut -c1-3)" = 301 ]'
check "HEAD is answered without a body" \
	'[ "$(curl -s -I -o /dev/null -w "%{http_code}" $base/2025/07.html)" = 200 ] &&
	 [ "$(curl -s --head $base/2025/07.pdf | grep -ci "^content-type: application/pdf")" = 1 ]'
for m in POST PUT DELETE OPTIONS; do
	check "$m is refused with 405" '[ "$(curl -s -X $m -o /dev/null -w "%{http_code}" $base/index.html)" = 405 ]'
done
check "405 says which methods are allowed" \
	'curl -s -i -X POST -d x=1 $base/ | grep -qi "^allow: GET, HEAD"'
check "a missing page is 404" '[ "$(get $base/2025/99.html | cut -c1-3)" = 404 ]'
check "hidden files (the archive cache) are 404" '[ "$(get $base/.archive | cut -c1-3)" = 404 ]'

# Nothing outside out/: .., %2e%2e in every spelling, a symbolic link out.
ln -s "$site" "$site/out/outside"
ln -s ../bulletin.yaml "$site/out/series.yaml"
for p in /../bulletin.yaml /%2e%2e/bulletin.yaml /%2E%2E/bulletin.yaml \
    /2025/..%2f..%2fbulletin.yaml /2025/%2e%2e/%2e%2e/issues/2025/07.md \
    /..%5cbulletin.yaml /outside/bulletin.yaml /series.yaml /outside/ \
    "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd"; do
	code=$(get "$base$p" | cut -c1-3)
	check "$p is refused ($code)" '[ "$code" = 403 ] || [ "$code" = 404 ]'
done
code=$(printf 'GET /../bulletin.yaml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' |
	python3 -c 'import socket,sys
s=socket.create_connection(("127.0.0.1",'$port')); s.sendall(sys.stdin.buffer.read())
print(s.recv(64).split()[1].decode())')
check "a raw request for /../ is refused ($code)" '[ "$code" = 403 ] || [ "$code" = 404 ]'
rm "$site/out/outside" "$site/out/series.yaml"

# A request that never ends its headers is bounded.
code=$(python3 -c 'import socket
s=socket.create_connection(("127.0.0.1",'$port'))
s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200000 + b"\r\n\r\n")
try:
    print(s.recv(64).split()[1].decode())
except Exception:
    print("closed")' 2>/dev/null)
check "headers of 200 kB are refused ($code)" '[ "$code" = 431 ] || [ "$code" = 413 ] || [ "$code" = closed ]'

# 200 requests at once, every one answered.
got=$(python3 - "$port" <<'EOF'
import sys, threading, urllib.request
port = sys.argv[1]
paths = ["/", "/2025/07.html", "/2025/07.pdf", "/feed.xml", "/search.html"]
codes = []
lock = threading.Lock()
start = threading.Barrier(200)
def one(i):
    start.wait()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{paths[i % 5]}", timeout=30) as r:
            r.read()
            c = r.status
    except Exception as e:
        c = repr(e)
    with lock:
        codes.append(c)
ts = [threading.Thread(target=one, args=(i,)) for i in range(200)]
for t in ts: t.start()
for t in ts: t.join()
print(sum(1 for c in codes if c == 200), [c for c in codes if c != 200][:3])
EOF
)
check "200 requests at once are all answered ($got)" '[ "${got%% *}" = 200 ]'

# The open page in Chromium follows the editor's saves.
if [ ! -d tests/browser/node_modules/playwright-core ]; then
	(cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund >"$tmp/npm.log" 2>&1) ||
		{ notok "npm ci in tests/browser"; sed 's/^/# /' "$tmp/npm.log"; exit 1; }
fi
timeout 120 node tests/browser/serve.mjs "$base/2025/07.html" "$site/issues/2025/07.md" >"$tmp/browser.log" 2>&1
status=$?
cat "$tmp/browser.log"
fails=$((fails + $(grep -c "^not ok" "$tmp/browser.log")))
check "the browser session ran to the end" '[ $status -eq 0 ] || grep -q "^not ok" "$tmp/browser.log"'
check "the terminal showed the diagnostic too" \
	'grep -q "issues/2025/07.md:[0-9]*:[0-9]*: 错误：日期 “2025-13-45” 无效" "$tmp/serve.err"'
check "the files in out/ carry no reload script" \
	'! grep -rl "EventSource\|__events" "$site/out" >/dev/null'
check "the page served names it" 'curl -s $base/2025/07.html | grep -q "<script src=\"/__reload.js\" data-gen=\"[0-9]*\"></script>"'
check "the reload script listens at /__events" 'curl -s $base/__reload.js | grep -q "EventSource(\"/__events\")"'
# Of inline scripts only the pages' titles.js, by the hash of its bytes.
js=$(python3 -c 'import base64, hashlib, sys; print(base64.b64encode(hashlib.sha256(open(sys.argv[1], "rb").read()).digest()).decode())' templates/titles.js)
want="default-src 'self'; script-src 'self' 'sha256-$js';"
check "pages carry a Content-Security-Policy that allows only this server's scripts and titles.js by its hash" \
	'curl -s -D - -o /dev/null $base/2025/07.html | grep -i "^content-security-policy:" | grep -qF "$want"'
check "the restored issue was built again" \
	'cmp -s "$site/issues/2025/07.md" issues/2025/07.md &&
	 grep -q "$(sed -n "s/^## //p" issues/2025/07.md | head -1)" "$site/out/2025/07.html"'

# An issue added while the preview runs: built, and its neighbour links to it.
sed 's/^期号: 3$/期号: 4/; s/^总期号: 71$/总期号: 72/; s/^日期: 2026-03-06$/日期: 2026-03-20/' \
	issues/2026/03.md >"$site/issues/2026/.04.md.new"
mv "$site/issues/2026/.04.md.new" "$site/issues/2026/04.md"
for i in $(seq 100); do
	grep -q 'rel="next" href="../2026/04.html"' "$site/out/2026/03.html" 2>/dev/null &&
		[ -f "$site/out/2026/04.pdf" ] && break
	sleep 0.2
done
check "an issue added is built and its neighbour links to it" \
	'[ -f "$site/out/2026/04.html" ] && grep -q "rel=\"next\" href=\"../2026/04.html\"" "$site/out/2026/03.html"'
check "the archive lists the issue added" 'grep -q "2026/04.html" "$site/out/index.html"'
# The preview keeps its font subsets from issue to issue and save to save;
# what it prints must not depend on that: the issue saved several times and
# the one added (after its twin 03) are the bytes a fresh build writes.
(cd "$site" && "$jb" build --pdf --out "$tmp/fresh" issues/2025/07.md issues/2026/04.md) \
	>"$tmp/fresh.log" 2>&1
check "a print edition rebuilt in the preview is the one build writes" \
	'cmp "$site/out/2025/07.pdf" "$tmp/fresh/2025/07.pdf" &&
	 cmp "$site/out/2026/04.pdf" "$tmp/fresh/2026/04.pdf"'
# Pictures are kept decoded as well, from save to save of an issue; a
# picture changed is drawn anew.
pdf_changes() {	# wait until out/2025/07.pdf is no longer $1
	for i in $(seq 100); do
		[ "$(cksum <"$site/out/2025/07.pdf")" != "$1" ] && return 0
		sleep 0.2
	done
	return 1
}
cp "$site/issues/2025/07.md" "$tmp/07.md"
before=$(cksum <"$site/out/2025/07.pdf")
{ cat "$tmp/07.md"; printf '\n又讯：分类收运车辆全部完成检修。\n'; } >"$site/issues/2025/.07.md.new"
mv "$site/issues/2025/.07.md.new" "$site/issues/2025/07.md"
pdf_changes "$before"
before=$(cksum <"$site/out/2025/07.pdf")
cp "$site/issues/2025/images/08-guangchang.png" "$site/issues/2025/images/.07-fenlei.png.new"
mv "$site/issues/2025/images/.07-fenlei.png.new" "$site/issues/2025/images/07-fenlei.png"
pdf_changes "$before"
sleep 0.5
(cd "$site" && "$jb" build --pdf --out "$tmp/fresh2" issues/2025/07.md) >"$tmp/fresh.log" 2>&1
check "a picture changed while the preview runs is drawn anew in the PDF" \
	'[ "$(cksum <"$site/out/2025/07.pdf")" != "$before" ] &&
	 cmp "$site/out/2025/07.pdf" "$tmp/fresh2/2025/07.pdf"'
cp issues/2025/images/07-fenlei.png "$site/issues/2025/images/07-fenlei.png"
cp "$tmp/07.md" "$site/issues/2025/07.md"
rm "$site/issues/2026/04.md"
for i in $(seq 100); do
	grep -q 'rel="next" href="../2026/04.html"' "$site/out/2026/03.html" || break
	sleep 0.2
done
check "an issue removed is no neighbour any more" '! grep -q "2026/04.html" "$site/out/2026/03.html"'

# A broken series file: its error goes to the pages; put back, they reload.
cp "$site/bulletin.yaml" "$tmp/bulletin.yaml"
got=$(python3 - "$port" "$site/bulletin.yaml" "$tmp/bulletin.yaml" <<'EOF2'
import shutil, socket, sys, time
port, series, good = sys.argv[1:]
s = socket.create_connection(("127.0.0.1", int(port)), timeout=330)
s.sendall(b"GET /__events HTTP/1.1\r\nHost: x\r\n\r\n")
seen = b""
# Generous limits: each returns as soon as its event comes, but a print
# edition still being rebuilt (under the sanitizers, beside other suites)
# holds the next rebuild back: under the sanitizers on a loaded 2-core
# machine, rebuilding every print edition took over 120 s once.
def until(what, limit=300):
    global seen
    end = time.time() + limit
    while what not in seen and time.time() < end:
        seen += s.recv(65536)
    return what in seen
until(b"event: hello")
with open(series, "a", encoding="utf-8") as f:
    f.write("\n刊名: [坏\n")
broken = until("错误：".encode()) and b"data: bulletin.yaml:" in seen
seen = b""
shutil.copy(good, series)
fixed = until(b"event: reload")
ok = fixed and b"event: diag\ndata:\n" in seen
# the print editions rebuilt after it, so that Ctrl-C below comes to an
# idle server
until(b"event: print")
print("broken" if broken else "no-diag", "fixed" if ok else "not-cleared")
EOF2
)
check "a broken bulletin.yaml is shown to the pages, and cleared when put back ($got)" '[ "$got" = "broken fixed" ]'

# Ctrl-C: exit 0 at once, with an event stream open, no temporary file left.
curl -sN $base/__events >/dev/null 2>&1 &
ev=$!
sleep 0.3
kill -INT $pid
n=0
while kill -0 $pid 2>/dev/null && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
wait $pid
status=$?
pid=""
kill $ev 2>/dev/null
check "SIGINT stops it with exit status 0 ($status, $((n * 100)) ms)" '[ $status -eq 0 ] && [ $n -lt 50 ]'
check "no temporary file is left" '[ -z "$(find "$site" -name "*.tmp-*")" ]'
check "nothing listens on the port afterwards" '! curl -s -o /dev/null $base/'

# make preview: the same server on the samples of this folder.  It runs
# the top-level build, what make preview serves, never $JB: the sanitizer
# run (t_zz_asan.sh) would only repeat it.
if [ -z "${JB_NESTED:-}" ]; then
	make -s preview PORT=0 OUT="$tmp/pv" >"$tmp/pv.out" 2>"$tmp/pv.err" &
	mk=$!
	pvport=""
	for i in $(seq 150); do
		pvport=$(sed -n 's|^预览：http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/pv.out" 2>/dev/null)
		[ -n "$pvport" ] && grep -q "已重排" "$tmp/pv.out" && break
		kill -0 $mk 2>/dev/null || break
		sleep 0.2
	done
	check "make preview serves the samples (port $pvport)" \
		'[ -n "$pvport" ] && [ "$(get http://127.0.0.1:$pvport/2025/07.html)" = "200 text/html; charset=utf-8" ]' ||
		sed 's/^/# /' "$tmp/pv.out" "$tmp/pv.err"
	sv=$(ps -o pid= --ppid $mk | head -1)
	[ -n "$sv" ] && kill -INT $sv
	wait $mk
	st=$?
	check "make preview ends with its server, status 0 ($st)" '[ $st -eq 0 ]'
fi

# A bad --listen and a taken port are clear errors.
(cd "$site" && "$jb" serve --listen nowhere >/dev/null 2>"$tmp/bad.err")
check "a bad --listen is a usage error" '[ $? -eq 2 ] && grep -q "错误：--listen 需要一个 IP 地址" "$tmp/bad.err"'
python3 -c 'import socket,time,sys
s=socket.socket(); s.bind(("127.0.0.1",0)); s.listen(); print(s.getsockname()[1]); sys.stdout.flush(); time.sleep(30)' >"$tmp/taken" &
hold=$!
for i in $(seq 50); do [ -s "$tmp/taken" ] && break; sleep 0.1; done
taken=$(cat "$tmp/taken")
(cd "$site" && timeout 60 "$jb" serve --port "$taken" >/dev/null 2>"$tmp/taken.err")
status=$?
kill $hold 2>/dev/null
check "a port in use is reported ($status)" '[ $status -eq 1 ] && grep -q "错误：无法在 “127.0.0.1” 的 $taken 端口上提供预览" "$tmp/taken.err"' ||
	sed 's/^/# /' "$tmp/taken.err"
(cd "$site" && "$jb" serve --port 70000 >/dev/null 2>"$tmp/port.err")
check "--port beyond 65535 is a usage error" '[ $? -eq 2 ] && grep -q "错误：--port 需要 0 到 65535 的整数" "$tmp/port.err"'
[ $fails -eq 0 ]
