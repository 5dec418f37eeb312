# word.py DOCX PLAIN.DOCX -- exit 0 when each 落款 of luokuan.md is a run of paragraphs in the style 落款 (flush left), a line each, indented as GB/T 9704 asks: organ lines at one indent, the date 2 字 further in, the blanks on the right as want.py says (a 字 is Word's 315 twips, the measure 156 mm), a blank line above (the paragraph before ends with one line of space, kept with the 落款); and PLAIN.DOCX, an issue without one, has no such style.
import sys

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Twips

from want import SPACE, WANT, ems

CELL = 315
MEASURE = int(156 * 1440 / 25.4 + 0.5)

d = docx.Document(sys.argv[1])
ps = d.paragraphs
groups, i = [], 0
while i < len(ps):
    if ps[i].style.name == "落款":
        j = i
        while j < len(ps) and ps[j].style.name == "落款":
            j += 1
        groups.append((ps[i - 1], ps[i:j]))
        i = j
    else:
        i += 1
ok = [[p.text for p in g] for _, g in groups] == WANT
fmt = d.styles["落款"].paragraph_format
ok &= fmt.alignment == WD_ALIGN_PARAGRAPH.LEFT
pitch = d.styles["Normal"].paragraph_format.line_spacing
for (before, g), want, (organ, date) in zip(groups, WANT, SPACE):
    left = [p.paragraph_format.left_indent.twips for p in g]
    got = ((MEASURE - left[0]) / CELL - max(ems(t) for t in want[:-1]),
           (MEASURE - left[-1]) / CELL - ems(want[-1]),
           (left[-1] - left[0]) / CELL)
    good = abs(got[0] - organ) < 0.05 and abs(got[1] - date) < 0.05 and \
        abs(got[2] - 2) < 0.01 and len(set(left[:-1])) == 1 and \
        before.paragraph_format.space_after == pitch and \
        before.paragraph_format.keep_with_next and \
        all(p.paragraph_format.keep_with_next for p in g[:-1])
    if not good:
        print("# %s: organ %.2f, date %.2f 字 from the right, date %.2f right"
              % (want[0], *got))
    ok &= good
ok &= "落款" not in [s.name for s in docx.Document(sys.argv[2]).styles]
sys.exit(not ok)
