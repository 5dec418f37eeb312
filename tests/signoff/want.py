# want.py -- the 落款 of luokuan.md, line by line, as every edition must set them.
WANT = [["云岭市文明办", "2026年3月2日"],
        ["云岭市文明办", "云岭市林业局", "二〇二六年三月三日"],
        ["南湖区创建办", "2026年3月4日"]]
