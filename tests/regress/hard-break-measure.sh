# 06f84aa: after a hard line break the breaker filled a line to the full measure while the setter indented it 2 字, so it ran past the right edge.
# guards: the line after a hard break is broken and set at the margin, within the measure
printf -- '---\n期号: 1\n日期: 2024-01-05\n---\n\n## 题\n\n第一行\\\n全县依托新时代文明实践中心所站三级阵地广泛开展理论宣讲文化惠民活动\n' >issue.md
run layout --fixed issue.md
want_status 0
want_in out "text 79.37 415.29 w=442.20 fangsong 15.79 000000 |全县依托新时代文明实践中心所站三级阵地广泛开展理论宣讲文|"
want_not_in out "text 110.96 415.29"
