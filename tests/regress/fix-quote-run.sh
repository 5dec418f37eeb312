# f91925e: check --fix stopped after four rounds, so a long run of straight quotes and blanks was still changed by a second run.
# guards: a second check --fix changes nothing
{ printf -- '---\n期号: 1\n日期: 2024-01-05\n---\n\n'; cat "$top/tests/fuzz/corpus/fix/quote-run"; } >issue.md
run check --fix issue.md
cp issue.md once.md
run check --fix issue.md
cmp -s once.md issue.md || fail "the second check --fix changed issue.md"
want_not_in err '已修正'
