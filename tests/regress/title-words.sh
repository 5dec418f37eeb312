# e872b49: titles were broken by length alone, inside words.
# guards: a two-line title breaks at a phrase boundary, lines balanced
printf -- '---\n期号: 1\n日期: 2024-01-05\n---\n\n## 县委常委会召开专题会议研究部署秋冬季农村人居环境整治工作\n\n正文。\n' >issue.md
run layout --fixed issue.md
want_status 0
awk '$1 == "text" && $6 == "22.00" { print $NF }' out >title
[ "$(cat title)" = "$(printf '|县委常委会召开专题会议研究|\n|部署秋冬季农村人居环境整治工作|')" ] ||
    fail "title lines:" $(cat title)
