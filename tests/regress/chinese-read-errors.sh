# 9c61ce1: check and import gave their open and read errors in English.
# guards: a missing file and a folder are reported in Chinese by check and import
mkdir folder.md
for cmd in check import; do
	run $cmd missing.md
	want_status 1
	want_err "jianbao: 错误：无法打开 “missing.md”：文件或目录不存在"
	run $cmd folder.md
	want_status 1
	want_err "jianbao: 错误：无法读取 “folder.md”：这是一个目录"
done
