#!/bin/sh
# t_parse.sh -- golden tests of the parser: model dumps and diagnostics.
#   tests/parse/NAME.md  beside NAME.tree  (jianbao dump output)
#   tests/diag/NAME.md   beside NAME.err   (exact stderr) and the exit status:
#                        0 when NAME.err holds only warnings, 1 otherwise.
# With -u, rewrite the golden files from the current output (review the diff!).
cd "$(dirname "$0")/.." || exit 2
JB=${JB:-./jianbao}
SERIES=tests/parse/bulletin.yaml
update=0
[ "${1:-}" = -u ] && update=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for f in tests/parse/*.md; do
	name=${f%.md}
	"$JB" dump --series "$SERIES" "$f" >"$tmp/out" 2>"$tmp/err"
	[ $update = 1 ] && cp "$tmp/out" "$name.tree"
	if [ -s "$tmp/err" ]; then
		echo "not ok - dump $f printed diagnostics"; cat "$tmp/err"
	elif diff -u "$name.tree" "$tmp/out"; then
		echo "ok - dump $f"
	else
		echo "not ok - dump $f differs from $name.tree"
	fi
done

for f in tests/diag/*.md; do
	name=${f%.md}
	"$JB" dump --series "$SERIES" "$f" >/dev/null 2>"$tmp/err"
	status=$?
	[ $update = 1 ] && cp "$tmp/err" "$name.err"
	want=0
	grep -q '错误：' "$name.err" && want=1
	if ! diff -u "$name.err" "$tmp/err"; then
		echo "not ok - diagnostics of $f differ from $name.err"
	elif [ "$status" -ne "$want" ]; then
		echo "not ok - $f exit status $status, want $want"
	else
		echo "ok - diagnostics of $f"
	fi
done
