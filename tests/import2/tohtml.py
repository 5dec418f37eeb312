#!/usr/bin/python3
# tohtml.py -- a sample text as HTML for LibreOffice to turn into .docx:
# ## / ### / #### lines become h1 / h2 / h3, every other line a paragraph.
import html
import sys

src, dst = sys.argv[1], sys.argv[2]
out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>稿件</title>'
       '</head><body>']
for line in open(src, encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip():
        continue
    level = len(line) - len(line.lstrip("#"))
    if 2 <= level <= 4 and line[level:level + 1] == " ":
        out.append("<h%d>%s</h%d>" % (level - 1, html.escape(line[level + 1:]), level - 1))
    else:
        out.append("<p>%s</p>" % html.escape(line))
out.append("</body></html>")
open(dst, "w", encoding="utf-8").write("\n".join(out) + "\n")
