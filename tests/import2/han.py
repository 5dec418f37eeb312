#!/usr/bin/python3
# han.py -- compare the Han characters of two texts, for t_import2.sh.
# Usage: han.py [--contains] WANT GOT
#   Every Han character of WANT (counted with repeats) must be in the body of
#   GOT (after its front matter); without --contains also no other.  WANT may
#   be in any encoding iconv names with WANT_ENCODING (default UTF-8).
import os
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


want = han(open(want_f, encoding=os.environ.get("WANT_ENCODING", "utf-8-sig")).read())
got = han(body(open(got_f, encoding="utf-8").read()))
missing = want - got
extra = got - want
if missing or (extra and not contains):
    print("# missing %d: %s" % (sum(missing.values()), "".join(sorted(missing.elements()))[:80]))
    if not contains:
        print("# extra %d: %s" % (sum(extra.values()), "".join(sorted(extra.elements()))[:80]))
    sys.exit(1)
print("# %d Han characters kept" % sum(want.values()))
