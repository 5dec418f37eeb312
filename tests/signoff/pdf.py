# pdf.py BBOX -- from pdftotext -bbox-layout: exit 0 when every line of the three 落款 of luokuan.md ends 4 characters left of the measure's right edge (GB/T 9704), each line under the one before.
import re
import sys

from want import WANT

RIGHT = (28 + 156) * 72 / 25.4          # the measure's right edge, pt
LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                  r'yMax="[\d.]+">(.*?)</line>', re.S)

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
for g in found:
    em = (g[0][2] - g[0][0]) / len(g[0][3])     # an organ line is all Han
    for l in g:
        if abs(RIGHT - 4 * em - l[2]) >= 0.5:
            print("# %s ends at %.2f, want %.2f" % (l[3], l[2], RIGHT - 4 * em))
            ok = False
    ok &= all(b[1] > a[1] for a, b in zip(g, g[1:]))
sys.exit(not ok)
