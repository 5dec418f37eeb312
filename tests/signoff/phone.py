# phone.py -- jianbao layout --png on stdin: exit 0 when every line of a 落款 of luokuan.md ends at one x.
import re
import sys

from want import WANT

TEXT = re.compile(r"text ([\d.]+) ([\d.]+) w=([\d.]+) \S+ \S+ \S+ \|(.*)\|")
rows = {}
for m in TEXT.finditer(sys.stdin.read()):
    r = rows.setdefault(m.group(2), ["", 0.0])
    r[0] += m.group(4)
    r[1] = max(r[1], float(m.group(1)) + float(m.group(3)))
lines = {line for g in WANT for line in g}
ends = [r[1] for r in rows.values() if r[0] in lines]
n = sum(1 for r in rows.values() if r[0] in lines)
sys.exit(not (n == sum(len(g) for g in WANT) and max(ends) - min(ends) < 0.1))
