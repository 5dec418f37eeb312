#!/bin/sh
# run.sh SECONDS TARGET... -- run each libFuzzer target for a bounded time on a
# copy of its seed corpus; prints ok / not ok per target for tests/run.sh.
secs=$1
shift
status=0
for t in "$@"; do
	name=${t##*/fuzz_}
	work=$(mktemp -d)
	cp tests/fuzz/corpus/"$name"/* "$work"/ 2>/dev/null
	if "$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=1024 \
	    -max_len=65536 -print_final_stats=1 "$work" >"$work.log" 2>&1; then
		echo "ok - fuzz $name for ${secs}s: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work.log" | grep -o '[0-9]*$') runs"
	else
		echo "not ok - fuzz $name found a crash"
		tail -40 "$work.log"
		status=1
	fi
	rm -rf "$work" "$work.log"
done
exit $status
