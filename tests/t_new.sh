#!/bin/sh
# t_new.sh -- `jianbao new`: next 期号 and 总期号, the year boundary, carried-over
# 分送 and 署名, --date, refusing to overwrite.  Runs in a scratch archive made
# from tests/new/prev.md (issues/2024/07.md); golden files tests/new/*.expected.
# With -u, rewrite the golden files from the current output (review the diff!).
cd "$(dirname "$0")/.." || exit 2
JB=$(cd "$(dirname "${JB:-./jianbao}")" && pwd)/$(basename "${JB:-./jianbao}")
top=$(pwd)
update=0
[ "${1:-}" = -u ] && update=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/issues/2024"
cp tests/parse/bulletin.yaml "$tmp/"
cp tests/new/prev.md "$tmp/issues/2024/07.md"
cd "$tmp" || exit 2

# new_case NAME EPOCH [ARGS...]: run new, compare printed path and the file
new_case() {
	name=$1 epoch=$2
	shift 2
	if ! out=$(SOURCE_DATE_EPOCH=$epoch "$JB" new "$@" 2>"$tmp/err"); then
		echo "not ok - new $name failed"; cat "$tmp/err"
		return
	fi
	[ $update = 1 ] && cp "$out" "$top/tests/new/$name.expected"
	if [ "$out" != "issues/$(echo "$name" | tr - /).md" ]; then
		echo "not ok - new $name printed “$out”"
	elif diff -u "$top/tests/new/$name.expected" "$out"; then
		echo "ok - new $name"
	else
		echo "not ok - new $name differs from tests/new/$name.expected"
	fi
}

# 2024-12-24: same year, 期号 8, 总期号 53
new_case 2024-08 1735000000
# 2025-01-02: a new year restarts at 期号 1; 总期号 goes on
new_case 2025-01 1735800000
new_case 2025-02 1735800000
# --date wins over today
new_case 2025-03 1735800000 --date 2025-02-14

if SOURCE_DATE_EPOCH=1740000000 "$JB" check --series bulletin.yaml \
    issues/2025/*.md >"$tmp/out" 2>&1 && ! [ -s "$tmp/out" ]; then
	echo "ok - new issues pass jianbao check"
else
	echo "not ok - new issues have findings"; cat "$tmp/out"
fi

# A file in the way is never overwritten.
mkdir -p issues/2026
printf -- '---\n期号: 1\n日期: 2026-01-05\n---\n\n## 第一期\n\n正文。\n' >issues/2026/02.md
cp issues/2026/02.md "$tmp/keep"
SOURCE_DATE_EPOCH=1770000000 "$JB" new --date 2026-02-01 >"$tmp/out" 2>"$tmp/err"
status=$?
if [ $status -eq 1 ] && cmp -s issues/2026/02.md "$tmp/keep" &&
    grep -q '错误：文件 “issues/2026/02.md” 已经存在，不会覆盖' "$tmp/err" &&
    ! [ -s "$tmp/out" ]; then
	echo "ok - new refuses to overwrite"
else
	echo "not ok - new overwrote or misreported (status $status)"; cat "$tmp/err"
fi

# An empty archive starts at 期号 1, 总期号 1 (the series numbers totals).
rm -rf issues
if out=$(SOURCE_DATE_EPOCH=1735800000 "$JB" new) &&
    [ "$out" = issues/2025/01.md ] &&
    grep -q '^期号: 1$' "$out" && grep -q '^总期号: 1$' "$out" &&
    ! grep -q '署名' "$out"; then
	echo "ok - new in an empty archive"
else
	echo "not ok - new in an empty archive"; cat "$out"
fi

if "$JB" new --date 2025-02-30 2>"$tmp/err"; then
	echo "not ok - new accepted 2025-02-30"
else
	echo "ok - new refuses an impossible --date"
fi
