#!/bin/sh
# t_regress.sh -- the regression list: one entry per bug already fixed, in
# tests/regress/NAME.sh, each an input and the behaviour it guards.
# usage: sh tests/t_regress.sh [NAME...]   (default: every entry)
#
# An entry starts with two comment lines,
#	# COMMIT: the bug, as it was
#	# guards: the behaviour that must hold
# (COMMIT is the commit that fixed it) and is run by the shell in a scratch
# folder of its own, with
#	JB	the program, an absolute path;
#	top	the top of the tree, for its inputs (pictures, templates);
#	SERIES	tests/parse/bulletin.yaml, copied in as bulletin.yaml.
# Its commands make the input and run the program; these judge what it did:
#	run ARG...		run "$JB" ARG..., stdout to ./out, stderr to
#				./err, exit status in $status (20 s at most)
#	want_status N		the last run exited N
#	want_err TEXT		its stderr was exactly TEXT
#	want_in FILE TEXT	FILE holds TEXT (a fixed string)
#	want_not_in FILE TEXT	FILE does not hold TEXT
#	fail WHY		anything else that went wrong
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
top=$(pwd)
JB=$(cd "$(dirname "$JB")" && pwd)/$(basename "$JB")
SERIES=$top/tests/parse/bulletin.yaml
# Outside make test's own make, so make runs only what an entry asks for.
unset MAKEFLAGS MFLAGS MAKELEVEL

fail() {
	printf "%s\n" "$*" >>"$tmp/why"
}

run() {
	timeout 20 "$JB" "$@" >out 2>err
	status=$?
	[ $status -eq 124 ] && fail "jianbao $*: no answer within 20 s"
}

want_status() {
	[ "$status" -eq "$1" ] || fail "exit status $status, want $1"
}

want_err() {
	[ "$(cat err)" = "$1" ] || fail "stderr: $(cat err)" "-- want: $1"
}

want_in() {
	grep -qF -- "$2" "$1" 2>/dev/null || fail "$1 does not hold “$2”"
}

want_not_in() {
	! grep -qF -- "$2" "$1" 2>/dev/null || fail "$1 holds “$2”"
}

if [ $# -eq 0 ]; then
	set -- tests/regress/*.sh
else
	for n; do shift; set -- "$@" "tests/regress/$n.sh"; done
fi
for f; do
	name=$(basename "$f" .sh)
	commit=$(sed -n '1s/^# \([0-9a-f]*\): .*/\1/p' "$f")
	guards=$(sed -n '2s/^# guards: //p' "$f")
	if [ -z "$commit" ] || [ -z "$guards" ]; then
		notok "$name"; echo "# $f does not start with the commit and what it guards"
		continue
	fi
	rm -rf "$tmp/w" "$tmp/why"
	mkdir "$tmp/w"
	cp "$SERIES" "$tmp/w/bulletin.yaml"
	(cd "$tmp/w" && . "$top/$f") >"$tmp/log" 2>&1 || fail "the entry stopped with status $?"
	if [ -s "$tmp/why" ]; then
		notok "$name ($commit): $guards"
		sed 's/^/# /' "$tmp/why" "$tmp/log"
	else
		ok "$name ($commit): $guards"
	fi
done
