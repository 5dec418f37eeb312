# acfb3ce: import -o over an existing file replaced it without asking, while the default path refused.
# guards: import -o EXISTING refuses without --force and leaves every byte of the file
printf '编辑写了一半的稿子。\n' >draft.md
cp draft.md keep.md
printf '## 标题\n\n本报讯　正文。\n' >in.txt
run import --number 1 --date 2026-01-05 -o draft.md in.txt
want_status 1
want_err "jianbao: 错误：文件 “draft.md” 已经存在，不会覆盖（确要覆盖请加 --force）"
cmp -s draft.md keep.md || fail "draft.md changed"
