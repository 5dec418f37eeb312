#!/usr/bin/python3
"""colophon.py -- where LibreOffice put the 报尾 of DOCX editions whose
text ends ever lower on the last page.

Usage: colophon.py LO.pdf...
On every PDF the 报尾 (its first line starts 报：) is on the last page,
its last rule at the foot of the type area, and no text of the articles
runs into it; over all of them, it shares the page with the text when
there is room and takes a page of its own when there is none.  Prints
ok/not ok lines.
"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

H = '{http://www.w3.org/1999/xhtml}'
MM = 72 / 25.4
BOTTOM = (37 + 225) * MM


def last_page(pdf):
    out = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'],
                         capture_output=True, check=True).stdout
    root = ET.fromstring(re.sub(rb'<!DOCTYPE[^>]*>', b'', out))
    pages = list(root.iter(H + 'page'))
    lines = sorted((float(l.get('yMin')), float(l.get('yMax')),
                    ''.join(w.text or '' for w in l.iter(H + 'word')))
                   for l in pages[-1].iter(H + 'line'))
    return lines


shared = alone = 0
bad = []
for pdf in sys.argv[1:]:
    lines = last_page(pdf)
    bao = [l for l in lines if l[2].startswith(('报：', '報：'))]
    if not bao:
        bad.append('%s: no 报尾 on the last page' % pdf)
        continue
    top = bao[0][0]
    body = [l for l in lines if l[1] < top and not re.match('—', l[2])]
    tail = [l for l in lines if l[0] >= top and l[1] < BOTTOM]
    if body and body[-1][1] > top - 2:
        bad.append('%s: text runs into the 报尾' % pdf)
    if tail and BOTTOM - tail[-1][1] > 29:
        bad.append('%s: the 报尾 ends %.0f pt above the type area\'s foot'
                   % (pdf, BOTTOM - tail[-1][1]))
    if body:
        shared += 1
    else:
        alone += 1
print(('ok - ' if not bad else 'not ok - ') +
      'the 报尾 at the foot of the last page, clear of the text' +
      ('' if not bad else ' (' + '; '.join(bad) + ')'))
print(('ok - ' if shared and alone else 'not ok - ') +
      'it shares a page with room (%d) and takes a page of its own '
      'without (%d)' % (shared, alone))
