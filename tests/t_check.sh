#!/bin/sh
# t_check.sh -- golden tests of `jianbao check`, one file per rule:
#   tests/check/NAME.md   beside NAME.expected (exact findings) and the exit
#                         status: 1 when NAME.expected holds an error, else 0.
#   tests/check/archive/  期号 gaps, duplicates, date order, future dates;
#                         as files, as issues/ (no FILE), and as JSON lines.
# With -u, rewrite the golden files from the current output (review the diff!).
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
SERIES=tests/parse/bulletin.yaml
# 2025-01-01: "today" for the future-date rule
SOURCE_DATE_EPOCH=1735689600
export SOURCE_DATE_EPOCH

for f in tests/check/*.md; do
	"$JB" check --series "$SERIES" "$f" >"$tmp/out" 2>&1
	golden "check $f" "${f%.md}.expected" "$tmp/out" $?
done

"$JB" check --series "$SERIES" tests/check/archive/*/*.md >"$tmp/out" 2>&1
golden "check archive" tests/check/archive.expected "$tmp/out" $?

"$JB" check --format=json --series "$SERIES" tests/check/archive/*/*.md \
    tests/check/suppress.md tests/check/unbalanced.md >"$tmp/out" 2>&1
golden "check --format=json" tests/check/archive.json "$tmp/out" $?
if python3 -c '
import json, sys
keys = ["file", "line", "col", "level", "rule", "message"]
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    assert list(o) == keys, o
    assert o["level"] in ("警告", "错误"), o
' "$tmp/out"; then
	ok "check --format=json prints one JSON object per line"
else
	notok "check --format=json prints one JSON object per line"
fi

# With no FILE, check reads every issues/YYYY/NN.md of the current folder.
mkdir -p "$tmp/site"
cp -R tests/check/archive "$tmp/site/issues"
cp "$SERIES" "$tmp/site/bulletin.yaml"
jb=$(cd "$(dirname "$JB")" && pwd)/$(basename "$JB")
(cd "$tmp/site" && "$jb" check) >"$tmp/raw" 2>&1
status=$?
sed 's|^issues/|tests/check/archive/|; s|“issues/|“tests/check/archive/|' "$tmp/raw" >"$tmp/out"
check "check with no FILE reads issues/" \
    'diff -u tests/check/archive.expected "$tmp/out" && [ $status -eq 1 ]'

# A finding with a rule id can be silenced; the rest still fail the run.
printf -- '---\n期号: 1\n日期: 2024-01-05\n检查忽略: [image-missing]\n---\n\n## 图\n\n![图](none.png)\n' >"$tmp/ign.md"
if "$JB" check --series "$SERIES" "$tmp/ign.md" >"$tmp/out" 2>&1 && ! [ -s "$tmp/out" ]; then
	ok "检查忽略 silences an error and its exit status"
else
	notok "检查忽略 silences an error and its exit status"; sed 's/^/# /' "$tmp/out"
fi

# check --fix repairs each half-width mark check reports beside digits,
# Latin letters and at a paragraph's end, leaves numbers, addresses, code
# and Latin text alone (the golden repaired text), and check then finds
# none of them.
cp tests/check/halfwidth-ascii.md "$tmp/marks.md"
"$JB" check --fix --series "$SERIES" "$tmp/marks.md" >/dev/null 2>"$tmp/err"
golden "check --fix: half-width marks repaired" tests/check/halfwidth-ascii.fixed "$tmp/marks.md"
"$JB" check --series "$SERIES" "$tmp/marks.md" >"$tmp/out" 2>&1
check "check after check --fix: no half-width mark left" \
    '! grep -q halfwidth-punct "$tmp/out" && [ "$(grep -c "已修正" "$tmp/err")" = "$(grep -c halfwidth-punct tests/check/halfwidth-ascii.expected)" ]'
