#!/usr/bin/python3
"""order.py -- what LibreOffice made of a DOCX edition, beside the issue.

Usage: order.py NAME LO.pdf EDITION.pdf DUMP
  LO.pdf      soffice --convert-to pdf of the DOCX
  EDITION.pdf the print edition of the same issue
  DUMP        `jianbao dump` of the issue (its article titles, in order)
The page itself (A4, grid, lines, folios) is tests/pdfmeasure.py's to
judge; this checks that every article title and then the 报尾 come in
reading order, and that the pages are about as many as the print
edition's.  Prints ok/not ok lines.
"""
import re
import subprocess
import sys

name, lo, edition, dump = sys.argv[1:5]


def report(what, cond, detail=''):
    print(('ok - ' if cond else 'not ok - ') + name + ': ' + what +
          ('' if cond or not detail else ' (' + detail + ')'))


def pages(pdf):
    info = subprocess.run(['pdfinfo', pdf], capture_output=True,
                          check=True, text=True).stdout
    return int(re.search(r'^Pages:\s+(\d+)', info, re.M).group(1))


text = re.sub(r'\s', '', subprocess.run(['pdftotext', lo, '-'],
              capture_output=True, check=True, text=True).stdout)
titles = [re.sub(r'\s', '', t) for t in
          re.findall(r'^  title "(.*)"$', open(dump, encoding='utf-8').read(),
                     re.M)]
at, missing = 0, None
for t in titles:
    k = text.find(t, at)
    if k < 0:
        missing = t
        break
    at = k + len(t)
report('%d titles in reading order' % len(titles), titles and not missing,
       'not found after the one before: %s' % missing)
tail = re.search('(印发|印發)', text[at:])
report('the 报尾 after the last title, on the last page',
       not missing and tail is not None and
       re.search('(印发|印發)', subprocess.run(
           ['pdftotext', '-f', str(pages(lo)), lo, '-'], capture_output=True,
           check=True, text=True).stdout) is not None)
n, e = pages(lo), pages(edition)
report('%d pages, the print edition %d' % (n, e), abs(n - e) <= 2)
