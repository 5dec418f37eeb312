#!/usr/bin/env python3
"""pdfa_check.py -- the PDF/A-2b rules PDFBox Preflight (a PDF/A-1b validator)
does not apply to a file that claims part 2, checked on the objects qpdf reads.

Usage: pdfa_check.py [--claim] FILE...

For each FILE, qpdf --json gives every object; these rules are checked:
trailer /ID of two strings and no /Encrypt; a page transparency group only
on a page whose pictures have soft masks; every annotation printed (/F bit
3, not hidden); every font embedded
(FontFile, FontFile2 or FontFile3 in its descriptor) and a TrueType CID
font's CIDToGIDMap written; no JavaScript, embedded files or LZW.  With
--claim also the claim itself: XMP metadata that parses, pdfaid:part 2 and
conformance B, dc:title, dc:creator, xmp:CreatorTool, pdf:Producer,
xmp:CreateDate and xmp:ModifyDate equal to the information dictionary's
entries, and an sRGB output intent (GTS_PDFA1) whose profile is an ICC RGB
profile of version 2 or 4; no image /Interpolate true; PDF 1.7 at most.
Prints "ok - FILE" or "not ok - FILE: RULE" for
each file; exits 1 when one fails, 2 when qpdf cannot read one.
"""
import base64
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

NS = {
    'rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    'dc': 'http://purl.org/dc/elements/1.1/',
    'xmp': 'http://ns.adobe.com/xap/1.0/',
    'pdf': 'http://ns.adobe.com/pdf/1.3/',
    'pdfaid': 'http://www.aiim.org/pdfa/ns/id/',
}


def objects(path):
    out = subprocess.run(['qpdf', '--json=2', '--json-key=qpdf',
                          '--json-stream-data=inline',
                          '--decode-level=generalized', path],
                         capture_output=True, check=True).stdout
    head, objs = json.loads(out)['qpdf']
    return head, objs


class Doc:
    def __init__(self, path):
        self.head, self.objs = objects(path)
        self.trailer = self.objs['trailer']['value']

    def get(self, v):
        """The value v stands for: an indirect reference resolved."""
        if isinstance(v, str) and re.fullmatch(r'\d+ \d+ R', v):
            o = self.objs.get('obj:' + v, {})
            if 'stream' in o:
                return o['stream']['dict']
            return o.get('value')
        return v

    def data(self, ref):
        return base64.b64decode(self.objs['obj:' + ref]['stream']['data'])

    def each(self):
        for k, o in self.objs.items():
            if k.startswith('obj:'):
                yield o['stream']['dict'] if 'stream' in o else o.get('value')


def text(v):
    """A PDF string from qpdf's JSON ("u:…" or "b:hex") as text."""
    if v.startswith('u:'):
        return v[2:]
    raw = bytes.fromhex(v[2:])
    if raw.startswith(b'\xfe\xff'):
        return raw[2:].decode('utf-16-be')
    return raw.decode('latin-1')


def xmp_date(pdfdate):
    """D:YYYYMMDDHHmmSS[Z] as the XMP date it must equal."""
    m = re.fullmatch(r'D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z?)', pdfdate)
    if not m:
        return None
    y, mo, d, h, mi, s, z = m.groups()
    return f'{y}-{mo}-{d}T{h}:{mi}:{s}{z}'


def structure(doc):
    """The rules every file keeps, claim or not."""
    bad = []
    ids = doc.trailer.get('/ID')
    if not (isinstance(ids, list) and len(ids) == 2):
        bad.append('trailer /ID')
    if '/Encrypt' in doc.trailer:
        bad.append('encrypted')
    root = doc.get(doc.trailer['/Root'])
    for k in ('/AA', '/OpenAction'):
        if k in root:
            bad.append('catalog ' + k)
    names = doc.get(root.get('/Names')) or {}
    for k in ('/JavaScript', '/EmbeddedFiles'):
        if k in names:
            bad.append('names ' + k)
    for o in doc.each():
        if not isinstance(o, dict):
            continue
        t = o.get('/Type')
        st = o.get('/Subtype')
        if t == '/Page':
            xo = doc.get(doc.get(o.get('/Resources', {})).get('/XObject')) or {}
            masks = any('/SMask' in doc.get(x) for x in xo.values())
            if '/Group' in o and not masks:
                bad.append('page transparency group without transparency')
            for a in doc.get(o.get('/Annots')) or []:
                f = doc.get(a).get('/F', 0)
                if not f & 4 or f & (1 | 2 | 32):
                    bad.append('annotation not printed')
        if '/LZWDecode' in json.dumps(o.get('/Filter', '')):
            bad.append('LZW')
        if t == '/Font' and st in ('/TrueType', '/Type1', '/CIDFontType0',
                                   '/CIDFontType2', '/MMType1'):
            fd = doc.get(o.get('/FontDescriptor')) or {}
            if not any(k in fd for k in ('/FontFile', '/FontFile2',
                                         '/FontFile3')):
                bad.append('font not embedded: ' + str(o.get('/BaseFont')))
            if st == '/CIDFontType2' and '/CIDToGIDMap' not in o:
                bad.append('CIDToGIDMap missing: ' + str(o.get('/BaseFont')))
        if t == '/Font' and st == '/Type3':
            bad.append('Type 3 font')
    return bad


def claim(doc):
    """The PDF/A-2b claim: XMP as the information dictionary, output intent."""
    bad = []
    root = doc.get(doc.trailer['/Root'])
    info = doc.get(doc.trailer.get('/Info')) or {}
    if '/Metadata' not in root:
        return ['no XMP metadata']
    xmp = doc.data(root['/Metadata'])
    try:
        desc = ET.fromstring(xmp.split(b'?>', 1)[1].rsplit(b'<?xpacket', 1)[0])
    except (ET.ParseError, IndexError):
        return ['XMP does not parse']

    def one(path):
        e = desc.find('.//' + path, NS)
        return e.text if e is not None else None
    if one('pdfaid:part') != '2' or one('pdfaid:conformance') != 'B':
        bad.append('pdfaid part 2 conformance B')
    pairs = [('dc:title/rdf:Alt/rdf:li', '/Title', text),
             ('dc:creator/rdf:Seq/rdf:li', '/Author', text),
             ('xmp:CreatorTool', '/Creator', text),
             ('pdf:Producer', '/Producer', text),
             ('xmp:CreateDate', '/CreationDate', lambda v: xmp_date(text(v))),
             ('xmp:ModifyDate', '/ModDate', lambda v: xmp_date(text(v)))]
    for path, key, conv in pairs:
        want = conv(info[key]) if key in info else None
        if one(path) != want:
            bad.append(f'XMP {path} {one(path)!r} != {key} {want!r}')
    intents = doc.get(root.get('/OutputIntents')) or []
    srgb = [doc.get(i) for i in intents
            if doc.get(i).get('/S') == '/GTS_PDFA1']
    if len(srgb) != 1:
        bad.append('one GTS_PDFA1 output intent')
    else:
        ref = srgb[0].get('/DestOutputProfile')
        icc = doc.data(ref) if ref else b''
        if (doc.get(ref) or {}).get('/N') != 3 or icc[36:40] != b'acsp' \
                or icc[16:20] != b'RGB ' or icc[8] not in (2, 4):
            bad.append('output intent profile is not an ICC RGB profile')
    if any(isinstance(o, dict) and o.get('/Subtype') == '/Image'
           and o.get('/Interpolate') is True for o in doc.each()):
        bad.append('image /Interpolate true')
    if float(doc.head['pdfversion']) > 1.7:
        bad.append('PDF version above 1.7')
    return bad


def main(argv):
    want_claim = '--claim' in argv
    status = 0
    for path in [a for a in argv if a != '--claim']:
        try:
            doc = Doc(path)
        except (subprocess.CalledProcessError, ValueError, OSError) as e:
            print(f'not ok - {path}: qpdf cannot read it ({e})')
            return 2
        bad = structure(doc) + (claim(doc) if want_claim else [])
        if bad:
            status = 1
            print(f'not ok - {path}: ' + '; '.join(sorted(set(bad))))
        else:
            print(f'ok - {path}')
    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
