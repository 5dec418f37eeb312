#!/bin/sh
# serve.sh -- time jianbao serve: a save of a 5,000-character issue to its page and PDF rebuilt
# in the running process, and to the open page (Chromium) showing the change.
# Usage: bench/serve.sh [RUNS]   (default 21)
# Targets: save -> rebuilt HTML and PDF in the resident process, median <= 20 ms;
# save -> page reloaded in the browser, median <= 300 ms.
cd "$(dirname "$0")/.." || exit 2
runs=${1:-21}
JB=${JB:-./jianbao}
top=$(pwd)
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -INT $pid 2>/dev/null; wait; rm -rf "$tmp"' EXIT

python3 bench/gen.py "$tmp" 1 || exit 2
cp -r templates "$tmp/"
issue=$(cd "$tmp" && ls issues/*/*.md | head -1)
chars=$(python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read()))' "$tmp/$issue")
(cd "$tmp" && exec "$top/$JB" serve --port 0 >"$tmp/serve.out" 2>"$tmp/serve.err") &
pid=$!
port=""
for i in $(seq 150); do
	port=$(sed -n 's|^预览：http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/serve.out" 2>/dev/null)
	[ -n "$port" ] && break
	sleep 0.2
done
[ -n "$port" ] || { cat "$tmp/serve.err" >&2; exit 1; }
page=$(echo "$issue" | sed 's|^issues/||; s|\.md$|.html|')
node bench/serve.mjs "http://127.0.0.1:$port/$page" "$tmp/$issue" "$runs" >"$tmp/reload" || exit 1
sleep 1
kill -INT $pid
wait $pid
pid=""

median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# "已重排 1 期：网页和目录 X 毫秒，PDF Y 毫秒，Word 版 Z 毫秒；保存后 W 毫秒 PDF 已写好",
# one line per save after the first build; W counts from the save's first event, so it holds
# the wait for the rest of the save and for the open pages to fetch themselves first
sed -n 's/^已重排 1 期：网页和目录 \([0-9.]*\) 毫秒，PDF \([0-9.]*\) 毫秒，Word 版 \([0-9.]*\) 毫秒；保存后 \([0-9.]*\) 毫秒 PDF 已写好$/\1 \2 \3 \4/p' "$tmp/serve.out" |
	tail -n "$runs" >"$tmp/builds"
html=$(cut -d' ' -f1 "$tmp/builds" | median)
pdf=$(cut -d' ' -f2 "$tmp/builds" | median)
word=$(cut -d' ' -f3 "$tmp/builds" | median)
wall=$(cut -d' ' -f4 "$tmp/builds" | median)
both=$(awk '{ print $1 + $2 }' "$tmp/builds" | median)
reload=$(median <"$tmp/reload")
printf '一期 %s 字，%s 次保存的中位数：网页和目录 %s 毫秒，PDF %s 毫秒，网页和 PDF 合计 %s 毫秒（目标 ≤ 20 毫秒）；Word 版另需 %s 毫秒；从保存到 PDF 写好（含等待网页先刷新）%s 毫秒；保存到浏览器中的网页刷新 %s 毫秒（目标 ≤ 300 毫秒）；负载 %s\n' \
	"$chars" "$(wc -l <"$tmp/builds")" "$html" "$pdf" "$both" "$word" "$wall" "$reload" "$(cut -d' ' -f1-3 /proc/loadavg)"
