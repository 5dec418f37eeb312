#!/bin/sh
# import.sh -- time `jianbao import` of a Word file and `jianbao check --fix` over an archive.
# Usage: bench/import.sh [ISSUES] [RUNS]   (defaults 1000 and 7)
# Targets: a .docx of 10,000 characters with two pictures (made with
# python-docx) imported in <= 20 ms (median); `check --fix` over ISSUES
# made-up issues, each with repairs to make, <= 2 s (median).
cd "$(dirname "$0")/.." || exit 2
n=${1:-1000}
runs=${2:-7}
JB=${JB:-./jianbao}
PY=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
top=$(pwd)

$PY - "$tmp/bench.docx" issues/2025/images/08-lukou.jpg issues/2025/images/07-fenlei.png <<'PY' || exit 2
import random, sys
import docx
from docx.shared import Mm
out, jpg, png = sys.argv[1:4]
rng = random.Random(13)
words = "文明 城市 创建 社区 志愿 服务 居民 街道 治理 环境 卫生 整治 背街 小巷 交通 秩序 垃圾 分类".split()
doc = docx.Document()
doc.add_paragraph("云岭市推进文明城市创建工作", style="Title")
n = 0
k = 0
while n < 10000:
    if k % 8 == 0:
        t = "一二三四五六七八九十"[(k // 8) % 10] + "、" + "".join(rng.choice(words) for _ in range(4))
        doc.add_paragraph(t, style="Heading 1")
    p = doc.add_paragraph()
    p.add_run("".join(rng.choice(words) for _ in range(3)) + "。").bold = True
    t = "，".join("".join(rng.choice(words) for _ in range(5)) for _ in range(4)) + "。"
    p.add_run(t)
    n += len(t) + 7
    if k == 10:
        doc.add_picture(jpg, width=Mm(80))
        doc.add_paragraph("图为志愿者在路口劝导。")
    if k == 30:
        doc.add_picture(png, width=Mm(80))
        doc.add_paragraph("图为社区的分类投放亭。")
    k += 1
doc.save(out)
PY
cp tests/parse/bulletin.yaml "$tmp/series.yaml"
# the same text and pictures as LibreOffice writes a Word file (its
# styles part is 6 KB, python-docx's template carries 350 KB)
if command -v soffice >/dev/null 2>&1; then
	$PY - "$tmp/bench.docx" "$tmp/lo.html" issues/2025/images/08-lukou.jpg issues/2025/images/07-fenlei.png <<'PY'
import base64, html, sys, zipfile, re
docx, out, jpg, png = sys.argv[1:5]
xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
paras = [re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<w:p[ >].*?</w:p>", xml)]
pics = iter([("jpeg", jpg), ("png", png)])
body = ["<p>%s</p>" % html.escape(p) for p in paras if p]
for i in (10, 30):
    kind, f = next(pics)
    data = base64.b64encode(open(f, "rb").read()).decode()
    body.insert(i, '<p><img src="data:image/%s;base64,%s"></p>' % (kind, data))
open(out, "w").write('<html><head><meta charset="utf-8"></head><body>%s</body></html>' % "".join(body))
PY
	soffice -env:UserInstallation=file://$tmp/lo --headless --convert-to 'docx:MS Word 2007 XML' \
	    --outdir "$tmp" "$tmp/lo.html" >/dev/null 2>&1
fi

# median FILE: the median of the numbers in FILE
median() {
	sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
# timed COMMAND PREPARE: RUNS runs, PREPARE before each; the median wall
# time, and in brackets the median CPU time (user + system, from the
# kernel's accounting of the child, to the microsecond), which other work
# on the machine disturbs less
timed() {
	$PY - "$runs" "$1" "$2" <<'TIMED'
import resource, statistics, subprocess, sys, time
runs, cmd, prep = int(sys.argv[1]), sys.argv[2], sys.argv[3]
wall, cpu = [], []
for _ in range(runs):
    subprocess.run(prep, shell=True, check=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall.append(time.perf_counter() - t)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
print("%.4f（CPU %.4f）" % (statistics.median(wall), statistics.median(cpu)), end="")
TIMED
}

imp="$JB import --series $tmp/series.yaml --number 1 --date 2026-03-05 --force $tmp/bench.docx -o $tmp/o/bench.md"
$imp >/dev/null 2>&1 || { echo "import failed" >&2; exit 1; }
chars=$(sed "1,/^---$/d" "$tmp/o/bench.md" | tr -d " \\n#*" | wc -m)
t_imp=$(timed "$imp" "rm -rf $tmp/o")
t_lo=
if [ -s "$tmp/lo.docx" ]; then
	t_lo=$(timed "$JB import --series $tmp/series.yaml --number 1 --date 2026-03-05 --force $tmp/lo.docx -o $tmp/o/lo.md" "rm -rf $tmp/o")
	lopics=$(ls "$tmp/o/images" | grep -c '^lo-')
fi
t_imp_text=$(timed "$JB import --series $tmp/series.yaml --number 1 --date 2026-03-05 --force tests/import2/county.txt -o $tmp/o/text.md" ":")
pics=$(ls "$tmp/o/images" | wc -l)

$PY bench/gen_issues.py "$n" "$tmp/a" || exit 2
# every issue gets repairs to make: half-width commas, a straight-quoted phrase, blanks
for f in "$tmp"/a/issues/*/*.md; do
	printf '\n会议要求,各单位要把 "一格一员" 落到实处 。\n' >>"$f"
done
cp -r "$tmp/a" "$tmp/a0"
fix="cd $tmp/a && $top/$JB check --fix --series bulletin.yaml"
t_fix=$(timed "$fix" "rm -rf $tmp/a && cp -r $tmp/a0 $tmp/a")
rm -rf "$tmp/a" && cp -r "$tmp/a0" "$tmp/a"
fixes=$(cd "$tmp/a" && "$top/$JB" check --fix --series bulletin.yaml 2>&1 | grep -c 已修正)
printf '导入 .docx（正文 %s 字，%s 张图片），%s 次中位数：%s 秒（目标 ≤ 0.020 秒）\n' "$chars" "$pics" "$runs" "$t_imp"
[ -n "$t_lo" ] && printf '导入同样文字、由 LibreOffice 写的 .docx（%s 张图片），%s 次中位数：%s 秒（目标 ≤ 0.020 秒）\n' "$lopics" "$runs" "$t_lo"
printf '导入文字文件（tests/import2/county.txt），%s 次中位数：%s 秒\n' "$runs" "$t_imp_text"
printf 'check --fix 全部 %s 期（%s 处修正，随后照常校对），%s 次中位数：%s 秒（目标 ≤ 2 秒）\n' "$n" "$fixes" "$runs" "$t_fix"
