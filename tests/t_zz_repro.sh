#!/bin/sh
# t_zz_repro.sh -- two clean builds of the sample archive give byte-identical
# output: HTML, PDF, feed and search index alike (not the build bookkeeping
# .issues and .archive, which records file stamps and paths).
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
[ -n "${JB_NESTED:-}" ] && exit 0
for run in 1 2; do
	if ! make -s OUT="$tmp/out$run" site >"$tmp/log$run" 2>&1; then
		notok "clean build $run of the sample archive"
		tail -20 "$tmp/log$run" | sed 's/^/# /'
		exit 1
	fi
	(cd "$tmp/out$run" && find . -type f ! -name .issues ! -name .archive | sort | xargs sha256sum) >"$tmp/sum$run"
	# A later build must start from nothing, not from the first one's output.
	sleep 1
done
n=$(wc -l <"$tmp/sum1")
check "two clean builds give identical output ($n files)" \
    '[ "$n" -gt 0 ] && diff -u "$tmp/sum1" "$tmp/sum2"'
for kind in html pdf; do
	check "the archive has $kind files" 'grep -q "\.$kind\$" "$tmp/sum1"'
done
