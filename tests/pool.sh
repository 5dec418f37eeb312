# pool.sh -- run jobs side by side and take their output in order; sourced
# by tests/run.sh and tests/fuzz/run.sh.
#
# pool_start DIR: run the shell scripts DIR/*.sh in the background, started
# in the order of their names, TESTJOBS at a time (2 unless set), or in the
# job slots of the run that started this one when there is one
# (RUN_JOBSERVER, set by tests/pool.mk): the sanitizer pass and the
# fuzzers then share the slots of make test instead of adding their own.
# pool_wait DIR NAME: wait until job NAME is done; its output is in
# DIR/NAME.log, its exit status in $pool_status.
# pool_end: wait for the pool to finish.

pool_start() {
	if [ -n "${RUN_JOBSERVER:-}" ]; then
		RUN_POOL=$1 MAKEFLAGS=$RUN_JOBSERVER make -s -f tests/pool.mk &
	else
		RUN_POOL=$1 MAKEFLAGS= make -s -j"${TESTJOBS:-2}" -f tests/pool.mk &
	fi
	pool_pid=$!
}

pool_wait() {
	while [ ! -e "$1/$2.status" ] && kill -0 "$pool_pid" 2>/dev/null; do
		sleep 1
	done
	# 99: the pool ended without this job, killed or broken
	pool_status=$(cat "$1/$2.status" 2>/dev/null || echo 99)
}

pool_end() {
	wait "$pool_pid"
}

# pool_make ARG...: make ARG..., in the job slots of the run that started
# this one when there is one, else one job at a time as before.
pool_make() {
	if [ -n "${RUN_JOBSERVER:-}" ]; then
		MAKEFLAGS=$RUN_JOBSERVER make "$@"
	else
		make "$@"
	fi
}
