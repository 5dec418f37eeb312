#!/bin/sh
# t_make.sh -- the Makefile's issue rules in a scratch archive: batched builds through
# jianbao build --jobs, what an edit, a deleted output or a broken issue rebuilds, and
# what each leaves alone (mtimes and bytes of every output).
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
top=$(pwd)
trap '[ -n "$KEEP" ] || rm -rf "$tmp"' EXIT; [ -n "$KEEP" ] && echo "# $tmp"
# Outside make test's own make, so -j is only what each call gives.
unset MAKEFLAGS MFLAGS MAKELEVEL

# A scratch archive of 14 issues with the project's
# Makefile, templates and fonts and the built program with its modules.
p=$tmp/p
python3 bench/gen.py "$p" 14 >/dev/null || { notok "bench/gen.py makes an archive"; exit 1; }
cp Makefile "$p/"
cp "$JB" "$p/jianbao"
for m in "$(dirname "$JB")"/jianbao-*.so; do cp "$m" "$p/"; done
ln -s "$top/templates" "$p/templates"
[ -d fonts ] && ln -s "$top/fonts" "$p/fonts"
mk() { make -C "$p" --no-print-directory "$@"; }
issues=$(cd "$p" && ls issues/*/*.md)
n=$(echo "$issues" | wc -l)
first=$(echo "$issues" | sed -n 1p)
mid=$(echo "$issues" | sed -n 6p)
other=$(echo "$issues" | sed -n 9p)
stem() { echo "$1" | sed 's|^issues/||; s|\.md$||'; }

# Every output with its mtime (nanoseconds) and checksum, one per line.
snap() { (cd "$p/out" && for f in */[0-9]*.html */[0-9]*.pdf; do
	echo "$f $(stat -c %Y.%y "$f" | tr ' ' _) $(cksum <"$f" | cut -d' ' -f1)"; done); }
# The outputs whose line differs between two snapshots.
changed() { diff "$1" "$2" | sed -n 's/^> \([^ ]*\) .*/\1/p' | sort | tr '\n' ' ' | sed 's/ $//'; }
# The jianbao runs make printed.
runs() { grep -c '^\./jianbao ' "$1"; }

if mk -j2 site >"$tmp/m1" 2>&1; then ok "make -j2 site builds a $n-issue archive"
else notok "make -j2 site builds a $n-issue archive"; sed 's/^/# /' "$tmp/m1"; fi
check "every issue has its page and its print edition" \
	'[ "$(ls "$p"/out/*/[0-9]*.html | wc -l)" -eq "$n" ] && [ "$(ls "$p"/out/*/[0-9]*.pdf | wc -l)" -eq "$n" ]'
check "all issues go to one jianbao build run with make's -j" \
	'[ "$(grep -c "^\./jianbao build " "$tmp/m1")" -eq 1 ] && grep -q "^\./jianbao build --jobs 2 --out out " "$tmp/m1"'
check "no queue is left behind" '! ls -a "$p/out" | grep -q "^\.queue"'
check "a batched page and print edition hold the issue" \
	'pdftotext "$p/out/$(stem "$mid").pdf" - 2>/dev/null | tr -d " \n" | grep -q "创建工作动态" &&
	grep -q "创建工作动态" "$p/out/$(stem "$mid").html"'

# The same issues one process each give the same bytes.
(cd "$p" && for f in $first $mid $other; do ./jianbao build --out one "$f" || exit 1; done)
same=1
for f in $first $mid $other; do
	for e in html pdf; do cmp -s "$p/out/$(stem "$f").$e" "$p/one/$(stem "$f").$e" || same=0; done
done
check "batched outputs are byte-identical to one run per issue" '[ $same -eq 1 ]'

snap >"$tmp/s1"
mk -j2 site >"$tmp/m2" 2>&1
snap >"$tmp/s2"
check "a second make -j2 site runs nothing" '[ "$(runs "$tmp/m2")" -eq 0 ]'
check "a second make -j2 site changes no output" '[ -z "$(changed "$tmp/s1" "$tmp/s2")" ]'
mk -j2 html >"$tmp/m2h" 2>&1
check "make html with nothing stale runs nothing" '[ "$(runs "$tmp/m2h")" -eq 0 ] && grep -q "Nothing to be done" "$tmp/m2h"'

# One edited issue: its two outputs, nothing else.
sleep 1
printf '\n本期补充一条简讯。\n' >>"$p/$mid"
mk -j2 site >"$tmp/m3" 2>&1
snap >"$tmp/s3"
check "after editing one issue only its page and PDF change" \
	'[ "$(changed "$tmp/s2" "$tmp/s3")" = "$(stem "$mid").html $(stem "$mid").pdf" ]'
check "the edited issue is built by one run naming only it" \
	'[ "$(grep "^\./jianbao build " "$tmp/m3")" = "./jianbao build --jobs 2 --out out $mid" ]'
check "the rebuilt page carries the edit" 'grep -q "本期补充一条简讯" "$p/out/$(stem "$mid").html"'

# A deleted output is rebuilt, alone.
rm "$p/out/$(stem "$other").pdf"
mk -j2 site >"$tmp/m4" 2>&1
snap >"$tmp/s4"
check "a deleted print edition is rebuilt" '[ -s "$p/out/$(stem "$other").pdf" ]'
check "rebuilding it touches nothing else" '[ "$(changed "$tmp/s3" "$tmp/s4")" = "$(stem "$other").pdf" ]'
check "and runs build --pdf for that issue only" \
	'[ "$(grep "^\./jianbao build " "$tmp/m4")" = "./jianbao build --jobs 2 --out out --pdf $other" ]'

# A template change rebuilds every page and no print edition.
sleep 1
cp -RL "$p/templates" "$p/tpl" && rm "$p/templates" && mv "$p/tpl" "$p/templates"
touch "$p/templates/issue.html"
mk -j2 site >"$tmp/m5" 2>&1
snap >"$tmp/s5"
check "a template change rebuilds all pages, no print edition" \
	'[ "$(changed "$tmp/s4" "$tmp/s5" | tr " " "\n" | grep -c "\.html$")" -eq "$n" ] && [ "$(changed "$tmp/s4" "$tmp/s5" | tr " " "\n" | grep -c "\.pdf$")" -eq 0 ]'

# A broken issue: make fails with the position, the other edited issues are
# built, its old outputs stay byte for byte, and the next make tries again.
cp "$p/out/$(stem "$mid").html" "$tmp/old.html"
cp "$p/out/$(stem "$mid").pdf" "$tmp/old.pdf"
sleep 1
date=$(grep '^日期: ' "$p/$mid")
sed -i 's/^日期: .*/日期: 2023-13-45/' "$p/$mid"
printf '\n又一条简讯。\n' >>"$p/$first"
printf '\n再一条简讯。\n' >>"$p/$other"
mk -j2 site >"$tmp/m6" 2>&1
st=$?
snap >"$tmp/s6"
check "make -j2 site fails on a broken issue" '[ $st -ne 0 ]'
check "the error names the issue file, line and column" \
	'grep -q "^$mid:[0-9][0-9]*:[0-9][0-9]*: 错误：日期" "$tmp/m6"'
check "the other edited issues are built" \
	'[ "$(changed "$tmp/s5" "$tmp/s6")" = "$(stem "$first").html $(stem "$first").pdf $(stem "$other").html $(stem "$other").pdf" ]'
check "the broken issue keeps its old page and PDF byte for byte" \
	'cmp -s "$tmp/old.html" "$p/out/$(stem "$mid").html" && cmp -s "$tmp/old.pdf" "$p/out/$(stem "$mid").pdf"'
mk -j2 site >"$tmp/m7" 2>&1
st=$?
check "the next make tries the broken issue again, and only it" \
	'[ $st -ne 0 ] && [ "$(grep "^\./jianbao build " "$tmp/m7")" = "./jianbao build --jobs 2 --out out $mid" ]'
sed -i "s/^日期: 2023-13-45/$date/" "$p/$mid"
mk -j2 site >"$tmp/m8" 2>&1
st=$?
snap >"$tmp/s8"
check "once mended, it is built and make succeeds" \
	'[ $st -eq 0 ] && [ "$(changed "$tmp/s6" "$tmp/s8")" = "$(stem "$mid").html $(stem "$mid").pdf" ]'

# Outputs named on the command line are built at once, without the queue.
sleep 1
touch "$p/$other"
mk "out/$(stem "$other").pdf" >"$tmp/m9" 2>&1
snap >"$tmp/s9"
check "make out/YYYY/NN.pdf builds that print edition only" \
	'[ "$(changed "$tmp/s8" "$tmp/s9")" = "$(stem "$other").pdf" ] && grep -q "^\./jianbao build --pdf --out out $other$" "$tmp/m9"'
mk -j2 issue N="$(stem "$other" | tr / -)" >"$tmp/m10" 2>&1
snap >"$tmp/s10"
check "make issue N=... then builds the stale page" \
	'[ "$(changed "$tmp/s9" "$tmp/s10")" = "$(stem "$other").html" ]'

# jianbao build --jobs itself: a broken issue inside a batch stops nothing,
# and messages from several workers never share a line.
rm -rf "$p/j"
sed -i 's/^日期: .*/日期: 2023-13-45/' "$p/$mid"
(cd "$p" && ./jianbao build --jobs 3 --html --out j $issues) 2>"$tmp/e1"
st=$?
check "build --jobs exits 1 when one issue fails" '[ $st -eq 1 ]'
check "build --jobs builds every other issue" '[ "$(ls "$p"/j/*/*.html | wc -l)" -eq $((n - 1)) ]'
(cd "$p" && ./jianbao build --jobs 2 --out j $mid $first) 2>"$tmp/e0"
check "an issue's error is printed once for both editions" '[ "$(grep -c "^$mid:" "$tmp/e0")" -eq 1 ]'
for f in $issues; do sed -i 's/^日期: .*/日期: 2023-13-45/' "$p/$f"; done
(cd "$p" && ./jianbao build --jobs 4 --out j $issues $issues $issues) 2>"$tmp/e2"
check "diagnostics of parallel workers stay whole lines" \
	'[ "$(wc -l <"$tmp/e2")" -eq $((3 * n)) ] && ! grep -v "^issues/[0-9]*/[0-9]*\.md:4:5: 错误：日期 “2023-13-45” 无效" "$tmp/e2" | grep -q .'
"$JB" build --jobs x --out "$tmp/j" "$p/$first" 2>"$tmp/e3"
st=$?
check "build --jobs wants a number" '[ $st -eq 2 ] && grep -q -- "--jobs" "$tmp/e3"'
exit 0
