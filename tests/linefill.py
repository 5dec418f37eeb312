#!/usr/bin/env python3
"""linefill.py -- how full the full lines of print editions are.

usage: python3 tests/linefill.py [--min N] [--chars N] FILE.pdf...

The text is read back with poppler's `pdftotext -bbox-layout`; pieces that
share a baseline form one row.  A full line runs from the left to the right
edge of the 156 mm type area (28 mm from the left of an A4 page) and holds
Han and no ASCII.  Its fill is counted in slots of the 28-character grid by
W3C clreq's widths (§3 "Punctuation Width Adjustment"): a Han character or
a full-width mark is one slot; of two adjacent marks one gives up half a
slot (two marks take 1.5), a mark ending the line takes ½, an opening
bracket starting a wrapped line ½, an interpunct ½, and —— or …… two.  A
line whose fill is 28 - k was stretched by k characters' width.

Prints per file "FILE: min M over F full lines" and each line below --min
as "# FILE p.N fill: text"; the last line is the minimum over all files.
Exit 0 when every full line holds at least --min slots (default 27), 1 when
one does not, 2 when a file cannot be read.
"""
import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

MM = 72 / 25.4
LEFT, RIGHT = 28 * MM, 184 * MM
TOP, BOTTOM = 37 * MM, 262 * MM
H = '{http://www.w3.org/1999/xhtml}'
HAN = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')
ASCII = re.compile(r'[\x21-\x7e]')
# Marks with blank on one side that compression may take (clreq §3.3).
CLOSING = set('，。、；：？！）〕】〗》〉」』”’')
OPENING = set('（〔【〖《〈「『“‘')
INTERPUNCT = set('·・‧')
PAIRS = set('—…⸺⋯')


def rows_of(path):
    out = subprocess.run(['pdftotext', '-bbox-layout', path, '-'],
                         capture_output=True, check=True).stdout
    root = ET.fromstring(re.sub(rb'<!DOCTYPE[^>]*>', b'', out))
    for n, page in enumerate(root.iter(H + 'page'), 1):
        pieces = []
        for ln in page.iter(H + 'line'):
            t = ''.join(w.text or '' for w in ln.iter(H + 'word'))
            pieces.append((float(ln.get('yMax')), float(ln.get('xMin')),
                           float(ln.get('xMax')), float(ln.get('yMin')), t))
        pieces.sort()
        rows = []
        for y1, x0, x1, y0, t in pieces:
            if y0 < TOP - 3 or y1 > BOTTOM + 3:
                continue
            if rows and abs(rows[-1][0] - y1) < 2.5 and x0 >= rows[-1][2] - 12:
                r = rows[-1]
                rows[-1] = (r[0], r[1], max(r[2], x1), r[3] + t)
            else:
                rows.append((y1, x0, x1, t))
        yield n, rows


def fill(t):
    """Slots a line of text takes by clreq's widths."""
    t = t.replace(' ', '')
    slots = 0.0
    for i, c in enumerate(t):
        if c in INTERPUNCT:
            slots += 0.5
            continue
        w = 1.0
        if c in CLOSING and i + 1 < len(t) and (t[i + 1] in CLOSING or
                                                t[i + 1] in OPENING):
            w = 0.5
        elif c in OPENING and i > 0 and t[i - 1] in OPENING:
            w = 0.5
        elif c in CLOSING and i + 1 == len(t):
            w = 0.5
        elif c in OPENING and i == 0:
            w = 0.5
        slots += w
    return slots


def main():
    ap = argparse.ArgumentParser(description='line fill of full pure-Han lines')
    ap.add_argument('--min', type=float, default=27)
    ap.add_argument('files', nargs='+')
    a = ap.parse_args()
    worst, bad = None, 0
    for f in a.files:
        try:
            pages = list(rows_of(f))
        except (OSError, subprocess.CalledProcessError, ET.ParseError) as e:
            print('linefill: %s: %s' % (f, e), file=sys.stderr)
            return 2
        low, n, notes = None, 0, []
        for pg, rows in pages:
            for _, x0, x1, t in rows:
                t = t.strip()
                if abs(x0 - LEFT) > 3 or abs(x1 - RIGHT) > 3:
                    continue
                if not HAN.search(t) or ASCII.search(t):
                    continue
                n += 1
                s = fill(t)
                low = s if low is None else min(low, s)
                if s < a.min:
                    notes.append('# %s p.%d %.1f: %s' % (f, pg, s, t))
        print('%s: min %s over %d full lines' % (
            f, '-' if low is None else '%.1f' % low, n))
        for x in notes:
            print(x)
        bad += len(notes)
        if low is not None:
            worst = low if worst is None else min(worst, low)
    print('all: min %s, %d below %g' % (
        '-' if worst is None else '%.1f' % worst, bad, a.min))
    return 1 if bad else 0


sys.exit(main())
