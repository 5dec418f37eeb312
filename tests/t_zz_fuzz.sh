#!/bin/sh
# t_zz_fuzz.sh -- build the libFuzzer targets with clang and run each for a
# bounded time (FUZZ_SECONDS, default 60).  Skipped inside the sanitizer run.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
. tests/pool.sh
[ -n "${JB_NESTED:-}" ] && exit 0
if ! pool_make -s fuzz >/tmp/jianbao-fuzz-build.log 2>&1; then
	notok "fuzz targets build"
	tail -20 /tmp/jianbao-fuzz-build.log | sed 's/^/# /'
	exit 1
fi
ok "fuzz targets build"
sh tests/fuzz/run.sh "${FUZZ_SECONDS:-60}" $(ls build-fuzz/fuzz_* | grep -v "\.d$")
