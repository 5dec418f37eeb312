# fe21f39: issue pages named no icon, so browsers asked the server root for /favicon.ico and got an error.
# guards: an issue page links the site's favicon.svg
printf -- '---\n期号: 1\n日期: 2024-01-05\n---\n\n## 题\n\n正文。\n' >issue.md
run build --html --templates "$top/templates" --out o issue.md
want_status 0
want_in o/issue.html '<link rel="icon" type="image/svg+xml" href="../favicon.svg">'
