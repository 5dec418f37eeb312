#!/usr/bin/python3
# mkhostile.py -- hostile Word files for t_import2.sh, written with zipfile.
# Usage: mkhostile.py OUTDIR
import os
import sys
import zipfile

out = sys.argv[1]
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
      'openxmlformats.org/package/2006/content-types"><Default Extension="xml" '
      'ContentType="application/xml"/></Types>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def doc(body):
    return ('<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s'
            '</w:body></w:document>' % (W, body))


def para(t):
    return '<w:p><w:r><w:t>%s</w:t></w:r></w:p>' % t


def make(name, entries):
    with zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in entries:
            z.writestr(n, data)


# not a zip at all
with open(os.path.join(out, "notzip.docx"), "w") as f:
    f.write("这不是一个 Word 文件。\n")
# a zip cut short
make("whole.docx", [("[Content_Types].xml", CT),
                    ("word/document.xml", doc(para("正文。") * 200))])
with open(os.path.join(out, "whole.docx"), "rb") as f:
    data = f.read()
with open(os.path.join(out, "truncated.docx"), "wb") as f:
    f.write(data[: len(data) // 2])
os.remove(os.path.join(out, "whole.docx"))
# no word/document.xml
make("nodoc.docx", [("[Content_Types].xml", CT), ("word/styles.xml", "<x/>")])
# zip slip names
make("slip.docx", [("[Content_Types].xml", CT),
                   ("word/document.xml", doc(para("正文。"))),
                   ("../../evil.txt", "x")])
make("absolute.docx", [("[Content_Types].xml", CT),
                       ("word/document.xml", doc(para("正文。"))),
                       ("/etc/evil.txt", "x")])
# an entity bomb and an external entity
bomb = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
        + "".join('<!ENTITY %s "%s">' % (chr(98 + i), ("&%s;" % chr(97 + i)) * 10)
                  for i in range(9))
        + ']><w:document %s><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p>'
        '</w:body></w:document>' % W)
make("entities.docx", [("[Content_Types].xml", CT), ("word/document.xml", bomb)])
xxe = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       '<w:document %s><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body>'
       '</w:document>' % W)
make("xxe.docx", [("[Content_Types].xml", CT), ("word/document.xml", xxe)])
# a zip bomb: 300 MB of one byte in a small file
with zipfile.ZipFile(os.path.join(out, "bomb.docx"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", CT)
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        chunk = b" " * (1 << 20)
        for _ in range(300):
            f.write(chunk)
# a document.xml of 100 MB, honest sizes
big = doc(para("正文。" * 1000) * 0)
with zipfile.ZipFile(os.path.join(out, "huge.docx"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", CT)
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(big[:-len("</w:body></w:document>")].encode())
        line = para("正文。" * 300).encode()
        for _ in range((100 << 20) // len(line)):
            f.write(line)
        f.write(b"</w:body></w:document>")
# sizes that lie: document.xml declares 100 bytes and unpacks to 60,000
make("liar.docx", [("[Content_Types].xml", CT),
                   ("word/document.xml", doc(para("正文。" * 20) * 1000))])
with open(os.path.join(out, "liar.docx"), "rb") as f:
    data = bytearray(f.read())
real = len(doc(para("正文。" * 20) * 1000).encode())
for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
    i = data.find(sig, data.find(b"word/document.xml") - 80 if sig == b"PK\x03\x04" else 0)
    while i >= 0:
        if int.from_bytes(data[i + off:i + off + 4], "little") == real:
            data[i + off:i + off + 4] = (100).to_bytes(4, "little")
        i = data.find(sig, i + 4)
with open(os.path.join(out, "liar.docx"), "wb") as f:
    f.write(data)
# not well-formed XML
make("badxml.docx", [("[Content_Types].xml", CT),
                     ("word/document.xml", doc(para("正文。"))[:-20])])
# a picture that is no picture
rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
        'Target="media/image1.png"/></Relationships>')
pic = ('<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
       'drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="p" descr="图"/>'
       '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
       '<a:graphicData><a:blip xmlns:r="http://schemas.openxmlformats.org/'
       'officeDocument/2006/relationships" r:embed="rId9"/></a:graphicData>'
       '</a:graphic></wp:inline></w:drawing></w:r></w:p>')
make("notimage.docx", [("[Content_Types].xml", CT),
                       ("word/document.xml", doc("<w:p><w:r><w:t>云岭市开展志愿服务</w:t></w:r></w:p>"
                                                 + para("本报讯　志愿者走进社区。") + pic)),
                       ("word/_rels/document.xml.rels", rels),
                       ("word/media/image1.png", "这不是图片" * 100)])
# an encrypted Word file: an OLE container with an EncryptedPackage stream
ole = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504 +
       "EncryptedPackage".encode("utf-16-le") + b"\0" * 1024)
with open(os.path.join(out, "encrypted.docx"), "wb") as f:
    f.write(ole)
# an old .doc (OLE, no encryption)
with open(os.path.join(out, "old.doc"), "wb") as f:
    f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 2048)
