#!/bin/sh
# site.sh -- time rebuilding the archive (home, year pages, feed.xml, search index) of 1,000 issues.
# Usage: bench/site.sh [ISSUES] [RUNS]   (defaults 1000 and 7; target: median <= 2 s)
# Loads and parses every issue each run, as `make site` does after any edit.
cd "$(dirname "$0")/.." || exit 2
n=${1:-1000}
runs=${2:-7}
JB=${JB:-./jianbao}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 bench/gen_issues.py "$n" "$tmp" || exit 2
files=$(cd "$tmp" && ls issues/*/*.md)
top=$(pwd)
# One untimed run warms the page cache and checks the build works.
(cd "$tmp" && "$top/$JB" site --out out --templates "$top/templates" $files) || exit 1

: >"$tmp/times"
i=0
while [ $i -lt "$runs" ]; do
	start=$(date +%s.%N)
	(cd "$tmp" && "$top/$JB" site --out out --templates "$top/templates" $files) || exit 1
	end=$(date +%s.%N)
	awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }' >>"$tmp/times"
	i=$((i + 1))
done
median=$(sort -n "$tmp/times" | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
min=$(sort -n "$tmp/times" | head -1)
max=$(sort -n "$tmp/times" | tail -1)
size=$(du -k "$tmp/out/search-index.js" | cut -f1)
printf '%s 期，%s 次：中位数 %s 秒（最快 %.3f，最慢 %.3f）；search-index.js %s KiB；目标 ≤ 2 秒\n' \
	"$n" "$runs" "$median" "$min" "$max" "$size"
awk -v m="$median" 'BEGIN { exit !(m <= 2.0) }'
