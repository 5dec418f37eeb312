# acfb3ce: import threw away text it could not classify (“无法归类的内容 … 已忽略”): a line of the masthead or footer vanished.
# guards: such a line stays in the issue as a paragraph, with a warning at its line
printf '# 创建工作动态\n\n第 3 期\n\n2026年1月5日\n\n联系电话：0000-0000000\n\n## 标题\n\n本报讯　正文。\n' >in.txt
run import -o issue.md in.txt
want_status 0
want_in err "in.txt:7:1: 警告：无法归类的内容 “联系电话：0000-0000000”，已作为段落保留在正文末尾，请核对"
want_in issue.md "联系电话：0000-0000000"
