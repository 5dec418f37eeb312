#!/bin/sh
# t_press.sh -- the modules: the program itself links no Pango, Cairo or
# font library, nor libzip or libmicrohttpd, the HTML edition and check run
# without them, the print commands load jianbao-press.so from beside the
# real program (through symlinks too), the Word edition jianbao-word.so,
# import jianbao-import.so and serve jianbao-serve.so, and a missing or
# broken module is a clear error with nothing written.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
MOD=$(dirname "$JB")/jianbao-press.so
SERIES=tests/pdf/bulletin.yaml
ISSUE=tests/pdf/issue.md
PRINTLIBS='pango|cairo|fontconfig|harfbuzz|freetype|pixman|libX11|libXrender|libXext|libxcb'

readelf -d "$JB" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' >"$tmp/needed"
check "the program's DT_NEEDED lists libraries" '[ -s "$tmp/needed" ]'
check "the program's DT_NEEDED has no Pango, Cairo or font library" \
	'! grep -E "$PRINTLIBS" "$tmp/needed"'
readelf -d "$MOD" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' >"$tmp/modneeded"
check "the module's DT_NEEDED has Pango and Cairo" \
	'grep -q "^libpango-" "$tmp/modneeded" && grep -q "^libcairo" "$tmp/modneeded"'
# The libraries of the Word edition, import and serve are theirs alone
# (poppler-glib reads submitted PDFs, gdk-pixbuf converts Word files' GIF
# and BMP pictures: the decode module's, which import loads for those alone).
MODLIBS='libzip|libmicrohttpd|libgnutls|libcrypto|libpoppler|libgdk_pixbuf'
check "the program's DT_NEEDED has no libzip, libmicrohttpd, GnuTLS, libcrypto, poppler or gdk-pixbuf" \
	'! grep -E "$MODLIBS" "$tmp/needed"'
for m in word:libzip import:libzip decode:libpoppler-glib decode:libgdk_pixbuf-2.0 serve:libmicrohttpd; do
	readelf -d "$(dirname "$JB")/jianbao-${m%:*}.so" |
	    sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' >"$tmp/modneeded"
	check "jianbao-${m%:*}.so's DT_NEEDED has ${m#*:}" 'grep -q "^${m#*:}\." "$tmp/modneeded"'
done
# The title breaker and ICU are the print and Word modules' (util/titlebreak.c
# is linked into each); the web page leaves its titles' words to the browser.
check "the program has no title breaker and no ICU word break iterator" \
	'! nm -D --defined-only "$JB" | grep -q " tbrk_" && ! nm "$JB" | grep -q " ubrk_open_"'
for m in press word; do
	check "jianbao-$m.so has the title breaker and needs ICU" \
	    'nm -D --defined-only "$(dirname "$JB")/jianbao-$m.so" | grep -q " T tbrk_costs\$" &&
	     readelf -d "$(dirname "$JB")/jianbao-$m.so" | grep -q "NEEDED.*\[libicuuc\."'
done

# What the dynamic loader actually opens for the HTML edition.
LD_DEBUG=files "$JB" build --html --series "$SERIES" --out "$tmp/h" "$ISSUE" \
	2>"$tmp/ld" >/dev/null
check "build --html writes the page" '[ -s "$tmp/h/issue.html" ]'
check "build --html loads no Pango, Cairo or font library" \
	'grep -q "file=libc\.so" "$tmp/ld" && ! grep -E "file=[^ ]*($PRINTLIBS)" "$tmp/ld"'
check "build --html loads no module, no libzip, libmicrohttpd, GnuTLS, poppler or gdk-pixbuf" \
	'! grep -E "file=[^ ]*(jianbao-|$MODLIBS)" "$tmp/ld"'
LD_DEBUG=files "$JB" check --series "$SERIES" "$ISSUE" 2>"$tmp/ld" >/dev/null
check "check loads no module, no libzip, libmicrohttpd, GnuTLS, poppler or gdk-pixbuf" \
	'grep -q "file=libc\.so" "$tmp/ld" && ! grep -E "file=[^ ]*(jianbao-|$MODLIBS)" "$tmp/ld"'
LD_DEBUG=files "$JB" build --docx --series "$SERIES" --out "$tmp/h" "$ISSUE" \
	2>"$tmp/ld" >/dev/null
check "build --docx loads jianbao-word.so and no other module" \
	'[ -s "$tmp/h/issue.docx" ] && grep -q "file=[^ ]*/jianbao-word\.so " "$tmp/ld" &&
	 ! grep -E "file=[^ ]*(jianbao-(press|import|serve)|libpoppler)" "$tmp/ld"'
LD_DEBUG=files "$JB" build --series "$SERIES" --out "$tmp/a" "$ISSUE" 2>"$tmp/ld" >/dev/null
check "build of all editions loads no poppler" \
	'[ -s "$tmp/a/issue.pdf" ] && grep -q "file=libc\.so" "$tmp/ld" && ! grep -q "file=[^ ]*libpoppler" "$tmp/ld"'
LD_DEBUG=files "$JB" import --series "$SERIES" --number 1 --date 2026-01-01 \
	tests/import3/short.txt -o "$tmp/imp.md" 2>"$tmp/ld" >/dev/null
check "import of a text file loads jianbao-import.so, not the decode module, poppler or gdk-pixbuf" \
	'[ -s "$tmp/imp.md" ] && grep -q "file=[^ ]*/jianbao-import\.so " "$tmp/ld" &&
	 ! grep -E "file=[^ ]*(jianbao-(press|decode)|libpoppler|libgdk_pixbuf)" "$tmp/ld"'
# import of a PDF (one the print module made) loads the decode module
"$JB" build --pdf --series "$SERIES" --out "$tmp/p" "$ISSUE" >/dev/null 2>&1
LD_DEBUG=files "$JB" import --series "$SERIES" --number 1 --date 2026-01-01 \
	"$tmp/p/issue.pdf" -o "$tmp/imp2.md" 2>"$tmp/ld" >/dev/null
check "import of a PDF loads jianbao-decode.so and poppler-glib, not the print module" \
	'[ -s "$tmp/imp2.md" ] && grep -q "file=[^ ]*/jianbao-decode\.so " "$tmp/ld" &&
	 grep -q "file=libpoppler-glib" "$tmp/ld" && ! grep -q "file=[^ ]*jianbao-press" "$tmp/ld"'

# Through a symlink in another folder the module is found beside the real
# program (the benchmark runs the program that way).
mkdir "$tmp/link"
ln -s "$(cd "$(dirname "$JB")" && pwd)/$(basename "$JB")" "$tmp/link/jianbao"
if "$tmp/link/jianbao" build --pdf --series "$SERIES" --out "$tmp/l" "$ISSUE" \
    2>"$tmp/err" && [ -s "$tmp/l/issue.pdf" ]; then
	ok "build --pdf through a symlink finds the module"
else
	notok "build --pdf through a symlink finds the module"; sed 's/^/# /' "$tmp/err"
fi

# A copy of the program without the module.
mkdir "$tmp/bare"
cp "$JB" "$tmp/bare/jianbao"
bare=$tmp/bare/jianbao
"$bare" build --pdf --series "$SERIES" --out "$tmp/b" "$ISSUE" 2>"$tmp/err"
status=$?
check "build --pdf without the module fails" '[ $status -ne 0 ]'
check "build --pdf without the module says which module is missing" \
	'grep -q "错误：无法载入印刷模块 “$tmp/bare/jianbao-press.so”：文件或目录不存在" "$tmp/err"'
check "build --pdf without the module writes no PDF" '[ ! -e "$tmp/b/issue.pdf" ]'
check "build --pdf without the module reports once" '[ $(wc -l <"$tmp/err") -eq 1 ]'
for cmd in layout fonts; do
	"$bare" $cmd --series "$SERIES" $([ $cmd = layout ] && echo "$ISSUE") \
		>"$tmp/out" 2>"$tmp/err"
	status=$?
	check "$cmd without the module fails with the message" \
		'[ $status -ne 0 ] && [ ! -s "$tmp/out" ] && grep -q "无法载入印刷模块" "$tmp/err"'
done
"$bare" build --html --series "$SERIES" --out "$tmp/b" "$ISSUE" 2>"$tmp/err"
status=$?
check "build --html works without the module" \
	'[ $status -eq 0 ] && [ -s "$tmp/b/issue.html" ] && [ ! -s "$tmp/err" ]'
# Without the other modules, each command that needs one says which.
"$bare" build --docx --series "$SERIES" --out "$tmp/b" "$ISSUE" 2>"$tmp/err"
status=$?
check "build --docx without jianbao-word.so fails with the message, nothing written" \
	'[ $status -ne 0 ] && [ ! -e "$tmp/b/issue.docx" ] && [ $(wc -l <"$tmp/err") -eq 1 ] &&
	 grep -q "错误：无法载入 Word 版模块 “$tmp/bare/jianbao-word.so”：文件或目录不存在" "$tmp/err"'
printf '本报讯　一段文字。\n' >"$tmp/sub.txt"
"$bare" import --series "$SERIES" --number 1 --date 2026-01-01 \
	-o "$tmp/b/imp.md" "$tmp/sub.txt" 2>"$tmp/err"
status=$?
check "import without jianbao-import.so fails with the message, nothing written" \
	'[ $status -ne 0 ] && [ ! -e "$tmp/b/imp.md" ] &&
	 grep -q "错误：无法载入导入模块 “$tmp/bare/jianbao-import.so”：文件或目录不存在" "$tmp/err"'
# with import's module but not the decode module: a PDF is refused with the
# message, a text file beside it imports
mkdir "$tmp/nodec"
cp "$JB" "$(dirname "$JB")/jianbao-import.so" "$tmp/nodec/"
"$tmp/nodec/jianbao" import --series "$SERIES" --number 1 --date 2026-01-01 \
    "$tmp/p/issue.pdf" tests/import3/short.txt -o "$tmp/nodec/x.md" 2>"$tmp/err" >/dev/null
status=$?
check "a PDF without jianbao-decode.so: the message, the text file beside it imported" \
	'[ $status -eq 1 ] && [ -s "$tmp/nodec/x.md" ] &&
	 grep -q "错误：无法载入 PDF 和图片转换模块 “$tmp/nodec/jianbao-decode.so”：文件或目录不存在" "$tmp/err"' ||
	sed 's/^/# /' "$tmp/err"
"$bare" serve --series "$SERIES" --out "$tmp/b" 2>"$tmp/err" >"$tmp/out"
status=$?
check "serve without jianbao-serve.so fails with the message" \
	'[ $status -ne 0 ] && [ ! -s "$tmp/out" ] &&
	 grep -q "错误：无法载入预览模块 “$tmp/bare/jianbao-serve.so”：文件或目录不存在" "$tmp/err"'

# A file that is not a module.
echo "不是模块" >"$tmp/bare/jianbao-press.so"
"$bare" build --pdf --series "$SERIES" --out "$tmp/b" "$ISSUE" 2>"$tmp/err"
status=$?
check "build --pdf with a broken module fails with the message" \
	'[ $status -ne 0 ] && [ ! -e "$tmp/b/issue.pdf" ] && grep -q "错误：无法载入印刷模块 “$tmp/bare/jianbao-press.so”：" "$tmp/err"'
