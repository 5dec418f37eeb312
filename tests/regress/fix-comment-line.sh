# dfde8d3: check --fix took away a [//]: # line inside a paragraph, with the line break a repair after the mark before it removed.
# guards: a comment line ends the paragraph it stands in; the repairs keep every line
printf -- '---\n期号: 1\n日期: 2024-01-05\n---\n\n## 题\n\n一句话在行末断开,\n[//]: # (一条注释)\n下一行,在注释之后。\n' >issue.md
run check --fix issue.md
want_status 0
want_in issue.md '[//]: # (一条注释)'
[ "$(wc -l <issue.md)" -eq 10 ] || fail "issue.md has $(wc -l <issue.md) lines, not 10"
want_in issue.md '下一行，在注释之后。'
