#!/bin/sh
# t_import.sh -- `jianbao import` on small legacy texts written for the tests:
#   tests/import/NAME.txt  beside NAME.expected (the issue file) and NAME.err
#                          (the report); exit status 1 when NAME.err holds an
#                          error, and then no file is written.
# Every imported file must build and pass `jianbao check` without errors; so
# must the two real past issues in ../shared/corpus when it is there
# (outputs stay in a temp dir).
# With -u, rewrite the golden files from the current output (review the diff!).
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
SERIES=tests/parse/bulletin.yaml

# built FILE SERIES NAME: the file builds and check finds no errors
built() {
	rm -rf "$tmp/out"
	if ! "$JB" build --series "$2" --out "$tmp/out" "$1" >"$tmp/build" 2>&1; then
		notok "$3 builds"; sed 's/^/# /' "$tmp/build"
	elif ! [ -s "$tmp/out/$(basename "$1" .md).html" ]; then
		notok "$3 builds"; echo "# no HTML"
	elif ! [ -s "$tmp/out/$(basename "$1" .md).pdf" ]; then
		notok "$3 builds"; echo "# no PDF"
	else
		ok "$3 builds"
	fi
	if "$JB" check --series "$2" "$1" >"$tmp/check" 2>&1 &&
	    ! grep -q '错误：' "$tmp/check"; then
		ok "$3 passes check"
	else
		notok "$3 passes check"; sed 's/^/# /' "$tmp/check"
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
	want=$(diag_status "$name.err")
	if [ "$status" -ne "$want" ]; then
		notok "import $f"; echo "# exit status $status, want $want"
	elif ! diff -u "$name.err" "$tmp/err"; then
		notok "import $f"; echo "# the report differs from $name.err"
	elif [ $want = 1 ]; then
		if [ -e "$tmp/issue.md" ]; then
			notok "import $f"; echo "# it wrote a file despite errors"
		else
			ok "import $f"
		fi
	elif ! diff -u "$name.expected" "$tmp/issue.md"; then
		notok "import $f"; echo "# the issue differs from $name.expected"
	elif [ "$(cat "$tmp/stdout")" != "$tmp/issue.md" ]; then
		notok "import $f"; echo "# it printed “$(cat "$tmp/stdout")”"
	else
		ok "import $f"
		built "$tmp/issue.md" "$SERIES" "import of $f"
	fi
done

# Without -o the issue lands in issues/YYYY/NN.md, never over an existing one.
jb=$(cd "$(dirname "$JB")" && pwd)/$(basename "$JB")
mkdir -p "$tmp/site"
cp "$SERIES" "$tmp/site/bulletin.yaml"
cp tests/import/basic.txt "$tmp/site/"
check "import without -o writes issues/2024/07.md" \
    '(cd "$tmp/site" && "$jb" import basic.txt >out 2>/dev/null) &&
    [ "$(cat "$tmp/site/out")" = issues/2024/07.md ] &&
    cmp -s "$tmp/site/issues/2024/07.md" tests/import/basic.expected'
check "import refuses to overwrite" \
    '(cd "$tmp/site" && ! "$jb" import basic.txt 2>err) &&
    grep -q "已经存在，不会覆盖" "$tmp/site/err" &&
    cmp -s "$tmp/site/issues/2024/07.md" tests/import/basic.expected'

# The real past issues, with the project's series settings.  A fresh
# clone has no ../shared beside it; CI has.
if ! shared corpus; then
	skip "import of the real past issues in ../shared/corpus" "../shared is not beside this copy"
else
	for f in ../shared/corpus/*-legacy.txt; do
		[ -f "$f" ] || { notok "no corpus in ../shared/corpus"; break; }
		out=$tmp/$(basename "$f" -legacy.txt).md
		if "$JB" import "$f" -o "$out" >/dev/null 2>"$tmp/err" &&
		    ! grep -q '错误：' "$tmp/err"; then
			ok "import corpus $(basename "$f")"
			built "$out" bulletin.yaml "import of corpus $(basename "$f")"
		else
			notok "import corpus $(basename "$f")"; sed 's/^/# /' "$tmp/err"
		fi
	done
fi
