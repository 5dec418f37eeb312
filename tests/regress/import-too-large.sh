# 9c61ce1: import’s 文件过大 message had its arguments swapped: “jianbao: 错误：文件过大，上限为 big.txt”.
# guards: import refuses a file over 8 MiB naming the 8 MiB limit, and writes nothing
python3 -c "import sys; sys.stdout.write('---\n' + 'a' * 9000000)" >big.txt
run import -o issue.md big.txt
want_status 1
want_err "big.txt:1:1: 错误：文件过大，上限为 8 MiB"
[ ! -e issue.md ] || fail "issue.md was written"
