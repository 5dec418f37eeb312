# pool.mk -- the job pool of tests/pool.sh: make runs the jobs RUN_POOL/*.sh
# side by side, as many at once as its -j or the job server of the run
# that started this one allows, in the order of their names.  A job's
# output goes to NAME.log and then its exit status to NAME.status, written
# last, so that a NAME.status that exists means the job is done.  Every
# recipe is marked + so a job that starts a pool of its own (the sanitizer
# pass, the fuzzers) takes its slots from the same job server, which it
# finds in RUN_JOBSERVER.
POOL_JOBS := $(sort $(wildcard $(RUN_POOL)/*.sh))

all: $(POOL_JOBS:.sh=.status)

%.status: %.sh
	+@RUN_JOBSERVER="$$MAKEFLAGS" sh $< >$*.log 2>&1; echo $$? >$*.tmp; mv $*.tmp $@
