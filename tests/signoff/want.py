# want.py -- the 落款 of luokuan.md, line by line, as every edition must set them, and where (GB/T 9704-2012 7.3.5.2).
WANT = [["云岭市文明办", "2026年3月2日"],
        ["云岭市文明办", "云岭市林业局", "二〇二六年三月三日"],
        ["南湖区创建办", "2026年3月4日"]]

# The blank right of each 落款's widest organ line and right of its date,
# in 字 of the body size.  The organ line ends 2 字 in and the date starts
# 2 字 right of it, but the date never ends nearer the edge than 2 字: when
# it would (6 字 of organ over a 6-字 date, digits being half a 字, or a
# date longer than the organ) it ends 2 字 in and the organ lines move left
# with it (6 + 4 - 6 = 4; 9 + 4 - 6 = 7).
SPACE = [(4, 2), (7, 2), (4, 2)]


def ems(s):
    """The width of s in 字: a CJK character 1, a digit or letter half."""
    return sum(0.5 if ord(c) < 0x2E80 else 1 for c in s)
