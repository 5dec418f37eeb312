# 28a4468: every build copied the pictures beside an issue page again, so unchanged ones got new time stamps.
# guards: rebuilding a page leaves its unchanged pictures' time stamps alone
mkdir -p issues/2024/images
cp "$top/tests/html/images/street.png" issues/2024/images/
printf -- '---\n期号: 1\n日期: 2024-01-05\n---\n\n## 图\n\n![街景](images/street.png)\n' >issues/2024/01.md
run build --html --templates "$top/templates" --out o issues/2024/01.md
want_status 0
before=$(stat -c %y o/2024/images/street.png)
sleep 1
touch issues/2024/01.md
run build --html --templates "$top/templates" --out o issues/2024/01.md
want_status 0
[ "$(stat -c %y o/2024/images/street.png)" = "$before" ] || fail "the picture was written again"
