# f75eb81: check kept at most 128 open brackets, so a paragraph with more reported its closing ones as unpaired.
# guards: 200 nested （ closed by 200 ） are balanced
python3 -c "print('---\n期号: 1\n日期: 2024-01-05\n---\n\n## 题\n\n' + '（' * 200 + '文' + '）' * 200 + '。')" >issue.md
run check issue.md
want_status 0
want_err ""
