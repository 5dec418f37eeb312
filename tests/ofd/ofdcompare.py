#!/usr/bin/env python3
# ofdcompare.py -- judge an OFD edition against the PDF of the same issue:
# the package read with zipfile and ElementTree, its fonts with fontTools,
# the PDF with poppler (pdfinfo, pdftotext).  One verdict line per check
# ("ok - ..." / "not ok - ..."), as tests/lib.sh prints them.
#   ofdcompare.py NAME FILE.ofd FILE.pdf ARTICLES [OFDCHECK.json]
# ARTICLES is the number of articles (outline entries wanted); with the
# JSON of ../shared/tools/ofdcheck (run with --chars), the text and the
# character positions that ofd.js rendered are judged too.  NAME starts
# every verdict.
import json
import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
import zlib
from io import BytesIO

NS = "{http://www.ofdspec.org/2016}"
MM = 25.4 / 72
TOL = 0.1  # mm
fails = 0
LABEL = ""


def verdict(ok, name, why=""):
    global fails
    name = LABEL + ": " + name
    if ok:
        print("ok - " + name)
    else:
        fails += 1
        print("not ok - " + name)
        if why:
            print("# " + why[:2000].replace("\n", "\n# "))


def deltas(s, n):
    """The n offsets of a DeltaX/DeltaY list, 'g N v' expanded."""
    out, t, i = [], (s or "").split(" "), 0
    while i < len(t):
        if t[i] == "g":
            out += [float(t[i + 2])] * int(t[i + 1])
            i += 3
        elif t[i] != "":
            out.append(float(t[i]))
            i += 1
        else:
            i += 1
    return out


def nums(s):
    return [float(v) for v in s.split()]


class Ofd:
    def __init__(self, path):
        self.z = zipfile.ZipFile(path)
        self.names = [i.filename for i in self.z.infolist()]
        self.missing = []
        root = self.xml("OFD.xml")
        self.ofd = root
        self.docroot = root.find(NS + "DocBody/" + NS + "DocRoot").text
        self.doc = self.xml(self.docroot)
        self.base = posixpath.dirname(self.docroot)
        cd = self.doc.find(NS + "CommonData")
        self.fonts = {}
        for loc in cd.findall(NS + "PublicRes") + cd.findall(NS + "DocumentRes"):
            p = posixpath.join(self.base, loc.text)
            res = self.xml(p)
            rb = posixpath.join(posixpath.dirname(p), res.get("BaseLoc", ""))
            for f in res.iter(NS + "Font"):
                ff = f.find(NS + "FontFile")
                self.fonts[f.get("ID")] = (f, posixpath.join(rb, ff.text) if ff is not None else None)
            for m in res.iter(NS + "MultiMedia"):
                self.need(posixpath.join(rb, m.find(NS + "MediaFile").text))
        self.pages = []
        for pg in self.doc.find(NS + "Pages").findall(NS + "Page"):
            p = posixpath.join(self.base, pg.get("BaseLoc"))
            self.pages.append((pg.get("ID"), self.xml(p)))

    def need(self, name):
        if name not in self.names:
            self.missing.append(name)
        return name

    def xml(self, name):
        return ET.fromstring(self.z.read(self.need(name)))

    def chars(self, page):
        """[(char, x, y, font id, turned)] of a page, origins in mm, in
        content order."""
        out = []
        for t in page.iter(NS + "TextObject"):
            bx, by = nums(t.get("Boundary"))[:2]
            a, b, c, d, e, f = nums(t.get("CTM", "1 0 0 1 0 0"))
            for tc in t.findall(NS + "TextCode"):
                text = tc.text or ""
                x, y = float(tc.get("X")), float(tc.get("Y"))
                dx = deltas(tc.get("DeltaX"), len(text) - 1)
                dy = deltas(tc.get("DeltaY"), len(text) - 1)
                for i, ch in enumerate(text):
                    out.append((ch, bx + a * x + c * y + e, by + b * x + d * y + f,
                                t.get("Font"), b != 0))
                    if i < len(text) - 1:
                        x += dx[i] if i < len(dx) else 0
                        y += dy[i] if i < len(dy) else 0
        return out


def pdf_pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_text(pdf, n, raw):
    """Each page's text, without white space (pdftotext ends pages with a
    form feed)."""
    args = ["pdftotext"] + (["-raw"] if raw else []) + [pdf, "-"]
    pages = subprocess.run(args, capture_output=True, text=True).stdout.split("\f")
    return [re.sub(r"\s+", "", t) for t in pages[:n]]


def pdf_words(pdf):
    """Per page: [(text, xMin, yMin, yMax, xMax)] in mm."""
    html = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    pages = []
    for pg in html.split("<page ")[1:]:
        w = []
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', pg):
            w.append((m.group(5).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"'),
                      float(m.group(1)) * MM, float(m.group(2)) * MM, float(m.group(4)) * MM,
                      float(m.group(3)) * MM))
        pages.append(w)
    return pages


def match_positions(chars, words):
    """Match each PDF word to the OFD characters at the same place in the
    page's text; returns (errors along the baseline, [(group, distance
    from the box edge to the baseline)], unmatched).  A word turned a
    quarter to the left (a table set across a landscape page) starts at
    its box's bottom and its baseline is measured from the box's right."""
    errs, ys, lost = [], [], []
    used = [False] * len(chars)
    for text, x0, y0, y1, x1 in words:
        best = None
        for i in range(len(chars) - len(text) + 1):
            if used[i] or chars[i][0] != text[0]:
                continue
            if "".join(ch[0] for ch in chars[i:i + len(text)]) != text:
                continue
            if chars[i][4]:
                d = abs(chars[i][2] - y1) + abs(chars[i][1] - x1) / 4
            else:
                d = abs(chars[i][1] - x0) + abs(chars[i][2] - y1) / 4
            if best is None or d < best[0]:
                best = (d, i)
        if best is None:
            lost.append(text)
            continue
        i = best[1]
        used[i] = True
        if chars[i][4]:
            errs.append((abs(chars[i][2] - y1), text))
            ys.append(((chars[i][3], "turned", round(x1 - x0, 2)), x1 - chars[i][1], text))
        else:
            errs.append((abs(chars[i][1] - x0), text))
            ys.append(((chars[i][3], round(y1 - y0, 2)), y1 - chars[i][2], text))
    return errs, ys, lost


def ofdjs(check, pdf, n):
    """The checks of what ofd.js rendered (ofdcheck's JSON)."""
    words = pdf_words(pdf)
    verdict(check.get("ok") and not check.get("errors") and not check.get("warnings"),
            "ofdcheck (ofd.js): no errors, no warnings",
            json.dumps(check.get("errors", []) + check.get("warnings", []), ensure_ascii=False))
    im = check.get("images", {})
    verdict(im.get("declared") == im.get("decoded") == im.get("rendered"),
            "ofd.js decodes every picture (%s of %s)" % (im.get("decoded"), im.get("declared")))
    # OFD-A: the 2016 schema fixes DocType to "OFD"; that finding alone
    # passes (t_ofd.sh checks OFD.xml against the schema allowing OFD-A)
    invalid = [p for p in check.get("schema", {}).get("invalid", [])
               if not (check.get("doctype") == "OFD-A" and p.get("part") == "OFD.xml" and
                       all("'OFD-A' is not an element of the set {'OFD'}" in m for m in p.get("messages", [])))]
    verdict(invalid == [] and check["schema"].get("validated", 0) > 0,
            "ofdcheck: every XML part valid against the schemas" +
            (" (but DocType OFD-A)" if check.get("doctype") == "OFD-A" else ""),
            json.dumps(check.get("schema"), ensure_ascii=False))
    # --embedded-fonts: Chromium drew with the package's own fonts
    web = {k: v for k, v in check.get("rendered_with", {}).items() if k.startswith("ofdcheck-font-")}
    if web:
        fonts = check.get("fonts", [])
        verdict(fonts and all(f.get("chromium_accepts_file") for f in fonts) and
                all(all(name.endswith("(web font)") for name in v) for v in web.values()),
                "Chromium takes every embedded font (%s) and draws with them" %
                ", ".join(sorted({f.get("format", "?") for f in fonts})),
                json.dumps([fonts, web], ensure_ascii=False))
    # the text ofd.js reports line by line, against the PDF's words
    # in lines (box bottoms within 2 mm), each line left to right
    read = []
    for w in words:
        lines, cur = [], []
        for t in sorted(w, key=lambda v: v[3]):
            if cur and t[3] - cur[0][3] > 2:
                lines.append(cur)
                cur = []
            cur.append(t)
        lines += [cur] if cur else []
        read.append("".join(t[0] for ln in lines for t in sorted(ln, key=lambda v: v[1])))
    bad = []
    for i, pg in enumerate(check["page_list"]):
        mine = re.sub(r"\s+", "", "".join(ln["text"] for ln in pg["lines"] if not ln.get("annot")))
        # turned text is read in lines of its own: compared as characters
        turned = any(ln.get("rotate") for ln in pg["lines"])
        if i >= len(read) or (sorted(mine) != sorted(read[i]) if turned else mine != read[i]):
            bad.append("page %d:\n ofd.js %s\n pdftotext %s" % (i + 1, mine[:300], read[i][:300] if i < len(read) else ""))
    verdict(len(check["page_list"]) == n and not bad,
            "text ofd.js renders on every page as pdftotext reads the PDF", "\n".join(bad))
    # where ofd.js drew each character, against the PDF's words
    worst, lost = 0.0, []
    for i, pg in enumerate(check["page_list"]):
        ch = [(c[0], c[1], c[2], None, False) for ln in pg["lines"]
              if not ln.get("annot") and not ln.get("rotate") for c in ln.get("chars", [])]
        # turned lines, one baseline after the other, each upwards
        ch += sorted(((c[0], c[1], c[2], None, True) for ln in pg["lines"]
                      if not ln.get("annot") and ln.get("rotate") for c in ln.get("chars", [])),
                     key=lambda c: (round(c[1], 1), -c[2]))
        errs, ys, l = match_positions(ch, words[i] if i < len(words) else [])
        lost += l
        worst = max([worst] + [e for e, t in errs])
    verdict(not lost and worst <= TOL, "ofd.js draws each word's first glyph within %.1f mm of the PDF's (%.4f)" % (TOL, worst),
            "unmatched words: %s" % lost[:10] if lost else "")


def main():
    global LABEL
    LABEL, ofd_path, pdf, articles = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    check = json.load(open(sys.argv[5])) if len(sys.argv) > 5 else None
    if check is not None:
        ofdjs(check, pdf, pdf_pages(pdf))
        return 1 if fails else 0
    o = Ofd(ofd_path)
    z = o.z.infolist()
    verdict(z[0].filename == "OFD.xml" and not any(i.filename.endswith("/") for i in z)
            and all(not i.filename.startswith("/") for i in z),
            "package: OFD.xml first, no folders, relative names")
    verdict(not o.missing, "package: every part referred to is there", " ".join(o.missing))
    ids = [e.get("ID") for name in o.names if name.endswith(".xml")
           for e in ET.fromstring(o.z.read(name)).iter() if e.get("ID") is not None]
    maxid = int(o.doc.find(NS + "CommonData/" + NS + "MaxUnitID").text)
    verdict(len(ids) == len(set(ids)) and max(int(i) for i in ids) <= maxid,
            "IDs unique, none above MaxUnitID")
    n = pdf_pages(pdf)
    verdict(len(o.pages) == n, "page count %d as the PDF's %d" % (len(o.pages), n))
    ol = o.doc.findall(NS + "Outlines/" + NS + "OutlineElem")
    pids = {p[0] for p in o.pages}
    verdict(len(ol) == articles and all(e.find(".//" + NS + "Dest").get("PageID") in pids for e in ol),
            "outline entries %d = articles %d, each to a page" % (len(ol), articles))
    # 本期要目: its entries go to their articles, as in the PDF
    gotos = [d for _, p in o.pages for t in p.iter(NS + "TextObject")
             for d in t.iter(NS + "Dest")]
    links = open(pdf, "rb").read().count(b"/Subtype /Link")
    verdict(all(d.get("PageID") in pids for d in gotos) and (len(gotos) > 0) == (links > 0),
            "links: %d runs go to a page (the PDF has %d links)" % (len(gotos), links))
    # colours: those the PDF's content streams set (rg) are those the OFD
    # fills with (the masthead's red among them)
    raw_pdf = open(pdf, "rb").read()
    pdf_cols = set()
    for m in re.finditer(rb"stream\r?\n", raw_pdf):
        end = raw_pdf.find(b"endstream", m.end())
        try:
            data = zlib.decompress(raw_pdf[m.end():end])
        except zlib.error:
            continue
        for c in re.finditer(rb"([\d.]+) ([\d.]+) ([\d.]+) rg", data):
            pdf_cols.add(tuple(round(float(v) * 255) for v in c.groups()))
    ofd_cols = {tuple(int(v) for v in e.get("Value").split())
                for _, p in o.pages for e in p.iter(NS + "FillColor")}
    pdf_cols.discard((0, 0, 0))
    ofd_cols.discard((0, 0, 0))
    verdict(pdf_cols == ofd_cols and (230, 0, 18) in ofd_cols,
            "colours as the PDF's, the masthead red 230 0 18 among them",
            "PDF %s, OFD %s" % (sorted(pdf_cols), sorted(ofd_cols)))
    info = o.ofd.find(NS + "DocBody/" + NS + "DocInfo")
    custom = {c.get("Name"): c.text for c in info.iter(NS + "CustomData")}
    verdict(re.fullmatch(r"[0-9a-f]{32}", info.find(NS + "DocID").text or "") is not None
            and "刊名" in custom and "期号" in custom, "DocInfo: DocID, 刊名, 期号")

    # Text: the OFD's characters in content order against the PDF's in
    # content-stream order (pdftotext -raw), page by page.
    raw = pdf_text(pdf, n, True)
    bad = []
    pages = [o.chars(p[1]) for p in o.pages]
    for i, ch in enumerate(pages):
        mine = re.sub(r"\s+", "", "".join(c[0] for c in ch))
        if i >= len(raw) or mine != raw[i]:
            bad.append("page %d:\n ofd %s\n pdf %s" % (i + 1, mine[:200], raw[i][:200] if i < len(raw) else ""))
    verdict(not bad, "text of every page as the PDF's, in order", "\n".join(bad))

    # Positions: every PDF word's first glyph origin within 0.1 mm of the
    # OFD character's; baselines: poppler gives boxes, not baselines, but a
    # word's box bottom lies at the same distance below its baseline for
    # every word of the same font and box height.
    words = pdf_words(pdf)
    worst, lost, spread = 0.0, [], {}
    for i, ch in enumerate(pages):
        errs, ys, l = match_positions(ch, words[i] if i < len(words) else [])
        lost += l
        for e, t in errs:
            if e > worst:
                worst, wt = e, t
        for g, d, t in ys:
            spread.setdefault(g, []).append(d)
    yworst = max((max(v) - min(v) for v in spread.values()), default=0)
    verdict(not lost and worst <= TOL and yworst <= TOL,
            "glyph origins within %.1f mm of the PDF's (x %.4f, baseline %.4f mm)" % (TOL, worst, yworst),
            "unmatched words: %s" % lost[:10] if lost else "")

    # Fonts: every one embedded, a subset, holding every glyph and
    # character the pages ask of it.
    try:
        from fontTools.ttLib import TTFont
    except ImportError:
        print("skip - %s: fonts read back: no fontTools (python3-fonttools)" % LABEL)
    else:
        used, cgt = {}, {}
        for ch in pages:
            for c in ch:
                used.setdefault(c[3], set()).add(c[0])
        for _, p in o.pages:
            for t in p.iter(NS + "TextObject"):
                for g in t.iter(NS + "Glyphs"):
                    cgt.setdefault(t.get("Font"), set()).update(int(v) for v in g.text.split())
        problems = []
        for fid, (f, path) in o.fonts.items():
            if path is None or path not in o.names:
                problems.append("font %s not embedded" % fid)
                continue
            tt = TTFont(BytesIO(o.z.read(path)))
            cmap = tt.getBestCmap() or {}
            ng = tt["maxp"].numGlyphs
            order = tt.getGlyphOrder()
            blank = {cmap.get(ord(c)) for c in used.get(fid, ()) if c.isspace()}
            if "CFF " in tt:
                cs = tt["CFF "].cff[0].CharStrings
                empty = [g for g in cgt.get(fid, ()) if g < ng and g != 0 and
                         order[g] not in blank and
                         cs[order[g]].bytecode is not None and len(cs[order[g]].bytecode) <= 1]
            elif "glyf" in tt:
                empty = [g for g in cgt.get(fid, ()) if g < ng and g != 0 and
                         order[g] not in blank and tt["glyf"][order[g]].numberOfContours == 0]
            else:
                empty = []
            miss_g = [g for g in cgt.get(fid, ()) if g >= ng]
            miss_c = [c for c in used.get(fid, ()) if not c.isspace() and ord(c) not in cmap]
            glyphs_used = len(set().union(*[cgt.get(k, set()) for k, v in o.fonts.items() if v[1] == path]))
            if miss_g or miss_c or empty:
                problems.append("%s (%s): glyphs missing %s, characters missing %s, glyphs empty %s" %
                                (path, f.get("FontName"), miss_g[:5], "".join(miss_c[:10]), empty[:5]))
            if ng > glyphs_used + 16:
                problems.append("%s: %d glyphs for %d used: not a subset" % (path, ng, glyphs_used))
        verdict(not problems and o.fonts, "fonts embedded, subset, holding every glyph and character used",
                "\n".join(problems))

    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
