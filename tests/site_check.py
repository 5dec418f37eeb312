#!/usr/bin/env python3
# site_check.py -- check a built site: page structure, links, feed.  Prints "ok - ..." / "not ok - ...".
# Usage: site_check.py OUT SERIES_NAME BASE ISSUE_STEM...   (stems newest first, "2025/02")
import html.parser
import os
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

out, series, base = sys.argv[1], sys.argv[2], sys.argv[3]
stems = sys.argv[4:]
failed = 0


def report(good, name, detail=""):
    global failed
    if good:
        print("ok - " + name)
    else:
        failed += 1
        print("not ok - " + name + (": " + detail if detail else ""))


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.ids = set()
        self.links = []         # (tag, attr value)
        self.headings = []      # levels in order
        self.imgs_no_alt = 0
        self.h1_text = []
        self.in_h1 = False
        self.classes = []       # (class, href) of <a>
        self.texts = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if "id" in a:
            self.ids.add(a["id"])
        if tag in ("a", "link") and "href" in a:
            self.links.append((tag, a["href"]))
        if tag in ("script", "img") and "src" in a:
            self.links.append((tag, a["src"]))
        if tag == "a":
            self.classes.append((a.get("class", ""), a.get("href", "")))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
            self.in_h1 = tag == "h1"
        if tag == "img" and not (a.get("alt") or "").strip():
            self.imgs_no_alt += 1

    def handle_endtag(self, tag):
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        if self.in_h1:
            self.h1_text.append(data)
        self.texts.append(data)


pages = {}
for root, _, files in os.walk(out):
    for f in files:
        if f.endswith(".html"):
            p = os.path.join(root, f)
            pg = Page()
            with open(p, encoding="utf-8") as fp:
                pg.feed(fp.read())
            pages[os.path.relpath(p, out)] = pg

archive = ["index.html", "search.html"] + sorted(
    {s.split("/")[0] + "/index.html" for s in stems})
for p in archive:
    report(p in pages, "archive page %s exists" % p)
for s in stems:
    report(s + ".html" in pages, "issue page %s.html exists" % s)

# Accessibility: lang, one h1, headings never skip a level, alt text.
bad = [p for p, pg in pages.items() if not pg.lang]
report(not bad, "every page has lang", " ".join(bad))
bad = [p for p, pg in pages.items() if pg.headings.count(1) != 1]
report(not bad, "every page has exactly one h1", " ".join(bad))
bad = []
for p, pg in pages.items():
    prev = 0
    for lv in pg.headings:
        if lv > prev + 1:
            bad.append("%s h%d after h%d" % (p, lv, prev))
        prev = lv
report(not bad, "headings are in order on every page", "; ".join(bad))
bad = [p for p, pg in pages.items() if pg.imgs_no_alt]
report(not bad, "every image has alt text", " ".join(bad))

# Portable links: relative, and each resolves to a file (and anchor).
absolute, missing, anchors = [], [], []
for p, pg in pages.items():
    for tag, href in pg.links:
        u = urllib.parse.urlsplit(href)
        if u.scheme or href.startswith("/") or u.netloc:
            if tag != "a" or u.scheme not in ("http", "https", "mailto"):
                absolute.append("%s: %s" % (p, href))
            continue
        target = os.path.normpath(os.path.join(os.path.dirname(p),
                                               urllib.parse.unquote(u.path))) if u.path else p
        if not os.path.exists(os.path.join(out, target)):
            missing.append("%s: %s" % (p, href))
        elif u.fragment and target in pages and u.fragment not in pages[target].ids:
            anchors.append("%s: %s" % (p, href))
pdf_missing = [m for m in missing if m.endswith(".pdf")]
missing = [m for m in missing if not m.endswith(".pdf")]
report(not absolute, "every link is relative", "; ".join(absolute[:5]))
report(not missing, "every link resolves to a file", "; ".join(missing[:5]))
report(not anchors, "every #anchor exists in its page", "; ".join(anchors[:5]))
report(not pdf_missing, "every PDF link resolves", "; ".join(pdf_missing[:3]))

# Home: latest issue first, every issue listed with page and PDF links.
home = pages.get("index.html")
if home and stems:
    latest = [h for c, h in home.classes if c == "button primary"]
    report(latest == [stems[0] + ".html"], "home shows the latest issue first",
           repr(latest))
    listed = [h for c, h in home.classes if c == "issue-link"]
    report(listed == [s + ".html" for s in stems],
           "home lists every issue newest first", repr(listed))
    pdfs = [h for c, h in home.classes if c == "pdf"]
    report(pdfs == [s + ".pdf" for s in stems], "home links every PDF")
    arts = [h for c, h in home.classes if c == "" and "#a" in h]
    report(all(re.fullmatch(r"\d{4}/\d+\.html#a\d+", h) for h in arts) and
           len(arts) > len(stems), "home links article titles to their anchors")
    report("".join(home.h1_text).strip() == series, "home h1 is the 刊名")
    report(any("JavaScript" in t for t in home.texts),
           "home explains that search needs scripts")

# Year pages list their own issues with ../ links.
for y in sorted({s.split("/")[0] for s in stems}):
    pg = pages.get(y + "/index.html")
    if pg is None:
        continue
    got = [h for c, h in pg.classes if c == "issue-link"]
    want = ["../%s.html" % s for s in stems if s.startswith(y + "/")]
    report(got == want, "year page %s lists its issues" % y, repr(got))

# Atom feed.
A = "{http://www.w3.org/2005/Atom}"
try:
    feed = ET.parse(os.path.join(out, "feed.xml")).getroot()
    report(feed.tag == A + "feed", "feed.xml is an Atom feed")
    entries = feed.findall(A + "entry")
    report(len(entries) == len(stems), "feed has one entry per issue",
           "%d entries" % len(entries))
    ids = [e.findtext(A + "id") for e in entries]
    report(len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids),
           "feed entry ids are unique URNs")
    titles_ok, links_ok, dates_ok, sums_ok = True, True, True, True
    for e, s in zip(entries, stems):
        y = s.split("/")[0]
        if not re.fullmatch(re.escape(series) + r" " + y + r"年第\d+期",
                            e.findtext(A + "title") or ""):
            titles_ok = False
        alt = [l.get("href") for l in e.findall(A + "link") if l.get("rel") == "alternate"]
        if alt != [base + s + ".html"] or not os.path.exists(
                os.path.join(out, alt[0][len(base):])):
            links_ok = False
        if not re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00\+08:00", e.findtext(A + "updated") or ""):
            dates_ok = False
        if not (e.findtext(A + "summary") or "").strip():
            sums_ok = False
    report(titles_ok, "feed titles read 刊名 YYYY年第N期")
    report(links_ok, "feed links are absolute under %s and point at the pages" % base)
    report(dates_ok, "feed entries are dated by issue date")
    report(sums_ok, "feed summaries list the article titles")
    self_ = [l.get("href") for l in feed.findall(A + "link") if l.get("rel") == "self"]
    report(self_ == [base + "feed.xml"], "feed self link is %sfeed.xml" % base)
except (ET.ParseError, OSError) as exc:
    report(False, "feed.xml parses", str(exc))

sys.exit(1 if failed else 0)
