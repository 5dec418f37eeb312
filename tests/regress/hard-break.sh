# 59ceeca: a hard line break inside a paragraph stalled the line breaker.
# guards: a paragraph of hard breaks, one after another, is laid out at once
printf -- '---\n期号: 1\n日期: 2024-01-05\n---\n\n## 题\n\n第一行\\\n\\\n第三行\n' >issue.md
run layout --fixed issue.md
want_status 0
want_in out "|第一行|"
want_in out "|第三行|"
