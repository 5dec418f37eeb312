#!/bin/sh
# t_new.sh -- `jianbao new`: next 期号 and 总期号, the year boundary, carried-over
# 分送 and 署名, --date, refusing to overwrite.  Runs in a scratch archive made
# from tests/new/prev.md (issues/2024/07.md); golden files tests/new/*.expected.
# With -u, rewrite the golden files from the current output (review the diff!).
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
JB=$(cd "$(dirname "$JB")" && pwd)/$(basename "$JB")
top=$(pwd)
mkdir -p "$tmp/issues/2024"
cp tests/parse/bulletin.yaml "$tmp/"
cp tests/new/prev.md "$tmp/issues/2024/07.md"
cd "$tmp" || exit 2

# new_case NAME EPOCH [ARGS...]: run new, compare printed path and the file
new_case() {
	name=$1 epoch=$2
	shift 2
	if ! out=$(SOURCE_DATE_EPOCH=$epoch "$JB" new "$@" 2>"$tmp/err"); then
		notok "new $name"; sed 's/^/# /' "$tmp/err"
	elif [ "$out" != "issues/$(echo "$name" | tr - /).md" ]; then
		notok "new $name"; echo "# it printed “$out”"
	else
		golden "new $name" "$top/tests/new/$name.expected" "$out"
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
	ok "new issues pass jianbao check"
else
	notok "new issues pass jianbao check"; sed 's/^/# /' "$tmp/out"
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
	ok "new refuses to overwrite"
else
	notok "new refuses to overwrite"; echo "# status $status"; sed 's/^/# /' "$tmp/err"
fi

# An empty archive starts at 期号 1, 总期号 1 (the series numbers totals).
rm -rf issues
if out=$(SOURCE_DATE_EPOCH=1735800000 "$JB" new) &&
    [ "$out" = issues/2025/01.md ] &&
    grep -q '^期号: 1$' "$out" && grep -q '^总期号: 1$' "$out" &&
    ! grep -q '署名' "$out"; then
	ok "new in an empty archive"
else
	notok "new in an empty archive"; [ -f "$out" ] && sed 's/^/# /' "$out"
fi

check "new refuses an impossible --date" '! "$JB" new --date 2025-02-30 2>"$tmp/err"'
