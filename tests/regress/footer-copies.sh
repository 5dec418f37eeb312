# 718147c: in the 报尾, long credits and （共印N份） were merged onto one line and printed over each other.
# guards: the copy count goes on a line of its own when the credits leave no room beside it
cat >issue.md <<'MD'
---
期号: 1
日期: 2024-01-05
共印: 120
署名:
  审核: 杨文澜
  校对: 田书亦
  编辑: 罗晓岚
  签发: 邹明川
---

## 题

正文。
MD
run layout --fixed issue.md
want_status 0
want_in out "text 93.37 704.51 w=378.00 fangsong 14.00 000000 |审核：杨文澜　校对：田书亦　编辑：罗晓岚　签发：邹明川|"
want_in out "text 416.57 733.50 w=42.00 fangsong 14.00 000000 |（共印|"
