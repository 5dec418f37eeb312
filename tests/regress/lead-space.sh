# f5ab0aa: check took the space after a leading 本报讯 for a stray space between Han characters.
# guards: 本报讯 and a space open a lead without a cjk-space finding
printf -- '---\n期号: 1\n日期: 2024-01-05\n---\n\n## 题\n\n本报讯 社区街道组织志愿者开展服务。\n' >issue.md
run check issue.md
want_status 0
want_err ""
