#!/bin/sh
# start.sh -- what one `build --html` and one `check` cost from start to exit (issue 19's start-up
# targets): instructions counted by callgrind (steady where wall time on a shared machine is not),
# on the two samples of bench/RESULTS.md, and the shared libraries the program loads.
#   sh bench/start.sh
# Sample one is the first issue of `bench/gen.py DIR 3` (5319 characters); sample two (9099) is
# that issue without its 工作简讯, then the third issue's first two articles and its 工作简讯.
# Targets: build --html <= 5 M on sample one, check <= 7 M on both.  As in bench/run, the
# program runs in the generated archive, with its series file and the
# repository's templates.
cd "$(dirname "$0")/.." || exit 2
JB=$(realpath "${JB:-./jianbao}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v valgrind >/dev/null || { echo "start.sh: needs valgrind" >&2; exit 2; }

python3 bench/gen.py "$tmp/g" 3 >/dev/null || exit 1
ln -s "$PWD/templates" "$tmp/g/templates"
[ -d fonts ] && ln -s "$PWD/fonts" "$tmp/g/fonts"
one=$tmp/g/issues/2026/01.md
two=$tmp/g/two.md		# outside issues/: not a neighbour of sample one
# sed ranges by heading, not by line number, so a change in gen.py's lengths keeps the recipe
{
	sed '/^## 工作简讯/,$d' "$one"
	sed -n '/^## /,$p' "$tmp/g/issues/2026/03.md" | awk '/^## /{n++} n <= 2'
	sed -n '/^## 工作简讯/,$p' "$tmp/g/issues/2026/03.md"
} >"$tmp/two.md"
mv "$tmp/two.md" "$two"

count() {	# count LABEL TARGET ARGS...: one run of the program under callgrind
	label=$1 target=$2
	shift 2
	(cd "$tmp/g" && valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" \
	    "$JB" "$@" >/dev/null 2>"$tmp/err")
	awk -v l="$label" -v t="$target" '/Collected :/ { n = $NF }
	    END { r = t == "" ? "" : (n <= t * 1e6 ? "  PASS (<= " t " M)" : "  FAIL (> " t " M)")
		printf "%-28s %6.2f M%s\n", l, n / 1e6, r }' "$tmp/err"
}

echo "samples: one $(wc -m <"$one") characters, two $(wc -m <"$two")"
count "--version (start-up)" "" --version
count "build --html, sample one" 5 build --html --out out issues/2026/01.md
count "build --html, sample two" "" build --html --out out two.md
count "check, sample one" 7 check issues/2026/01.md
count "check, sample two" 7 check two.md
echo "ldd $JB: $(ldd "$JB" | wc -l) lines"
for m in press word; do
	so=$(dirname "$JB")/jianbao-$m.so
	[ -f "$so" ] && echo "ldd jianbao-$m.so: $(ldd "$so" | wc -l) lines"
done
exit 0
