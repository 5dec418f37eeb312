#!/bin/sh
# t_zz_valgrind.sh -- build every sample issue under valgrind memcheck: no
# invalid reads or writes and no definitely lost memory.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
[ -n "${JB_NESTED:-}" ] && exit 0
for f in issues/*/*.md; do
	if valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite --show-leak-kinds=definite \
	    --suppressions=tests/valgrind.supp \
	    "$JB" build --out "$tmp/out" "$f" >"$tmp/log" 2>&1; then
		ok "valgrind: $f builds cleanly"
	else
		notok "valgrind: $f builds cleanly"
		head -60 "$tmp/log" | sed 's/^/# /'
	fi
done
