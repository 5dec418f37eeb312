#!/usr/bin/python3
# paras.py -- for t_import4.sh: the paragraphs of an imported issue, each
# made one line (its soft breaks removed, headings without their #), equal
# to the paragraphs python-docx reads in the Word file the PDF was made from.
# Usage: paras.py FILE.docx ISSUE.md
import sys

from docx import Document

want = [p.text for p in Document(sys.argv[1]).paragraphs if p.text.strip()]
text = open(sys.argv[2], encoding="utf-8").read()
body = text[text.find("\n---\n", 4) + 5:]
got = ["".join(b.split("\n")).lstrip("# ") for b in body.split("\n\n") if b.strip()]
if got != want:
    for i in range(max(len(got), len(want))):
        w = want[i] if i < len(want) else "(none)"
        g = got[i] if i < len(got) else "(none)"
        if w != g:
            print("# paragraph %d: want %s\n#   got %s" % (i + 1, w, g))
            break
    print("# %d paragraphs, want %d" % (len(got), len(want)))
    sys.exit(1)
