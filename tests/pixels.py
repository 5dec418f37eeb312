#!/usr/bin/env python3
"""pixels.py -- count the red, or the light grey, pixels of page images.

Usage: pixels.py red|grey [--layout DUMP --dpi N] PAGE.ppm...

Each PAGE.ppm is a binary PPM as `pdftoppm -r N` writes it, named
PREFIX-K.ppm for page K.  A pixel is red when its red channel is over 150
and both others are at least 80 below it: the masthead's red (E60012) and
its anti-aliased edges, not greys, black or blue.  It is light grey when
its three channels are within 8 of each other and between B0 and D8 (hex):
the draft mark (C4C4C4), which body text (black) and paper (white) are
not.  With --layout, the dump of `jianbao layout` for the same build:
pixels inside the page's pictures (its image lines, pt) are not counted,
since a photograph may well hold red or grey the edition did not add.
Prints "PAGE.ppm N" for each image.
"""
import re
import sys


def ppm(path):
    """Width, height and RGB bytes of a binary PPM."""
    with open(path, 'rb') as f:
        data = f.read()
    fields = []
    i = 0
    while len(fields) < 4:
        while data[i:i + 1].isspace():
            i += 1
        if data[i:i + 1] == b'#':
            i = data.index(b'\n', i)
            continue
        j = i
        while not data[j:j + 1].isspace():
            j += 1
        fields.append(data[i:j])
        i = j
    if fields[0] != b'P6' or fields[3] != b'255':
        raise SystemExit(f'{path}: not an 8-bit binary PPM')
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[i + 1:i + 1 + 3 * w * h]


def pictures(dump):
    """{page: [(x, y, w, h) in pt]} from a layout dump."""
    boxes, page = {}, 0
    with open(dump, encoding='utf-8') as f:
        for line in f:
            m = re.match(r'page (\d+) ', line)
            if m:
                page = int(m.group(1))
            m = re.match(r'\s+image (\S+) (\S+) w=(\S+) h=(\S+) ', line)
            if m:
                boxes.setdefault(page, []).append(
                    tuple(float(v) for v in m.groups()))
    return boxes


def is_red(r, g, b):
    return r > 150 and r - g >= 80 and r - b >= 80


def is_grey(r, g, b):
    return (0xB0 <= r <= 0xD8 and abs(r - g) <= 8 and abs(g - b) <= 8
            and abs(r - b) <= 8)


def count(path, test, boxes, dpi):
    w, h, px = ppm(path)
    s = dpi / 72.0
    # a pixel's margin round each picture for its smoothed edge
    rects = [(int(x * s) - 1, int(y * s) - 1, int((x + bw) * s) + 2,
              int((y + bh) * s) + 2) for x, y, bw, bh in boxes]
    hits = [k for k, (r, g, b) in
            enumerate(zip(px[0::3], px[1::3], px[2::3])) if test(r, g, b)]
    return sum(1 for k in hits
               if not any(x0 <= k % w < x1 and y0 <= k // w < y1
                          for x0, y0, x1, y1 in rects))


def main(argv):
    test = {'red': is_red, 'grey': is_grey}[argv[0]]
    argv = argv[1:]
    boxes, dpi = {}, 72.0
    if argv[:1] == ['--layout']:
        boxes, dpi = pictures(argv[1]), float(argv[3])
        argv = argv[4:]
    for path in argv:
        page = int(re.search(r'-0*(\d+)\.ppm$', path).group(1))
        print(path, count(path, test, boxes.get(page, []), dpi))


if __name__ == '__main__':
    main(sys.argv[1:])
