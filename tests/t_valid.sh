#!/bin/sh
# t_valid.sh -- the web edition kept valid: every sample's issue page and the
# archive pages (home, years, search) pass the Nu HTML checker with no error
# and axe-core (WCAG 2 A/AA, best practice) in Chromium with no violation.
# Both checkers come from npm (tests/browser/package-lock.json), installed
# once like playwright-core; nothing is fetched while the checks run.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh

nm=tests/browser/node_modules
if [ ! -f $nm/vnu-jar/build/dist/vnu.jar ] || [ ! -d $nm/axe-core ] ||
   [ ! -d $nm/playwright-core ]; then
	# --ignore-scripts: vnu-jar's install script would fetch a Java;
	# Debian's default-jre-headless runs it.
	(cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund >"$tmp/npm.log" 2>&1) ||
		{ notok "npm ci in tests/browser"; sed 's/^/# /' "$tmp/npm.log"; exit 1; }
fi
vnu=$nm/vnu-jar/build/dist/vnu.jar
command -v java >/dev/null || { notok "java (default-jre-headless) is installed"; exit 1; }

out=$tmp/out
$JB build --out "$out" issues/*/*.md >"$tmp/build.log" 2>&1 &&
	$JB site --out "$out" issues/*/*.md >>"$tmp/build.log" 2>&1
check "the samples and their archive build" '[ $? -eq 0 ]' || sed 's/^/# /' "$tmp/build.log"

pages=$(cd "$out" && find . -name '*.html' | sed 's|^\./||' | sort)
for want in index.html search.html 2025/index.html 2026/index.html; do
	check "the site has $want" 'echo "$pages" | grep -qx "$want"'
done
for f in issues/*/*.md; do
	p=${f#issues/}
	p=${p%.md}.html
	check "the site has $p" 'echo "$pages" | grep -qx "$p"'
done

# Nu HTML checker: errors only (its "info warning" lines are advice).
# timeout bounds a JVM that hangs; one run checks every page.
(cd "$out" && timeout 300 java -Xss8m -jar "$OLDPWD/$vnu" --errors-only --format gnu \
	--also-check-css --also-check-svg $pages) >"$tmp/vnu.log" 2>&1
status=$?
real=$(realpath "$out")
for p in $pages; do
	if grep -qF "\"file:$real/$p\":" "$tmp/vnu.log"; then
		notok "Nu: $p has no errors"
		grep -F "\"file:$real/$p\":" "$tmp/vnu.log" | head -10 | sed 's/^/# /'
	else
		ok "Nu: $p has no errors"
	fi
done
check "Nu checker ran to the end with nothing to report" '[ $status -eq 0 ] && [ ! -s "$tmp/vnu.log" ]' ||
	sed 's/^/# /' "$tmp/vnu.log" | head -20

# axe-core in Chromium over the same pages, and the search page showing results.
timeout 300 node tests/browser/valid.mjs "$out" $pages "search.html?q=积分" >"$tmp/axe.log" 2>&1
status=$?
cat "$tmp/axe.log"
fails=$((fails + $(grep -c "^not ok" "$tmp/axe.log")))
check "axe ran to the end" '[ $status -eq 0 ] || grep -q "^not ok" "$tmp/axe.log"'

# The checkers can fail: a page with a missing alt, a duplicate id and no
# language is caught by both.
mkdir -p "$tmp/bad"
cat >"$tmp/bad/bad.html" <<'EOF'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>坏页面</title></head>
<body><main><p id="a">一</p><p id="a">二</p><img src="x.png"></main></body></html>
EOF
(cd "$tmp/bad" && timeout 120 java -jar "$OLDPWD/$vnu" --errors-only --format gnu bad.html) >"$tmp/bad.vnu" 2>&1
check "Nu reports a page with errors" '[ $? -ne 0 ] && grep -q "bad.html" "$tmp/bad.vnu"'
timeout 120 node tests/browser/valid.mjs "$tmp/bad" bad.html >"$tmp/bad.axe" 2>&1
check "axe reports a page with violations" '[ $? -ne 0 ] && grep -q "^# image-alt" "$tmp/bad.axe" && grep -q "^# html-has-lang" "$tmp/bad.axe"'

[ $fails -eq 0 ]
