#!/usr/bin/python3
# mkdocx3.py -- Word files with the traits of real submissions, for t_import3.sh,
# made with python-docx and zipfile (never with jianbao); the texts are our own.
# Usage: mkdocx3.py OUTDIR
#   wps.docx      a 公文 as WPS saves it: styles with numeric ids, Normal at
#                 五号 but the body set in 三号 仿宋 by direct formatting, a
#                 centred 小标宋 title, 一、 lines in 黑体, （一） in 楷体, a
#                 bold 小标题, "1." items with a bold lead, a right-aligned
#                 落款 (two organs and a date), （此页无正文）
#   news.docx     a news piece: centred bold title, bold 小标题 larger than
#                 Normal, a paragraph of larger text
#   two.docx      two articles: two centred titles clearly larger than the
#                 body, each followed by body text
#   decimal.docx  a handbook chapter all in 14 pt 楷体: typed 3. / 3.1 /
#                 3.1.1 numbers, "2.1原则：", a．/b. items
#   notes.docx    a footnote, an endnote and an endnote reference whose note
#                 is missing
#   plain.docx    no formatting at all: a first short line, a short line
#                 between paragraphs, a lone "1.5倍" line
#   table.docx    a table whose last two grid columns are merged in every
#                 row, and a cell merged down over two rows
#   pics.docx     a GIF picture with a caption, a PNG whose zlib data is
#                 corrupt, a good PNG with WPS's default alt text IMG_256,
#                 a BMP picture, a GIF whose picture data is broken, a GIF
#                 that says it is 30000 × 30000 (never decoded)
#   webp.docx     a WebP picture (3 × 2 green, made by the system's libwebp
#                 through ctypes) stored as word/media/image1.webp, as WPS
#                 stores one; not written when libwebp is not there
import io
import re
import struct
import sys
import zipfile
import zlib

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

out = sys.argv[1]
W = nsdecls("w")


def run(p, text, size=None, bold=None, face=None):
    r = p.add_run(text)
    if size:
        r.font.size = Pt(size)
    if bold:
        r.bold = True
    if face:
        rpr = r._r.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = parse_xml("<w:rFonts %s/>" % W)
            rpr.insert(0, fonts)
        fonts.set(qn("w:eastAsia"), face)
    return r


def para(doc, text="", size=16, bold=None, face="仿宋_GB2312", align=None, style=None):
    p = doc.add_paragraph(style=style)
    if text:
        run(p, text, size, bold, face)
    if align:
        p.alignment = align
    return p


def wps():
    doc = docx.Document()
    # WPS writes numbers as style ids; a custom body style of its own
    st = doc.styles.add_style("正文文本", 1)
    st.element.set(qn("w:styleId"), "3")
    st.font.size = Pt(10.5)
    para(doc, "青禾县关于开展社区邻里互助月活动的通知", 22, face="方正小标宋简体",
         align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "各乡镇人民政府，县直各单位：", style="正文文本")
    para(doc, "为弘扬邻里守望的传统，县里决定在全县开展社区邻里互助月活动，现将有关事项通知如下。",
         style="正文文本")
    para(doc, "一、活动时间", face="黑体", style="正文文本")
    para(doc, "活动自五月一日起，至五月三十一日止。", style="正文文本")
    para(doc, "二、活动内容", face="黑体", style="正文文本")
    para(doc, "（一）走访慰问", face="楷体_GB2312", style="正文文本")
    para(doc, "各社区组织志愿者走访独居老人，登记他们的实际困难。", style="正文文本")
    para(doc, "（二）互助结对", face="楷体_GB2312", style="正文文本")
    p = para(doc, style="正文文本")
    run(p, "1.结对到户。", 16, True, "仿宋_GB2312")
    run(p, "每户困难家庭至少有一名志愿者联系。", 16, None, "仿宋_GB2312")
    para(doc, "2.定期回访。每月回访不少于两次，回访情况记入台账。", style="正文文本")
    para(doc, "做好宣传引导", bold=True, style="正文文本")
    para(doc, "各单位要通过宣传栏、广播等途径宣传活动中的好人好事。", style="正文文本")
    para(doc, "特此通知。", style="正文文本")
    para(doc, "青禾县文明办", align=WD_ALIGN_PARAGRAPH.RIGHT, style="正文文本")
    para(doc, "青禾县民政局", align=WD_ALIGN_PARAGRAPH.RIGHT, style="正文文本")
    para(doc, "2026年4月20日", align=WD_ALIGN_PARAGRAPH.RIGHT, style="正文文本")
    para(doc, "（此页无正文）", align=WD_ALIGN_PARAGRAPH.CENTER, style="正文文本")
    doc.save(out + "/wps.docx")


def news():
    doc = docx.Document()
    para(doc, "柳荫社区举办邻里运动会", 15, True, "宋体", WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "四月十二日上午，柳荫社区在中心广场举办第三届邻里运动会，三百余名居民参加。", 10.5)
    para(doc, "趣味项目人人参与", 22, True, "宋体")
    para(doc, "拔河、跳绳和夹弹珠等项目吸引了老人和孩子，场上笑声不断。", 10.5)
    para(doc, "赛场内外传递温情", 22, True, "宋体")
    para(doc, "志愿者在场边设立服务点，为参赛居民提供饮水和简单的医疗服务。", 10.5)
    para(doc, "运动会结束后，居民们纷纷表示，希望社区多组织这样的活动。", 10.5)
    doc.save(out + "/news.docx")


def two():
    doc = docx.Document()
    para(doc, "东岚区开展文明交通劝导", 22, True, "方正小标宋简体", WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "东岚区组织志愿者在十个路口开展文明交通劝导，劝导行人遵守信号灯。")
    para(doc, "西塘镇举办家风故事会", 22, True, "方正小标宋简体", WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "西塘镇邀请五户家庭讲述家风故事，二百余名群众到场聆听。")
    doc.save(out + "/two.docx")


def decimal():
    doc = docx.Document()
    for t in ["3. 社区之家", "3.1 议事规则", "3.1.1 议事会的组成",
              "议事会由居民代表、楼栋长和物业代表组成，每届任期两年。",
              "3.1.2 议事的程序",
              "议题先公示七天，再由议事会讨论表决，表决结果张榜公布。",
              "2.1原则：", "a．公开透明", "b. 少数服从多数",
              "3.2 活动安排", "3.2.1 邻里节",
              "每年五月举办邻里节，各楼栋轮流承办。"]:
        para(doc, t, 14, face="楷体")
    doc.save(out + "/decimal.docx")


def patch(path, fn):
    """Rewrite the parts of the package at path with fn(name, bytes) -> bytes or None (unchanged)."""
    src = zipfile.ZipFile(path)
    items = [(i, src.read(i.filename)) for i in src.infolist()]
    src.close()
    extra = fn(None, None) or {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            new = fn(info.filename, data)
            z.writestr(info.filename, data if new is None else new)
        for name, data in extra.items():
            z.writestr(name, data)


def notes():
    doc = docx.Document()
    para(doc, "南湖社区开展旧物交换", 22, True, None, WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "南湖社区在周末开展旧物交换活动FOOTREF，居民带来闲置物品二百余件ENDREF。")
    para(doc, "活动共促成交换一百二十次LOSTREF，社区将每季度举办一次。")
    path = out + "/notes.docx"
    doc.save(path)
    fw = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<w:%ss %s><w:%s w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:%s>'
          '<w:%s w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:%s>'
          '<w:%s w:id="1"><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:%s></w:%ss>')

    def part(kind, text):
        return fw % (kind, W, kind, kind, kind, kind, kind, text, kind, kind)

    def ref(kind, n):
        return ('</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                '<w:%sReference w:id="%d"/></w:r><w:r><w:t xml:space="preserve">' % (kind, n))

    def fn(name, data):
        if name is None:
            return {"word/footnotes.xml": part("footnote", "旧物交换由社区志愿者登记。"),
                    "word/endnotes.xml": part("endnote", "数字由社区居委会统计。")}
        if name == "word/document.xml":
            s = data.decode("utf-8")
            s = s.replace("FOOTREF", ref("footnote", 1)).replace("ENDREF", ref("endnote", 1))
            s = s.replace("LOSTREF", ref("endnote", 7))
            return s.encode("utf-8")
        if name == "[Content_Types].xml":
            s = data.decode("utf-8")
            s = s.replace("</Types>",
                          '<Override PartName="/word/footnotes.xml" ContentType="application/'
                          'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                          '<Override PartName="/word/endnotes.xml" ContentType="application/'
                          'vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/></Types>')
            return s.encode("utf-8")
        if name == "word/_rels/document.xml.rels":
            s = data.decode("utf-8")
            s = s.replace("</Relationships>",
                          '<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/'
                          'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                          '<Relationship Id="rIdE1" Type="http://schemas.openxmlformats.org/'
                          'officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/>'
                          '</Relationships>')
            return s.encode("utf-8")
        return None
    patch(path, fn)


def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data +
            struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))


def png(w, h, corrupt=False):
    raw = b"".join(b"\0" + b"\xcc\x22\x22" * w for _ in range(h))
    z = bytearray(zlib.compress(raw))
    if corrupt:	# the zlib check fails, the chunk's CRC is right
        z[-1] ^= 0xff
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", bytes(z)) + chunk(b"IEND", b""))


# a 2 × 2 GIF, one colour
GIF = (b"GIF89a\x02\x00\x02\x00\x80\x00\x00\xff\x00\x00\x00\x00\x00"
       b",\x00\x00\x00\x00\x02\x00\x02\x00\x00\x02\x02\x84\x51\x00;")


# a 3 × 2 BMP, 24 bits, blue (its rows padded to four bytes)
BMP = (b"BM" + struct.pack("<IHHI", 54 + 24, 0, 0, 54) +
       struct.pack("<IiiHHIIiiII", 40, 3, 2, 1, 24, 0, 24, 2835, 2835, 0, 0) +
       (b"\xcc\x22\x22" * 3 + b"\0\0\0") * 2)
# a GIF whose header is right and whose picture data is not there
BROKEN_GIF = GIF[:13] + b"\x21\xf9\x04garbage, not LZW data"
# a GIF whose screen is 30000 × 30000 pixels: 3.6 GB once decoded
HUGE_GIF = GIF[:6] + struct.pack("<HH", 30000, 30000) + GIF[10:]


def pics():
    doc = docx.Document()
    para(doc, "西塘镇文化广场落成", 22, True, None, WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "西塘镇文化广场近日落成，广场设有健身区和阅报栏。")
    doc.add_picture(io.BytesIO(GIF))
    para(doc, "图为广场一角。")
    doc.add_picture(io.BytesIO(png(8, 6, corrupt=True)))
    para(doc, "广场每天傍晚开放灯光。")
    doc.add_picture(io.BytesIO(png(8, 6)))
    para(doc, "镇里将在广场定期举办文艺演出。")
    doc.add_picture(io.BytesIO(BMP))
    para(doc, "广场东侧的阅报栏。")
    doc.add_picture(io.BytesIO(BROKEN_GIF))
    para(doc, "广场西侧的健身区。")
    doc.add_picture(io.BytesIO(HUGE_GIF))
    para(doc, "广场全景。")
    path = out + "/pics.docx"
    doc.save(path)

    def fn(name, data):
        if name == "word/document.xml":	# WPS's default alt text on the last
            s = data.decode("utf-8")
            ids = re.findall(r'<wp:docPr id="(\d+)" name="[^"]*"', s)
            s = re.sub(r'(<wp:docPr id="%s" name="[^"]*")' % ids[-1], r'\1 descr="IMG_256"', s)
            return s.encode("utf-8")
        return None
    patch(path, fn)


def webp_bytes(w, h, rgb):
    """A lossless WebP of one colour, encoded by libwebp itself, or None."""
    import ctypes
    import ctypes.util
    name = ctypes.util.find_library("webp") or "libwebp.so.7"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.WebPEncodeLosslessRGB.restype = ctypes.c_size_t
    lib.WebPEncodeLosslessRGB.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_int,
                                          ctypes.c_int, ctypes.POINTER(ctypes.c_void_p)]
    outp = ctypes.c_void_p()
    n = lib.WebPEncodeLosslessRGB(bytes(rgb) * (w * h), w, h, 3 * w, ctypes.byref(outp))
    data = ctypes.string_at(outp, n) if n else None
    if outp:
        lib.WebPFree(outp)
    return data


def webp():
    data = webp_bytes(3, 2, (0x22, 0xaa, 0x44))
    if data is None:
        return
    doc = docx.Document()
    para(doc, "南湖公园新栽的樱花开了", 22, True, None, WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "南湖公园去年冬天新栽的樱花本周陆续开放。")
    doc.add_picture(io.BytesIO(png(3, 2)))
    para(doc, "图为湖边的樱花林。")
    path = out + "/webp.docx"
    doc.save(path)
    # the picture's part becomes a .webp of WebP bytes, its relationship
    # and content type with it, as WPS writes a pasted WebP
    src = zipfile.ZipFile(path)
    items = [(i.filename, src.read(i.filename)) for i in src.infolist()]
    src.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in items:
            if name == "word/media/image1.png":
                name, body = "word/media/image1.webp", data
            elif name == "word/_rels/document.xml.rels":
                body = body.replace(b"media/image1.png", b"media/image1.webp")
            elif name == "[Content_Types].xml":
                body = body.replace(b"</Types>", b'<Default Extension="webp" '
                                    b'ContentType="image/webp"/></Types>')
            z.writestr(name, body)


def plain():
    doc = docx.Document()
    for t in ["东岚区志愿者人数增长", "今年东岚区注册志愿者人数比上年增长明显。",
              "1.5倍的增长", "社区服务项目", "新增的志愿者主要服务于社区。"]:
        para(doc, t, 14)
    doc.save(out + "/plain.docx")


def table():
    doc = docx.Document()
    para(doc, "青禾县志愿服务站点一览", 22, True, None, WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "全县志愿服务站点的分布如下表。")
    t = doc.add_table(rows=3, cols=4)
    rows = [["片区", "站点", "服务内容", ""], ["城区", "柳荫站", "助老、助残", ""],
            ["", "南湖站", "图书漂流", ""]]
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            if text:
                t.cell(i, j).text = text
        t.cell(i, 2).merge(t.cell(i, 3))
    t.cell(1, 0).merge(t.cell(2, 0))
    para(doc, "各站点每周开放五天。")
    doc.save(out + "/table.docx")


wps()
plain()
table()
news()
two()
decimal()
notes()
pics()
webp()
