#!/usr/bin/env python3
# where.py -- answer one question about a `jianbao layout` dump, for tests.
#
#   where.py DUMP image N   page, top and height of picture N (1-based, in order)
#   where.py DUMP text S    page and baseline of the first text run holding S
#   where.py DUMP dest A    page and y of the destination #A (an article title)
#   where.py DUMP lines P   grid lines page P uses down to its lowest text or picture
#   where.py DUMP row N     the pictures of row N (those sharing one top), each
#                           "x w h", then the centre of each caption line under them
import math
import sys

MM = 72 / 25.4
TOP, PITCH = 37 * MM, 225 * MM / 22


def items(path):
    page = 0
    for ln in open(path, encoding='utf-8'):
        f = ln.split()
        if ln.startswith('page '):
            page += 1
        elif f and f[0] in ('text', 'image', 'dest'):
            yield page, f, ln


def main():
    path, what, arg = sys.argv[1:4]
    its = list(items(path))
    if what == 'image':
        ims = [(p, f) for p, f, _ in its if f[0] == 'image']
        p, f = ims[int(arg) - 1]
        print(p, f[2], f[4].split('=')[1])
    elif what == 'text':
        for p, f, ln in its:
            if f[0] == 'text' and arg in ln.split('|')[1]:
                print(p, f[2])
                break
    elif what == 'dest':
        for p, f, _ in its:
            if f[0] == 'dest' and f[3] == '#' + arg:
                print(p, f[2])
    elif what == 'lines':
        low = 0
        for p, f, _ in its:
            if p != int(arg) or f[0] == 'dest':
                continue
            y = float(f[2]) + (float(f[4].split('=')[1]) if f[0] == 'image' else 0)
            if y <= TOP + 22 * PITCH + 1:
                low = max(low, math.ceil((y - TOP) / PITCH - 1e-3))
        print(low)
    elif what == 'row':
        tops = []
        for p, f, _ in its:
            if f[0] == 'image' and (p, f[2]) not in tops:
                tops.append((p, f[2]))
        p, top = tops[int(arg) - 1]
        row = [f for q, f, _ in its if q == p and f[0] == 'image' and f[2] == top]
        out = ['%s %s %s' % (f[1], f[3].split('=')[1], f[4].split('=')[1]) for f in row]
        bottom = float(top) + float(row[0][4].split('=')[1])
        caps = [f for q, f, _ in its if q == p and f[0] == 'text' and
                bottom < float(f[2]) < bottom + 2.5 * PITCH]
        out += ['%.2f' % (float(f[1]) + float(f[3].split('=')[1]) / 2) for f in caps]
        print(' '.join(out))


if __name__ == '__main__':
    main()
