#!/usr/bin/env python3
"""samewords.py -- compare the words of two PDFs as poppler reads them.

Usage: samewords.py NORMAL.pdf OTHER.pdf

Reads each with `pdftotext -bbox` and walks both in reading order: every
word of OTHER must be a word of NORMAL on the same page with the same box
(within 0.01 pt: Cairo writes a glyph's place relative to the one before
it, so rounding differs in the last digits when what came before differs).
Prints the words of NORMAL that OTHER lacks, as "PAGE TEXT" lines, then
"moved: PAGE TEXT" for a word of OTHER not found in order; exits 1 then.
"""
import html
import re
import subprocess
import sys

WORD = re.compile(r'<word xMin="([^"]+)" yMin="([^"]+)" xMax="([^"]+)" '
                  r'yMax="([^"]+)">([^<]*)</word>')


def words(path):
    out = subprocess.run(['pdftotext', '-bbox', path, '-'],
                         capture_output=True, text=True, check=True).stdout
    page, v = 0, []
    for line in out.splitlines():
        if '<page ' in line:
            page += 1
        m = WORD.search(line)
        if m:
            v.append((page, tuple(float(x) for x in m.groups()[:4]),
                      html.unescape(m.group(5))))
    return v


def same(a, b):
    return a[0] == b[0] and a[2] == b[2] and \
        all(abs(x - y) <= 0.01 for x, y in zip(a[1], b[1]))


def main(argv):
    normal, other = words(argv[0]), words(argv[1])
    j = 0
    for w in normal:
        if j < len(other) and same(w, other[j]):
            j += 1
        else:
            print(w[0], w[2])
    for w in other[j:]:
        print('moved:', w[0], w[2])
    return 1 if j < len(other) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
