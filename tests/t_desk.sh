#!/bin/sh
# t_desk.sh -- the editing desk of jianbao serve: who may change what
# (token and cookie, Origin, Host, names, uploads, CSP, --listen with a
# password file), saves against a version (conflicts refused, both
# versions shown), a burst of saves killed with SIGKILL (the file old or
# new, never torn, the history intact), and an editor's session in
# Chromium (tests/browser/desk.mjs).
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh

PY=/usr/bin/python3
jb=$(realpath "$JB")
site=$tmp/site
mkdir -p "$site/fonts"
cp -r issues templates bulletin.yaml "$site/"

pid=""
stop() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap stop EXIT

# start [OPTIONS]: serve in $site; sets pid, desk (the first line's
# address), base, token; waits for the first build.
start() {
	rm -f "$tmp/serve.out"
	(cd "$site" && exec "$jb" serve --port 0 "$@" >"$tmp/serve.out" 2>"$tmp/serve.err") &
	pid=$!
	desk=""
	for i in $(seq 150); do
		desk=$(sed -n '1s/^编辑台：//p' "$tmp/serve.out" 2>/dev/null)
		[ -n "$desk" ] && break
		kill -0 $pid 2>/dev/null || break
		sleep 0.2
	done
	for i in $(seq 300); do
		grep -q "PDF 已写好" "$tmp/serve.out" 2>/dev/null && break
		sleep 0.2
	done
	base=${desk%%/desk/*}
	token=${desk##*token=}
}

stop_server() {
	kill -INT "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	pid=""
}

start
if [ -z "$desk" ]; then
	notok "serve starts and prints the desk's address"
	sed 's/^/# /' "$tmp/serve.out" "$tmp/serve.err"
	exit 1
fi
check "the first line is the desk's address with a token of 256 bits" \
	'echo "$desk" | grep -q "^http://127\.0\.0\.1:[0-9]*/desk/?token=[0-9a-f]\{64\}$"'
host=${base#http://}
ck="jianbao_desk=$token"
issue=issues/2025/07.md

# code URL [CURL OPTIONS]: the status of a request
code() {
	_u=$1
	shift
	curl --path-as-is -s -o "$tmp/body" -w '%{http_code}' "$@" "$_u"
}
version() {
	curl -s -b "$ck" "$base/desk/api/source?path=$1" |
	    $PY -c 'import json,sys; print(json.load(sys.stdin)["version"])'
}
sums() {
	(cd "$site" && find issues bulletin.yaml templates -type f ! -path '*/.history/*' | sort | xargs cksum)
}

# ---- the door ----
r=$(curl -s -D - -o /dev/null "$desk")
check "the token address sets the cookie HttpOnly, SameSite=Strict, and drops the token" \
	'echo "$r" | grep -qi "^set-cookie: jianbao_desk=$token; Path=/; HttpOnly; SameSite=Strict" &&
	 echo "$r" | grep -qi "^location: /desk/"'
check "a wrong token is refused" '[ "$(code "$base/desk/?token=$(echo $token | tr 0-9a-f a-f0-9)")" = 403 ]'
check "the desk without its cookie is refused" '[ "$(code $base/desk/)" = 403 ]'
check "the API without the cookie is refused" '[ "$(code "$base/desk/api/source?path=$issue")" = 403 ]'
check "the desk with its cookie opens" '[ "$(code $base/desk/ -b "$ck")" = 200 ]'
check "a foreign Host is refused even with the cookie (DNS rebinding)" \
	'[ "$(code $base/desk/ -b "$ck" -H "Host: rebind.example:${host##*:}")" = 421 ]'
# Of inline scripts only the issue pages' titles.js, by its hash.
for p in / /desk/ "/desk/api/issues" /2025/07.html; do
	check "$p carries the Content-Security-Policy" \
		'curl -s -D - -o /dev/null -b "$ck" "$base$p" | tr -d "\r" |
		 grep -qi "^content-security-policy: default-src .self.; script-src .self. .sha256-[A-Za-z0-9+/]*=.; .*object-src .none."'
done
check "the desk's page names no inline script and no script from elsewhere" \
	'curl -s -b "$ck" "$base/desk/edit/$issue" >"$tmp/edit.html" &&
	 ! grep -q "<script>" "$tmp/edit.html" &&
	 ! grep -o "src=\"[^\"]*\"" "$tmp/edit.html" | grep -v "^src=\"/desk/" | grep -q .'
check "CodeMirror is Debian's, served from /usr/share/javascript" \
	'curl -s -b "$ck" $base/desk/sys/codemirror/lib/codemirror.js | cmp -s - /usr/share/javascript/codemirror/lib/codemirror.js'

# ---- changes refused: 4xx and nothing written ----
ver=$(version $issue)
printf '%s\n' "$(cat "$site/$issue")" "外来的一句。" >"$tmp/new.md"
before=$(sums)
save() {	# save [CURL OPTIONS]: POST the new text over the issue
	code "$base/desk/api/save?path=$issue" -X POST -H "X-Jianbao-Base: $ver" \
	    --data-binary @"$tmp/new.md" "$@"
}
refused() {	# refused NAME WANT [CURL OPTIONS]
	_n=$1 _w=$2
	shift 2
	got=$(save "$@")
	check "a save with $_n is refused ($got)" '[ "$got" = "$_w" ]'
}
refused "no cookie" 403 -H "Origin: $base"
refused "a wrong cookie" 403 -b "jianbao_desk=0000" -H "Origin: $base"
refused "a foreign Origin" 403 -b "$ck" -H "Origin: http://evil.example"
refused "a foreign Referer and no Origin" 403 -b "$ck" -H "Referer: http://evil.example/x"
refused "neither Origin nor Referer" 403 -b "$ck"
refused "Origin null" 403 -b "$ck" -H "Origin: null"
refused "the right Origin on another port" 403 -b "$ck" -H "Origin: http://127.0.0.1:1"
refused "a foreign Host" 421 -b "$ck" -H "Host: evil.example" -H "Origin: http://evil.example"
for p in "issues/../bulletin.yaml" "bulletin.yaml" "/etc/passwd" "issues/2025/../../bulletin.yaml" \
    "issues/2025/07.md/../08.md" "issues/2025/images/07-fenlei.png" "templates/issue.html" \
    "issues/2025/07.txt" "issues//2025/07.md" "./issues/2025/07.md"; do
	got=$(code "$base/desk/api/save?path=$p" -X POST -b "$ck" -H "Origin: $base" \
	    -H "X-Jianbao-Base: $ver" --data-binary @"$tmp/new.md")
	check "a save to $p is refused ($got)" '[ "$got" = 403 ]'
done
mkdir -p "$tmp/outside/2031"
cp "$site/$issue" "$tmp/outside/2031/01.md"
ln -s "$tmp/outside/2031" "$site/issues/2031"
ln -s ../../bulletin.yaml "$site/issues/2025/09.md"
before=$(sums)
for p in issues/2031/01.md issues/2025/09.md; do
	got=$(code "$base/desk/api/save?path=$p" -X POST -b "$ck" -H "Origin: $base" \
	    -H "X-Jianbao-Base: $ver" --data-binary @"$tmp/new.md")
	check "a save through a symbolic link out ($p) is refused ($got)" '[ "$got" = 403 ]'
	got=$(code "$base/desk/api/source?path=$p" -b "$ck")
	check "reading through a symbolic link out ($p) is refused ($got)" '[ "$got" = 403 ]'
done
for p in /desk/sys/codemirror/../../../../etc/passwd /desk/sys/pdf/../../../etc/passwd \
    /desk/static/../edit.html "/desk/static/..%2f..%2fbulletin.yaml"; do
	got=$(code "$base$p" -b "$ck")
	check "$p is refused ($got)" '[ "$got" = 403 ] || [ "$got" = 404 ]'
done
rm "$site/issues/2031" "$site/issues/2025/09.md"

# uploads: bounded, and sniffed, not taken by their name
head -c $((21 * 1024 * 1024)) /dev/zero >"$tmp/big.png"
got=$(code "$base/desk/api/image?path=$issue" -X POST -b "$ck" -H "Origin: $base" \
    -H "X-Jianbao-Name: big.png" --data-binary @"$tmp/big.png")
check "a picture of 21 MB is refused ($got)" '[ "$got" = 413 ]'
printf 'GIF89a not a picture we print' >"$tmp/fake.png"
got=$(code "$base/desk/api/image?path=$issue" -X POST -b "$ck" -H "Origin: $base" \
    -H "X-Jianbao-Name: fake.png" --data-binary @"$tmp/fake.png")
check "a file named .png that is none is refused ($got)" '[ "$got" = 415 ]'
printf '\177ELF\2\1\1\0\0\0' >"$tmp/prog.docx"
got=$(code "$base/desk/api/import?path=$issue" -X POST -b "$ck" -H "Origin: $base" \
    -H "X-Jianbao-Base: $ver" -H "X-Jianbao-Name: prog.docx" --data-binary @"$tmp/prog.docx")
check "a program named .docx is refused for import ($got)" '[ "$got" = 415 ]'
printf '\377\376\0\0' | cat - "$tmp/new.md" >"$tmp/bad.md"
got=$(code "$base/desk/api/save?path=$issue" -X POST -b "$ck" -H "Origin: $base" \
    -H "X-Jianbao-Base: $ver" --data-binary @"$tmp/bad.md")
check "a save that is not UTF-8 text is refused ($got)" '[ "$got" = 415 ]'
check "no refused request changed a file" '[ "$(sums)" = "$before" ]'
check "and none left a file in the history" '[ ! -d "$site/issues/.history" ]'

# ---- saves against a version ----
got=$(save -b "$ck" -H "Origin: $base")
check "a save from the desk is taken ($got)" '[ "$got" = 200 ] && cmp -s "$tmp/new.md" "$site/$issue"'
check "the version replaced is in the history" \
	'[ "$(ls "$site/issues/.history/2025/07.md" | wc -l)" = 1 ] &&
	 cmp -s "$site/issues/.history/2025/07.md/"* issues/2025/07.md'
check "the reply carries the new version" \
	'[ "$($PY -c "import json; print(json.load(open(\"$tmp/body\"))[\"version\"])")" = "$(sha256sum <"$tmp/new.md" | cut -c1-64)" ]'
printf '%s\n' "$(cat "$site/$issue")" "另一个编辑器加的一句。" >"$tmp/other.md"
cp "$tmp/other.md" "$site/$issue"
got=$(save -b "$ck" -H "Origin: $base")
check "a save based on a version changed since is refused ($got)" '[ "$got" = 409 ]'
check "the file keeps the other change" 'cmp -s "$tmp/other.md" "$site/$issue"'
check "the refusal carries the version on disk, for both to be shown" \
	'$PY -c "import json,sys; d=json.load(open(\"$tmp/body\")); sys.exit(d[\"text\"] != open(\"$tmp/other.md\", encoding=\"utf-8\").read())"'
cp issues/2025/07.md "$site/$issue"

# ---- the front matter as a form: only the values changed are rewritten ----
$PY - "$site/$issue" "$tmp/fm-want.md" <<'EOF'
import sys
src, want = sys.argv[1:]
s = open(src, encoding="utf-8").read()
end = s.index("\n---\n", 4)
fm, body = s[4:end + 1], s[end + 1:]
fm = ("# 期次信息（注释要留着）\n" + fm.replace("总期号: 63\n", "总期号: 63   # 全年连续编号\n") +
      "本期增发:\n  送:\n    - 市公安局交通警察支队\n  发: [各文明交通志愿服务站]  # 行内的列表\n"
      "署名:\n  # 只改编辑\n  编辑: 罗晓岚\n")
open(src, "w", encoding="utf-8").write("---\n" + fm + body)
i = fm.index("编者按: |")
j = fm.index("本期增发:")
fm2 = (fm[:i].replace("期号: 7\n", "期号: 8\n").replace("总期号: 63 ", "总期号: 64 ") +
       "编者按: |\n  第一段改过。\n\n  第二段有冒号: 井号 # 和\"引号\"。\n" +
       fm[j:].replace("    - 市公安局交通警察支队\n", "    - 市公安局交通警察支队\n    - 市教育局\n")
             .replace("[各文明交通志愿服务站]", "[各文明交通志愿服务站, '#各学校']")
             .replace("  编辑: 罗晓岚\n", "  编辑: 冯其远\n  签发: 邹明川\n") + "刊别: 增刊\n")
open(want, "w", encoding="utf-8").write("---\n" + fm2 + body)
EOF
cp "$site/$issue" "$tmp/fm-before.md"
ver=$(version $issue)
got=$(code "$base/desk/api/frontmatter?path=$issue" -b "$ck")
check "the form reads the values, one mapping down and lists too ($got)" \
	'[ "$got" = 200 ] && $PY -c "import json,sys; v=json.load(open(\"$tmp/body\"))[\"values\"]
sys.exit(not (v[\"期号\"] == \"7\" and v[\"署名.编辑\"] == \"罗晓岚\" and
    v[\"本期增发.发\"] == [\"各文明交通志愿服务站\"] and v[\"编者按\"].endswith(\"查漏补缺。\n\")))"'
printf '%s' '{"期号":"8","总期号":"64","编者按":"第一段改过。\n\n第二段有冒号: 井号 # 和\"引号\"。\n","本期增发.送":["市公安局交通警察支队","市教育局"],"本期增发.发":["各文明交通志愿服务站","#各学校"],"署名.编辑":"冯其远","署名.签发":"邹明川","刊别":"增刊"}' >"$tmp/fm.json"
got=$(code "$base/desk/api/frontmatter?path=$issue" -X POST -b "$ck" -H "Origin: $base" \
    -H "X-Jianbao-Base: $ver" -H "Content-Type: application/json" --data-binary @"$tmp/fm.json")
check "the form's changes are written ($got)" '[ "$got" = 200 ]'
check "only the values changed are rewritten: comments, order and the rest kept" \
	'diff -u "$tmp/fm-want.md" "$site/$issue"' || true
check "what the form wrote is YAML the program reads" \
	'(cd "$site" && "$jb" dump "$issue" >"$tmp/dump" 2>"$tmp/dump.err") && grep -q "增刊" "$tmp/dump"' ||
	sed 's/^/# /' "$tmp/dump.err"
check "the version before the form is in the history" \
	'cmp -s "$(ls -d "$site/issues/.history/2025/07.md/"* | tail -1)" "$tmp/fm-before.md"'
cp issues/2025/07.md "$site/$issue"

got=$(code "$base/desk/api/publish" -X POST -b "$ck" -H "Origin: $base")
check "publishing without --publish is refused ($got)" '[ "$got" = 409 ] && [ ! -e "$tmp/www" ]'

# ---- a burst of saves killed by SIGKILL ----
# 400 saves of versions 30 KB to 60 KB long, each on the last; the
# server is killed in the middle.  The file is then one of the versions
# sent, whole, and so is every file of its history.
$PY - "$base" "$token" "$site" "$tmp/burst" <<'EOF' &
import hashlib, http.client, json, sys, urllib.parse
base, token, site, out = sys.argv[1:]
host = urllib.parse.urlparse(base)
path = "issues/2026/01.md"
orig = open(f"{site}/{path}", encoding="utf-8").read()
version = hashlib.sha256(orig.encode()).hexdigest()
sent = [orig]
try:
    for i in range(400):
        text = orig + "".join(f"\n第{i}次保存的第{k}段，写满一行中文字。\n" for k in range(300 + (i % 2) * 300))
        sent.append(text)
        with open(out, "w", encoding="utf-8") as f:
            json.dump(sent, f)
        c = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
        c.request("POST", "/desk/api/save?path=" + path, text.encode(),
                  {"Cookie": "jianbao_desk=" + token, "Origin": base,
                   "X-Jianbao-Base": version})
        r = c.getresponse()
        body = json.loads(r.read())
        if r.status != 200:
            break
        version = body["version"]
except Exception:
    pass
EOF
burst=$!
sleep 3.5
kill -9 "$pid"
wait "$pid" 2>/dev/null
pid=""
wait $burst
got=$($PY - "$site" "$tmp/burst" <<'EOF'
import json, os, sys
site, burst = sys.argv[1:]
sent = set(json.load(open(burst, encoding="utf-8")))
now = open(f"{site}/issues/2026/01.md", encoding="utf-8").read()
hist = f"{site}/issues/.history/2026/01.md"
kept = [open(f"{hist}/{n}", encoding="utf-8").read() for n in os.listdir(hist) if not n.startswith(".")]
print(len(sent) - 1, "saves sent;", "file whole" if now in sent else "FILE TORN",
      len(kept), "in history", "all whole" if all(k in sent for k in kept) else "HISTORY TORN")
EOF
)
check "after SIGKILL in a burst of saves: $got" \
	'echo "$got" | grep -q "file whole" && echo "$got" | grep -q "all whole" &&
	 [ "$(echo "$got" | cut -d" " -f1)" -gt 5 ]'
# 50 versions, and one more when the kill fell between keeping a version
# and letting the oldest go
n=$(ls "$site/issues/.history/2026/01.md" | wc -l)
check "the history is bounded: $n versions kept of $(echo "$got" | cut -d" " -f1) saves" \
	'[ "$n" -le 51 ] && [ "$(echo "$got" | cut -d" " -f1)" -gt 50 ]'
# What a killed server left behind goes when the next one starts: its
# temporary files (one of each kind made here, as a kill leaves them,
# beside one of a live process that must stay) and a 51st version.
: >"$site/issues/2026/.01.md.desk-999999-1"
: >"$site/issues/.history/2026/01.md/.20260101T000000.000000Z.md.desk-999999-1"
mkdir -p "$site/issues/2026/images"
: >"$site/issues/2026/images/.desk-upload-999999-7.png"
: >"$site/issues/2026/.01.md.desk-$$-1"
cp "$site/issues/.history/2026/01.md/$(ls "$site/issues/.history/2026/01.md" | head -1)" \
	"$site/issues/.history/2026/01.md/19990101T000000.000000Z.md"
(cd "$site" && exec "$jb" serve --port 0 --out "$tmp/sweep-out" >"$tmp/sweep.log" 2>&1) &
sweep=$!
for i in $(seq 1 100); do grep -q "http://" "$tmp/sweep.log" 2>/dev/null && break; sleep 0.1; done
kill "$sweep"; wait "$sweep" 2>/dev/null
left=$(cd "$site/issues" && find . -name '.*desk-999999*' | wc -l)
n=$(ls "$site/issues/.history/2026/01.md" | wc -l)
check "a new server removes what a killed one left ($left left, $n versions)" \
	'[ "$left" = 0 ] && [ "$n" -le 50 ] && [ -e "$site/issues/2026/.01.md.desk-$$-1" ] &&
	 [ ! -e "$site/issues/.history/2026/01.md/19990101T000000.000000Z.md" ]'
rm -f "$site/issues/2026/.01.md.desk-$$-1"
cp issues/2026/01.md "$site/issues/2026/01.md"

# ---- beyond this machine: only with a password ----
(cd "$site" && "$jb" serve --port 0 --listen 0.0.0.0 >/dev/null 2>"$tmp/nopw.err")
check "--listen 0.0.0.0 without a password file is refused" \
	'[ $? -eq 2 ] && grep -q "错误：--listen 到本机以外的地址时，须用 --password-file 给出密码文件" "$tmp/nopw.err"'
printf '# 编辑台的用户\nzhang:%s\nli:%s:ro\n' \
	"$(echo 'zhang-mima' | mkpasswd -m yescrypt --stdin 2>/dev/null)" \
	"$(echo 'li-mima' | mkpasswd -m yescrypt --stdin 2>/dev/null)" >"$tmp/users"
printf 'zhang\n' >"$tmp/bad-users"
(cd "$site" && "$jb" serve --port 0 --listen 0.0.0.0 --password-file "$tmp/bad-users" >/dev/null 2>"$tmp/badpw.err")
check "a password file without hashes is refused" \
	'[ $? -eq 2 ] && grep -q "users:1: 错误：密码文件中应有 “用户名:密码散列” 的行" "$tmp/badpw.err"'
if grep -q '^zhang:\$y\$' "$tmp/users"; then
	start --listen 0.0.0.0 --password-file "$tmp/users"
	port=${base##*:}
	base=http://127.0.0.1:$port
	check "--listen 0.0.0.0 with a password file serves ($port)" '[ -n "$desk" ]'
	check "without the password nothing is served" '[ "$(code $base/2025/07.html)" = 401 ]'
	check "a wrong password is refused" '[ "$(code $base/desk/ -u zhang:wrong)" = 401 ]'
	check "the password opens the desk and gives the cookie" \
		'[ "$(code $base/desk/ -u zhang:zhang-mima -c "$tmp/jar")" = 303 ] &&
		 grep -q "jianbao_desk" "$tmp/jar"'
	ver=$(curl -s -u zhang:zhang-mima -b "$tmp/jar" "$base/desk/api/source?path=$issue" |
	    $PY -c 'import json,sys; print(json.load(sys.stdin)["version"])')
	check "with the password a save without the Origin is still refused" \
		'[ "$(save -u zhang:zhang-mima -b "$tmp/jar")" = 403 ]'
	check "a reviewer (:ro) cannot save" \
		'[ "$(save -u li:li-mima -b "$tmp/jar" -H "Origin: $base")" = 403 ]'
	check "a reviewer's page is told it only reads" \
		'curl -s -u li:li-mima -b "$tmp/jar" "$base/desk/api/source?path=$issue" | grep -q "\"readonly\": *true" &&
		 curl -s -u zhang:zhang-mima -b "$tmp/jar" "$base/desk/api/source?path=$issue" | grep -q "\"readonly\": *false"'
	check "an editor with the password, the cookie and the Origin can" \
		'[ "$(save -u zhang:zhang-mima -b "$tmp/jar" -H "Origin: $base")" = 200 ]'
	# the server remembers a password that matched, never a near miss
	check "after the right password, a wrong one or another user's is still refused" \
		'[ "$(code $base/desk/ -u zhang:zhang-mimaX)" = 401 ] &&
		 [ "$(code $base/desk/ -u zhang:zhang-mim)" = 401 ] &&
		 [ "$(code $base/desk/ -u zhang:li-mima)" = 401 ] &&
		 [ "$(code $base/desk/ -u li:zhang-mima)" = 401 ]'
	stop_server
	cp issues/2025/07.md "$site/$issue"
else
	skip "--listen with a password file" "mkpasswd (Debian's whois) is not installed"
fi

# ---- --read-only: nobody changes anything ----
start --read-only
ck="jianbao_desk=$token"
ver=$(version $issue)
before=$(sums)
check "--read-only refuses a save from the desk itself" '[ "$(save -b "$ck" -H "Origin: $base")" = 403 ]'
check "--read-only refuses new issues" \
	'[ "$(code "$base/desk/api/new" -X POST -b "$ck" -H "Origin: $base")" = 403 ] && [ "$(sums)" = "$before" ]'
stop_server

# ---- an editor's session in Chromium ----
if [ ! -d tests/browser/node_modules/playwright-core ]; then
	(cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund >"$tmp/npm.log" 2>&1) ||
		{ notok "npm ci in tests/browser"; sed 's/^/# /' "$tmp/npm.log"; exit 1; }
fi
if $PY -c 'import docx' 2>/dev/null; then
	$PY - "$tmp/laigao.docx" <<'EOF'
import sys, docx
d = docx.Document()
d.add_heading("垃圾分类桶进小区", level=1)
d.add_paragraph("本报讯　桂香社区在各小区设置分类收集桶一百二十组，居民参与率明显提高。")
d.save(sys.argv[1])
EOF
	rm -rf "$site/issues/.history"
	mkdir -p "$site/scripts"
	cp scripts/publish.sh "$site/scripts/"
	start --publish "$tmp/www/bulletins"
	timeout 240 node tests/browser/desk.mjs "$desk" "$site" "$tmp/laigao.docx" \
	    issues/2025/images/07-fenlei.png "$tmp/www/bulletins" >"$tmp/browser.log" 2>&1
	status=$?
	cat "$tmp/browser.log"
	fails=$((fails + $(grep -c "^not ok" "$tmp/browser.log")))
	check "the browser session ran to the end" '[ $status -eq 0 ] || grep -q "^not ok" "$tmp/browser.log"'
	# the desk's pages: axe in Chromium, the keyboard, and the Nu checker on
	# the pages as served and as the first one fills in
	mkdir -p "$tmp/pages"
	timeout 120 node tests/browser/deskaxe.mjs "$desk" issues/2025/07.md "$tmp/pages" >"$tmp/axe.log" 2>&1
	status=$?
	cat "$tmp/axe.log"
	fails=$((fails + $(grep -c "^not ok" "$tmp/axe.log")))
	check "axe ran to the end" '[ $status -eq 0 ] || grep -q "^not ok" "$tmp/axe.log"'
	vnu=tests/browser/node_modules/vnu-jar/build/dist/vnu.jar
	if [ -f $vnu ] && command -v java >/dev/null; then
		timeout 120 java -Xss8m -jar $vnu --errors-only --format gnu templates/desk/index.html \
		    templates/desk/edit.html "$tmp/pages/index.html" >"$tmp/vnu.log" 2>&1
		check "the desk's pages pass the Nu checker" '[ $? -eq 0 ] && [ ! -s "$tmp/vnu.log" ]' ||
			sed 's/^/# /' "$tmp/vnu.log" | head -10
		timeout 60 java -jar $vnu --errors-only --format gnu --css templates/desk/desk.css >"$tmp/vnu.log" 2>&1
		check "the desk's style sheet passes the Nu checker" '[ $? -eq 0 ] && [ ! -s "$tmp/vnu.log" ]' ||
			sed 's/^/# /' "$tmp/vnu.log" | head -10
	else
		skip "the Nu checker on the desk's pages" "vnu-jar or java is missing"
	fi
	stop_server
else
	skip "the editor's session in Chromium" "python3-docx is not installed"
fi
# ---- a PDF dropped on the desk: sniffed by %PDF-, imported, a scan refused ----
cp issues/2025/07.md "$site/$issue"
start
ck="jianbao_desk=$token"
"$JB" build --pdf --series tests/pdf/bulletin.yaml --out "$tmp/pb" tests/pdf/issue.md >/dev/null 2>&1
ver=$(version $issue)
got=$(code "$base/desk/api/import?path=$issue" -X POST -b "$ck" -H "Origin: $base" \
    -H "X-Jianbao-Base: $ver" -H "X-Jianbao-Name: laigao.pdf" --data-binary @"$tmp/pb/issue.pdf")
check "a text PDF dropped on the desk is imported into the issue ($got)" \
	'[ "$got" = 200 ] && grep -q "^## 河湾县召开文明实践工作调度会$" "$site/$issue"' || sed 's/^/# /' "$tmp/body"
if $PY -c 'import docx' 2>/dev/null; then
	$PY tests/import4/mkpdf.py "$tmp"
	cp "$site/$issue" "$tmp/before-scan.md"
	ver=$(version $issue)
	got=$(code "$base/desk/api/import?path=$issue" -X POST -b "$ck" -H "Origin: $base" \
	    -H "X-Jianbao-Base: $ver" -H "X-Jianbao-Name: saomiao.pdf" --data-binary @"$tmp/scan.pdf")
	check "a scanned PDF is refused with import's message, the issue unchanged ($got)" \
		'[ "$got" = 422 ] && grep -q "没有文字层（可能是扫描件），请先做文字识别" "$tmp/body" &&
		 cmp -s "$tmp/before-scan.md" "$site/$issue"' || sed 's/^/# /' "$tmp/body"
else
	skip "a scanned PDF dropped on the desk" "python3-docx is not installed"
fi
stop_server
cp issues/2025/07.md "$site/$issue"

[ $fails -eq 0 ]
