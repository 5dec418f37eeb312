#!/usr/bin/env python3
# tables.py -- the tables of a phone layout (jianbao layout --png) read back against the Markdown, as a typesetter would check them.
# Usage: tables.py LAYOUT ISSUE.md FORMS
# FORMS says, comma-separated, what each pipe table of ISSUE.md is set as
# on the phone, in order: "grid" (rules, columns, the cells' full
# padding), "narrow" (a grid at its narrowest, the padding down to its
# least) or "blocks" (each body row a block of "header：value" lines).
# A grid: every cell's text in its row and column as written, none
# smaller than 10.5 pt (五号), none within 0.4 em of a rule (narrow:
# 0.2 em); a header of up to 3 characters on one line, a longer one with
# no character alone on a line; a body cell of up to 6 characters (a
# name, a number) on one line.  Blocks: a line "header：value" for every
# cell that is not empty, in order, with no column rules.  A 表题 in
# lines of even length, none under half the longest.  Prints "ok - NAME"
# or "not ok - NAME" per check, naming what fails.
import sys

EPS = 0.05


def res(ok, name, bad=None):
    print(("ok - " if ok else "not ok - ") + name +
          (" %s" % bad if bad and not ok else ""))


def items(path):
    out = []
    for line in open(path, encoding="utf-8"):
        f = line.split()
        if not f or f[0] not in ("text", "rule", "vrule"):
            continue
        it = {"kind": f[0], "x": float(f[1]), "y": float(f[2]),
              "w": float(f[3][2:])}
        if f[0] == "text":
            it["size"] = float(f[5])
            it["text"] = line.split("|", 1)[1].rstrip("\n")[:-1]
        else:
            it["h"] = float(f[4][2:])
        out.append(it)
    return out


def md_tables(path):
    """The pipe tables of an issue, rows of cells, and their 表题 or None."""
    tables, caps, cur, last = [], [], None, None
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line.startswith("|"):
            cur = None
            last = line or last
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if all(set(c) <= set(":-") and c for c in cells):
            continue
        if cur is None:
            cur = []
            tables.append(cur)
            caps.append(last if last and last.startswith("表") else None)
        cur.append(cells)
    return tables, caps


def lines(texts):
    """Text items by baseline, top to bottom: (y, the line's text left to right)."""
    by = {}
    for t in texts:
        key = next((k for k in by if abs(k - t["y"]) < 0.5), t["y"])
        by.setdefault(key, []).append(t)
    return [(k, "".join(t["text"] for t in sorted(by[k], key=lambda t: t["x"])))
            for k in sorted(by)]


def check_caption(name, cap, its):
    got = [t for y, t in lines([i for i in its if i["kind"] == "text"])]
    at = [(k, n) for n in range(1, 4) for k in range(len(got))
          if "".join(got[k:k + n]) == cap]
    cl = got[at[0][0]:sum(at[0])] if at else []
    res(cl and min(len(l) for l in cl) * 2 >= max(len(l) for l in cl),
        "%s: the 表题 in lines of even length (%s)" % (name, " / ".join(cl)))


def grids(its):
    """Each grid table: its top, bottom, column rules and row rules."""
    vr = sorted((i for i in its if i["kind"] == "vrule"), key=lambda i: i["y"])
    out = []
    for v in vr:
        if out and v["y"] <= out[-1]["bottom"] + EPS:
            g = out[-1]
        else:
            g = {"top": v["y"], "bottom": v["y"], "cols": set()}
            out.append(g)
        g["bottom"] = max(g["bottom"], v["y"] + v["h"])
        g["cols"].add(round(v["x"], 2))
    for g in out:
        g["cols"] = sorted(g["cols"])
        g["rows"] = sorted({round(i["y"], 2) for i in its if i["kind"] == "rule"
                            and g["top"] - EPS <= i["y"] <= g["bottom"] + EPS
                            and abs(i["x"] - g["cols"][0]) < EPS})
    return out


def check_grid(name, g, table, its, pad):
    texts = [i for i in its if i["kind"] == "text"
             and g["top"] < i["y"] < g["bottom"]]
    cols, rows = g["cols"], g["rows"]
    small = sorted({t["size"] for t in texts if t["size"] < 10.5 - EPS})
    res(not small, "%s: a grid, every cell 10.5 pt (五号) or larger" % name,
        small)
    near = [t["text"] for t in texts
            if not any(a + pad * t["size"] - EPS <= t["x"] and
                       t["x"] + t["w"] <= b - pad * t["size"] + EPS
                       for a, b in zip(cols, cols[1:]))]
    res(not near, "%s: no cell text within %.1f em of a rule" % (name, pad),
        near[:3])
    got = []
    for top, bottom in zip(rows, rows[1:]):
        got.append([[t for y, t in lines([t for t in texts
                                          if top < t["y"] < bottom and
                                          a < t["x"] < b])]
                    for a, b in zip(cols, cols[1:])])
    res([["".join(c) for c in r] for r in got] == table,
        "%s: %d rows of %d cells, each cell's text as written"
        % (name, len(table), len(table[0])))
    if not got:
        return
    bad = [c for c in got[0] if len("".join(c)) <= 3 and len(c) > 1 or
           len("".join(c)) > 3 and any(len(l) < 2 for l in c)]
    res(not bad, "%s: headers of 3 characters on one line, no character "
        "alone on a line of a longer one" % name, bad)
    broken = [c for r in got[1:] for c in r if len(c) > 1 and
              len("".join(c)) <= 6]
    res(not broken, "%s: no body cell of up to 6 characters broken" % name,
        broken[:3])


def check_blocks(name, table, its):
    want = ["%s：%s" % (h, v) if h else v
            for row in table[1:] for h, v in zip(table[0], row) if v]
    got = lines([i for i in its if i["kind"] == "text"])
    text = [t for y, t in got]
    at = next((k for k in range(len(text)) if text[k:k + len(want)] == want),
              -1)
    res(at >= 0, "%s: a block of header：value lines for each of its %d rows"
        % (name, len(table) - 1))
    if at < 0:
        return
    y0, y1 = got[at][0] - 30, got[at + len(want) - 1][0]
    res(not any(i["kind"] == "vrule" and y0 < i["y"] < y1 for i in its),
        "%s: no column rules among the blocks" % name)


its = items(sys.argv[1])
tables, caps = md_tables(sys.argv[2])
forms = sys.argv[3].split(",")
res(len(forms) == len(tables), "%s: %d tables (%d)"
    % (sys.argv[2], len(forms), len(tables)))
gs = iter(grids(its))
for n, (form, table, cap) in enumerate(zip(forms, tables, caps), 1):
    name = "%s table %d" % (sys.argv[2], n)
    if cap is not None:
        check_caption(name, cap, its)
    if form in ("grid", "narrow"):
        g = next(gs, None)
        if g is None:
            res(False, "%s: a grid" % name)
        else:
            check_grid(name, g, table, its, 0.4 if form == "grid" else 0.2)
    else:
        check_blocks(name, table, its)
