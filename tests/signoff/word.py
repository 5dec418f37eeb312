# word.py DOCX PLAIN.DOCX -- exit 0 when the 落款 of luokuan.md are paragraphs in the style 落款 (right-aligned, right indent 4 characters, twice the body's first-line indent, a blank line above) and PLAIN.DOCX, an issue without one, has no such style.
import sys

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from want import WANT

d = docx.Document(sys.argv[1])
got = [p.text.split("\n") for p in d.paragraphs if p.style.name == "落款"]
fmt = d.styles["落款"].paragraph_format
# 4 characters: twice the body's 2-character first-line indent
body = d.styles["Normal"].paragraph_format.first_line_indent
ok = got == WANT and fmt.alignment == WD_ALIGN_PARAGRAPH.RIGHT and \
    body and fmt.right_indent == 2 * body and \
    fmt.space_before and fmt.space_before == fmt.line_spacing  # a blank line above
if not ok:
    print("# got", got, fmt.alignment, fmt.right_indent)
ok &= "落款" not in [s.name for s in docx.Document(sys.argv[2]).styles]
sys.exit(not ok)
