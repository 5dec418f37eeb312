// signoff.mjs -- the 落款 of a page as headless Chromium sets it: each p.signoff's organ lines start at one x, the date 2 em right of them, and the widest organ line ends 2 em in from the column's right edge (GB/T 9704-2012 7.3.5.2) — or the date, where the group is marked date-longer; otherwise the date may reach the edge itself.
// Usage: node signoff.mjs PAGE.html WIDTH...   (viewport widths in px; prints "ok - ..." / "not ok - ...")
import { chromium } from "playwright-core";
import path from "node:path";

const [file, ...widths] = process.argv.slice(2);
let failed = 0;
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
	timeout: 60000,
});
for (const w of widths) {
	const page = await browser.newPage({ viewport: { width: Number(w), height: 900 } });
	await page.goto("file://" + path.resolve(file));
	const got = await page.$$eval("p.signoff", (ps) => ps.map((p) => {
		const em = parseFloat(getComputedStyle(p).fontSize);
		const col = p.parentElement.getBoundingClientRect().right -
		    parseFloat(getComputedStyle(p.parentElement).paddingRight);
		const g = p.querySelector(".signoff-lines");
		const lines = [];
		for (const n of g.childNodes) {
			if (n.nodeType !== 3 || n.textContent.trim() === "")
				continue;
			const r = document.createRange();
			r.selectNodeContents(n);
			const b = r.getBoundingClientRect();
			lines.push({ text: n.textContent, left: b.left, right: b.right });
		}
		const d = g.querySelector(".signoff-date").getBoundingClientRect();
		return { em, col, lines, date: { left: d.left, right: d.right },
		    longer: g.classList.contains("date-longer") };
	}));
	let good = got.length > 0, why = "";
	for (const s of got) {
		const l0 = s.lines[0].left, em = s.em;
		// The date may reach 2 em further than the organ lines: with
		// the browser's wider digits 2026年3月2日 outgrows 云岭市文明办,
		// and it is the date that then ends at the column's edge.
		const end = s.longer ? s.date.right :
		    Math.max(...s.lines.map((l) => l.right), s.date.right - 2 * em);
		const ok = s.lines.every((l) => Math.abs(l.left - l0) < 0.5) &&
		    Math.abs(s.date.left - l0 - 2 * em) < 0.5 &&
		    Math.abs(s.col - end - 2 * em) < 0.5;
		if (!ok)
			why += ` ${s.lines[0].text}: organ at ${l0.toFixed(1)}, date at ${s.date.left.toFixed(1)}, ends ${(s.col - end).toFixed(1)} px in (em ${em})`;
		good &&= ok;
	}
	if (good)
		console.log(`ok - Chromium at ${w} px: ${got.length} 落款, organ lines at one x, the date 2 em right, 2 em in from the right`);
	else {
		failed++;
		console.log(`not ok - Chromium at ${w} px:${why}`);
	}
	await page.close();
}
await browser.close();
process.exit(failed ? 1 : 0);
