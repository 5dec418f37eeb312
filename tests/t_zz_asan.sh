#!/bin/sh
# t_zz_asan.sh -- the whole suite again, built with AddressSanitizer and UBSan;
# every check it prints counts.  Its own nested run skips this file and fuzzing.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
. tests/pool.sh
[ -n "${JB_NESTED:-}" ] && exit 0
# The build and the nested run take the job slots of make test (pool.sh).
if ! pool_make -s BUILD=build-asan CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" \
    LDFLAGS="-fsanitize=address,undefined" build-asan/jianbao build-asan/unit >/tmp/jianbao-asan-build.log 2>&1; then
	notok "sanitizer build"
	tail -20 /tmp/jianbao-asan-build.log | sed 's/^/# /'
	exit 1
fi
ok "sanitizer build"
JB_NESTED=1 ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0 JB=build-asan/jianbao UNIT=build-asan/unit \
	sh tests/run.sh | sed -e 's/^ok - /ok - [asan] /' -e 's/^not ok - /not ok - [asan] /' \
	    -e 's/^skip - /skip - [asan] /' | grep -v -e '^[0-9]* passed, [0-9]* failed, [0-9]* skipped$'
