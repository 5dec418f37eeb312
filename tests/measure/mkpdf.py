#!/usr/bin/env python3
"""mkpdf.py -- write a PDF by hand from a page description, so that
tests/pdfmeasure.py can be shown pages the layout would never make.

usage: python3 tests/measure/mkpdf.py CASE.page OUT.pdf

A description is a line a command; "#" starts a comment.
  page [W H]         a new page, A4 unless W x H mm are given
  K X TEXT           TEXT on line K (1 to 22) of the type area's grid,
                     starting X 字 (三号, 15.79 pt) right of its left
                     edge; wide characters take 1 字, ASCII ½
  K X-X2 TEXT        the same, the characters spread evenly to end at X2
  K+F X TEXT         F of a line (a fraction) below the grid; K-F above
  rule K X X2        a black rule 0.5 pt thick along the top of line K
                     (K+F, K-F as above) from X to X2 字
  vrule X K K2       a black rule 0.5 pt thick X 字 right of the left edge
                     from the top of line K to the top of line K2
  folio [N [left|right]]
                     "— N —" in 四号, its top 7 mm below the type area,
                     1 字 in from one side; N and the side default to
                     what the page's number wants
The one font is named, not embedded: pdftotext needs only its widths and
its ToUnicode map, in which every character code is its code point.
"""
import re
import sys

MM = 72 / 25.4
LEFT, TOP, WIDTH, HEIGHT = 28 * MM, 37 * MM, 156 * MM, 225 * MM
EM, PITCH = WIDTH / 28, HEIGHT / 22
SIZE_4 = 14
ASCENT, DESCENT = 0.88, -0.12   # the font's box, as the layout's fonts have it
LINE = re.compile(r'(\d+)([+-][\d.]+)?\s+(-?[\d.]+)(?:-([\d.]+))?\s+(.*)')
GRID = re.compile(r'(\d+)([+-][\d.]+)?')


def top_of(k):
    """The y of the top of grid line K (K+F, K-F) from the page's top."""
    m = GRID.fullmatch(k)
    return TOP + (int(m.group(1)) - 1 + float(m.group(2) or 0)) * PITCH


def width(c):
    return 1 if ord(c) > 0x7e else 0.5


def run(size, x, x2, base, text):
    """The glyphs of text, each placed on its own: (size, x, baseline, char);
    with x2, the last one ends there."""
    step = None
    if x2 is not None and len(text) > 1:
        step = (x2 - x - size * width(text[-1])) / (len(text) - 1)
    for c in text:
        yield size, x, base, c
        x += step if step is not None else size * width(c)


def parse(path):
    """[((w, h), [glyph...])...], baselines measured from the page's top."""
    pages = []
    for n, raw in enumerate(open(path, encoding='utf-8'), 1):
        line = raw.split('#', 1)[0].strip()
        w = line.split()
        if not w:
            continue
        if w[0] == 'page':
            size = (float(w[1]) * MM, float(w[2]) * MM) if len(w) == 3 else (210 * MM, 297 * MM)
            pages.append((size, [], []))
            continue
        if not pages:
            sys.exit('%s:%d: text before the first page' % (path, n))
        glyphs, rules = pages[-1][1], pages[-1][2]
        if w[0] == 'rule' and len(w) == 4:
            y, x0, x1 = top_of(w[1]), LEFT + float(w[2]) * EM, LEFT + float(w[3]) * EM
            rules.append((x0, y - 0.25, x1 - x0, 0.5))
            continue
        if w[0] == 'vrule' and len(w) == 4:
            x, y0, y1 = LEFT + float(w[1]) * EM, top_of(w[2]), top_of(w[3])
            rules.append((x - 0.25, y0, 0.5, y1 - y0))
            continue
        if w[0] == 'folio':
            odd = len(pages) % 2
            text = '— %s —' % (w[1] if len(w) > 1 else len(pages))
            right = (w[2] == 'right') if len(w) > 2 else odd
            span = SIZE_4 * sum(width(c) for c in text)
            x = LEFT + WIDTH - SIZE_4 - span if right else LEFT + SIZE_4
            glyphs.extend(run(SIZE_4, x, None, TOP + HEIGHT + 7 * MM + ASCENT * SIZE_4, text))
            continue
        m = LINE.fullmatch(line)
        if not m:
            sys.exit('%s:%d: want K X TEXT' % (path, n))
        centre = TOP + (int(m.group(1)) - 0.5 + float(m.group(2) or 0)) * PITCH
        x = LEFT + float(m.group(3)) * EM
        x2 = LEFT + float(m.group(4)) * EM if m.group(4) else None
        glyphs.extend(run(EM, x, x2, centre + (ASCENT + DESCENT) / 2 * EM, m.group(5)))
    return pages


def write(pages, path):
    codes = sorted({ord(g[3]) for _, glyphs, _ in pages for g in glyphs})
    objs = []                   # object n is objs[n - 1]

    def obj(body):
        objs.append(body)
        return len(objs)

    def stream(data):
        return obj('<< /Length %d >>\nstream\n%s\nendstream' % (len(data.encode()), data))

    cmap = ['/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
            '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
            '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
            '1 begincodespacerange <0000> <FFFF> endcodespacerange']
    for i in range(0, len(codes), 100):
        part = codes[i:i + 100]
        cmap += ['%d beginbfchar' % len(part)] + ['<%04X> <%04X>' % (c, c) for c in part]
        cmap += ['endbfchar']
    cmap += ['endcmap CMapName currentdict /CMap defineresource pop end end']
    tounicode = stream('\n'.join(cmap))
    desc = obj('<< /Type /FontDescriptor /FontName /HandSong /Flags 4 '
               '/FontBBox [0 %d 1000 %d] /ItalicAngle 0 /Ascent %d /Descent %d '
               '/CapHeight 700 /StemV 80 >>'
               % (DESCENT * 1000, ASCENT * 1000, ASCENT * 1000, DESCENT * 1000))
    narrow = ' '.join('%d [500]' % c for c in codes if width(chr(c)) < 1)
    cid = obj('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /HandSong '
              '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> '
              '/FontDescriptor %d 0 R /DW 1000 /W [%s] /CIDToGIDMap /Identity >>'
              % (desc, narrow))
    font = obj('<< /Type /Font /Subtype /Type0 /BaseFont /HandSong /Encoding /Identity-H '
               '/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>' % (cid, tounicode))
    parent = len(objs) + 2 * len(pages) + 1
    kids = []
    for (w, h), glyphs, rules in pages:
        # PDF measures y upwards from the bottom of the page.
        content = stream('\n'.join(['BT /F1 %.3f Tf 1 0 0 1 %.3f %.3f Tm <%04X> Tj ET'
                                    % (size, x, h - base, ord(c)) for size, x, base, c in glyphs] +
                                   ['0 g %.3f %.3f %.3f %.3f re f' % (x, h - y - rh, rw, rh)
                                    for x, y, rw, rh in rules]))
        kids.append(obj('<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.3f %.3f] '
                        '/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>'
                        % (parent, w, h, font, content)))
    obj('<< /Type /Pages /Kids [%s] /Count %d >>'
        % (' '.join('%d 0 R' % k for k in kids), len(kids)))
    root = obj('<< /Type /Catalog /Pages %d 0 R >>' % parent)
    data, offsets = b'%PDF-1.4\n', []
    for n, body in enumerate(objs, 1):
        offsets.append(len(data))
        data += ('%d 0 obj\n%s\nendobj\n' % (n, body)).encode()
    xref = len(data)
    data += ('xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)).encode()
    data += b''.join(b'%010d 00000 n \n' % o for o in offsets)
    data += ('trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n'
             % (len(objs) + 1, root, xref)).encode()
    with open(path, 'wb') as f:
        f.write(data)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit('usage: mkpdf.py CASE.page OUT.pdf')
    write(parse(sys.argv[1]), sys.argv[2])
