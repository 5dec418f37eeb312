#!/bin/sh
# run.sh -- run every test suite and end with one line
# "N passed, N failed, N skipped".
# A suite is tests/unit (C unit tests) or any tests/t_*.sh; each prints
# "ok - name", "not ok - name" or "skip - name: reason" per check (a skip
# is a check whose material is absent here, such as ../shared).  A suite
# that exits non-zero without printing a "not ok" line counts as one failure.
cd "$(dirname "$0")/.." || exit 2
pass=0
fail=0
skipped=0
log=$(mktemp)
for suite in ${UNIT:-tests/unit} tests/t_*.sh; do
	[ -e "$suite" ] || continue
	echo "== $suite"
	case $suite in
	*.sh) sh "$suite" >"$log" 2>&1 ;;
	*) "./$suite" >"$log" 2>&1 ;;
	esac
	status=$?
	cat "$log"
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	s=$(grep -c '^skip ' "$log")
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $suite exited with status $status"
		f=1
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	skipped=$((skipped + s))
done
rm -f "$log"
echo
echo "$pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
