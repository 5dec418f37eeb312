# 8370f07: in 本期要目 an entry whose kicker and title did not fit one line broke the title across lines.
# guards: the title then starts a line of its own, whole
cat >issue.md <<'MD'
---
期号: 1
日期: 2024-01-05
---

县文明办、县委宣传部、县融媒体中心联合——

## 推动志愿服务常态化长效化

正文。

## 第二篇

正文。
MD
run layout --fixed issue.md
want_status 0
want_in out "fangsong 15.79 000000 |推动志愿服务常态化长效化|"
