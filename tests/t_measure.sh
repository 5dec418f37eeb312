#!/bin/sh
# t_measure.sh -- tests/pdfmeasure.py itself: hand-written PDFs
# (tests/measure/NAME.page, made by tests/measure/mkpdf.py) each break the
# page spec in one way, and the measure must fail them on that rule and no
# other.  A description names the rules it breaks in "# fails: RULE" lines
# and any options for the measure in "# options: ...".  good.page breaks
# none: pages as the layout makes them.  The hand-written font is never
# embedded, so "every font embedded" fails everywhere.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh

for f in tests/measure/*.page; do
	name=$(basename "$f" .page)
	if ! python3 tests/measure/mkpdf.py "$f" "$tmp/$name.pdf" 2>"$tmp/err"; then
		notok "pdfmeasure.py on $name.page"; sed 's/^/# /' "$tmp/err"
		continue
	fi
	python3 tests/pdfmeasure.py $(sed -n 's/^# options: //p' "$f") "$tmp/$name.pdf" >"$tmp/out"
	status=$?
	# The rules that failed, without the file name and the figures.
	sed -n 's/^not ok - //p' "$tmp/out" | sed "s|^$tmp/$name.pdf: ||; s/ (.*//; s/: fewer than .*//" |
	    sort >"$tmp/got"
	{ echo "every font embedded"; sed -n 's/^# fails: //p' "$f"; } | sort >"$tmp/want"
	what=$(sed -n '1s/^# [^ ]* -- //p' "$f")
	if [ "$status" -eq 1 ] && cmp -s "$tmp/want" "$tmp/got"; then
		ok "pdfmeasure.py on $name.page: $what"
	else
		notok "pdfmeasure.py on $name.page: $what"
		echo "# exit status $status; rules failed, then wanted:"
		sed 's/^/#   /' "$tmp/got"; echo "#   --"; sed 's/^/#   /' "$tmp/want"
		sed 's/^/# /' "$tmp/out"
	fi
done

# Unreadable input is an error of its own, not a verdict.
echo "不是 PDF" >"$tmp/text.pdf"
python3 tests/pdfmeasure.py "$tmp/text.pdf" >/dev/null 2>"$tmp/err"
status=$?
check "pdfmeasure.py on a file that is not a PDF exits 2 with a message" \
    '[ $status -eq 2 ] && grep -q "text.pdf" "$tmp/err"'
