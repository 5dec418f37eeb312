#!/bin/sh
# t_cli.sh -- the command line: every command answers -h and --help with its own
# usage, and bad command lines keep their messages and exit status 2.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
top=$(pwd)
JB=$(cd "$(dirname "$JB")" && pwd)/$(basename "$JB")
trap '[ -n "$KEEP" ] || rm -rf "$tmp"' EXIT; [ -n "$KEEP" ] && echo "# $tmp"

SERIES=$top/tests/parse/bulletin.yaml
ISSUE=$top/tests/parse/elements.md
# In a scratch folder: a new or import that went ahead writes nothing here.
mkdir "$tmp/run" && cd "$tmp/run" || exit 2
CMDS="build site dump check new import layout fonts"

# run ARGS...: the exit status in $st, stdout in $tmp/out, stderr in $tmp/err
run() { "$JB" "$@" >"$tmp/out" 2>"$tmp/err"; st=$?; }
# said TEXT: stderr is exactly the usage error TEXT
said() { [ "$(cat "$tmp/err")" = "jianbao: 错误：$1" ]; }

for c in $CMDS; do
	for h in --help -h; do
		run "$c" "$h"
		check "$c $h: its usage on stdout, exit 0" \
		    '[ $st -eq 0 ] && [ ! -s "$tmp/err" ] && head -1 "$tmp/out" | grep -q "^用法：jianbao $c " && grep -q "^  -h, --help " "$tmp/out"'
	done
done
run build --help --out "$tmp/h" "$ISSUE"
check "build --help builds nothing" '[ $st -eq 0 ] && [ ! -e "$tmp/h" ]'
run check --help --bogus
check "--help before a bad option wins" '[ $st -eq 0 ]'
run build --html --help
check "build --help lists only build's options" \
    'grep -q -- "^  --jobs N " "$tmp/out" && ! grep -q -- "--fixed\|--date\|--format" "$tmp/out"'
run import -h
check "import -h lists -o" 'grep -q -- "^  -o 文件 " "$tmp/out"'

run --help
check "jianbao --help lists every command, exit 0" \
    '[ $st -eq 0 ] && for c in $CMDS; do grep -q "^  $c " "$tmp/out" || exit 1; done'
run
check "jianbao alone: usage on stderr, exit 2" \
    '[ $st -eq 2 ] && [ ! -s "$tmp/out" ] && head -1 "$tmp/err" | grep -q "^用法：jianbao 命令"'
run --version
check "--version" '[ $st -eq 0 ] && [ "$(cat "$tmp/out")" = "jianbao 0.1" ]'
run frob
check "an unknown command" '[ $st -eq 2 ] && said "未知命令，请运行 jianbao --help 查看用法"'

# Unknown options and missing values: each command's message, exit 2.
unknown="未知选项，请运行 jianbao --help 查看用法"
for c in build site dump layout fonts; do
	run "$c" --bogus "$ISSUE"
	check "$c --bogus" '[ $st -eq 2 ] && said "$unknown"'
done
run build -x "$ISSUE"
check "build -x" '[ $st -eq 2 ] && said "$unknown"'
run build --out
check "build --out without its folder" '[ $st -eq 2 ] && said "$unknown"'
run dump --jobs 2 "$ISSUE"
check "dump takes no --jobs" '[ $st -eq 2 ] && said "$unknown"'
run build
check "build without files" '[ $st -eq 2 ] && said "build 需要至少一个期刊文件"'
run site --out "$tmp/site"
check "site without files" '[ $st -eq 2 ] && said "site 需要全部期刊文件"'

chk="用法：jianbao check [--fix [--dry-run]] [--format=json] [--series 文件] [文件...]"
for a in "--bogus $ISSUE" --format "--format=xml $ISSUE" \
    "--format xml $ISSUE" --series; do
	run check $a
	check "check ${a%% *}" '[ $st -eq 2 ] && said "$chk"'
done
run check --format=json --bogus
check "check --format=json reports a later bad option in JSON" \
    '[ $st -eq 2 ] && grep -qF "\"level\":\"错误\",\"rule\":null,\"message\":\"$chk\"}" "$tmp/err"'

new="用法：jianbao new [--date YYYY-MM-DD] [--kind 刊别] [--series 文件]"
for a in --bogus extra --date; do
	run new $a
	check "new $a" '[ $st -eq 2 ] && said "$new"'
done
run new --date=2025-13-01
check "new --date with a bad date" '[ $st -eq 2 ] && said "日期 “2025-13-01” 无效，应为 YYYY-MM-DD"'

imp="用法：jianbao import 文件... [-o 输出.md | --into 期刊.md] [--number N] [--date YYYY-MM-DD] [--force] [--series 文件]"
for a in "" --bogus "a -o" "a -o x.md --into y.md"; do
	run import $a
	check "import ${a:-without a file}" '[ $st -eq 2 ] && said "$imp"'
done

# --jobs takes 0 to 1024 and nothing else.
for n in x -1 1025 "" 3x 99999999999; do
	run build --jobs "$n" --out "$tmp/j" "$ISSUE"
	check "build --jobs '$n' is refused" '[ $st -eq 2 ] && said "--jobs 需要 0 到 1024 的整数"'
done
run build --jobs=2 --html --series "$SERIES" --templates "$top/templates" --out "$tmp/j" "$ISSUE"
check "build --jobs=2 (the = form)" '[ $st -eq 0 ] && [ -s "$tmp/j/elements.html" ]'

# Options go anywhere among the files; -- ends them.
run dump "$ISSUE" --series "$SERIES"
cp "$tmp/out" "$tmp/dump1"
run dump --series "$SERIES" -- "$ISSUE"
check "options after the files, and --" \
    '[ $st -eq 0 ] && [ -s "$tmp/out" ] && cmp -s "$tmp/out" "$tmp/dump1"'
exit 0
