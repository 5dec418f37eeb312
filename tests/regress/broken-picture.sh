# 4351032: a broken picture was found only when the print edition read it, after the page and its pictures were written.
# guards: an issue with a broken picture stops before any output is written
mkdir -p issues/2024/images
head -c 2000 "$top/issues/2025/images/07-fenlei.png" >issues/2024/images/cut.png
printf -- '---\n期号: 1\n日期: 2024-01-05\n---\n\n## 图\n\n![图](images/cut.png)\n' >issues/2024/01.md
run build --templates "$top/templates" --out o issues/2024/01.md
want_status 1
want_err "issues/2024/01.md:8:1: 错误：图片 “images/cut.png” 无法读取：PNG 数据不完整或已损坏"
[ -z "$(find o -type f 2>/dev/null)" ] || fail "written:" $(find o -type f)
