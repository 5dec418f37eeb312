#!/bin/sh
# run.sh -- run every test suite and end with one line
# "N passed, N failed, N skipped".
# A suite is tests/unit (C unit tests) or any tests/t_*.sh; each prints
# "ok - name", "not ok - name" or "skip - name: reason" per check (a skip
# is a check whose material is absent here, such as ../shared).  A suite
# that exits non-zero without printing a "not ok" line counts as one failure.
# Suites run side by side, TESTJOBS at a time (2 unless set; tests/pool.sh),
# each one's output kept apart and printed whole, in the order of the list
# below, as soon as it and the suites before it are done.  The long ones,
# t_zz_* (the sanitizer pass, the fuzzers, valgrind), start first.
cd "$(dirname "$0")/.." || exit 2
. tests/pool.sh
pass=0
fail=0
skipped=0
jobs=$(mktemp -d)
trap 'rm -rf "$jobs"' EXIT
# A suite sees make's variables as when run alone under make test, not
# those of the pool that runs it.
RUN_MAKEFLAGS=${MAKEFLAGS-} RUN_MAKELEVEL=${MAKELEVEL-}
export RUN_MAKEFLAGS RUN_MAKELEVEL
i=0
for suite in ${UNIT:-tests/unit} tests/t_*.sh; do
	[ -e "$suite" ] || continue
	i=$((i + 1))
	case $suite in
	tests/t_zz_*) first=0 ;;
	*) first=1 ;;
	esac
	job=$first$(printf %03d $i)
	echo "$job $suite" >>"$jobs/list"
	case $suite in
	*.sh) run="sh $suite" ;;
	*) run="./$suite" ;;
	esac
	# Under the sanitizers (t_zz_asan.sh) every report of every process
	# the suite starts goes to its own files, so none is lost to a test
	# that discards a command's stderr; they are judged below.
	san=
	[ -n "${ASAN_OPTIONS:-}" ] &&
		san="export ASAN_OPTIONS='$ASAN_OPTIONS:log_path=$jobs/$job.san' UBSAN_OPTIONS='print_stacktrace=1:log_path=$jobs/$job.san'"
	cat >"$jobs/$job.sh" <<-JOB
	$san
	unset MAKEFLAGS MAKELEVEL
	[ -n "\$RUN_MAKEFLAGS" ] && export MAKEFLAGS="\$RUN_MAKEFLAGS"
	[ -n "\$RUN_MAKELEVEL" ] && export MAKELEVEL="\$RUN_MAKELEVEL"
	exec $run
	JOB
done
pool_start "$jobs"
while read -r job suite; do
	pool_wait "$jobs" "$job"
	log=$jobs/$job.log
	# LeakSanitizer's own tracer sometimes dies under load ("Tracer caught
	# signal 11 ... LeakSanitizer has encountered a fatal error"): a failure
	# of the tool, not a leak (those read "detected memory leaks").  Such a
	# suite runs once more, alone, and its second result counts.
	if cat "$jobs/$job.san".* 2>/dev/null |
	    grep -q 'LeakSanitizer has encountered a fatal error'; then
		rm -f "$jobs/$job.san".*
		echo "# $suite: LeakSanitizer's tracer failed; run again" >"$log.again"
		sh "$jobs/$job.sh" >>"$log.again" 2>&1
		pool_status=$?
		mv "$log.again" "$log"
	fi
	# Any other sanitizer report fails the suite, with the report shown.
	for rep in "$jobs/$job.san".*; do
		[ -e "$rep" ] || continue
		echo "not ok - $suite: a sanitizer report (${rep##*.san.})" >>"$log"
		sed 's/^/# /' "$rep" >>"$log"
	done
	echo "== $suite"
	cat "$log"
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	s=$(grep -c '^skip ' "$log")
	if [ "$pool_status" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $suite exited with status $pool_status"
		f=1
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	skipped=$((skipped + s))
done <"$jobs/list"
pool_end
echo
echo "$pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
