#!/usr/bin/env python3
"""pdfmeasure.py -- measure print editions against the project's page spec.

usage: python3 tests/pdfmeasure.py [options] FILE.pdf...

The spec of a good page is GB/T 9704-2012 on A4 (type area 156 x 225 mm,
28 mm from the left, 37 mm from the top, 22 lines of 28 characters of
三号) with W3C clreq's strict line breaking.  The text is read back with
poppler's `pdftotext -bbox-layout` and the fonts with `pdffonts`, so this
measures what a printer gets, not what the layout meant.  Pieces of text
whose vertical centres lie together form one row (a change of font splits
poppler's lines).  A row carries on a wrapped paragraph when the row before
it (one grid line up, or the last of the previous page) reaches the right
edge, and it starts at the left edge of the text or of a box (1 字 in).

Prints one verdict line per file and rule, "ok - FILE: RULE" or "not ok -
FILE: RULE", the offending rows below it as "#" lines, then the verdict
over all files together.  Exit status 0 when every verdict is ok, 1 when
one is not, 2 when a file cannot be read (no poppler-utils, not a PDF).

Rules, per file (the thresholds are options, below):
  page size A4            every page 210 x 297 mm, within 1 pt.
  every font embedded     pdffonts says yes for every font.
  no line breaks a prohibition rule
                          no row starts with a mark that may not start a
                          line (、，。；：？！, closing brackets and quotes,
                          · … — ～ and their half-width kin) unless it is a
                          centred line opening with —— (a subtitle); none
                          ends with an opening bracket or quote; no wrapped
                          paragraph splits a number (a break between two
                          Latin words cannot be told from one inside a
                          word: the space is gone).
  at most 22 lines in the type area (N)
                          rows inside the type area on any page; N is the
                          most found.
  rows on the 22-line grid
                          a row of body size or smaller inside the type
                          area has its centre on the centre of one of the
                          22 cells (pitch 225 mm / 22 = 28.99 pt).
  text inside the type area
                          rows keep within its width, but for a compressed
                          mark hanging ½ em; above and below it there is
                          only the page number.
  full lines hold 26 to 29 characters
                          a full line runs edge to edge of the type area
                          and holds Han and no ASCII: 28 characters, fewer
                          when some were carried down for a prohibition,
                          more when marks were compressed.
  page numbers right on odd pages, left on even (N of M)
                          "— N —" with the page's own number, its top
                          7 ± 2 mm below the type area, flush right 1 字
                          (14 pt) in on odd pages, flush left 1 字 in on
                          even ones; N of the M page numbers found are
                          right.  A page may go unnumbered only when it is
                          blank, or the last page, after a blank one.
  no 孤字                 the last line of a wrapped paragraph holds more
                          than --orphan characters besides punctuation, or
                          more than one more in all.
  pages at least 85 % full (lowest N % on page P)
                          a page's fill is its body lines -- the grid lines
                          down to its lowest row or picture (pictures as
                          `pdftohtml -xml` places them) -- times the pitch
                          over 225 mm; it must reach --fill % on every page
                          but the last, blank pages, and those the layout's
                          new-page rules end early: one after which an
                          article's title starts the next page (a named
                          destination in its first three lines, as
                          `pdfinfo -dests` lists them), and one after which
                          only blank pages and the 报尾 follow (the last
                          page, its text all below its line 11); nor a page
                          set across, nor the page before it.
  table cells inside their rules
                          every word of a ruled table lies between two
                          neighbouring column rules.
Tables are found in the pixels (pdftoppm at 72 dpi): black rules at least
0.3 of the type area long, and between two of them a span crossed by three
vertical rules or more, or without vertical rules (三线) holding a row of
three pieces set apart (cells) or more.  The rows of a table
are off the grid by design: they are not wrapped paragraphs, not judged on
the grid, and count as the grid lines the table's height takes.  A page
whose text runs up the page (a table set across it) is judged only on its
size, fonts and page number.
Over all files together:
  full lines hold 28 characters (L of F)
                          at least --share of the F full lines hold exactly
                          28; judged only over --min-full lines or more.

Options:
  --lines N       lines per page (22)
  --chars N       characters of a full line (28)
  --cpl MIN-MAX   characters a full line may hold (26-29)
  --share F       share of full lines holding exactly --chars (0.85)
  --min-full N    full lines needed to judge that share (40)
  --orphan N      a paragraph's last line of N characters or fewer besides
                  punctuation, N + 1 or fewer in all, is a 孤字 (2: clreq
                  names one, the project's layout avoids two as well)
  --edge PT       tolerance at the edges of the type area (1.0)
  --grid PT       tolerance of a row's centre on the grid (1.5)
  --folio-tol PT  tolerance of a page number's left or right end (1.0)
  --fill PCT      least fill of a page the rule covers, in % (85)
  --examples N    offending rows shown per rule and file (5)
"""
import argparse
import math
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
LEFT, TOP = 28 * MM, 37 * MM
WIDTH, HEIGHT = 156 * MM, 225 * MM
RIGHT, BOTTOM = LEFT + WIDTH, TOP + HEIGHT
EM = WIDTH / 28                 # 三号 on the grid, 15.79 pt
FOLIO_INSET = 14                # 1 字 of 四号

# clreq strict: these may not start a line ...
NO_START = set('、，。；：？！）〕】〗》〉」』”’·・…—‐–～／%‰' ',.;:?!)]}/')
# ... and these may not end one.
NO_END = set('（〔【〖《〈「『“‘' '([{')
MARKS = NO_START | NO_END
DIGITS = set('0123456789')
HAN = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')
ASCII = re.compile(r'[\x21-\x7e]')
FOLIO = re.compile(r'[—–-]\s*(\d+)\s*[—–-]')
XHTML = '{http://www.w3.org/1999/xhtml}'


class Row:
    """Text on one page sharing a vertical centre, left to right."""

    def __init__(self, box, text):
        self.x0, self.y0, self.x1, self.y1 = box
        self.pieces = [(self.x0, text)]
        self.spans = [(box[0], box[2])]
        self.words = []         # (x0, x1) of each word
        self.table = False

    @property
    def cy(self):
        return (self.y0 + self.y1) / 2

    @property
    def h(self):
        return self.y1 - self.y0

    @property
    def text(self):
        return ''.join(t for _, t in sorted(self.pieces)).strip()

    def take(self, box, text):
        self.x0, self.x1 = min(self.x0, box[0]), max(self.x1, box[2])
        self.y0, self.y1 = min(self.y0, box[1]), max(self.y1, box[3])
        self.pieces.append((box[0], text))
        self.spans.append((box[0], box[2]))

    @property
    def cells(self):
        """How many pieces set apart by more than a quarter em it holds."""
        sp = sorted(self.spans)
        return 1 + sum(b[0] - a[1] > EM / 4 for a, b in zip(sp, sp[1:]))


class Page:
    def __init__(self, number, w, h):
        self.number, self.w, self.h = number, w, h
        self.rows = []          # top to bottom
        self.tables = []        # (top, bottom, column rules x) of each table
        self.turned = False     # its text runs up the page

    def body(self):
        return [r for r in self.rows if r.y0 >= TOP - 3 and r.y1 <= BOTTOM + 3]


def read_pages(path):
    """The pages of PATH and their rows, read back by pdftotext."""
    x = subprocess.run(['pdftotext', '-bbox-layout', path, '-'],
                       capture_output=True, check=True).stdout
    root = ET.fromstring(re.sub(rb'<!DOCTYPE[^>]*>', b'', x))
    pages = []
    for n, p in enumerate(root.iter(XHTML + 'page'), 1):
        page = Page(n, float(p.get('width')), float(p.get('height')))
        pieces = []
        words = []
        for ln in p.iter(XHTML + 'line'):
            text = ''.join(w.text or '' for w in ln.iter(XHTML + 'word'))
            box = tuple(float(ln.get(k)) for k in ('xMin', 'yMin', 'xMax', 'yMax'))
            ws = [tuple(float(w.get(k)) for k in ('xMin', 'yMin', 'xMax', 'yMax'))
                  + (w.text or '',) for w in ln.iter(XHTML + 'word')]
            words += ws
            if text.strip():
                pieces.append((box, text, ws))
        pieces.sort(key=lambda q: ((q[0][1] + q[0][3]) / 2, q[0][0]))
        for box, text, ws in pieces:
            cy, h = (box[1] + box[3]) / 2, box[3] - box[1]
            last = page.rows[-1] if page.rows else None
            if last and abs(cy - last.cy) < 0.4 * min(h, last.h):
                last.take(box, text)
            else:
                page.rows.append(Row(box, text))
            page.rows[-1].words += [(w[0], w[2]) for w in ws]
        tall = [w for w in words if len(w[4]) > 1 and w[3] - w[1] > 1.2 * (w[2] - w[0])]
        page.turned = len(tall) > len(words) / 2
        pages.append(page)
    find_tables(path, pages)
    return pages


def runs(line, least):
    """(start, end) of the runs of dark pixels in a line of them."""
    return [m.span() for m in re.finditer(rb'[\x00-\xb4]{%d,}' % least, line)]


def find_tables(path, pages):
    """Mark the table rows of each page from the black rules it shows."""
    out = subprocess.run(['pdftoppm', '-r', '72', path], capture_output=True,
                         check=True).stdout
    at = 0
    for page in pages:
        m = re.match(rb'P6\s+(\d+)\s+(\d+)\s+255\s', out[at:])
        w, h = int(m.group(1)), int(m.group(2))
        # The red channel: black rules are dark in it, red ones are not.
        px = out[at + m.end():at + m.end() + 3 * w * h][0::3]
        at += m.end() + 3 * w * h
        if page.turned:
            continue
        ys = [y for y in range(h) if runs(px[y * w:(y + 1) * w], int(0.3 * WIDTH))]
        hr = [y for i, y in enumerate(ys) if i == 0 or y - ys[i - 1] > 2]
        vr = []
        for x in range(w):
            vr += [(x, a, b) for a, b in runs(px[x::w], 24)]
        for a, b in zip(hr, hr[1:]):
            rows = [r for r in page.rows if a < r.cy < b]
            # A column rule crosses the span from rule to rule.
            cols = sorted({x for x, y0, y1 in vr if y0 <= a + 2 and y1 >= b - 2})
            cols = [x for i, x in enumerate(cols) if i == 0 or x - cols[i - 1] > 2]
            # A box has two vertical rules, the 报尾 rows two cells.
            if rows and (len(cols) > 2 or not cols and any(r.cells > 2 for r in rows)):
                for r in rows:
                    r.table = True
                if page.tables and page.tables[-1][1] == a and page.tables[-1][2] == cols:
                    page.tables[-1] = (page.tables[-1][0], b, cols)
                else:
                    page.tables.append((a, b, cols))


def unembedded(path):
    """The fonts of PATH that pdffonts does not call embedded."""
    lines = subprocess.run(['pdffonts', path], capture_output=True, check=True,
                           text=True).stdout.splitlines()[2:]
    # name type encoding emb sub uni object generation; type has spaces
    return [f.split()[0] for f in lines if len(f.split()) < 6 or f.split()[-5] != 'yes']


def pictures(path, npages):
    """Per page, the (top, bottom) of each picture, read back by pdftohtml."""
    pics = [[] for _ in range(npages)]
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(['pdftohtml', '-xml', '-zoom', '1', '-q', path,
                        os.path.join(d, 'p')], capture_output=True, check=True)
        root = ET.parse(os.path.join(d, 'p.xml')).getroot()
    for p in root.iter('page'):
        n = int(p.get('number')) - 1
        for im in p.iter('image'):
            top = float(im.get('top'))
            if 0 <= n < npages:
                pics[n].append((top, top + float(im.get('height'))))
    return pics


def title_pages(path, opt):
    """Numbers of the pages whose first three lines hold a named destination."""
    out = subprocess.run(['pdfinfo', '-dests', path], capture_output=True,
                         check=True, text=True).stdout.splitlines()[1:]
    pages = set()
    for ln in out:
        m = re.match(r'\s*(\d+)\s+\[\s*XYZ\s+\S+\s+([\d.]+)', ln)
        if m and PAGE_H - float(m.group(2)) < TOP + 3 * HEIGHT / opt.lines:
            pages.add(int(m.group(1)))
    return pages


def fills(pages, opt, path):
    """(offences, (lowest fill, its page)) of the pages the fill rule covers."""
    pitch = HEIGHT / opt.lines
    pics = pictures(path, len(pages))
    titles = title_pages(path, opt)
    used = []
    for p, ps in zip(pages, pics):
        bottoms = [r.y1 for r in p.body()] + [b for t, b in ps if t < BOTTOM]
        used.append(max((math.ceil((y - TOP) / pitch - 0.05) for y in bottoms),
                        default=0))
    bad, lowest = [], (101.0, 0)
    last = max((i for i, u in enumerate(used) if u), default=-1)
    for i, u in enumerate(used):
        rest = [j for j in range(i + 1, len(used)) if used[j]]
        if i >= last or not u or pages[i].number + 1 in titles:
            continue
        # A table set across the page takes pages of its own.
        if pages[i].turned or pages[i + 1].turned:
            continue
        if rest == [last] and pages[last].body() and \
                min(r.y0 for r in pages[last].body()) > TOP + 11 * pitch and \
                not pics[last]:
            continue
        fill = 100.0 * u / opt.lines
        lowest = min(lowest, (fill, pages[i].number))
        if fill < opt.fill:
            bad.append('page %d: %d of %d lines, %.0f %%' % (pages[i].number, u,
                                                            opt.lines, fill))
    return bad, lowest


def carries_on(q, r, same_page, opt):
    """Whether row r is the next line of a paragraph wrapped at row q."""
    if q is None or q.x1 < RIGHT - EM - opt.edge:
        return False
    if same_page and abs(r.cy - q.cy - HEIGHT / opt.lines) > 2 * opt.grid:
        return False
    return r.x0 <= LEFT + EM + opt.edge and r.x0 <= q.x0 + EM / 2 + opt.edge


def rows_of(page, opt, found, prev):
    """Judge the rows of one page; prev is the last body row before it."""
    body = page.body()
    pitch = HEIGHT / opt.lines
    if page.turned:
        return body
    for i, r in enumerate(body):
        t = r.text
        where = 'page %d, line %d: ' % (page.number, i + 1)
        if r.table:
            for x0, x1 in r.words:
                cols = [c for t0, t1, c in page.tables if t0 < r.cy < t1][0]
                if cols and not any(a - 0.5 <= x0 and x1 <= b + 0.5 for a, b in zip(cols, cols[1:])):
                    found['cells'].append(where + 'a word from %.1f to %.1f pt crosses a rule: %s'
                                          % (x0, x1, t))
            continue
        # A compressed mark at either end may shift the ink by ½ em.
        centred = abs((r.x0 - LEFT) - (RIGHT - r.x1)) <= EM / 2 + opt.edge
        if t[0] in NO_START and not (centred and t.startswith('——')):
            found['break'].append(where + 'starts with %s: %s' % (t[0], t))
        if t[-1] in NO_END:
            found['break'].append(where + 'ends with %s: %s' % (t[-1], t))
        q = body[i - 1] if i else prev
        if q is not None and q.table:
            q = None
        if carries_on(q, r, i > 0, opt):
            a = q.text[-1]
            if t[0] in DIGITS and (a in DIGITS or a in '.,' and q.text[-2:-1] in DIGITS):
                found['break'].append(where + 'splits %s|%s' % (q.text[-8:], t[:8]))
            if len([c for c in t if c not in MARKS]) <= opt.orphan and len(t) <= opt.orphan + 1:
                found['orphan'].append(where + 'last line %s after %s' % (t, q.text[-8:]))
        if r.h <= 1.15 * EM:
            k = (r.cy - TOP) / pitch - 0.5
            off = (k - round(k)) * pitch
            if abs(off) > opt.grid or not 0 <= round(k) < opt.lines:
                found['grid'].append(where + 'centre %+.2f pt from grid line %d: %s'
                                     % (off, round(k) + 1, t))
        if r.x0 < LEFT - EM / 2 - opt.edge or r.x1 > RIGHT + EM / 2 + opt.edge:
            found['area'].append(where + 'from %+.1f to %+.1f pt of the edges: %s'
                                 % (r.x0 - LEFT, r.x1 - RIGHT, t))
        if abs(r.x0 - LEFT) <= opt.edge and abs(r.x1 - RIGHT) <= opt.edge and \
                HAN.search(t) and not ASCII.search(t):
            found['full'].append(len(t))
            if not opt.cpl[0] <= len(t) <= opt.cpl[1]:
                found['cpl'].append(where + '%d characters: %s' % (len(t), t))
    return body


def folio_of(page, body, found):
    """The page number row of page, reporting anything else off the type area."""
    folio = None
    for r in page.rows:
        if r in body:
            continue
        m = FOLIO.fullmatch(r.text)
        if m and r.y0 > BOTTOM and folio is None:
            folio = (r, int(m.group(1)))
        else:
            found['area'].append('page %d: outside the type area: %s' % (page.number, r.text))
    return folio


def judge_folios(pages, folios, opt):
    """(offences, how many are right) for the page numbers."""
    bad, right = [], 0
    for p, f in zip(pages, folios):
        where = 'page %d: ' % p.number
        if f is None:
            if p.rows and not (p is pages[-1] and len(pages) > 1 and not pages[-2].rows):
                bad.append(where + 'no page number')
            continue
        r, n = f
        if n != p.number:
            bad.append(where + 'numbered %d' % n)
        elif p.number % 2 and abs(RIGHT - r.x1 - FOLIO_INSET) > opt.folio_tol:
            bad.append(where + 'odd, ends %.1f pt left of the right edge' % (RIGHT - r.x1))
        elif not p.number % 2 and abs(r.x0 - LEFT - FOLIO_INSET) > opt.folio_tol:
            bad.append(where + 'even, starts %.1f pt right of the left edge' % (r.x0 - LEFT))
        elif not 5 * MM <= r.y0 - BOTTOM <= 9 * MM:
            bad.append(where + 'top %.1f mm below the type area' % ((r.y0 - BOTTOM) / MM))
        else:
            right += 1
    return bad, right


def measure(path, opt, totals):
    """Print the verdicts on one file; return whether all are ok."""
    pages = read_pages(path)
    found = {k: [] for k in ('size', 'fonts', 'break', 'grid', 'area', 'cpl', 'orphan', 'full',
                             'cells')}
    for p in pages:
        if abs(p.w - PAGE_W) > 1 or abs(p.h - PAGE_H) > 1:
            found['size'].append('page %d: %.1f x %.1f pt' % (p.number, p.w, p.h))
    found['fonts'] = ['not embedded: ' + f for f in unembedded(path)]
    folios, most, prev = [], 0, None
    for p in pages:
        body = rows_of(p, opt, found, prev)
        # A table takes the grid lines its height reaches into (its rules
        # found to the pixel, so within a tenth of a line).
        lines = len([r for r in body if not r.table]) + sum(
            -int(-((b - a) / (HEIGHT / opt.lines) - 0.1) // 1) for a, b, c in p.tables)
        most = max(most, 0 if p.turned else lines)
        prev = body[-1] if body else None
        folios.append(folio_of(p, body, found))
    fbad, fright = judge_folios(pages, folios, opt)
    filled, lowest = fills(pages, opt, path)
    totals['full'] += len(found['full'])
    totals['exact'] += found['full'].count(opt.chars)
    verdicts = [
        ('page size A4', found['size']),
        ('every font embedded', found['fonts']),
        ('no line breaks a prohibition rule', found['break']),
        ('at most %d lines in the type area (%d)' % (opt.lines, most),
         ['a page holds %d' % most] if most > opt.lines else []),
        ('rows on the %d-line grid' % opt.lines, found['grid']),
        ('text inside the type area', found['area']),
        ('full lines hold %d to %d characters' % opt.cpl, found['cpl']),
        ('page numbers right on odd pages, left on even (%d of %d)'
         % (fright, sum(f is not None for f in folios)), fbad),
        ('no 孤字', found['orphan']),
        ('pages at least %g %% full%s' % (opt.fill, ' (lowest %.0f %% on page %d)'
                                          % lowest if lowest[1] else ''), filled),
        ('table cells inside their rules', found['cells']),
    ]
    for name, bad in verdicts:
        print('%s - %s: %s' % ('not ok' if bad else 'ok', path, name))
        for b in bad[:opt.examples]:
            print('#   ' + b)
        if len(bad) > opt.examples:
            print('#   and %d more' % (len(bad) - opt.examples))
    return not any(bad for _, bad in verdicts)


def span(s):
    m = re.fullmatch(r'(\d+)-(\d+)', s)
    if not m:
        raise argparse.ArgumentTypeError('want MIN-MAX, as 26-29')
    return int(m.group(1)), int(m.group(2))


def main():
    ap = argparse.ArgumentParser(
        usage='%(prog)s [options] FILE.pdf...',
        description='Measure print editions against the page spec (see the top of this file).')
    ap.add_argument('files', nargs='+', metavar='FILE.pdf')
    ap.add_argument('--lines', type=int, default=22)
    ap.add_argument('--chars', type=int, default=28)
    ap.add_argument('--cpl', type=span, default=(26, 29))
    ap.add_argument('--share', type=float, default=0.85)
    ap.add_argument('--min-full', type=int, default=40)
    ap.add_argument('--orphan', type=int, default=2)
    ap.add_argument('--edge', type=float, default=1.0)
    ap.add_argument('--grid', type=float, default=1.5)
    ap.add_argument('--folio-tol', type=float, default=1.0)
    ap.add_argument('--fill', type=float, default=85)
    ap.add_argument('--examples', type=int, default=5)
    opt = ap.parse_args()
    totals = {'full': 0, 'exact': 0}
    good = True
    for f in opt.files:
        try:
            good &= measure(f, opt, totals)
        except (OSError, subprocess.CalledProcessError, ET.ParseError) as e:
            print('pdfmeasure.py: %s: cannot be read: %s' % (f, e), file=sys.stderr)
            return 2
    name = 'full lines hold %d characters (%d of %d)' % (opt.chars, totals['exact'], totals['full'])
    if totals['full'] < opt.min_full:
        print('# %s: not judged, fewer than %d' % (name, opt.min_full))
    elif totals['exact'] < opt.share * totals['full']:
        print('not ok - %s: fewer than %g%%' % (name, 100 * opt.share))
        good = False
    else:
        print('ok - ' + name)
    return 0 if good else 1


if __name__ == '__main__':
    sys.exit(main())
