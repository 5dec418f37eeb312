# web.py PAGE -- exit 0 when each 落款 of luokuan.md is a p.signoff, its lines parted by <br>, and the page's CSS sets it flush right.
import re
import sys
from html.parser import HTMLParser

from want import WANT


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.signoffs, self.cur, self.css, self.style = [], None, "", False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "style":
            self.style = True
        if tag == "p" and attrs.get("class") == "signoff":
            self.cur = [""]
        elif tag == "br" and self.cur is not None:
            self.cur.append("")

    def handle_endtag(self, tag):
        if tag == "style":
            self.style = False
        if tag == "p" and self.cur is not None:
            self.signoffs.append(self.cur)
            self.cur = None

    def handle_data(self, data):
        if self.style:
            self.css += data
        if self.cur is not None:
            self.cur[-1] += data


p = Page()
p.feed(open(sys.argv[1], encoding="utf-8").read())
rule = re.search(r"\.signoff\s*\{([^}]*)\}", p.css)
if p.signoffs != WANT:
    print("# signoffs:", p.signoffs)
sys.exit(not (p.signoffs == WANT and rule and "text-align: right" in rule.group(1)))
