#!/usr/bin/env python3
# gen_issues.py -- write N made-up issues (and a bulletin.yaml) for benchmarks and size tests.
# Usage: gen_issues.py N DIR   ->  DIR/bulletin.yaml, DIR/issues/YYYY/NN.md
# The text is random phrases from the word list below, seeded, so every run
# writes the same files.  24 issues a year, the newest in 2026.
import os
import random
import sys

WORDS = """文明 城市 创建 社区 志愿 服务 居民 街道 治理 环境 卫生 整治 背街 小巷
交通 秩序 垃圾 分类 积分 超市 宣传 活动 群众 满意 测评 考核 督查 通报 问题 整改
落实 责任 推进 会议 部署 工作 机制 长效 常态 基层 网格 党建 引领 单位 部门 协调
公共 设施 改造 提升 绿化 美化 亮化 停车 管理 执法 文化 广场 新风 移风易俗 家庭
邻里 和谐 互助 关爱 老人 儿童 学校 医院 窗口 行业 示范 典型 经验 做法 成效""".split()
PUNCT = "，，，、；。"

def sentence(rng):
    n = rng.randint(4, 10)
    s = "".join(rng.choice(WORDS) + (rng.choice(PUNCT[:4]) if rng.random() < .25 else "")
                for _ in range(n))
    return s.rstrip("，、；") + "。"

def para(rng):
    return "".join(sentence(rng) for _ in range(rng.randint(2, 4)))

def title(rng):
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(4, 7)))

def main():
    n, top = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20240601)
    os.makedirs(top, exist_ok=True)
    with open(os.path.join(top, "bulletin.yaml"), "w", encoding="utf-8") as f:
        f.write("刊名: 创建工作动态\n编印单位: 测试市创建办\n语言: zh-Hans\n"
                "总期号: true\n站点根路径: /bulletins/\n")
    years = (n + 23) // 24
    k = 0
    for y in range(2026 - years + 1, 2027):
        for num in range(1, 25):
            if k == n:
                return
            k += 1
            d = os.path.join(top, "issues", str(y))
            os.makedirs(d, exist_ok=True)
            month, day = (num - 1) // 2 + 1, 10 if num % 2 else 25
            body = []
            for _ in range(rng.randint(3, 6)):
                body.append("## " + title(rng) + "\n")
                body.extend(para(rng) + "\n" for _ in range(rng.randint(3, 7)))
            with open(os.path.join(d, "%02d.md" % num), "w", encoding="utf-8") as f:
                f.write("---\n期号: %d\n总期号: %d\n日期: %d-%02d-%02d\n---\n\n"
                        % (num, k, y, month, day))
                f.write("\n".join(body))

main()
