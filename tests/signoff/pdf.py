# pdf.py BBOX [lo] -- from pdftotext -bbox-layout: exit 0 when each 落款 of luokuan.md is set as GB/T 9704 asks: its organ lines start at one x, the date 2 字 right of them, a line under the one before, and the blank right of the widest organ line and of the date is what want.py says, in 字 of the body size.  With lo, the Word edition as LibreOffice sets it: there a blank beside each digit makes a date wider, so its own blank on the right is not measured, only that it stays one line.
import re
import sys

from want import SPACE, WANT

RIGHT = (28 + 156) * 72 / 25.4          # the measure's right edge, pt
LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                  r'yMax="[\d.]+">(.*?)</line>', re.S)

lo = sys.argv[2:] == ["lo"]
found = []
for page in open(sys.argv[1], encoding="utf-8").read().split("<page ")[1:]:
    ls = [(float(m.group(1)), float(m.group(2)), float(m.group(3)),
           "".join(re.findall(r">([^<]*)</word>", m.group(4))))
          for m in LINE.finditer(page)]
    for i in range(len(ls)):
        for g in WANT:
            if [l[3] for l in ls[i:i + len(g)]] == g:
                found.append(ls[i:i + len(g)])
ok = len(found) == len(WANT)
if not ok:
    print("# found", [[l[3] for l in g] for g in found])
for g, (organ, date) in zip(found, SPACE):
    em = (g[0][2] - g[0][0]) / len(g[0][3])     # an organ line is all Han
    got = ((RIGHT - max(l[2] for l in g[:-1])) / em, (RIGHT - g[-1][2]) / em,
           (g[-1][0] - g[0][0]) / em)
    if abs(got[0] - organ) > 0.05 or (abs(got[1] - date) > 0.05 and not lo) or \
            abs(got[2] - 2) > 0.05 or any(abs(l[0] - g[0][0]) > 0.1 for l in g[:-1]):
        print("# %s: organ %.2f, date %.2f 字 from the right, date %.2f 字 "
              "right of the organ" % (g[0][3], *got))
        ok = False
    ok &= all(b[1] > a[1] for a, b in zip(g, g[1:]))
sys.exit(not ok)
