# lib.sh -- what every tests/t_*.sh shares: verdict lines, golden files, skips.
# A suite starts
#	cd "$(dirname "$0")/.." || exit 2
#	. tests/lib.sh
# and then has
#	JB	the program, ./jianbao unless the caller sets it;
#	update	1 when the suite was run with -u (rewrite golden files), else 0;
#	tmp	a scratch folder, removed on exit (a suite that sets its own EXIT
#		trap removes it there);
#	fails	how many "not ok" lines ok/notok/check/golden have printed.
# Every check prints one line, "ok - NAME" or "not ok - NAME", or
# "skip - NAME: REASON" when what it needs is absent; tests/run.sh counts
# them.  Anything else a suite prints starts with "# ".

JB=${JB:-./jianbao}
update=0
[ "${1:-}" = -u ] && update=1
fails=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() {
	echo "ok - $1"
}

notok() {
	echo "not ok - $1"
	fails=$((fails + 1))
}

# skip NAME REASON: the check NAME cannot run here.
skip() {
	echo "skip - $1: $2"
}

# check NAME CONDITION: ok when the shell command CONDITION succeeds; its
# status is the condition's, so "check ... || sed ..." shows a log on failure.
check() {
	if eval "$2"; then ok "$1"; else notok "$1"; return 1; fi
}

# golden NAME WANT GOT [STATUS]: file GOT equals the golden file WANT (-u
# first rewrites WANT from GOT).  With STATUS, the exit status that made GOT
# must also be 1 when WANT holds an error and 0 when it holds none.
golden() {
	[ "$update" = 1 ] && cp "$3" "$2"
	if ! diff -u "$2" "$3"; then
		notok "$1"; echo "# $3 differs from $2 above"
	elif [ -n "${4:-}" ] && [ "$4" -ne "$(diag_status "$2")" ]; then
		notok "$1"; echo "# exit status $4, want $(diag_status "$2")"
	else
		ok "$1"
	fi
}

# diag_status FILE: 1 when the diagnostics in FILE hold an error, else 0.
diag_status() {
	if grep -q '错误：\|"level":"错误"' "$1"; then echo 1; else echo 0; fi
}

# shared DIR: whether ../shared/DIR, the reference material beside a
# working copy, is there (a fresh clone has none; CI has it).
shared() {
	[ -d "../shared/$1" ]
}

# probe PAGE ATTR SCRIPT OUT WIDTH...: Chromium loads a copy of PAGE (in
# its folder, so its pictures and styles are found) whose load handler,
# SCRIPT, sets the body's data-ATTR; for each WIDTH the window is that wide
# and the value lands in OUT$WIDTH.  SCRIPT must hold no | or &.
probe() {
	_page=$1 _attr=$2 _js=$3 _out=$4
	shift 4
	sed "s|</body>|<script>addEventListener(\"load\",()=>{$_js})</script></body>|" \
	    "$_page" >"$(dirname "$_page")/probe.html"
	for _w; do
		timeout 60 chromium --headless --no-sandbox --disable-gpu \
		    --window-size=$_w,900 --virtual-time-budget=3000 \
		    --dump-dom "file://$(dirname "$_page")/probe.html" 2>/dev/null |
		    sed -n "s/.*data-$_attr=\"\\([^\"]*\\)\".*/\\1/p" >"$_out$_w"
	done
}

# memo DIR WHAT CMD FILE...: the shell command CMD writes its results into
# the folder DIR, which must not exist yet, from the FILEs; WHAT names the
# step and what else its results depend on (the tool's version).  A step
# whose result is judged by software we did not write (a conversion by
# LibreOffice, a reading by tesseract) takes seconds and gives the same
# result for the same bytes, and the sanitizer pass feeds it the same bytes
# again: the results are kept under build/memo/, keyed by WHAT and the
# names and bytes of the FILEs, and copied into DIR when the same step
# comes again, from any suite.  Steps with the same key run one at a time.
# Returns CMD's status; a failed CMD keeps nothing.
memo() {
	_mdir=$1 _mwhat=$2 _mcmd=$3
	shift 3
	_mkey=$( { echo "$_mwhat"; for _mf; do
		echo "${_mf##*/} $(sha256sum <"$_mf")"; done; } | sha256sum | cut -c1-32)
	mkdir -p build/memo
	_mkept=build/memo/$_mkey
	(
		flock 9
		mkdir -p "$_mdir"
		if [ -d "$_mkept" ]; then
			cp -R "$_mkept"/. "$_mdir"/
			exit 0
		fi
		eval "$_mcmd" || exit
		rm -rf "$_mkept.new"
		cp -R "$_mdir" "$_mkept.new" && mv "$_mkept.new" "$_mkept"
	) 9>"$_mkept.lock"
}
