#!/usr/bin/python3
"""readback.py -- a DOCX edition read back by python-docx and pandoc.

Usage: readback.py NAME ISSUE.docx EDITION.pdf DUMP
Checks that the text python-docx and pandoc read is the print edition's
text (the same characters, as many of each), that paragraphs carry the
styles and faces the issue's parts call for, that the 刊名 is red and
that the core properties are set.  Prints ok/not ok lines.
"""
import collections
import re
import subprocess
import sys

import docx
from docx.oxml.ns import qn

name, path, edition, dump = sys.argv[1:5]
dumptext = open(dump, encoding='utf-8').read()


def report(what, cond, detail=''):
    print(('ok - ' if cond else 'not ok - ') + name + ': ' + what +
          ('' if cond or not detail else ' (' + detail + ')'))


def chars(s):
    return collections.Counter(c for c in s if not c.isspace())


def diff(a, b):
    return 'more: %s; fewer: %s' % (''.join(sorted((a - b).elements()))[:40],
                                   ''.join(sorted((b - a).elements()))[:40])


d = docx.Document(path)
body = d.element.body


def paragraphs():
    """Every paragraph of the body in reading order, tables included."""
    for p in body.iter(qn('w:p')):
        yield docx.text.paragraph.Paragraph(p, d)


paras = list(paragraphs())


def text(p):
    """A paragraph's text, links included (Paragraph.text of python-docx
    0.8.11 leaves out what w:hyperlink holds)."""
    return ''.join(t.text or '' for t in p._p.iter(qn('w:t')))


# The print edition's text, without its folios, nor the 续表N line over a
# table's header on the pages it runs on to (Word repeats the header only).
pdf = subprocess.run(['pdftotext', edition, '-'], capture_output=True,
                     check=True, text=True).stdout
pdf = re.sub(r'^—\s*\d+\s*—$', '', pdf, flags=re.M)
pdf = re.sub(r'^(\f?)[续續]表\S+$', r'\1', pdf, flags=re.M)
want = chars(pdf)

# Print sets a table's header again on each page the table runs on to.
heads = [chars(''.join(re.findall(r'"(.*?)"', h))) for h in
         re.findall(r'^ +\d+:\d+ head (.*)$', dumptext, re.M)]


def same(got, want):
    """got is want, but for headers print repeated."""
    if got - want:
        return False
    rest = want - got
    for h in heads:
        while h and not (h - rest):
            rest -= h
    return not rest


got = chars(''.join(text(p) for p in paras))
report('python-docx reads the print edition\'s %d characters' %
       sum(want.values()), same(got, want), diff(got, want))
plain = subprocess.run(['pandoc', '-f', 'docx', '-t', 'plain',
                        '--wrap=none', path], capture_output=True,
                       check=True, text=True).stdout
# The 报尾 and photo rows are tables: pandoc draws them with + - | and =,
# a simple table's rules with - alone.
plain = re.sub(r'^[+|].*$', lambda m: re.sub(r'^[+|=-]+$|[|]', '',
               m.group(0)) if re.fullmatch(r'[+=-]+', m.group(0)) is None
               else '', plain, flags=re.M)
# A picture reads as [its alt text].
for alt in re.findall(r' alt="(.*?)"', dumptext):
    plain = plain.replace('[' + alt + ']', '', 1)
plain = re.sub(r'^[ -]*-[ -]*$', '', plain, flags=re.M)
got = chars(plain)
report('pandoc reads the same characters', same(got, want), diff(got, want))

# Styles: the parts of the issue in their styles, named in Chinese.
by_style = collections.defaultdict(list)
for p in paras:
    by_style[p.style.name].append(re.sub(r'\s', '', text(p)))
titles = [re.sub(r'\s', '', t) for t in
          re.findall(r'^  title "(.*)"$', dumptext, re.M)]
report('titles in 文章标题', by_style['文章标题'] == titles,
       '%s' % by_style['文章标题'])
for key, style in (('kicker', '引题'), ('subtitle', '副题')):
    want_k = [re.sub(r'\s', '', t) for t in
              re.findall(r'^  %s "(.*)"$' % key, dumptext, re.M)]
    report('%d %s in %s' % (len(want_k), key, style),
           by_style[style] == want_k, '%s' % by_style[style])
for level, style in ((1, '一级标题'), (2, '二级标题')):
    n = len(re.findall(r'^ +\d+:\d+ heading %d ' % level, dumptext, re.M))
    report('%d level-%d headings in %s' % (n, level, style),
           len(by_style[style]) == n)
n = len(re.findall(r' byline ', dumptext))
report('%d bylines in 作者署名' % n, len(by_style['作者署名']) == n)
n = len(re.findall(r' credit="', dumptext))
report('%d photo credits in 摄影署名' % n, len(by_style['摄影署名']) == n)
n = len(re.findall(r'^ +\d+:\d+ item ', dumptext, re.M))
report('%d ★ items in 简讯' % n, len(by_style['简讯']) == n and
       all(t.startswith('★') for t in by_style['简讯']))

# Faces: the east Asian face of each style, Times New Roman for Latin,
# never a theme font.
hant = 'lang=zh-Hant' in dumptext.splitlines()[0]
# The body is Word's Normal (正文 in a Chinese Word).
faces = {'Normal': '新細明體' if hant else '仿宋_GB2312',
         '文章标题': '新細明體' if hant else '方正小标宋简体',
         '刊名': '新細明體' if hant else '方正小标宋简体',
         '一级标题': '微軟正黑體' if hant else '黑体',
         '二级标题': '標楷體' if hant else '楷体_GB2312',
         '作者署名': '標楷體' if hant else '楷体_GB2312',
         '页码': '新細明體' if hant else '宋体'}
bad = []
for sname, face in faces.items():
    rf = d.styles[sname].element.find(qn('w:rPr')).find(qn('w:rFonts'))
    if rf.get(qn('w:eastAsia')) != face:
        bad.append('%s: %s' % (sname, rf.get(qn('w:eastAsia'))))
    latin = face if sname == '页码' else 'Times New Roman'
    if rf.get(qn('w:ascii')) != latin or rf.get(qn('w:hAnsi')) != latin:
        bad.append('%s: Latin %s' % (sname, rf.get(qn('w:ascii'))))
report('styles name the official faces', not bad, '; '.join(bad))
report('the body in Word\'s Normal, the default style',
       d.styles['Normal'].element.get(qn('w:default')) == '1' and
       len(by_style['Normal']) > 0)
xml = subprocess.run(['unzip', '-p', path], capture_output=True,
                     check=True).stdout
report('no theme fonts', re.search(rb'[Tt]heme"', xml) is None and
       b'w:asciiTheme' not in xml)

# The 刊名: red, the series' name.
mast = [p for p in paras if p.style.name == '刊名']
red = d.styles['刊名'].font.color.rgb
report('刊名 in red', len(mast) == 1 and str(red) == 'E60012' and
       all(r.font.color.rgb in (None, red) for r in mast[0].runs),
       '%s' % (red,))

# Core properties.
cp = d.core_properties
head = dumptext.splitlines()[0]
m = re.match(r'doc (\d+)-\S+ name="(.*?)"(?: kind="(.*?)")? (第\S+期) .*'
             r'date=(\S+)', head)
year, series, kind, number, date = m.groups()
org = re.search(r'^org "(.*)"$', dumptext, re.M).group(1)
report('title, author, created', cp.title == '%s %s年%s%s' %
       (series, year, kind or '', number) and cp.author == org and cp.created and
       cp.created.strftime('%Y-%m-%d') == date,
       '%s / %s / %s' % (cp.title, cp.author, cp.created))

# Tables: their header repeated on each page, no row split, the 表题 above.
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
tables = [t for t in body.iter(W + 'tbl') if t.find(W + 'tblPr/' + W +
                                                      'tblpPr') is None]
ruled = [t for t in tables if t.find(W + 'tr/' + W + 'trPr/' + W +
                                     'tblHeader') is not None]
want_t = len(re.findall(r'^ +\d+:\d+ table seq=', dumptext, re.M))
report('%d tables with a repeated header row, no row split' % want_t,
       len(ruled) == want_t and
       all(r.find(W + 'trPr/' + W + 'cantSplit') is not None
           for t in ruled for r in t.findall(W + 'tr')))
want_c = len(re.findall(r' table seq=.* caption=', dumptext))
report('%d 表题 in their style' % want_c, len(by_style['表题']) == want_c)
