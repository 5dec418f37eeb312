# b9fb135: import never read endnotes.xml: an endnote reference took the text of the footnote with the same id, and the endnote's text was lost.
# guards: an endnote's text and a footnote's text of the same id are both kept, each as a 注： paragraph
/usr/bin/python3 - <<'PY'
import zipfile
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
def notes(kind, text):
    return '<w:%ss %s><w:%s w:id="1"><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:%s></w:%ss>' % (kind, W, kind, text, kind, kind)
z = zipfile.ZipFile("in.docx", "w")
z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="r1" Type="%sofficeDocument" Target="word/document.xml"/></Relationships>' % R)
z.writestr("word/document.xml", '<w:document %s><w:body><w:p><w:r><w:t>标题一行</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>正文一句。</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
           '<w:r><w:endnoteReference w:id="1"/></w:r></w:p></w:body></w:document>' % W)
z.writestr("word/footnotes.xml", notes("footnote", "脚注的话。"))
z.writestr("word/endnotes.xml", notes("endnote", "尾注的话。"))
z.close()
PY
run import --number 1 --date 2026-01-05 -o out.md in.docx
want_status 0
want_in out.md "注：脚注的话。"
want_in out.md "注：尾注的话。"
