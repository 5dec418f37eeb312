#!/bin/sh
# pdf.sh -- time the print edition: a 5,000-character issue built to PDF,
# median wall time of N runs and peak RSS (GNU time).  Budget: 150 ms, 80 MiB.
#   sh bench/pdf.sh [N]      (SERIES=file picks the series; default bulletin.yaml;
#                             TABLE=20 adds a table of 20 rows to the issue)
# EXTRA="a.md b.md" appends the body of each issue named once, its pictures
# copied from the images/ folder beside it (tests/pics/row.md: photo rows).
cd "$(dirname "$0")/.." || exit 2
JB=${JB:-./jianbao}
N=${1:-11}
SERIES=${SERIES:-bulletin.yaml}
TABLE=${TABLE:-0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The test issue, its articles repeated until the body has 5,000 characters.
cp -r tests/pdf/images "$tmp/"
awk 'NR == 1, /^---$/ && NR > 1' tests/pdf/issue.md >"$tmp/head"
awk 'f; /^---$/ && NR > 1 { f = 1 }' tests/pdf/issue.md >"$tmp/body"
cp "$tmp/head" "$tmp/issue.md"
body_chars() { sed 1,/^---$/d "$tmp/issue.md" | tr -d ' \n' | wc -m; }
for x in ${EXTRA:-}; do
	cp -r "$(dirname "$x")"/images/. "$tmp/images/"
	awk 'f; /^---$/ && NR > 1 { f = 1 }' "$x" >>"$tmp/issue.md"
done
while [ "$(body_chars)" -lt 5000 ]; do
	cat "$tmp/body" >>"$tmp/issue.md"
done
if [ "$TABLE" -gt 0 ]; then
	printf '\n表1　各区（县）测评得分\n\n| 排名 | 区（县） | 测评得分 | 整改率 | 说明 |\n|:-:|---|---|---|---|\n' >>"$tmp/issue.md"
	i=1
	while [ $i -le "$TABLE" ]; do
		printf '| %d | 第%d片区 | %d.5 | %d.0%% | 农贸市场周边非机动车停放仍需规范 |\n' \
		    $i $i $((99 - i)) $((100 - i)) >>"$tmp/issue.md"
		i=$((i + 1))
	done
fi
chars=$(body_chars)

"$JB" build --pdf --series "$SERIES" --out "$tmp/out" "$tmp/issue.md" || exit 1
pages=$(pdfinfo "$tmp/out/issue.pdf" | awk '/^Pages:/ { print $2 }')
i=0
: >"$tmp/times"
while [ $i -lt "$N" ]; do
	/usr/bin/time -f '%e %M %U %S' -o "$tmp/t" "$JB" build --pdf \
	    --series "$SERIES" --out "$tmp/out" "$tmp/issue.md"
	cat "$tmp/t" >>"$tmp/times"
	i=$((i + 1))
done
awk '{ print $3 + $4 }' "$tmp/times" | sort -n >"$tmp/cpu"
cpu=$(awk -v n="$N" 'NR == int((n + 1) / 2) { printf "%.0f", $1 * 1000 }' "$tmp/cpu")
sort -n "$tmp/times" | awk -v n="$N" -v c="$chars" -v p="$pages" -v cpu="$cpu" '
	{ t[NR] = $1; if ($2 > m) m = $2 }
	END {
		med = t[int((n + 1) / 2)] * 1000
		printf "PDF of a %d-character issue (%d pages), %d runs: median %.0f ms wall (%d ms CPU, %.1f ms per page), peak RSS %.1f MiB\n", c, p, n, med, cpu, cpu / p, m / 1024
		printf "budget 150 ms, 80 MiB: %s\n", (med <= 150 && m / 1024 <= 80) ? "met" : "NOT met"
	}'
