# web.py PAGE -- exit 0 when each 落款 of luokuan.md is a p.signoff holding one span.signoff-lines (marked date-longer where the date would otherwise end nearer the edge than 2 字), lines parted by <br>, the date in span.signoff-date; and the page's CSS sets the group flush right 2 字 in, the organ lines flush left in it, the date 2 字 right of them.
import re
import sys
from html.parser import HTMLParser

from want import WANT, ems


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.signoffs, self.longer, self.cur = [], [], None
        self.css, self.style, self.dateline = "", False, True

    def handle_starttag(self, tag, attrs):
        cls = (dict(attrs).get("class") or "").split()
        if tag == "style":
            self.style = True
        if tag == "p" and "signoff" in cls:
            self.cur = [""]
        elif self.cur is not None and "signoff-lines" in cls:
            self.longer.append("date-longer" in cls)
        elif self.cur is not None and tag == "br":
            self.cur.append("")
        elif self.cur is not None and "signoff-date" in cls:
            # a line of its own, after the <br> that keeps it so without CSS
            ok = self.cur[-1] == ""
            self.dateline &= ok

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


def rule(sel):
    m = re.search(re.escape(sel) + r"\s*\{([^}]*)\}", p.css)
    return re.sub(r"\s+", " ", m.group(1)) if m else ""


p = Page()
p.feed(open(sys.argv[1], encoding="utf-8").read())
longer = [ems(g[-1]) + 4 > max(ems(t) for t in g[:-1]) + 2 for g in WANT]
ok = p.signoffs == WANT and p.longer == longer and p.dateline and \
    "text-align: right" in rule("p.signoff") and \
    "margin: 1em 2em 0 0" in rule("p.signoff") and \
    "display: inline-block" in rule(".signoff-lines") and \
    "text-align: left" in rule(".signoff-lines") and \
    "margin: 0 -2em 0 2em" in rule(".signoff-date") and \
    "margin-right: 0" in rule(".date-longer .signoff-date")
if not ok:
    print("# signoffs:", p.signoffs, p.longer)
sys.exit(not ok)
