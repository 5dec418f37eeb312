#!/bin/sh
# t_import4.sh -- `jianbao import` of PDF submissions (src/import/pdfin.c).
#   tests/import4/mkpdf.py writes gongwen.docx (python-docx: a title, 一、
#   sections, paragraphs over three pages, a running head, "- N -" page
#   numbers), which LibreOffice turns into gongwen.pdf, the same with indented
#   first lines (indent.pdf), and scan.pdf, a page
#   with a picture and no text.  Judged by pdftotext (every Han character),
#   python-docx (the paragraphs, whole again), the build and check.  Where
#   LibreOffice lays out the lines depends on its fonts, so the PDF's import
#   is checked by those judges, not by golden files.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
top=$(pwd)
SERIES=$top/tests/parse/bulletin.yaml
D=$top/tests/import4
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1772668800	# 2026-03-05
jb=$(cd "$(dirname "$JB")" && pwd)/$(basename "$JB")
have() { command -v "$1" >/dev/null 2>&1; }

# imp OUT FILE...: import into OUT (status in $st, report in $tmp/err)
imp() {
	out=$1
	shift
	(cd "$tmp" && "$jb" import --series "$SERIES" --number 5 \
	    --date 2026-03-05 "$@" -o "$out") >/dev/null 2>"$tmp/err"
	st=$?
	sed -i "s|$tmp/||g" "$tmp/err"
}

# a PDF that is no PDF, and one without text: refused, nothing written
printf '%%PDF-1.4\nnot a PDF at all\n' >"$tmp/bad.pdf"
imp "$tmp/bad.md" bad.pdf
check "a broken PDF: an error at file:1:1, exit 1, nothing written" \
    '[ $st -eq 1 ] && grep -qx "bad.pdf:1:1: 错误：不是有效的 PDF 文件，或文件已损坏" "$tmp/err" && ! [ -e "$tmp/bad.md" ]' ||
    sed 's/^/# /' "$tmp/err"

if ! $PY -c 'import docx' 2>/dev/null; then
	skip "PDF submissions" "python3-docx is not installed"; exit $((fails > 0))
fi
$PY $D/mkpdf.py "$tmp"
imp "$tmp/scan.md" scan.pdf
check "scan.pdf alone: refused with its message, exit 1, nothing written" \
    '[ $st -eq 1 ] && ! [ -e "$tmp/scan.md" ] &&
     grep -qx "scan.pdf:1:1: 错误：“scan.pdf” 没有文字层（可能是扫描件），请先做文字识别" "$tmp/err"' ||
    sed 's/^/# /' "$tmp/err"
if ! have soffice || ! have pdftotext; then
	skip "text PDFs" "LibreOffice or pdftotext is not installed"; exit $((fails > 0))
fi
(cd "$tmp" && HOME=$tmp soffice --headless --convert-to pdf gongwen.docx indent.docx >/dev/null 2>&1)
if ! [ -s "$tmp/gongwen.pdf" ]; then
	notok "LibreOffice makes gongwen.pdf"; exit 1
fi
imp "$tmp/g.md" scan.pdf gongwen.pdf
check "scan.pdf and gongwen.pdf: scan.pdf refused, gongwen.pdf imported, exit 1" \
    '[ $st -eq 1 ] && [ -s "$tmp/g.md" ] &&
     grep -qx "scan.pdf:1:1: 错误：“scan.pdf” 没有文字层（可能是扫描件），请先做文字识别" "$tmp/err" &&
     [ "$(grep -c "错误：" "$tmp/err")" -eq 1 ]' || sed 's/^/# /' "$tmp/err"
check "gongwen.pdf: the running head left out, said once" \
    '! grep -q "青禾县政务信息" "$tmp/g.md" &&
     [ "$(grep -c "^gongwen.pdf:1:1: 提示：每页重复的页眉或页脚 “青禾县政务信息” 已删去$" "$tmp/err")" -eq 1 ]' ||
    sed 's/^/# /' "$tmp/err"
check "gongwen.pdf: its three page numbers left out, each said" \
    '[ "$(grep -c "^gongwen.pdf:[0-9]*:1: 提示：页码 “-[123]-” 已删去$" "$tmp/err")" -eq 3 ] &&
     ! grep -q "^- *[0-9] *-$" "$tmp/g.md"' || sed 's/^/# /' "$tmp/err"
# pdftotext's text without the running head, which import leaves out
pdftotext "$tmp/gongwen.pdf" - | tr -d '\f' | grep -v '^青禾县政务信息$' >"$tmp/ref.txt"
check "gongwen.pdf keeps every Han character and adds none (against pdftotext)" \
    '$PY tests/import2/han.py "$tmp/ref.txt" "$tmp/g.md" >"$tmp/han"' || cat "$tmp/han"
check "gongwen.pdf: its paragraphs whole again, across pages too (against python-docx)" \
    '$PY $D/paras.py "$tmp/gongwen.docx" "$tmp/g.md"'
imp "$tmp/i.md" indent.pdf
check "indent.pdf: first lines indented two characters (lost in the text), its paragraphs whole" \
    '[ $st -eq 0 ] && $PY $D/paras.py "$tmp/indent.docx" "$tmp/i.md"'
check "gongwen.pdf: one article, its title and 一、 sections" \
    '[ "$(grep -c "^## " "$tmp/g.md")" -eq 1 ] &&
     grep -qx "## 青禾县扎实推进民生实事项目落地见效" "$tmp/g.md" &&
     [ "$(grep -c "^### [一二三]、" "$tmp/g.md")" -eq 3 ]'
# builds, and passes check after check --fix
rm -rf "$tmp/out"
if "$JB" build --series "$SERIES" --templates "$top/templates" --out "$tmp/out" "$tmp/g.md" \
    >"$tmp/build" 2>&1 && [ -s "$tmp/out/g.html" ] && [ -s "$tmp/out/g.pdf" ] && [ -s "$tmp/out/g.docx" ]; then
	ok "gongwen.pdf's issue builds HTML, PDF and Word"
else
	notok "gongwen.pdf's issue builds HTML, PDF and Word"; sed 's/^/# /' "$tmp/build"
fi
"$JB" check --fix --series "$SERIES" "$tmp/g.md" >/dev/null 2>&1
check "gongwen.pdf's issue passes check after check --fix" \
    '"$JB" check --series "$SERIES" "$tmp/g.md" >"$tmp/check" 2>&1 && ! grep -q "错误：" "$tmp/check"' ||
    sed 's/^/# /' "$tmp/check"

if have qpdf; then
	# 501 pages of the scan: beyond the cap before any page is read
	qpdf --empty --pages "$tmp/scan.pdf" "$($PY -c 'print(",".join(["1"] * 501))')" -- "$tmp/many.pdf"
	imp "$tmp/m.md" many.pdf
	check "a PDF of 501 pages: refused by the pages cap, exit 1" \
	    '[ $st -eq 1 ] && ! [ -e "$tmp/m.md" ] &&
	     grep -qx "many.pdf:1:1: 错误：PDF 文件有 501 页，上限为 500 页，请分开导入" "$tmp/err"' ||
	    sed 's/^/# /' "$tmp/err"
	qpdf --encrypt secret owner 256 -- "$tmp/gongwen.pdf" "$tmp/locked.pdf"
	imp "$tmp/l.md" locked.pdf
	check "a PDF with an open password: its error, exit 1, nothing written" \
	    '[ $st -eq 1 ] && ! [ -e "$tmp/l.md" ] &&
	     grep -q "^locked.pdf:1:1: 错误：PDF 文件设有打开密码" "$tmp/err"' || sed 's/^/# /' "$tmp/err"
else
	skip "a PDF with a password, one of 501 pages" "qpdf is not installed"
fi
exit $((fails > 0))
