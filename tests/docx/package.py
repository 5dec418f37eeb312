#!/usr/bin/python3
"""package.py -- a DOCX edition as an OPC package, checked part by part.

Usage: package.py NAME ISSUE.docx DUMP ISSUEDIR
Every XML part parses with xmllint; every relationship's target is a part
of the package; every part has a content type and every override names a
part; no entry uses a data descriptor or Zip64; the pictures are the
issue's files byte for byte, JPEG kept as JPEG.  Prints ok/not ok lines.
"""
import os
import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

name, path, dump, issuedir = sys.argv[1:5]
dumptext = open(dump, encoding='utf-8').read()


def report(what, cond, detail=''):
    print(('ok - ' if cond else 'not ok - ') + name + ': ' + what +
          ('' if cond or not detail else ' (' + detail + ')'))


z = zipfile.ZipFile(path)
infos = z.infolist()
names = [i.filename for i in infos]

bad = []
for n in names:
    if n.endswith('.xml') or n.endswith('.rels'):
        r = subprocess.run(['xmllint', '--noout', '-'], input=z.read(n),
                           capture_output=True)
        if r.returncode != 0:
            bad.append(n)
report('%d XML parts parse with xmllint' %
       sum(n.endswith(('.xml', '.rels')) for n in names), not bad,
       ', '.join(bad))

RELNS = '{http://schemas.openxmlformats.org/package/2006/relationships}'
missing = []
for n in names:
    if not n.endswith('.rels'):
        continue
    source = posixpath.dirname(posixpath.dirname(n))
    for rel in ET.fromstring(z.read(n)).iter(RELNS + 'Relationship'):
        if rel.get('TargetMode') == 'External':
            continue
        target = posixpath.normpath(posixpath.join(source, rel.get('Target')))
        if target not in names:
            missing.append('%s → %s' % (n, target))
report('every relationship target is a part', not missing,
       ', '.join(missing))

CTNS = '{http://schemas.openxmlformats.org/package/2006/content-types}'
types = ET.fromstring(z.read('[Content_Types].xml'))
defaults = {d.get('Extension').lower() for d in types.iter(CTNS + 'Default')}
overrides = {o.get('PartName').lstrip('/') for o in
             types.iter(CTNS + 'Override')}
untyped = [n for n in names if n != '[Content_Types].xml' and
           n not in overrides and n.rsplit('.', 1)[-1].lower() not in defaults]
report('content types cover every part', not untyped, ', '.join(untyped))
report('every override names a part', overrides <= set(names),
       ', '.join(sorted(overrides - set(names))))
report('main document, styles, footers, core properties present',
       {'word/document.xml', 'word/styles.xml', 'word/settings.xml',
        'word/fontTable.xml', 'word/footer1.xml', 'word/footer2.xml',
        'docProps/core.xml', 'docProps/app.xml'} <= set(names))

report('no data descriptors, no Zip64, deflate or stored',
       all(i.flag_bits & 0x08 == 0 and i.compress_type in (0, 8) and
           i.file_size < 0xFFFFFFFF and not i.extra for i in infos))
report('entries dated alike', len({i.date_time for i in infos}) == 1)

srcs = re.findall(r' image src=(\S+) ', dumptext)
media = {z.read(n) for n in names if n.startswith('word/media/')}
lost = [s for s in srcs
        if open(os.path.join(issuedir, s), 'rb').read() not in media]
report('%d pictures embedded as they are' % len(srcs), not lost,
       ', '.join(lost))
jpegs = [n for n in names if n.startswith('word/media/') and
         z.read(n)[:3] == b'\xff\xd8\xff']
report('JPEG pictures stored as .jpeg, not recompressed',
       all(n.endswith('.jpeg') and z.getinfo(n).compress_type == 0
           for n in jpegs))
