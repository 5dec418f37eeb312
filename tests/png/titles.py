#!/usr/bin/env python3
"""titles.py LAYOUT HTML -- the phone image's title lines end where the web page lets them.

LAYOUT is `jianbao layout --png ISSUE`, HTML the issue's page from `jianbao build --html`
as a browser has it after the page's script ran (templates/titles.js put a <wbr> between
the words of each title).  Each run of lines set at the title size (22 pt) is a title;
every line of one of two lines or more but the last must end where the page's <h2> of the
same text has a <wbr> (between the browser's words), a blank or a mark.  Prints one line a title line
end, "ok TITLE: A|B" or "bad TITLE: A|B", and exits 1 on a bad one or when no title
of the image is found on the page.
"""
import html
import re
import sys
import unicodedata

TITLE_SIZE = "22.00"


def phone_titles(path):
    titles, cur, y = [], None, None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s+text \S+ (\S+) w=\S+ \S+ (\S+) \S+ \|(.*)\|$", line)
        if not m:
            continue
        if m.group(2) != TITLE_SIZE:
            if cur:
                titles.append(cur)
            cur = None
            continue
        if cur is None:
            cur, y = [], None
        if m.group(1) != y:
            cur.append("")
            y = m.group(1)
        cur[-1] += m.group(3)
    if cur:
        titles.append(cur)
    return titles


def page_titles(path):
    """Each article title's characters without blanks, with where a line may end before each."""
    out = {}
    for inner in re.findall(r"<h2>(.*?)</h2>", open(path, encoding="utf-8").read()):
        chars, ends, free = [], [], False
        for piece in re.split(r"(<wbr>)", inner):
            if piece == "<wbr>":
                free = True
                continue
            for c in html.unescape(piece):
                if c.isspace():
                    free = True
                    continue
                prev = chars[-1] if chars else ""
                ends.append(free or (prev != "" and
                                     unicodedata.category(prev).startswith("P")))
                chars.append(c)
                free = False
        out["".join(chars)] = ends
    return out


def main():
    page = page_titles(sys.argv[2])
    bad = 0
    for lines in phone_titles(sys.argv[1]):
        text = "".join("".join(lines).split())
        if len(lines) == 1:
            continue    # no line end to check (and a 增刊 line is not a title)
        if text not in page:
            print("bad %s: not a title of the page" % text)
            bad += 1
            continue
        at = 0
        for ln in lines[:-1]:
            at += len("".join(ln.split()))
            word = "ok" if page[text][at] else "bad"
            bad += word == "bad"
            print("%s %s: %s|%s" % (word, text, text[:at], text[at:]))
    sys.exit(1 if bad else 0)


main()
