#!/bin/sh
# t_parse.sh -- golden tests of the parser: model dumps and diagnostics.
#   tests/parse/NAME.md  beside NAME.tree  (jianbao dump output)
#   tests/diag/NAME.md   beside NAME.err   (exact stderr) and the exit status:
#                        0 when NAME.err holds only warnings, 1 otherwise.
# With -u, rewrite the golden files from the current output (review the diff!).
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
SERIES=tests/parse/bulletin.yaml

for f in tests/parse/*.md; do
	"$JB" dump --series "$SERIES" "$f" >"$tmp/out" 2>"$tmp/err"
	if [ -s "$tmp/err" ]; then
		notok "dump $f"; echo "# it printed diagnostics:"; sed 's/^/# /' "$tmp/err"
	else
		golden "dump $f" "${f%.md}.tree" "$tmp/out"
	fi
done

for f in tests/diag/*.md; do
	"$JB" dump --series "$SERIES" "$f" >/dev/null 2>"$tmp/err"
	golden "diagnostics of $f" "${f%.md}.err" "$tmp/err" $?
done
