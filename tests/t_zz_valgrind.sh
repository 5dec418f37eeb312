#!/bin/sh
# t_zz_valgrind.sh -- build every sample issue under valgrind memcheck: no
# invalid reads or writes and no definitely lost memory.
cd "$(dirname "$0")/.." || exit 2
[ -n "${JB_NESTED:-}" ] && exit 0
JB=${JB:-./jianbao}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in issues/*/*.md; do
	if valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
	    --suppressions=tests/valgrind.supp \
	    "$JB" build --out "$tmp/out" "$f" >"$tmp/log" 2>&1; then
		echo "ok - valgrind: $f builds cleanly"
	else
		echo "not ok - valgrind: $f"
		head -60 "$tmp/log"
	fi
done
