#!/bin/sh
# t_install.sh -- make install with PREFIX and with DESTDIR: the installed
# program, run from a folder with nothing but an issue, finds its print
# module, series file and templates from its own folder; an editor's own
# bulletin.yaml and templates/ still win; the manual page renders without
# warnings and lists every option; make uninstall removes what it installed.
# It installs the top-level build, which is what make install installs,
# never $JB: the sanitizer run (t_zz_asan.sh) would only repeat it.
cd "$(dirname "$0")/.." || exit 2
[ -n "${JB_NESTED:-}" ] && exit 0
top=$(pwd)
. tests/lib.sh
trap '[ -n "$KEEP" ] || rm -rf "$tmp"' EXIT; [ -n "$KEEP" ] && echo "# $tmp"
# Outside make test's own make, so -j is only what each call gives.
unset MAKEFLAGS MFLAGS MAKELEVEL
mk() { make -C "$top" --no-print-directory "$@" >"$tmp/make.log" 2>&1 ||
	{ sed 's/^/# /' "$tmp/make.log"; return 1; }; }

# installed ROOT: every file make install puts under ROOT, the same bytes.
installed() {
	[ -x "$1/bin/jianbao" ] && cmp -s jianbao "$1/bin/jianbao" &&
	cmp -s jianbao-press.so "$1/bin/jianbao-press.so" &&
	cmp -s bulletin.yaml "$1/share/jianbao/bulletin.yaml" &&
	cmp -s fonts/README.md "$1/share/jianbao/fonts/README.md" &&
	cmp -s jianbao.1 "$1/share/man/man1/jianbao.1" &&
	for t in templates/*.* templates/desk/*; do
		cmp -s "$t" "$1/share/jianbao/$t" || return 1
	done
}

# A folder with one sample issue and its pictures, and nothing else.
issue=issues/2025/07.md
w=$tmp/work
mkdir -p "$w/issues/2025"
cp "$issue" "$w/issues/2025/"
cp -R issues/2025/images "$w/issues/2025/"
# What the repository's program makes of it with the repository's files.
(cd "$w" && "$top/jianbao" build --series "$top/bulletin.yaml" \
	--templates "$top/templates" --out "$tmp/ref" "$issue") 2>"$tmp/err" ||
	{ notok "the repository's program builds $issue"; sed 's/^/# /' "$tmp/err"; }

# built JIANBAO OUT: run JIANBAO in the work folder with its defaults.
built() {
	(cd "$w" && LD_DEBUG=files "$1" build --out "$2" "$issue") \
		>/dev/null 2>"$tmp/err"
}

u=$tmp/usr
check "make install PREFIX=... succeeds" 'mk install PREFIX="$u"'
check "it installs the program, the module, the series file, the templates, fonts/ and the manual page" \
	'installed "$u"'
built "$u/bin/jianbao" "$tmp/out"; status=$?
check "the installed program builds an issue in a folder with no series file or templates" \
	'[ $status -eq 0 ]'
check "its page is the repository's page: the installed series file and templates" \
	'cmp -s "$tmp/ref/2025/07.html" "$tmp/out/2025/07.html"'
check "its PDF is the repository's PDF" \
	'cmp -s "$tmp/ref/2025/07.pdf" "$tmp/out/2025/07.pdf"'
check "the PDF comes from the installed module" \
	'grep -q "file=$u/bin/jianbao-press.so " "$tmp/err"'
check "the pictures are copied beside the page" \
	'cmp -s issues/2025/images/07-fenlei.png "$tmp/out/2025/images/07-fenlei.png"'

# The editor's own files in the current folder win over the installed ones.
cp -R templates "$w/templates"
echo '/* editor-own-style */' >>"$w/templates/style.css"
(cd "$w" && "$u/bin/jianbao" build --html --out "$tmp/own" "$issue") 2>"$tmp/err"
check "an editor's own templates/ wins over the installed one" \
	'grep -q "editor-own-style" "$tmp/own/2025/07.html"'
check "... while the series still comes from the installed file" \
	'grep -q "创建工作动态" "$tmp/own/2025/07.html"'
sed 's/^刊名: .*/刊名: 本单位自己的简报/' bulletin.yaml >"$w/bulletin.yaml"
(cd "$w" && "$u/bin/jianbao" build --html --out "$tmp/own" "$issue") 2>"$tmp/err"
check "an editor's own bulletin.yaml wins over the installed one" \
	'grep -q "本单位自己的简报" "$tmp/own/2025/07.html" &&
	 ! grep -q "创建工作动态" "$tmp/own/2025/07.html"'
rm -rf "$w/templates" "$w/bulletin.yaml"

# check, new and import take the same default series.
(cd "$w" && "$u/bin/jianbao" check "$issue") >/dev/null 2>"$tmp/err"; status=$?
check "the installed program's check runs with the installed series file" \
	'[ $status -eq 0 ] && ! grep -q "bulletin.yaml" "$tmp/err"'

# A program with no share folder above it names the file it wants.
mkdir -p "$tmp/bare/bin"
cp jianbao "$tmp/bare/bin/"
(cd "$w" && "$tmp/bare/bin/jianbao" build --html --out "$tmp/bare/out" "$issue") \
	2>"$tmp/err"; status=$?
check "without an installed series file the program asks for ./bulletin.yaml as before" \
	'[ $status -eq 2 ] && grep -q "无法打开 “bulletin.yaml”" "$tmp/err"'

# The manual page: groff with every warning on, man as a reader gets it,
# and widths at which groff's line breaking of Chinese could loop.
man1=$u/share/man/man1/jianbao.1
check "groff renders the manual page without a warning" \
	'groff -ww -z -k -man -Tutf8 "$man1" 2>"$tmp/err" && [ ! -s "$tmp/err" ]'
MANWIDTH=80 man --warnings -l "$man1" >"$tmp/man.txt" 2>"$tmp/err"; status=$?
check "man --warnings -l renders the installed page without a warning" \
	'[ $status -eq 0 ] && [ ! -s "$tmp/err" ] && grep -q "退出状态" "$tmp/man.txt"'
for width in 40 60 120; do
	check "groff finishes the page at $width columns" \
		'timeout 20 groff -k -man -Tutf8 -rLL=${width}n "$man1" >/dev/null 2>&1'
done
# has PATTERN WORD...: the rendered page has a line PATTERN for each WORD.
has() {
	pat=$1; shift
	for x; do
		grep -q "$(echo "$pat" | sed "s|X|$x|")" "$tmp/man.txt" || return 1
	done
}
check "the page has NAME, SYNOPSIS, DESCRIPTION, COMMANDS, OPTIONS, EXIT STATUS, ENVIRONMENT, FILES, EXAMPLES and SEE ALSO" \
	'has "^X\$" 名称 概述 描述 命令 选项 退出状态 环境变量 文件 示例 参见'
cmds="build site dump check new import layout fonts"
check "the page describes every command" 'has "^       X\( \|\$\)" $cmds'
# Every long option the program's usage texts name.
for c in "" $cmds; do ./jianbao $c --help 2>&1; done |
	grep -o -- '--[a-z][a-z-]*' | sort -u >"$tmp/options"
check "the program's usage texts name options" '[ -s "$tmp/options" ]'
missing=$(while read -r o; do grep -q -- "$o" "$tmp/man.txt" || echo "$o"; done <"$tmp/options")
check "the page lists every option the usage texts name${missing:+ (missing: $missing)}" \
	'[ -z "$missing" ]'

check "make uninstall PREFIX=... succeeds" 'mk uninstall PREFIX="$u"'
check "it leaves no file and no share/jianbao folder" \
	'[ -z "$(find "$u" -type f)" ] && [ ! -e "$u/share/jianbao" ]'

# A package: PREFIX=/usr staged under DESTDIR, run from where it was staged.
d=$tmp/stage
check "make install DESTDIR=... PREFIX=/usr succeeds" \
	'mk install DESTDIR="$d" PREFIX=/usr'
check "it installs everything under DESTDIR/usr" 'installed "$d/usr"'
built "$d/usr/bin/jianbao" "$tmp/staged"; status=$?
check "the staged program builds the same page and PDF from its own share folder" \
	'[ $status -eq 0 ] && cmp -s "$tmp/ref/2025/07.html" "$tmp/staged/2025/07.html" &&
	 cmp -s "$tmp/ref/2025/07.pdf" "$tmp/staged/2025/07.pdf"'
mv "$d/usr" "$tmp/moved"
built "$tmp/moved/bin/jianbao" "$tmp/moved-out"; status=$?
check "a moved installation still finds its module and share folder" \
	'[ $status -eq 0 ] && cmp -s "$tmp/ref/2025/07.pdf" "$tmp/moved-out/2025/07.pdf"'
mv "$tmp/moved" "$d/usr"
check "make uninstall DESTDIR=... PREFIX=/usr leaves no file" \
	'mk uninstall DESTDIR="$d" PREFIX=/usr && [ -z "$(find "$d" -type f)" ]'
