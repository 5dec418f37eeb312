# cfc22fd: a run building ten or more print editions crashed when Cairo dropped cached faces.
# guards: one build run prints twelve issues
mkdir -p issues/2024
for n in 01 02 03 04 05 06 07 08 09 10 11 12; do
	printf -- '---\n期号: %d\n日期: 2024-%s-05\n---\n\n## 第%d期的标题\n\n**本报讯**　正文，*强调*，`code`。\n\n### 小标题\n\n> 引文。\n' \
	    "${n#0}" "$n" "${n#0}" >issues/2024/$n.md
done
run build --pdf --out o issues/2024/*.md
want_status 0
[ "$(ls o/2024/*.pdf | wc -l)" -eq 12 ] || fail "$(ls o/2024/*.pdf | wc -l) PDFs, want 12"
