# 9c61ce1: check silently read only the first 8 MiB of a larger file and judged that.
# guards: check refuses a file over 8 MiB with 文件过大 and exit status 1
python3 -c "import sys; sys.stdout.write('---\n期号: 1\n日期: 2024-01-05\n---\n\n## 题\n\n' + '正文。' * 1000000)" >big.md
run check big.md
want_status 1
want_err "big.md:1:1: 错误：文件过大，上限为 8 MiB"
