#!/usr/bin/env python3
# captions.py -- each picture of an issue has its caption on its own page,
# right under it, in the PDF as poppler reads it back (pdftohtml -xml for
# the pictures, pdftotext -bbox-layout for the text).
#
# usage: captions.py DUMP FILE.pdf   (DUMP: the output of `jianbao dump`)
#
# The pictures of the dump, in order (a row left to right), are matched to
# the pictures of the PDF in reading order: floating never lets a picture
# pass another.  Prints one "ok - ..." or "not ok - ..." line; exit 1 when
# a caption is missing.
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PITCH = 225 * 72 / 25.4 / 22
H = '{http://www.w3.org/1999/xhtml}'


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True).stdout


def main():
    dump, pdf = sys.argv[1:3]
    caps = []
    for ln in open(dump, encoding='utf-8'):
        if re.match(r'\s*\d+:\d+ image ', ln):
            m = re.search(r' caption="([^"]*)"', ln)
            caps.append(m.group(1) if m else None)
    x = run('pdftotext', '-bbox-layout', pdf, '-')
    root = ET.fromstring(re.sub(rb'<!DOCTYPE[^>]*>', b'', x))
    text = [[[float(ln.get(k)) for k in ('xMin', 'yMin', 'xMax', 'yMax')] +
             [''.join(w.text or '' for w in ln.iter(H + 'word'))]
             for ln in p.iter(H + 'line')] for p in root.iter(H + 'page')]
    pics = []
    with tempfile.TemporaryDirectory() as d:
        run('pdftohtml', '-xml', '-zoom', '1', '-q', pdf, os.path.join(d, 'p'))
        for p in ET.parse(os.path.join(d, 'p.xml')).getroot().iter('page'):
            n = int(p.get('number')) - 1
            ims = []
            for im in p.iter('image'):
                x0, y0 = float(im.get('left')), float(im.get('top'))
                ims.append((n, x0, y0, x0 + float(im.get('width')),
                            y0 + float(im.get('height'))))
            pics += sorted(ims, key=lambda b: (round(b[2]), b[1]))
    bad = []
    if len(pics) != len(caps):
        bad.append('%d pictures in the PDF, %d in the issue' % (len(pics), len(caps)))
    for (n, x0, y0, x1, y1), cap in zip(pics, caps):
        if cap is None:
            continue
        # the caption's lines: just under the picture, centred on it
        under = ''.join(t for a, b, c, d, t in sorted(text[n], key=lambda l: (l[1], l[0]))
                        if y1 - 1 <= b <= y1 + 3 * PITCH and x0 < (a + c) / 2 < x1)
        if cap.replace(' ', '') not in under.replace(' ', ''):
            bad.append('“%s” is not under its picture on page %d' % (cap, n + 1))
    print('%s - %s: every caption under its picture, on its page (%d pictures)%s' % (
        'not ok' if bad else 'ok', pdf, len(pics), '; ' + '; '.join(bad[:3]) if bad else ''))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
