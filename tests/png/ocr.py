#!/usr/bin/env python3
# ocr.py -- how much of a reference text's Han characters an OCR reading recovers, in order.
# Usage: ocr.py REFERENCE.txt OCR.txt...
# Keeps the Han characters (CJK Unified Ideographs) of each, joins the OCR
# files in the order given, and prints "RECOVERED DISTANCE LENGTH": the
# Levenshtein distance between the two sequences, the reference's length
# and 1 - distance / length.  A band around the diagonal bounds the work;
# outside it the distance would exceed what a pass could allow anyway.
import sys


def han(s):
    return [c for c in s if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf"]


def distance(a, b, band):
    n, m = len(a), len(b)
    if abs(n - m) > band:
        return max(n, m)
    big = n + m + 1
    prev = {j: j for j in range(0, min(m, band) + 1)}
    for i in range(1, n + 1):
        cur = {}
        lo, hi = max(0, i - band), min(m, i + band)
        for j in range(lo, hi + 1):
            if j == 0:
                cur[j] = i
                continue
            best = prev.get(j - 1, big) + (a[i - 1] != b[j - 1])
            best = min(best, prev.get(j, big) + 1, cur.get(j - 1, big) + 1)
            cur[j] = best
        prev = cur
    return prev.get(m, big)


ref = han(open(sys.argv[1], encoding="utf-8").read())
got = han("".join(open(f, encoding="utf-8").read() for f in sys.argv[2:]))
d = distance(ref, got, max(50, len(ref) // 10))
print(f"{1 - d / max(1, len(ref)):.4f} {d} {len(ref)}")
