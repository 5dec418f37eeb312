#!/bin/sh
# desk.sh -- time the editing desk (jianbao serve): a word typed into a 5,000-character issue
# in the browser, to the live page showing it and to the print pages painted again.
# Usage: bench/desk.sh [RUNS]   (default 15)
# Targets: last keystroke -> live page, median <= 300 ms; -> print pages, median <= 1 s.
# Both include the pause the desk waits for before it saves (PAUSE_MS in templates/desk/edit.js).
cd "$(dirname "$0")/.." || exit 2
runs=${1:-15}
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
desk=""
for i in $(seq 150); do
	desk=$(sed -n '1s/^编辑台：//p' "$tmp/serve.out" 2>/dev/null)
	[ -n "$desk" ] && grep -q "PDF 已写好" "$tmp/serve.out" && break
	sleep 0.2
done
[ -n "$desk" ] || { cat "$tmp/serve.err" >&2; exit 1; }
node bench/desk.mjs "$desk" "$issue" "$runs" >"$tmp/times" || exit 1
kill -INT $pid
wait $pid
pid=""

median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.0f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
live=$(cut -d' ' -f1 "$tmp/times" | median)
print=$(cut -d' ' -f2 "$tmp/times" | median)
printf '编辑台，一期 %s 字，%s 次输入的中位数：停止输入到网页版显示 %s 毫秒（目标 ≤ 300 毫秒），到印刷版页面重画 %s 毫秒（目标 ≤ 1000 毫秒）；负载 %s\n' \
	"$chars" "$(wc -l <"$tmp/times")" "$live" "$print" "$(cut -d' ' -f1-3 /proc/loadavg)"
