#!/bin/sh
# t_check.sh -- golden tests of `jianbao check`, one file per rule:
#   tests/check/NAME.md   beside NAME.expected (exact findings) and the exit
#                         status: 1 when NAME.expected holds an error, else 0.
#   tests/check/archive/  期号 gaps, duplicates, date order, future dates;
#                         as files, as issues/ (no FILE), and as JSON lines.
# With -u, rewrite the golden files from the current output (review the diff!).
cd "$(dirname "$0")/.." || exit 2
JB=${JB:-./jianbao}
SERIES=tests/parse/bulletin.yaml
# 2025-01-01: "today" for the future-date rule
SOURCE_DATE_EPOCH=1735689600
export SOURCE_DATE_EPOCH
update=0
[ "${1:-}" = -u ] && update=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# compare NAME EXPECTED-FILE STATUS: $tmp/out holds the output
golden() {
	want=0
	grep -q '错误：\|"level":"错误"' "$2" && want=1
	if ! diff -u "$2" "$tmp/out"; then
		echo "not ok - $1 differs from $2"
	elif [ "$3" -ne "$want" ]; then
		echo "not ok - $1 exit status $3, want $want"
	else
		echo "ok - $1"
	fi
}

for f in tests/check/*.md; do
	name=${f%.md}
	"$JB" check --series "$SERIES" "$f" >"$tmp/out" 2>&1
	status=$?
	[ $update = 1 ] && cp "$tmp/out" "$name.expected"
	golden "check $f" "$name.expected" $status
done

"$JB" check --series "$SERIES" tests/check/archive/*/*.md >"$tmp/out" 2>&1
status=$?
[ $update = 1 ] && cp "$tmp/out" tests/check/archive.expected
golden "check archive" tests/check/archive.expected $status

"$JB" check --format=json --series "$SERIES" tests/check/archive/*/*.md \
    tests/check/suppress.md tests/check/unbalanced.md >"$tmp/out" 2>&1
status=$?
[ $update = 1 ] && cp "$tmp/out" tests/check/archive.json
golden "check --format=json" tests/check/archive.json $status
if python3 -c '
import json, sys
keys = ["file", "line", "col", "level", "rule", "message"]
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    assert list(o) == keys, o
    assert o["level"] in ("警告", "错误"), o
' "$tmp/out"; then
	echo "ok - check --format=json prints one JSON object per line"
else
	echo "not ok - check --format=json output is not JSON lines"
fi

# With no FILE, check reads every issues/YYYY/NN.md of the current folder.
mkdir -p "$tmp/site"
cp -R tests/check/archive "$tmp/site/issues"
cp "$SERIES" "$tmp/site/bulletin.yaml"
jb=$(cd "$(dirname "$JB")" && pwd)/$(basename "$JB")
(cd "$tmp/site" && "$jb" check) 2>&1 | sed 's|^issues/|tests/check/archive/|; s|“issues/|“tests/check/archive/|' >"$tmp/out"
golden "check with no FILE reads issues/" tests/check/archive.expected 1

# A finding with a rule id can be silenced; the rest still fail the run.
printf -- '---\n期号: 1\n日期: 2024-01-05\n检查忽略: [image-missing]\n---\n\n## 图\n\n![图](none.png)\n' >"$tmp/ign.md"
if "$JB" check --series "$SERIES" "$tmp/ign.md" >"$tmp/out" 2>&1 && ! [ -s "$tmp/out" ]; then
	echo "ok - 检查忽略 silences an error and its exit status"
else
	echo "not ok - 检查忽略 did not silence image-missing"; cat "$tmp/out"
fi
