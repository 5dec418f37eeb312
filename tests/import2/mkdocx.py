#!/usr/bin/python3
# mkdocx.py -- Word files for t_import2.sh, made with python-docx (never with jianbao).
# Usage: mkdocx.py OUTDIR JPEG
#   styles.docx  Title / Heading 1 / Heading 2 / 标题 3-like names, bold leads,
#                numbering from numbering.xml (一、 and 1.), a table, a JPEG
#                with alt text and a caption, tracked changes, a comment
#   direct.docx  no heading styles: a centred larger title, bold 一、 lines
#   frame.docx   a one-row table framing a notice, a header over empty rows,
#                a link to a page outside
#   whole.docx   a whole past issue: a centred masthead, an 编者按, an
#                article, the 报尾 in a table
#   outline.docx a style based on Title, a style named 标题 1 with a numeric
#                id as WPS writes them, an outline level set on a paragraph,
#                a plain 二、 line
import copy
import sys

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, Mm
from docx.enum.text import WD_ALIGN_PARAGRAPH

out, jpeg = sys.argv[1], sys.argv[2]
W = nsdecls("w")


def numbering(doc):
    """An abstractNum with 一、 at level 0 and 1. at level 1; its num id."""
    part = doc.part.numbering_part.element
    part.insert(0, parse_xml(
        '<w:abstractNum %s w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%%1、"/><w:suff w:val="nothing"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%%2."/><w:suff w:val="nothing"/></w:lvl>'
        '</w:abstractNum>' % W))
    part.append(parse_xml(
        '<w:num %s w:numId="90"><w:abstractNumId w:val="90"/></w:num>' % W))
    return 90


def number(p, num, lvl):
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(
        '<w:numPr %s><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>'
        % (W, lvl, num)))


def styles():
    doc = docx.Document()
    num = numbering(doc)
    doc.add_paragraph("云岭市扎实推进新时代文明实践中心建设", style="Title")
    doc.add_paragraph("今年以来，云岭市把新时代文明实践中心建设作为宣传思想文化工作的重点任务，"
                      "统筹各方资源，推动文明实践阵地向基层延伸。")
    h = doc.add_paragraph("健全工作机制", style="Heading 1")
    number(h, num, 0)
    p = doc.add_paragraph()
    p.add_run("坚持高位推动。").bold = True
    p.add_run("市委常委会专题研究文明实践工作，建立市、区、街道三级联席会议制度，"
              "每季度召开一次调度会。")
    p = doc.add_paragraph("\u3000\u3000各区成立文明实践中心，街道成立文明实践所，社区设立文明实践站，"
                          "形成上下联动的工作格局。")
    for t in ["建立志愿服务项目库，现有项目二百一十个；", "开展“点单、派单、接单、评单”服务。"]:
        p = doc.add_paragraph(t)
        number(p, num, 1)
    h = doc.add_paragraph("打造特色品牌", style="Heading 1")
    number(h, num, 0)
    doc.add_paragraph("重点项目", style="Heading 2")
    t = doc.add_table(rows=3, cols=3)
    for r, row in enumerate([["区名", "实践站数", "志愿者人数"],
                             ["东岚区", "36", "5200"],
                             ["南湖区", "41", "6100"]]):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    doc.add_paragraph()
    doc.add_picture(jpeg, width=Mm(60))
    # alt text, as Word writes it
    pics = doc.element.body.findall(".//" + qn("wp:docPr"))
    pics[-1].set("descr", "志愿者在社区文明实践站为老人测量血压")
    doc.add_paragraph("图为东岚区柳荫社区文明实践站。")
    doc.add_paragraph("（唐晓　摄）")
    # tracked changes: one insertion, one deletion
    p = doc.add_paragraph("全市已建成文明实践站")
    p._p.append(parse_xml(
        '<w:ins %s w:id="1" w:author="编辑" w:date="2026-03-01T00:00:00Z">'
        '<w:r><w:t>三百余个</w:t></w:r></w:ins>' % W))
    p._p.append(parse_xml(
        '<w:del %s w:id="2" w:author="编辑" w:date="2026-03-01T00:00:00Z">'
        '<w:r><w:delText>两百个</w:delText></w:r></w:del>' % W))
    p.add_run("，覆盖率达到百分之百。")
    doc.add_paragraph("（云岭市文明办）")
    doc.save(out + "/styles.docx")


def direct():
    doc = docx.Document()
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("青禾县开展“文明集市”\n创建活动")  # broken by hand: one title
    r.font.size = Pt(22)
    doc.add_paragraph("青禾县以农村集市为切入点，开展“文明集市”创建活动，"
                      "集市面貌明显改观。")
    p = doc.add_paragraph()
    p.add_run("一、划定经营区域").bold = True
    doc.add_paragraph("按照“疏堵结合”的原则，划定蔬菜、禽肉、日杂等经营区域，"
                      "设置临时停车点四处。")
    p = doc.add_paragraph()
    p.add_run("二、组建志愿队伍").bold = True
    doc.add_paragraph("组织乡镇干部和志愿者在集日开展劝导，累计劝导占道经营一百二十余次。")
    doc.save(out + "/direct.docx")


def outline():
    from docx.enum.style import WD_STYLE_TYPE
    doc = docx.Document()
    own = doc.styles.add_style("报告标题", WD_STYLE_TYPE.PARAGRAPH)
    own.base_style = doc.styles["Title"]
    local = doc.styles.add_style("标题 1", WD_STYLE_TYPE.PARAGRAPH)
    local.element.set(qn("w:styleId"), "12")
    doc.add_paragraph("云岭市志愿服务站点建设情况", style="报告标题")
    doc.add_paragraph("全市已建成志愿服务站点四百余个，覆盖所有城市社区。")
    doc.add_paragraph("一、建设情况", style="标题 1")
    p = doc.add_paragraph("（一）站点布局")
    p._p.get_or_add_pPr().append(parse_xml('<w:outlineLvl %s w:val="1"/>' % W))
    doc.add_paragraph("站点按照十五分钟服务圈布局，方便群众就近参与。")
    doc.add_paragraph("二、下一步打算")	# no style, no bold: its number says it
    doc.add_paragraph("继续完善站点功能，提升服务水平。")
    doc.save(out + "/outline.docx")


def whole():
    doc = docx.Document()
    for t, size in (("创建工作动态", 36), ("第 7 期（总第 52 期）", 16)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(t)
        r.font.size = Pt(size)
        r.bold = size > 20
    doc.add_paragraph("青川市创建办\t2024年5月20日")
    doc.add_paragraph("编者按：本期刊发南湖社区的做法，供各地参考。")
    doc.add_paragraph("南湖社区开展邻里节", style="Heading 1")
    doc.add_paragraph("本报讯　5月10日，南湖社区举办邻里节，居民三百余人参加。")
    # the 报尾 in a table, as 公文 templates set it: 报 and 发 in one cell
    t = doc.add_table(rows=2, cols=1)
    t.cell(0, 0).text = "报：市委、市政府主要领导。"
    t.cell(0, 0).add_paragraph("发：各区（县）创建办。")
    t.cell(1, 0).text = "审核：周明远　校对：钱晓云　编辑：孙立"
    doc.save(out + "/whole.docx")


def frame():
    doc = docx.Document()
    doc.add_paragraph("青禾县开展文明祭扫宣传", style="Title")
    doc.add_paragraph("本报讯　清明节前，青禾县在各公墓开展文明祭扫宣传。")
    t = doc.add_table(rows=1, cols=1)
    t.cell(0, 0).text = "文明祭扫，绿色清明。"
    t = doc.add_table(rows=3, cols=2)
    t.cell(0, 0).text = "公墓"
    t.cell(0, 1).text = "劝导人次"
    # a link to a page outside, as Word writes one
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    rid = doc.part.relate_to("https://example.org/wenming?id=1", RT.HYPERLINK,
                             is_external=True)
    p = doc.add_paragraph("详见")
    p._p.append(parse_xml(
        '<w:hyperlink %s xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships" r:id="%s"><w:r><w:t>青禾文明网</w:t></w:r></w:hyperlink>'
        % (W, rid)))
    p.add_run("。")
    doc.add_paragraph("（青禾县文明办）")
    doc.save(out + "/frame.docx")


styles()
direct()
outline()
whole()
frame()
