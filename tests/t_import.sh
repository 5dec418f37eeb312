#!/bin/sh
# t_import.sh -- `jianbao import` on small legacy texts written for the tests:
#   tests/import/NAME.txt  beside NAME.expected (the issue file) and NAME.err
#                          (the report); exit status 1 when NAME.err holds an
#                          error, and then no file is written.
# Every imported file must build and pass `jianbao check` without errors; so
# must the two real past issues in ../shared/corpus (outputs stay in a temp dir).
# With -u, rewrite the golden files from the current output (review the diff!).
cd "$(dirname "$0")/.." || exit 2
JB=${JB:-./jianbao}
SERIES=tests/parse/bulletin.yaml
update=0
[ "${1:-}" = -u ] && update=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# built FILE SERIES NAME: the file builds and check finds no errors
built() {
	rm -rf "$tmp/out"
	if ! "$JB" build --series "$2" --out "$tmp/out" "$1" >"$tmp/build" 2>&1; then
		echo "not ok - $3 does not build"; cat "$tmp/build"
	elif ! [ -s "$tmp/out/$(basename "$1" .md).html" ]; then
		echo "not ok - $3 built no HTML"
	elif [ -f src/pdf.c ] && ! [ -s "$tmp/out/$(basename "$1" .md).pdf" ]; then
		echo "not ok - $3 built no PDF"
	else
		echo "ok - $3 builds"
	fi
	if "$JB" check --series "$2" "$1" >"$tmp/check" 2>&1 &&
	    ! grep -q '错误：' "$tmp/check"; then
		echo "ok - $3 passes check"
	else
		echo "not ok - $3 fails check"; cat "$tmp/check"
	fi
}

for f in tests/import/*.txt; do
	name=${f%.txt}
	rm -f "$tmp/issue.md"
	"$JB" import --series "$SERIES" "$f" -o "$tmp/issue.md" >"$tmp/stdout" 2>"$tmp/err"
	status=$?
	sed -i "s|$tmp/|TMP/|g" "$tmp/err"
	if [ $update = 1 ]; then
		cp "$tmp/err" "$name.err"
		if [ -f "$tmp/issue.md" ]; then cp "$tmp/issue.md" "$name.expected"; else rm -f "$name.expected"; fi
	fi
	want=0
	grep -q '错误：' "$name.err" && want=1
	if [ "$status" -ne "$want" ]; then
		echo "not ok - import $f exit status $status, want $want"
	elif ! diff -u "$name.err" "$tmp/err"; then
		echo "not ok - import $f report differs from $name.err"
	elif [ $want = 1 ]; then
		if [ -e "$tmp/issue.md" ]; then
			echo "not ok - import $f wrote a file despite errors"
		else
			echo "ok - import $f"
		fi
	elif ! diff -u "$name.expected" "$tmp/issue.md"; then
		echo "not ok - import $f differs from $name.expected"
	elif [ "$(cat "$tmp/stdout")" != "$tmp/issue.md" ]; then
		echo "not ok - import $f printed “$(cat "$tmp/stdout")”"
	else
		echo "ok - import $f"
		built "$tmp/issue.md" "$SERIES" "import of $f"
	fi
done

# Without -o the issue lands in issues/YYYY/NN.md, never over an existing one.
jb=$(cd "$(dirname "$JB")" && pwd)/$(basename "$JB")
mkdir -p "$tmp/site"
cp "$SERIES" "$tmp/site/bulletin.yaml"
cp tests/import/basic.txt "$tmp/site/"
if (cd "$tmp/site" && "$jb" import basic.txt >out 2>/dev/null) &&
    [ "$(cat "$tmp/site/out")" = issues/2024/07.md ] &&
    cmp -s "$tmp/site/issues/2024/07.md" tests/import/basic.expected; then
	echo "ok - import without -o writes issues/2024/07.md"
else
	echo "not ok - import without -o"
fi
if (cd "$tmp/site" && ! "$jb" import basic.txt 2>err) &&
    grep -q '已经存在，不会覆盖' "$tmp/site/err" &&
    cmp -s "$tmp/site/issues/2024/07.md" tests/import/basic.expected; then
	echo "ok - import refuses to overwrite"
else
	echo "not ok - import overwrote an issue"
fi

# The real past issues, with the project's series settings.
for f in ../shared/corpus/*-legacy.txt; do
	[ -f "$f" ] || { echo "not ok - no corpus in ../shared/corpus"; break; }
	out=$tmp/$(basename "$f" -legacy.txt).md
	if "$JB" import "$f" -o "$out" >/dev/null 2>"$tmp/err" &&
	    ! grep -q '错误：' "$tmp/err"; then
		echo "ok - import corpus $(basename "$f")"
		built "$out" bulletin.yaml "import of corpus $(basename "$f")"
	else
		echo "not ok - import corpus $(basename "$f")"; cat "$tmp/err"
	fi
done
