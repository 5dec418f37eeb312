#!/usr/bin/env python3
# ttfcompare.py -- judge the fonts of an OFD-A package against those of
# the OFD of the same layout.  OFD-A (GB/T 42133-2022 6.2.6) asks for
# embedded subsets with TrueType tables; the OFD embeds CFF cuts.  fontTools
# reads each font of the OFD-A: TrueType outlines (glyf, no CFF) and the
# tables OFD-A names, the same glyphs as the CFF cut with the same
# advances, drawn where the cut draws, every glyph the pages name there.
# FreeType (python3-freetype) renders every glyph from both fonts at 100
# pixels per em (a pixel is 1/100 em) and the pictures must match.  One
# verdict line per check, as tests/lib.sh prints them.  Given several
# issues, a glyph of a face and character drawn for an earlier one is
# not drawn again (the same face's same outline).
#   ttfcompare.py NAME OFD-A.ofd OFD.ofd [NAME OFD-A.ofd OFD.ofd ...]
import ctypes
import io
import posixpath
import sys
import xml.etree.ElementTree as ET
import zipfile

from fontTools.pens.boundsPen import ControlBoundsPen
from fontTools.ttLib import TTFont

NS = "{http://www.ofdspec.org/2016}"
TABLES = {"cmap", "glyf", "loca", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post"}
PPEM = 100
# A pixel's ink differs by at most MAX_PIXEL (of 255) between the two
# renderings, and the outline by MAX_SHIFT pixels on average: the summed
# difference (in whole pixels' ink) over the pixels the CFF outline's edge
# crosses (those neither empty nor full).  A spline 1/1000 em (0.1 px)
# off its cubic stays below both; a glyph moved by 1/200 em does not.
MAX_PIXEL = 96
MAX_SHIFT = 0.1
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


def fonts(z):
    """{Font ID: font file's name in the package}, and the glyph numbers
    each Font's CGTransforms name."""
    doc = ET.fromstring(z.read("Doc_0/Document.xml"))
    files, used = {}, {}
    for loc in doc.iter(NS + "PublicRes"):
        p = posixpath.join("Doc_0", loc.text)
        res = ET.fromstring(z.read(p))
        base = posixpath.join(posixpath.dirname(p), res.get("BaseLoc", ""))
        for f in res.iter(NS + "Font"):
            files[f.get("ID")] = posixpath.join(base, f.find(NS + "FontFile").text)
    for name in z.namelist():
        if name.startswith("Doc_0/Pages/") and name.endswith(".xml"):
            for t in ET.fromstring(z.read(name)).iter(NS + "TextObject"):
                for g in t.iter(NS + "Glyphs"):
                    used.setdefault(t.get("Font"), set()).update(int(v) for v in g.text.split())
    return files, used


def draws(gs, name):
    """Whether the glyph of glyph set gs has an outline (fontTools' own
    reading)."""
    pen = ControlBoundsPen(gs)
    gs[name].draw(pen)
    return pen.bounds is not None


def render(face, g):
    """The glyph drawn by FreeType, unhinted, with its origin: (left,
    top, width, rows, bytes) and its advance in 26.6 pixels."""
    import freetype
    face.load_glyph(g, freetype.FT_LOAD_NO_HINTING | freetype.FT_LOAD_NO_BITMAP |
                    freetype.FT_LOAD_RENDER)
    b = face.glyph.bitmap
    # the bytes as FreeType left them (freetype-py's b.buffer makes a
    # Python list of them at each use)
    raw = ctypes.string_at(b._FT_Bitmap.buffer, b.pitch * b.rows) if b.rows else b""
    rows = b"".join(raw[r * b.pitch:r * b.pitch + b.width] for r in range(b.rows))
    return (face.glyph.bitmap_left, face.glyph.bitmap_top, b.width, b.rows, rows), \
        face.glyph.advance.x


def compare(a, b):
    """(largest difference of one pixel, mean shift of the edge in
    pixels) of two renderings placed at their origins."""
    from PIL import Image, ImageChops, ImageStat
    left = min(a[0], b[0])
    top = max(a[1], b[1])
    w = max(a[0] + a[2], b[0] + b[2]) - left
    h = top - min(a[1] - a[3], b[1] - b[3])
    if w <= 0 or h <= 0:
        return 0, 0.0
    ims = []
    for r in (a, b):
        im = Image.new("L", (w, h))
        if r[2] and r[3]:
            im.paste(Image.frombytes("L", (r[2], r[3]), r[4]), (r[0] - left, top - r[1]))
        ims.append(im)
    d = ImageChops.difference(ims[0], ims[1])
    hist = ims[1].histogram()
    edge = sum(hist[1:255])
    diff = ImageStat.Stat(d).sum[0] / 255
    return d.getextrema()[1], diff / edge if edge else diff


def main():
    done = set()
    for i in range(1, len(sys.argv) - 2, 3):
        one(*sys.argv[i:i + 3], done)
    return 1 if fails else 0


def one(label, a_path, o_path, done):
    """The checks of one issue; done holds the (face, character) pairs
    drawn already."""
    global LABEL
    LABEL = label
    za, zo = zipfile.ZipFile(a_path), zipfile.ZipFile(o_path)
    fa, used = fonts(za)
    fo, _ = fonts(zo)
    pairs = sorted({(fa[i], fo.get(i)) for i in fa})
    kinds, glyphs, metrics, renders = [], [], [], []
    worst_px, worst_shift, drawn = (0, ""), (0.0, ""), 0
    try:
        import freetype  # noqa: F401
        import PIL  # noqa: F401
        can_render = True
    except ImportError:
        can_render = False
    for ap, op in pairs:
        t = TTFont(io.BytesIO(za.read(ap)))
        c = TTFont(io.BytesIO(zo.read(op))) if op in zo.namelist() else None
        if "glyf" not in t or "CFF " in t or not TABLES <= set(t.keys()):
            kinds.append("%s: tables %s" % (ap, sorted(t.keys())))
            continue
        ng = t["maxp"].numGlyphs
        ids = [i for i, f in fa.items() if f == ap]
        over = sorted(g for i in ids for g in used.get(i, ()) if g >= ng)
        if over:
            glyphs.append("%s: glyphs %s beyond its %d" % (ap, over[:5], ng))
        if c is None or "CFF " not in c:
            # a face TrueType already: its cut is the OFD's, unchanged
            if c is None or za.read(ap) != zo.read(op):
                kinds.append("%s: TrueType face not as in the OFD (%s)" % (ap, op))
            continue
        to, co = t.getGlyphOrder(), c.getGlyphOrder()
        if len(to) != len(co):
            glyphs.append("%s: %d glyphs, the CFF cut %d" % (ap, len(to), len(co)))
            continue
        glyf, hmtx, gs = t["glyf"], t["hmtx"], c.getGlyphSet()
        for g in range(ng):
            tg = glyf[to[g]]
            if (tg.numberOfContours > 0) != draws(gs, co[g]):
                glyphs.append("%s: glyph %d has %d contours, the CFF cut's %s" %
                              (ap, g, tg.numberOfContours, "draws" if draws(gs, co[g]) else "does not"))
            if hmtx[to[g]][0] != c["hmtx"][co[g]][0]:
                metrics.append("%s: glyph %d advance %d, CFF %d" % (ap, g, hmtx[to[g]][0], c["hmtx"][co[g]][0]))
            if tg.numberOfContours > 0 and hmtx[to[g]][1] != tg.xMin:
                metrics.append("%s: glyph %d side bearing %d, left edge %d" % (ap, g, hmtx[to[g]][1], tg.xMin))
        if can_render:
            import freetype
            ft = freetype.Face(io.BytesIO(za.read(ap)))
            fc = freetype.Face(io.BytesIO(zo.read(op)))
            ft.set_pixel_sizes(PPEM, PPEM)
            fc.set_pixel_sizes(PPEM, PPEM)
            face = t["name"].getDebugName(6)
            chars = {}
            for u, gname in t.getBestCmap().items():
                chars.setdefault(t.getGlyphID(gname), u)
            for g in range(ng):
                if g in chars:
                    if (face, chars[g]) in done:
                        continue
                    done.add((face, chars[g]))
                (ra, aa), (rb, ab) = render(ft, g), render(fc, g)
                drawn += 1
                px, shift = compare(ra, rb)
                if aa != ab:
                    renders.append("%s: glyph %d advance %d/64 px, CFF %d/64" % (ap, g, aa, ab))
                if px > MAX_PIXEL or shift > MAX_SHIFT:
                    renders.append("%s: glyph %d differs by %d in a pixel, its edge moves by %.3f px" %
                                   (ap, g, px, shift))
                if px > worst_px[0]:
                    worst_px = (px, "%s glyph %d" % (ap, g))
                if shift > worst_shift[0]:
                    worst_shift = (shift, "%s glyph %d" % (ap, g))
    verdict(pairs and not kinds,
            "%d fonts TrueType (glyf, no CFF) with cmap glyf loca head hhea hmtx maxp name OS/2 post" % len(pairs),
            "\n".join(kinds))
    verdict(not glyphs, "every glyph the pages name is in its font, with an outline where the CFF cut has one",
            "\n".join(glyphs[:20]))
    verdict(not metrics, "advances as the CFF cuts', side bearings at the outlines' left edges",
            "\n".join(metrics[:20]))
    if can_render:
        verdict(not renders, "FreeType draws every glyph (%d not drawn before) as from the CFF cut "
                "(worst: %d of 255 in a pixel, %s; edge moved by %.3f px on average, %s)" %
                (drawn, worst_px[0], worst_px[1] or "-", worst_shift[0], worst_shift[1] or "-"),
                "\n".join(renders[:20]))
    else:
        print("skip - %s: glyphs drawn against the CFF cuts': no python3-freetype or PIL" % LABEL)


if __name__ == "__main__":
    sys.exit(main())
