#!/bin/sh
# t_bad.sh -- hostile input: each case must give its exact diagnostic, a
# non-zero exit within the time limit, and leave the outputs of a previous
# good build byte-for-byte intact.  Large inputs are generated, not stored.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
SERIES=tests/parse/bulletin.yaml
LIMIT=${BAD_LIMIT:-20}
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/issues/2024" "$tmp/out"
fm='---
期号: 3
日期: 2024-03-08
---

## 标题

'

# hostile NAME EXPECTED-STDERR: build $tmp/case as $tmp/issues/2024/03.md
# over a good build's outputs
good_build() {
	printf '%s正文。\n' "$fm" >"$tmp/issues/2024/03.md"
	rm -rf "$tmp/out" && mkdir -p "$tmp/out"
	"$JB" build --series "$SERIES" --out "$tmp/out" "$tmp/issues/2024/03.md" >/dev/null 2>&1
	(cd "$tmp/out" && find . -type f | sort | xargs sha256sum) >"$tmp/before"
}

hostile() {
	name=$1 want=$2
	good_build
	cp "$tmp/case" "$tmp/issues/2024/03.md"
	start=$(date +%s)
	timeout "$LIMIT" "$JB" build --series "$SERIES" --out "$tmp/out" \
	    "$tmp/issues/2024/03.md" >/dev/null 2>"$tmp/err"
	status=$?
	sed "s|$tmp/||g" "$tmp/err" >"$tmp/err2"
	(cd "$tmp/out" && find . -type f | sort | xargs sha256sum) >"$tmp/after"
	if [ "$status" -eq 124 ]; then
		notok "$name"; echo "# no answer within ${LIMIT}s"
	elif [ "$status" -eq 0 ] || [ "$status" -ge 128 ]; then
		notok "$name"; echo "# exit status $status"; sed 's/^/# /' "$tmp/err2"
	elif [ "$(cat "$tmp/err2")" != "$want" ]; then
		notok "$name"; sed 's/^/#  got:  /' "$tmp/err2"; echo "#  want: $want"
	elif ! cmp -s "$tmp/before" "$tmp/after"; then
		notok "$name"; echo "# previous outputs changed"; diff "$tmp/before" "$tmp/after" | sed 's/^/# /'
	else
		ok "$name ($(($(date +%s) - start))s)"
	fi
}

printf '%s正文\377。\n' "$fm" >"$tmp/case"
hostile "invalid UTF-8" "issues/2024/03.md:8:3: 错误：文件含有无效的 UTF-8 字节 “\\xFF”"

printf '%s正\000文。\n' "$fm" >"$tmp/case"
hostile "NUL byte" "issues/2024/03.md:8:2: 错误：文件含有空字符（NUL）"

printf '\357\273\277---\r\n期号: 3\r\n日期: 2024-02-30\r\n---\r\n' >"$tmp/case"
hostile "BOM and CRLF are read; the bad date is still found" \
    "issues/2024/03.md:3:5: 错误：日期 “2024-02-30” 无效，应为 YYYY-MM-DD"

: >"$tmp/case"
hostile "empty file" "issues/2024/03.md:1:1: 错误：文件开头缺少前置信息（应以 “---” 行开始，至少写明期号和日期）"

printf -- '---\n期号: 3\n日期: 2024-03-08\n\n## 标题\n' >"$tmp/case"
hostile "unterminated front matter" "issues/2024/03.md:1:1: 错误：前置信息没有以 “---” 结束"

printf -- '---\n期号: 3\n日期: 2024-03-08\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n---\n' >"$tmp/case"
hostile "YAML alias bomb" "issues/2024/03.md:5:8: 错误：前置信息中不允许使用 YAML 别名 “a”"

python3 -c "import sys; sys.stdout.write('''$fm''' + ('文明城市创建，人人参与。' * 40 + '\n\n') * 110000)" >"$tmp/case"
hostile "50 MB issue" "issues/2024/03.md:1:1: 错误：文件过大，上限为 8 MiB"

python3 -c "import sys; sys.stdout.write('''$fm''' + '- ' * 10000 + '项\n')" >"$tmp/case"
hostile "lists nested 10,000 deep" "issues/2024/03.md:8:67: 错误：嵌套层级过深，上限为 32 层"

python3 -c "import sys; sys.stdout.write('''$fm''' + '>' * 10000 + ' 深\n')" >"$tmp/case"
hostile "block quotes nested 10,000 deep" "issues/2024/03.md:8:34: 错误：嵌套层级过深，上限为 32 层"

printf '%s![图](../../etc/passwd)\n' "$fm" >"$tmp/case"
hostile "image path leaving the folder" "issues/2024/03.md:8:1: 错误：图片路径 “../../etc/passwd” 超出本期文件所在目录"

printf '%s![图](/etc/passwd)\n' "$fm" >"$tmp/case"
hostile "absolute image path" "issues/2024/03.md:8:1: 错误：图片路径 “/etc/passwd” 超出本期文件所在目录"

ln -s /etc "$tmp/issues/2024/etc"
printf '%s![图](etc/passwd)\n' "$fm" >"$tmp/case"
hostile "symbolic link out of the folder" "issues/2024/03.md:8:1: 错误：图片路径 “etc/passwd” 超出本期文件所在目录"
rm "$tmp/issues/2024/etc"

# Pictures: broken, not pictures at all, or too large to decode.
mkdir -p "$tmp/issues/2024/images"
head -c 4000 issues/2025/images/08-lukou.jpg >"$tmp/issues/2024/images/cut.jpg"
head -c 2000 issues/2025/images/07-fenlei.png >"$tmp/issues/2024/images/cut.png"
echo "这不是图片" >"$tmp/issues/2024/images/text.png"
# Damage inside the image data, where only decoding every row finds it.
{ head -c 20368 issues/2025/images/08-lukou.jpg
  tail -c +20419 issues/2025/images/08-lukou.jpg; } >"$tmp/issues/2024/images/gap.jpg"
python3 - issues/2025/images/07-fenlei.png "$tmp/issues/2024/images/flip.png" <<'PY'
import sys
d = bytearray(open(sys.argv[1], 'rb').read())
d[len(d) // 2] ^= 0x10
open(sys.argv[2], 'wb').write(bytes(d))
PY
python3 - "$tmp/issues/2024/images/wide.png" <<'PY'
import struct, sys, zlib
w, h = 30000, 4
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
raw = b''.join(b'\0' + b'\xff' * (w * 3) for _ in range(h))
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
    + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))
PY
for img in cut.jpg cut.png gap.jpg flip.png text.png wide.png; do
	printf '%s![图](images/%s)\n' "$fm" "$img" >"$tmp/case.$img"
done
cp "$tmp/case.cut.jpg" "$tmp/case"
hostile "truncated JPEG" "issues/2024/03.md:8:1: 错误：图片 “images/cut.jpg” 无法读取：JPEG 数据不完整"
cp "$tmp/case.cut.png" "$tmp/case"
hostile "truncated PNG" "issues/2024/03.md:8:1: 错误：图片 “images/cut.png” 无法读取：PNG 数据不完整或已损坏"
cp "$tmp/case.gap.jpg" "$tmp/case"
hostile "JPEG with bytes missing inside" "issues/2024/03.md:8:1: 错误：图片 “images/gap.jpg” 无法读取：JPEG 数据不完整"
cp "$tmp/case.flip.png" "$tmp/case"
hostile "PNG with a flipped bit inside" "issues/2024/03.md:8:1: 错误：图片 “images/flip.png” 无法读取：PNG 数据不完整或已损坏"
cp "$tmp/case.text.png" "$tmp/case"
hostile "a file that is not a picture" "issues/2024/03.md:8:1: 错误：图片 “images/text.png” 无法读取：不是 PNG 或 JPEG 图片"
cp "$tmp/case.wide.png" "$tmp/case"
hostile "a picture 30,000 pixels wide" "issues/2024/03.md:8:1: 错误：图片 “images/wide.png” 过大（30000 × 4 像素），上限为 每边 10000 像素、共 4000 万像素"

# The output side: a folder nobody may write to, and a disk that fills up.
good_build
printf '%s新的正文。\n' "$fm" >"$tmp/issues/2024/03.md"
chmod a-w "$tmp/out/2024"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod -R a+rX "$tmp"
	chmod a+rx "$(pwd)"
else
	as_user=""
fi
$as_user "$JB" build --series "$SERIES" --out "$tmp/out" "$tmp/issues/2024/03.md" >/dev/null 2>"$tmp/err"
status=$?
(cd "$tmp/out" && find . -type f | sort | xargs sha256sum) >"$tmp/after"
if [ $status -ne 0 ] && grep -q '错误：无法写入 .*没有权限' "$tmp/err" && cmp -s "$tmp/before" "$tmp/after"; then
	ok "unwritable out/: clear error, old outputs intact"
else
	notok "unwritable out/: clear error, old outputs intact"; echo "# status $status"; sed "s|$tmp/||g; s/^/# /" "$tmp/err"
fi
chmod u+w "$tmp/out/2024"

good_build
printf '%s新的正文。\n' "$fm" >"$tmp/issues/2024/03.md"
# A file size limit makes every write past 4 KiB fail as on a full disk.
sh -c "trap '' XFSZ; ulimit -f 4; exec \"$JB\" build --series \"$SERIES\" --out \"$tmp/out\" \"$tmp/issues/2024/03.md\"" >/dev/null 2>"$tmp/err"
status=$?
(cd "$tmp/out" && find . -type f | sort | xargs sha256sum) >"$tmp/after"
leftover=$(find "$tmp/out" -name '*.tmp-*' | wc -l)
if [ $status -ne 0 ] && grep -q '磁盘空间不足' "$tmp/err" && cmp -s "$tmp/before" "$tmp/after" && [ "$leftover" -eq 0 ]; then
	ok "full disk: clear error, old outputs intact, no temporary files left"
else
	notok "full disk: clear error, old outputs intact, no temporary files left"
	echo "# status $status, $leftover temporary files"; sed "s|$tmp/||g; s/^/# /" "$tmp/err"
fi

python3 -c "import sys; sys.stdout.write('''$fm''' + '文' * 200000 + '\n')" >"$tmp/case"
hostile "a 200,000-character paragraph" "issues/2024/03.md:8:1: 错误：段落过长（200000 字），上限为 20000 字，请分段"

printf -- '---\n期号: 3\n日期: 2024-03-08\n---\n\n ##\n\n正文。\n' >"$tmp/case"
hostile "an empty article title" "issues/2024/03.md:6:2: 错误：文章标题为空"

# check and import read their files as build does: the same limit and the
# same Chinese messages for a file too large or missing.
python3 -c "import sys; sys.stdout.write('---\n' + 'a' * 9000000)" >"$tmp/big.md"
for cmd in "check --series $SERIES" "import -o $tmp/imported.md"; do
	name=${cmd%% *}
	timeout "$LIMIT" "$JB" $cmd "$tmp/big.md" >/dev/null 2>"$tmp/err"
	status=$?
	"$JB" $cmd "$tmp/missing.md" >/dev/null 2>>"$tmp/err"
	want="big.md:1:1: 错误：文件过大，上限为 8 MiB
jianbao: 错误：无法打开 “missing.md”：文件或目录不存在"
	if [ $status -ne 0 ] && [ "$(sed "s|$tmp/||g" "$tmp/err")" = "$want" ]; then
		ok "$name: a file over 8 MiB and a missing file"
	else
		notok "$name: a file over 8 MiB and a missing file"; sed 's/^/# /' "$tmp/err"
	fi
done
