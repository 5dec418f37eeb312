#!/bin/sh
# pdf.sh -- time the print edition: a 5,000-character issue built to PDF,
# median wall time of N runs and peak RSS (GNU time).  Budget: 150 ms, 80 MiB.
#   sh bench/pdf.sh [N]      (SERIES=file picks the series; default bulletin.yaml)
# EXTRA="a.md b.md" appends the body of each issue named once, its pictures
# copied from the images/ folder beside it (tests/pics/row.md: photo rows).
cd "$(dirname "$0")/.." || exit 2
JB=${JB:-./jianbao}
N=${1:-11}
SERIES=${SERIES:-bulletin.yaml}
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
		printf "PDF of a %d-character issue (%d pages), %d runs: median %.0f ms wall (%d ms CPU), peak RSS %.1f MiB\n", c, p, n, med, cpu, m / 1024
		printf "budget 150 ms, 80 MiB: %s\n", (med <= 150 && m / 1024 <= 80) ? "met" : "NOT met"
	}'
