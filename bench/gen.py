#!/usr/bin/env python3
# gen.py -- write a synthetic archive of bulletin issues for the benchmarks.
#
# Usage: bench/gen.py DIR COUNT [--seed N]
# Writes DIR/bulletin.yaml and DIR/issues/YYYY/NN.md for COUNT issues, 24 a
# year, the newest year being 2026.  Each issue has the structure of a real
# one (front matter, a lead article, a kicker-headed experience article with
# ### sections and bold leads, a briefing with bold leads, a 工作简讯 section of
# ★ items) and about 5,000 characters.  The text is assembled from the word
# lists below, so it reads as plausible bulletin prose without being anybody's
# real text.  The same seed always gives the same files.

import argparse
import os
import random

PLACES = ["南湖区", "东岚区", "西溪区", "北原区", "青禾县", "松源县", "云岭高新区",
	  "临江区", "白石县", "枫林县"]
STREETS = ["桂香社区", "柳荫社区", "石桥街道", "望江街道", "新城社区", "梅园社区",
	   "清泉街道", "金沙社区", "竹溪社区", "和平街道", "兴隆社区", "锦绣社区"]
UNITS = ["市创建办", "市住房城乡建设局", "市城市管理局", "市交通运输局", "市市场监管局",
	 "市文明办", "市卫生健康委", "市教育局", "市生态环境局", "市商务局", "团市委",
	 "市妇联", "市公安局交警支队", "市文化和旅游局"]
PEOPLE = ["韩立平", "沈清和", "周明远", "赵一帆", "孙立群", "钱慧敏", "李晓东", "吴思源",
	  "郑国华", "王春燕", "冯其远", "陈志刚"]
TOPICS = ["垃圾分类", "文明交通", "老旧小区改造", "农贸市场整治", "志愿服务",
	  "公益广告宣传", "背街小巷治理", "文明餐桌", "移风易俗", "未成年人思想道德建设",
	  "公共厕所提升", "社区议事协商", "城乡环境卫生整治", "诚信建设", "文明旅游"]
ACTIVITIES = ["集中宣传活动", "专项整治行动", "现场推进会", "工作调度会", "业务培训班",
	      "交叉检查", "暗访督查", "主题实践活动", "经验交流会", "志愿服务集市"]
VERBS = ["组织开展", "召开", "举办", "启动", "部署开展", "联合开展"]
OUTCOMES = ["群众满意度明显提升", "问题整改率达到{p}%", "累计服务群众{n}余人次",
	    "发现问题{n}个，已全部交办", "新增注册志愿者{n}人", "清理卫生死角{n}处",
	    "规范设置停车泊位{n}个", "覆盖居民{n}余户"]
OPENERS = ["今年以来", "近年来", "创建工作开展以来", "进入攻坚阶段以来", "{m}月以来"]
CLAUSES = [
	"坚持以人民为中心的发展思想，把创建工作与群众关心的身边事结合起来",
	"聚焦测评体系中的薄弱环节，逐项建立问题清单、责任清单和整改清单",
	"建立“一周一调度、一月一通报”工作机制，压实各级各部门责任",
	"发动网格员、楼栋长和志愿者深入一线，做到问题早发现、早处置",
	"整合各方资源，推动人往基层走、钱往基层投、政策往基层倾斜",
	"用好“云岭文明”App和12345热线，畅通群众反映问题的渠道",
	"把创建成果转化为群众看得见、摸得着的实惠",
	"对照点位“一点一档”，明确责任单位、责任人和完成时限",
	"坚持问题导向，能立即整改的马上改，需要时间的拿出时间表",
	"推动常态长效管理，防止问题反弹回潮",
	"采取“四不两直”方式开展暗访，每周通报、每月排名",
	"注重发挥党员先锋模范作用，带动居民群众共同参与",
	"探索建立积分激励制度，让参与者得实惠、受尊重",
	"强化部门协同，形成齐抓共管的工作格局",
]
RESULTS = [
	"目前已完成整改任务的{p}%，群众反映强烈的问题基本得到解决",
	"辖区环境面貌明显改善，居民的获得感、幸福感不断增强",
	"共出动工作人员{n}余人次，清运垃圾{t}吨",
	"累计受理群众诉求{n}件，办结率{p}%",
	"已有{n}户居民主动参与，参与率较去年同期提高{q}个百分点",
	"相关做法得到省文明办的肯定，在全市推广",
]
DEMANDS = ["盯紧点位抓整改", "突出重点补短板", "发动群众增合力", "压实责任严督查",
	   "健全机制抓长效", "加强宣传造氛围", "强化保障抓落实"]
ORD = ["一", "二", "三", "四", "五", "六", "七"]
LEADS = ["科学布点", "定时管理", "党员带头", "积分激励", "闭环监管", "共建共享",
	 "网格联动", "示范引领", "居民自治", "智慧赋能", "分类施策", "常态巡查"]


def num(r, lo, hi):
	return str(r.randint(lo, hi))


def fill(r, s, month):
	return (s.replace("{p}", num(r, 80, 99)).replace("{n}", num(r, 20, 2000))
		.replace("{t}", num(r, 5, 300)).replace("{q}", num(r, 2, 15))
		.replace("{m}", str(month)))


def sentence(r, month):
	parts = [fill(r, r.choice(OPENERS), month), r.choice(PLACES) + r.choice(STREETS)]
	body = "，".join(r.sample(CLAUSES, 2))
	return parts[0] + "，" + parts[1] + body + "，" + fill(r, r.choice(RESULTS), month) + "。"


def para(r, month, n):
	return "".join(sentence(r, month) for _ in range(n + 1))


def issue(r, year, no, total):
	month = min(12, (no - 1) // 2 + 1)
	day = 10 if no % 2 else 25
	date = "%04d-%02d-%02d" % (year, month, day)
	out = ["---", "期号: %d" % no, "总期号: %d" % total, "日期: %s" % date]
	if r.random() < 0.4:
		out += ["编者按: |", "  " + para(r, month, 2), "",
			"  " + para(r, month, 1)]
	out += ["---", ""]

	# Lead article: a meeting report with numbered bold demands.
	out += ["## 全市%s工作%s召开" % (r.choice(TOPICS), r.choice(["推进会", "调度会", "现场会"])), ""]
	out += ["本报讯 %d月%d日，%s在市行政中心召开%s工作会议。%s出席会议并讲话。%s"
		% (month, r.randint(1, 28), r.choice(UNITS), r.choice(TOPICS),
		   r.choice(PEOPLE), para(r, month, 1)), ""]
	out += ["会议指出，" + para(r, month, 2), ""]
	out += ["会议强调，" + para(r, month, 2), ""]
	for i, d in enumerate(r.sample(DEMANDS, 4)):
		out += ["**%s要%s。**%s" % (ORD[i], d, para(r, month, 1)), ""]

	# Experience article under a kicker, with ### sections and bold leads.
	place = r.choice(PLACES) + r.choice(STREETS)
	topic = r.choice(TOPICS)
	out += ["%s——" % place, "", "## %s“%s”模式让老小区焕发新气象" % (topic, r.choice(["四定", "三联", "五个一"])), ""]
	out += [para(r, month, 3), ""]
	for i in range(4):
		out += ["### %s、%s，让%s“有%s”" % (ORD[i], r.choice(LEADS), topic,
						     r.choice(["规矩", "人管", "动力", "成效"])), ""]
		for lead in r.sample(LEADS, 2):
			out += ["**%s。**%s" % (lead, para(r, month, 1)), ""]
	out += ["（%s创建办　%s）" % (place[:3], r.choice(PEOPLE)), ""]

	# Briefing with bold-lead paragraphs.
	out += ["## %s通报%d月份%s督查情况" % (r.choice(UNITS), month, r.choice(TOPICS)), ""]
	out += [para(r, month, 1), ""]
	for lead in r.sample(["老旧小区问题最集中", "农贸市场管理有反弹", "公益广告维护不到位",
			      "志愿服务站点有站无人", "背街小巷保洁不及时"], 3):
		out += ["**%s。**%s" % (lead, para(r, month, 1)), ""]

	out += ["## 工作简讯", ""]
	for _ in range(r.randint(5, 7)):
		out += ["★%d月%d日，%s%s%s%s，%s。" % (
			month, r.randint(1, 28), r.choice(PLACES + UNITS), r.choice(VERBS),
			r.choice(TOPICS), r.choice(ACTIVITIES), fill(r, r.choice(OUTCOMES), month)), ""]
	return "\n".join(out)


SERIES = """刊名: 创建工作动态
编印单位: 云岭市创建全国文明城市工作办公室
语言: zh-Hans
总期号: true
密级: 内部资料　注意保存
分送:
  报: [市委常委, 市人大常委会主任、副主任, 市政府市长、副市长, 省文明办]
  送: [市委办, 市人大办, 市政府办, 市政协办]
  发: [各区（县）创建办, 各街道（乡镇）, 各创建责任单位]
署名:
  审核: 杨文澜
  校对: 蒋雨桐
  编辑: 冯其远
  签发: 邹明川
字体:
  小标宋: 方正小标宋简体, FandolSong, Noto Serif CJK SC
  仿宋: 仿宋_GB2312, FandolFang, Noto Serif CJK SC
  黑体: 黑体, FandolHei, Noto Sans CJK SC
  楷体: 楷体_GB2312, FandolKai, Noto Serif CJK SC
  宋体: 宋体, FandolSong, Noto Serif CJK SC
  数字: Times New Roman, Liberation Serif, DejaVu Serif
站点根路径: /
"""


def main():
	ap = argparse.ArgumentParser(description="生成用于基准测试的合成期刊归档")
	ap.add_argument("dir")
	ap.add_argument("count", type=int)
	ap.add_argument("--seed", type=int, default=7)
	a = ap.parse_args()
	r = random.Random(a.seed)
	per_year = 24
	years = (a.count + per_year - 1) // per_year
	first = 2026 - years + 1
	os.makedirs(a.dir, exist_ok=True)
	with open(os.path.join(a.dir, "bulletin.yaml"), "w", encoding="utf-8") as f:
		f.write(SERIES)
	for k in range(a.count):
		year, no = first + k // per_year, k % per_year + 1
		d = os.path.join(a.dir, "issues", str(year))
		os.makedirs(d, exist_ok=True)
		with open(os.path.join(d, "%02d.md" % no), "w", encoding="utf-8") as f:
			f.write(issue(r, year, no, k + 1) + "\n")


if __name__ == "__main__":
	main()
