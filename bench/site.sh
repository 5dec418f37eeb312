#!/bin/sh
# site.sh -- time building the archive (home, year pages, feed.xml, search index) of 1,000 issues, from nothing and after one edit.
# Usage: bench/site.sh [ISSUES] [RUNS]   (defaults 1000 and 7)
# Targets: from nothing (every issue parsed, every file written) median <= 2 s;
# after one issue is edited (summaries reused from out/.archive) <= 0.15 s.
cd "$(dirname "$0")/.." || exit 2
n=${1:-1000}
runs=${2:-7}
JB=${JB:-./jianbao}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 bench/gen_issues.py "$n" "$tmp" || exit 2
files=$(cd "$tmp" && ls issues/*/*.md)
last=$(echo "$files" | tail -1)
top=$(pwd)
site() { (cd "$tmp" && "$top/$JB" site --out out --templates "$top/templates" $files); }
# One untimed run warms the page cache and checks the build works.
site || exit 1

# timed NAME PREPARE: median of RUNS runs of site, PREPARE before each.
timed() {
	: >"$tmp/times"
	i=0
	while [ $i -lt "$runs" ]; do
		(cd "$tmp" && eval "$2")
		start=$(date +%s.%N)
		site || exit 1
		end=$(date +%s.%N)
		awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }' >>"$tmp/times"
		i=$((i + 1))
	done
	sort -n "$tmp/times" | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
full=$(timed full "rm -rf out")
incr=$(timed incr "printf '★编辑后增补的一条简讯。\\n\\n' >>$last")
size=$(du -sk "$tmp/out/search-index" | cut -f1)
peak=$( (cd "$tmp" && /usr/bin/time -f %M "$top/$JB" site --out out --templates "$top/templates" $files) 2>&1 | tail -1)
printf '%s 期，各 %s 次中位数：从零生成 %s 秒（目标 ≤ 2 秒）；改一期后 %s 秒（目标 ≤ 0.15 秒）；search-index/ %s KiB；内存峰值 %s KiB\n' \
	"$n" "$runs" "$full" "$incr" "$size" "$peak"
awk -v f="$full" -v i="$incr" 'BEGIN { exit !(f <= 2.0 && i <= 0.15) }'
