# 9ee59c4: a zh-Hant issue was set in the series' GB2312 faces, which lack most Traditional characters.
# guards: a zh-Hant print edition embeds no face of the series' Simplified lists
printf -- '---\n期號: 1\n日期: 2026-02-13\n語言: zh-Hant\n---\n\n## 標題\n\n他說，「好。」\n' >issue.md
run build --pdf --series "$top/bulletin.yaml" --out o issue.md
want_status 0
pdffonts o/issue.pdf >fonts 2>&1
want_in fonts "Identity-H"
want_not_in fonts "Fandol"
want_not_in fonts "CJKsc"
