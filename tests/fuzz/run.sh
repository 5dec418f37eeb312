#!/bin/sh
# run.sh SECONDS TARGET... -- run each libFuzzer target for a bounded time on a
# copy of its seed corpus; prints ok / not ok per target for tests/run.sh.
# Several targets run side by side, each a run.sh of its own in the pool of
# tests/pool.sh (in the job slots of make test when it runs them), each for
# the whole SECONDS; their lines come in the order given.
cd "$(dirname "$0")/../.." || exit 2
secs=$1
shift
if [ $# -gt 1 ]; then
	. tests/pool.sh
	jobs=$(mktemp -d)
	trap 'rm -rf "$jobs"' EXIT
	i=0
	for t; do
		i=$((i + 1))
		echo "exec sh tests/fuzz/run.sh $secs $t" >"$jobs/$(printf %03d $i).sh"
	done
	pool_start "$jobs"
	status=0
	i=0
	for t; do
		i=$((i + 1))
		pool_wait "$jobs" "$(printf %03d $i)"
		cat "$jobs/$(printf %03d $i).log"
		[ "$pool_status" -eq 0 ] || status=1
	done
	pool_end
	exit $status
fi
t=$1
name=${t##*/fuzz_}
work=$(mktemp -d)
cp tests/fuzz/corpus/"$name"/* "$work"/ 2>/dev/null
# UBSan reports and goes on in a fuzz build; a report fails the run as it
# fails the sanitizer pass of the suites.
if "$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 \
    -max_len=65536 -print_final_stats=1 "$work" >"$work.log" 2>&1 &&
    ! grep -q 'runtime error:' "$work.log"; then
	echo "ok - fuzz $name for ${secs}s: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work.log" | grep -o '[0-9]*$') runs"
	status=0
else
	echo "not ok - fuzz $name found a crash or undefined behaviour"
	grep -A12 'runtime error:' "$work.log" | head -40 | sed 's/^/# /'
	tail -40 "$work.log" | sed 's/^/# /'
	status=1
fi
rm -rf "$work" "$work.log"
exit $status
