#!/usr/bin/env python3
# pagefill.py -- page fill of a print edition, read back from the PDF with
# poppler (pdftotext -bbox-layout for text, pdftohtml -xml for pictures,
# pdfinfo -dests for where articles begin).
#
# usage: pagefill.py [--min PCT] [--dump DUMP] [--name NAME] FILE.pdf
#
# A page's fill is its body lines (grid lines down to the lowest text line
# or picture in the type area) times the line pitch over 225 mm.  Pages
# the rule exempts: the last; one after which an article begins at the
# top of the next page (its title did not fit); one after which the next
# and last page holds only the 报尾 (it did not fit).  Every other page
# must be at least PCT (default 85) % full.  With --dump (the output of
# `jianbao dump`), each picture must also have its caption on its page,
# right under it.  Prints "ok - ..." / "not ok - ..." lines and "# ..."
# notes; exits 1 when a check fails.
import math
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MM = 72 / 25.4
TOP, HEIGHT, PAGE_H = 37 * MM, 225 * MM, 297 * MM
PITCH = HEIGHT / 22
BOTTOM = TOP + HEIGHT
H = '{http://www.w3.org/1999/xhtml}'


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True).stdout


def text_lines(pdf):
    """Per page: (x0, y0, x1, y1, text) of each line inside the type area."""
    x = run('pdftotext', '-bbox-layout', pdf, '-')
    root = ET.fromstring(re.sub(rb'<!DOCTYPE[^>]*>', b'', x))
    pages = []
    for p in root.iter(H + 'page'):
        lines = []
        for ln in p.iter(H + 'line'):
            t = ''.join(w.text or '' for w in ln.iter(H + 'word'))
            box = [float(ln.get(k)) for k in ('xMin', 'yMin', 'xMax', 'yMax')]
            if box[1] < BOTTOM:
                lines.append(box + [t])
        pages.append(lines)
    return pages


def pictures(pdf, npages):
    """Per page: (x0, y0, x1, y1) of each picture, in reading order."""
    pages = [[] for _ in range(npages)]
    with tempfile.TemporaryDirectory() as d:
        run('pdftohtml', '-xml', '-zoom', '1', '-q', pdf, os.path.join(d, 'p'))
        root = ET.parse(os.path.join(d, 'p.xml')).getroot()
    for p in root.iter('page'):
        n = int(p.get('number')) - 1
        for im in p.iter('image'):
            x, y = float(im.get('left')), float(im.get('top'))
            w, h = float(im.get('width')), float(im.get('height'))
            pages[n].append((x, y, x + w, y + h))
        pages[n].sort(key=lambda b: (round(b[1]), b[0]))
    return pages


def title_tops(pdf, npages):
    """Pages (0-based) on which an article's title begins in the first lines."""
    tops = set()
    for ln in run('pdfinfo', '-dests', pdf).decode().splitlines()[1:]:
        m = re.match(r'\s*(\d+)\s+\[\s*XYZ\s+\S+\s+(\S+)', ln)
        if m and PAGE_H - float(m.group(2)) <= TOP + 2.5 * PITCH:
            tops.add(int(m.group(1)) - 1)
    return tops


def captions(dump):
    """The caption of each picture of `jianbao dump`, in order (None: none)."""
    out = []
    for ln in open(dump, encoding='utf-8'):
        if re.match(r'\s*\d+:\d+ image ', ln):
            m = re.search(r' caption="([^"]*)"', ln)
            out.append(m.group(1) if m else None)
    return out


def main():
    args = sys.argv[1:]
    pct, dump, name = 85.0, None, None
    while len(args) > 1 and args[0].startswith('--'):
        if args[0] == '--min':
            pct = float(args[1])
        elif args[0] == '--dump':
            dump = args[1]
        elif args[0] == '--name':
            name = args[1]
        args = args[2:]
    pdf = args[0]
    name = name or pdf
    text = text_lines(pdf)
    pics = pictures(pdf, len(text))
    tops = title_tops(pdf, len(text))
    bad = []
    worst = (101, 0)
    for n, lines in enumerate(text):
        bottoms = [b[3] for b in lines] + [b[3] for b in pics[n]]
        used = max((math.ceil((y - TOP) / PITCH - 1e-3) for y in bottoms),
                   default=0)
        fill = 100.0 * used * PITCH / HEIGHT
        why = None
        if n == len(text) - 1:
            why = 'last page'
        elif n + 1 in tops:
            why = 'an article begins on the next page'
        elif n + 2 == len(text) and text[n + 1] and \
                min(b[1] for b in text[n + 1]) > TOP + 11 * PITCH:
            why = 'the 报尾 is on the next page'
        print('# %s page %d: %d lines, %.0f %%%s' % (name, n + 1, used, fill,
              ' (' + why + ')' if why else ''))
        if why is None:
            worst = min(worst, (fill, n + 1))
            if fill < pct:
                bad.append('page %d %.0f %%' % (n + 1, fill))
    ok = not bad
    print('%s - %s: pages the rule covers are at least %.0f %% full%s' % (
        'ok' if ok else 'not ok', name, pct,
        ' (lowest %.0f %% on page %d)' % worst if worst[1] else '') +
        ('; ' + ', '.join(bad) if bad else ''))
    if dump is not None:
        caps = captions(dump)
        placed = [(n, b) for n, bs in enumerate(pics) for b in bs]
        miss = []
        if len(placed) != len(caps):
            miss.append('%d pictures in the PDF, %d in the issue' %
                        (len(placed), len(caps)))
        for (n, b), cap in zip(placed, caps):
            if cap is None:
                continue
            # the caption's lines start right under the picture, centred
            # on it, on the same page
            under = ''.join(t for x0, y0, x1, y1, t in
                            sorted(text[n], key=lambda l: (l[1], l[0]))
                            if b[3] - 1 <= y0 <= b[3] + 3 * PITCH and
                            b[0] < (x0 + x1) / 2 < b[2])
            if cap.replace(' ', '') not in under.replace(' ', ''):
                miss.append('“%s” not under its picture on page %d' %
                            (cap, n + 1))
        print('%s - %s: each caption under its picture on the same page '
              '(%d pictures)%s' % ('not ok' if miss else 'ok', name,
                                   len(placed), '; ' + '; '.join(miss[:3])
                                   if miss else ''))
        ok = ok and not miss
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
