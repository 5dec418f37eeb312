# phone.py -- jianbao layout --png on stdin: exit 0 when each 落款 of luokuan.md is set in the phone image as in print: organ lines at one x, the date 2 字 right of them, the blanks on the right as want.py says (the right edge: where the body's full lines end).
import re
import sys

from want import SPACE, WANT

TEXT = re.compile(r"text ([\d.]+) ([\d.]+) w=([\d.]+) (\S+) ([\d.]+) \S+ \|(.*)\|")
rows, right = {}, 0.0
for m in TEXT.finditer(sys.stdin.read()):
    x, y, w = float(m.group(1)), m.group(2), float(m.group(3))
    r = rows.setdefault(y, [m.group(6), x, x + w])
    if r[1] != x:
        r[0] += m.group(6)
    r[1], r[2] = min(r[1], x), max(r[2], x + w)
    if m.group(4) == "fangsong":
        right = max(right, x + w)
order = [rows[y] for y in sorted(rows, key=float)]
found = [order[i:i + len(g)] for g in WANT for i in range(len(order))
         if [r[0] for r in order[i:i + len(g)]] == g]
ok = len(found) == len(WANT)
for ls, g, (organ, date) in zip(found, WANT, SPACE):
    em = (ls[0][2] - ls[0][1]) / len(g[0])
    got = ((right - max(l[2] for l in ls[:-1])) / em, (right - ls[-1][2]) / em,
           (ls[-1][1] - ls[0][1]) / em)
    if abs(got[0] - organ) > 0.05 or abs(got[1] - date) > 0.05 or \
            abs(got[2] - 2) > 0.05 or any(abs(l[1] - ls[0][1]) > 0.1 for l in ls[:-1]):
        print("# %s: organ %.2f, date %.2f 字 from the right, date %.2f right" % (g[0], *got))
        ok = False
sys.exit(not ok)
