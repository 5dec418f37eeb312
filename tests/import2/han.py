#!/usr/bin/python3
# han.py -- compare the Han characters of two texts, for t_import2.sh.
# Usage: han.py [--contains] WANT GOT
#   Every Han character of WANT (counted with repeats) must be in GOT; without
#   --contains also no other.  Of an issue file only the body counts (after
#   its front matter), and as WANT not its [//]: # lines, which are printed
#   nowhere (web furniture, Word comments); of an .html file only the text and the alt and title
#   of its pictures.
import html.parser
import sys
import unicodedata
from collections import Counter

contains = sys.argv[1] == "--contains"
want_f, got_f = sys.argv[-2], sys.argv[-1]


def han(text):
    return Counter(c for c in text if "CJK UNIFIED" in unicodedata.name(c, "")
                   or unicodedata.name(c, "").startswith("CJK COMPATIBILITY IDEOGRAPH"))


def body(text):
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5:]
    return text


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style", "title")
        if tag == "img":	# what a picture says is in its attributes
            self.parts += [v for k, v in attrs if k in ("alt", "title") and v]

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style", "title")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def read(f):
    text = open(f, encoding="utf-8-sig").read()
    if f.endswith(".html"):
        p = Text()
        p.feed(text)
        return "".join(p.parts)
    return body(text)


def printed(text):
    return "\n".join(l for l in text.split("\n") if not l.startswith("[//]: #"))


want = han(printed(read(want_f)) if got_f.endswith(".html") else read(want_f))
got = han(read(got_f))
missing = want - got
extra = got - want
if missing or (extra and not contains):
    print("# missing %d: %s" % (sum(missing.values()), "".join(sorted(missing.elements()))[:80]))
    if not contains:
        print("# extra %d: %s" % (sum(extra.values()), "".join(sorted(extra.elements()))[:80]))
    sys.exit(1)
print("# %d Han characters kept" % sum(want.values()))
