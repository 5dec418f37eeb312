# 49d29fb: in a pasted submission the word 印发 in its title (关于印发《…》的通知) started the 报尾, and the rest of the text became unclassified paragraphs.
# guards: a submission without a masthead has no 报尾: its title is a title, its 编辑： line its own text
printf '关于印发《邻里互助办法》的通知\n\n各社区：\n\n现将《邻里互助办法》印发给你们，请遵照执行。\n\n编辑：王小禾\n' >in.txt
run import --number 1 --date 2026-01-05 -o out.md in.txt
want_status 0
want_in out.md "## 关于印发《邻里互助办法》的通知"
want_in out.md "编辑：王小禾"
want_not_in out.md "署名"
