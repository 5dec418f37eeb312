#!/usr/bin/python3
# docxtext.py -- the text of a .docx (w:t of the document, notes and comments),
# for t_import3.sh where pandoc cannot open a file.
# Usage: docxtext.py FILE.docx
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
out = []
for part in ('word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/comments.xml'):
    try:
        x = z.read(part).decode('utf-8')
    except KeyError:
        continue
    out += re.findall(r'<w:t(?:\s[^>]*)?>([^<]*)</w:t>', x)
print('\n'.join(out))
