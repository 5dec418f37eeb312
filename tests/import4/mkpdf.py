#!/usr/bin/python3
# mkpdf.py -- the PDF submissions of t_import4.sh, written for the tests:
#   gongwen.docx (python-docx: a title, 一、 sections, long paragraphs over
#   three pages, a running head and a "- N -" page number in the footer),
#   which the test turns into gongwen.pdf with LibreOffice; scan.pdf, a page
#   with a picture and no text layer, as a scanner makes it, written here.
import sys
import zlib

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

out = sys.argv[1]

PARAS = [
    "今年以来，青禾县坚持把为民办实事作为检验工作成效的重要标尺，围绕群众最关心的出行、就医、上学等问题，"
    "逐项列出清单，明确责任单位和完成时限，做到件件有着落、事事有回音，群众的获得感不断增强。",
    "县交通运输局会同各乡镇对农村公路进行全面排查，新修和改造通村道路四十二公里，新增城乡公交线路三条，"
    "在偏远村组设置招呼站十六个，使沿线两万多名群众出门就能坐上公交车，赶集看病更加方便。",
    "县卫生健康局推动县级医院专家定期下沉乡镇卫生院坐诊，开通远程会诊系统，建立家庭医生签约服务团队，"
    "为六十五岁以上老年人开展免费健康体检，累计服务群众一万余人次，基层首诊率明显提高。",
    "县教育局新建和改扩建学校五所，增加学位一千二百个，开展课后延时服务，组织教师结对帮扶薄弱学校，"
    "实施营养改善计划，让农村孩子在家门口就能享受到更加公平而有质量的教育。",
]
HEADS = ["一、聚焦出行难，畅通城乡路网", "二、聚焦看病难，提升医疗服务", "三、聚焦上学难，扩大教育资源"]


def page_field(par, before, after):
    par.add_run(before)
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    par._p.append(fld)
    par.add_run(after)


doc = Document()
st = doc.styles["Normal"]
st.font.size = Pt(16)
st.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Serif CJK SC")
sec = doc.sections[0]
sec.header.paragraphs[0].text = "青禾县政务信息"
page_field(sec.footer.paragraphs[0], "- ", " -")
doc.add_paragraph("青禾县扎实推进民生实事项目落地见效").alignment = 1
for k, h in enumerate(HEADS):
    doc.add_paragraph(h)
    for p in PARAS:
        doc.add_paragraph(p)
doc.save(out + "/gongwen.docx")
st.paragraph_format.first_line_indent = Pt(32)
doc.save(out + "/indent.docx")

# scan.pdf: one page, one 8x8 grey picture, no text at all
pix = zlib.compress(bytes((x * 29 + y * 7) % 256 for y in range(8) for x in range(8)))
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    b"/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
    b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(pix) + pix + b"\nendstream",
]
content = b"q 500 0 0 700 47 71 cm /Im1 Do Q"
objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
pdf = bytearray(b"%PDF-1.4\n")
offs = []
for i, o in enumerate(objs):
    offs.append(len(pdf))
    pdf += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
xref = len(pdf)
pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs:
    pdf += b"%010d 00000 n \n" % o
pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(out + "/scan.pdf", "wb").write(pdf)
