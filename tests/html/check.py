#!/usr/bin/env python3
# check.py -- structural checks of one HTML issue page; prints "ok - ..." / "not ok - ...".
# usage: check.py PAGE NAME LANG SERIES ISSUE ORG DATE
import os
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text()
                       for c in self.children)

    def walk(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()

    def classes(self):
        return (self.attrs.get("class") or "").split()


class Tree(HTMLParser):
    """Builds a tree and records every nesting error instead of repairing it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root
        self.errors = []
        self.doctype = None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.cur.tag != tag:
            self.errors.append("</%s> closes <%s>" % (tag, self.cur.tag))
            return
        self.cur = self.cur.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def main():
    page, name, lang, series, issue, org, date = sys.argv[1:8]
    src = open(page, encoding="utf-8").read()
    t = Tree()
    t.feed(src)
    t.close()
    failed = 0

    def check(cond, what):
        nonlocal failed
        print("%s - %s: %s" % ("ok" if cond else "not ok", name, what))
        if not cond:
            failed += 1

    nodes = list(t.root.walk())
    by_tag = lambda tag: [n for n in nodes if n.tag == tag]
    by_class = lambda c: [n for n in nodes if c in n.classes()]

    check(t.doctype is not None and t.doctype.lower() == "doctype html"
          and not t.errors and t.cur is t.root,
          "page parses, every element closed in order %s" % t.errors[:3])
    html = by_tag("html")
    check(len(html) == 1 and html[0].attrs.get("lang") == lang,
          "<html lang=%s>" % lang)
    metas = by_tag("meta")
    check(any(m.attrs.get("charset", "").lower() == "utf-8" for m in metas)
          and sum("charset" in m.attrs or "http-equiv" in m.attrs
                  for m in metas) == 1, "one meta charset utf-8")
    check(any(m.attrs.get("name") == "viewport" for m in metas),
          "viewport meta")
    title = by_tag("title")
    check(len(title) == 1 and title[0].text() == "%s %s" % (series, issue),
          "<title> is 刊名 and 期号")

    mh = by_class("masthead")
    mtext = mh[0].text() if mh else ""
    h1 = by_tag("h1")
    check(len(h1) == 1 and h1[0].text() == series, "masthead 刊名 in <h1>")
    check(all(s in mtext for s in (issue, org, date)),
          "masthead has 期号, 编印单位 and date")
    times = [n for n in by_tag("time") if n.attrs.get("datetime")]
    check(len(times) == 1 and times[0].text() == date, "date in <time>")

    ids = {n.attrs["id"] for n in nodes if "id" in n.attrs}
    arts = by_tag("article")
    check(arts and all(a.attrs.get("id") and a.text().strip() for a in arts)
          and len(ids) == sum(1 for n in nodes if "id" in n.attrs),
          "%d articles with unique ids" % len(arts))
    toc = by_class("contents")
    links = [a.attrs.get("href", "") for c in toc for a in c.walk()
             if a.tag == "a"]
    check(all(h.startswith("#") and h[1:] in ids for h in links)
          and (not toc or len(links) == len(arts)),
          "%d 要目 links point at articles" % len(links))

    foot = by_class("colophon")
    ftext = foot[0].text() if foot else ""
    dist = [n.text() for n in by_class("dist-line")]
    check(any(d.startswith(("报：", "報：")) for d in dist)
          and any(d.startswith(("发：", "發：")) for d in dist),
          "footer has 报 and 发 lines")
    check(all("，，" not in d and not d.endswith("：") for d in dist),
          "distribution lines joined with ，, none empty")
    check(("%s印发" % date in ftext or "%s印發" % date in ftext)
          and org in ftext, "footer has 编印单位 and 印发 line")
    check(any(n.text().startswith("审核：") for n in by_class("signoff")),
          "footer has credits")

    nav = by_tag("nav")
    check(all(a.attrs.get("href") for n in nav for a in n.walk()
              if a.tag == "a"), "nav links all have hrefs")

    urls = [n.attrs.get(k) or "" for n in nodes for k in ("src", "href")]
    ext = [u for u in urls if u.startswith("//") or ":" in u.split("/")[0]]
    style = "".join(n.text() for n in by_tag("style"))
    # The one <link> allowed is the site's icon, relative to the page.
    links = by_tag("link")
    check(not ext and "url(" not in style and "@import" not in style
          and all(l.attrs.get("rel") == "icon" for l in links),
          "self-contained: no external URL, no link but the icon %s"
          % ext[:3])
    # The one script is templates/titles.js, inline, as the file has it
    # (the preview's Content-Security-Policy allows it by its hash).
    scripts = by_tag("script")
    js = open(os.path.join(os.path.dirname(__file__), "..", "..", "templates",
                           "titles.js"), encoding="utf-8").read()
    check(len(scripts) == 1 and "src" not in scripts[0].attrs
          and scripts[0].text() == js,
          "one script, templates/titles.js inline byte for byte")
    check([l.attrs.get("href") for l in links] == ["../favicon.svg"],
          "the page links the site's favicon.svg at the site root")
    check(len(by_tag("style")) == 1 and "@media print" in style
          and "@page" in style, "style sheet inlined with print rules")
    imgs = by_tag("img")
    check(all(i.attrs.get("src") and "alt" in i.attrs for i in imgs),
          "%d images with src and alt" % len(imgs))
    return 1 if failed else 0


sys.exit(main())
