#!/bin/sh
# docx.sh -- time the Word edition: a 5,000-character issue with two
# pictures and a table built to DOCX, median wall time of N runs (hyperfine) beside
# the page's, peak RSS (GNU time), and the DOCX stage alone: 50 copies
# in one process, less the time to read them, per copy.  Budget: 10 ms.
#   sh bench/docx.sh [N]     (SERIES=file picks the series; default bulletin.yaml)
cd "$(dirname "$0")/.." || exit 2
JB=${JB:-./jianbao}
N=${1:-51}
SERIES=${SERIES:-bulletin.yaml}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The test issue (two pictures), its articles repeated until the body has
# 5,000 characters; a repeated picture is stored once.
cp -r tests/pdf/images "$tmp/"
awk 'NR == 1, /^---$/ && NR > 1' tests/pdf/issue.md >"$tmp/head"
awk 'f; /^---$/ && NR > 1 { f = 1 }' tests/pdf/issue.md >"$tmp/body"
cp "$tmp/head" "$tmp/issue.md"
body_chars() { sed 1,/^---$/d "$tmp/issue.md" | tr -d ' \n' | wc -m; }
while [ "$(body_chars)" -lt 5000 ]; do
	cat "$tmp/body" >>"$tmp/issue.md"
done
# And a table of TABLE rows (10 unless set), as bench/pdf.sh adds one.
printf '\n表1　各区（县）测评得分\n\n| 排名 | 区（县） | 测评得分 | 整改率 | 说明 |\n|:-:|---|---|---|---|\n' >>"$tmp/issue.md"
i=1
while [ $i -le "${TABLE:-10}" ]; do
	printf '| %d | 第%d片区 | %d.5 | %d.0%% | 农贸市场周边非机动车停放仍需规范 |\n' \
	    $i $i $((99 - i)) $((100 - i)) >>"$tmp/issue.md"
	i=$((i + 1))
done
chars=$(body_chars)
pics=$(grep -o '!\[[^]]*\]([^)]*)' "$tmp/issue.md" | sort -u | wc -l)

"$JB" build --docx --series "$SERIES" --out "$tmp/out" "$tmp/issue.md" || exit 1
size=$(wc -c <"$tmp/out/issue.docx")
/usr/bin/time -f '%M' -o "$tmp/rss" "$JB" build --docx --series "$SERIES" \
    --out "$tmp/out" "$tmp/issue.md"
hyperfine -N -w 3 -r "$N" --export-json "$tmp/t.json" \
    "$JB build --docx --series $SERIES --out $tmp/out $tmp/issue.md" \
    "$JB build --html --series $SERIES --out $tmp/out $tmp/issue.md" \
    >/dev/null 2>&1 || exit 1
copies=$(i=0; while [ $i -lt 50 ]; do printf '%s ' "$tmp/issue.md"; i=$((i + 1)); done)
/usr/bin/time -f '%U %S' -o "$tmp/batch" "$JB" build --docx --series "$SERIES" \
    --out "$tmp/out" $copies
/usr/bin/time -f '%U %S' -o "$tmp/read" "$JB" dump --series "$SERIES" \
    $copies >/dev/null
python3 - "$tmp/t.json" "$chars" "$pics" "$size" "$(cat "$tmp/rss")" \
    "$(cat "$tmp/batch")" "$(cat "$tmp/read")" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))['results']
chars, pics, size, rss, batch, read = sys.argv[2:8]
docx, html = (x['median'] * 1000 for x in r)
cpu = (r[0]['user'] + r[0]['system']) * 1000
stage = (sum(map(float, batch.split())) - sum(map(float, read.split()))) * 20
print('DOCX of a %s-character issue (%s pictures, a table, %.0f KiB), %d runs: '
      'median %.1f ms wall, %.1f ms CPU (the page alone %.1f ms wall), '
      'peak RSS %.1f MiB' % (chars, pics, int(size) / 1024,
                             len(r[0]['times']), docx, cpu, html,
                             int(rss) / 1024))
print('the DOCX stage alone (50 in one process, less reading them): '
      '%.1f ms CPU per issue' % stage)
print('budget 10 ms: %s' % ('met' if docx <= 10 else 'NOT met'))
PY
