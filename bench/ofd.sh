#!/bin/sh
# ofd.sh -- what the OFD edition costs beside the PDF: the issue of
# bench/pdf.sh (5,000 characters) and a sample issue built with --pdf and
# with --pdf --ofd (one layout, two painters) and with --ofd alone; the
# OFD's share is (pdf+ofd - pdf) / pdf.  Target: at most 30 %.  The same
# with --ofd-a, whose fonts are rebuilt with TrueType outlines
# (src/print/ttf.c): what that costs beside the OFD.
# Instruction counts from callgrind (steady on a shared machine) and
# median CPU times of N runs.
#   sh bench/ofd.sh [N]
cd "$(dirname "$0")/.." || exit 2
JB=${JB:-./jianbao}
N=${1:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The bench/pdf.sh issue: the test issue's articles until 5,000 characters.
cp -r tests/pdf/images "$tmp/"
awk 'NR == 1, /^---$/ && NR > 1' tests/pdf/issue.md >"$tmp/issue.md"
awk 'f; /^---$/ && NR > 1 { f = 1 }' tests/pdf/issue.md >"$tmp/body"
while [ "$(sed 1,/^---$/d "$tmp/issue.md" | tr -d ' \n' | wc -m)" -lt 5000 ]; do
	cat "$tmp/body" >>"$tmp/issue.md"
done

# ir SERIES ISSUE OPTS...: instructions of one build, all threads.
ir() {
	_s=$1 _i=$2
	shift 2
	valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$JB" build \
	    "$@" --series "$_s" --out "$tmp/out" "$_i" 2>&1 |
	    sed -n 's/.*Collected : //p'
}

# cpu SERIES ISSUE OPTS...: median user+system seconds of N builds.
cpu() {
	_s=$1 _i=$2
	shift 2
	: >"$tmp/t"
	i=0
	while [ $i -lt "$N" ]; do
		/usr/bin/time -f '%U %S' -a -o "$tmp/t" "$JB" build "$@" \
		    --series "$_s" --out "$tmp/out" "$_i"
		i=$((i + 1))
	done
	awk '{ print $1 + $2 }' "$tmp/t" | sort -n |
	    awk -v n="$N" 'NR == int((n + 1) / 2) { printf "%.0f", $1 * 1000 }'
}

for case in "tests/pdf/bulletin.yaml $tmp/issue.md 5000字的测试期" \
    "bulletin.yaml issues/2026/01.md 2026年第1期" \
    "bulletin.yaml issues/2026/02.md 2026年第2期（繁体）"; do
	set -- $case
	s=$1 f=$2 what=$3
	rm -rf "$tmp/out"
	"$JB" build --pdf --series "$s" --out "$tmp/out" "$f" || exit 1
	pages=$(pdfinfo "$(find "$tmp/out" -name '*.pdf')" | awk '/^Pages:/ { print $2 }')
	if command -v valgrind >/dev/null; then
		p=$(ir "$s" "$f" --pdf)
		po=$(ir "$s" "$f" --pdf --ofd)
		pa=$(ir "$s" "$f" --pdf --ofd-a)
		o=$(ir "$s" "$f" --ofd)
		oa=$(ir "$s" "$f" --ofd-a)
		echo "$what（$pages 页）指令数：PDF $p，PDF+OFD $po，PDF+OFD-A $pa，仅 OFD $o，仅 OFD-A $oa" |
		    sed 's/,//g'
		echo "$p $po $pa" | sed 's/,//g' | awk '{ printf "  OFD 画版占 PDF 的 %.1f %%（目标 ≤30 %%）：%s；OFD-A 占 %.1f %%，比 OFD 多 %.1f %%\n", ($2 - $1) * 100 / $1, ($2 - $1) * 100 / $1 <= 30 ? "达到" : "未达到", ($3 - $1) * 100 / $1, ($3 - $2) * 100 / ($2 - $1) }'
	fi
	p=$(cpu "$s" "$f" --pdf)
	po=$(cpu "$s" "$f" --pdf --ofd)
	pa=$(cpu "$s" "$f" --pdf --ofd-a)
	echo "  CPU 时间中位数（$N 次）：PDF $p ms，PDF+OFD $po ms，PDF+OFD-A $pa ms（OFD 多用 $((po - p)) ms，OFD-A $((pa - p)) ms）"
done
