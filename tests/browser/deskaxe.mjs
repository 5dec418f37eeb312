// deskaxe.mjs -- the desk's pages under axe-core (WCAG 2 A/AA, best practice) in headless Chromium, and by keyboard.
// Usage: node deskaxe.mjs DESK_URL ISSUE OUT_DIR
//   DESK_URL  the first line serve printed; ISSUE the issue to open, e.g. issues/2025/07.md;
//   OUT_DIR   where the pages are written as the browser holds them, for the Nu checker
// Prints one "ok - ..." / "not ok - ..." per check; exits 1 on any failure.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [deskUrl, issue, outDir] = process.argv.slice(2);
const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
let failed = 0;

function report(good, name, detail) {
	if (good)
		console.log(`ok - ${name}${detail ? " (" + detail + ")" : ""}`);
	else {
		failed++;
		console.log(`not ok - ${name}${detail ? ": " + detail : ""}`);
	}
}

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
	    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
	timeout: 60000,
});
// axe is put into the page by the test, which the desk's CSP would refuse
const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
const page = await context.newPage();
page.setDefaultTimeout(20000);

async function axe(name) {
	await page.addScriptTag({ content: axeSource });
	const result = await page.evaluate(async (tags) => {
		const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
		return r.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
	}, tags);
	report(result.length === 0, `axe: ${name} has no violations`,
	    result.map((v) => `${v.id}: ${v.targets.slice(0, 3).join(", ")}`).join("; "));
}

try {
	await page.goto(deskUrl);
	await page.waitForSelector("table tbody tr");
	writeFileSync(`${outDir}/index.html`, "<!DOCTYPE html>\n" + await page.evaluate(() => document.documentElement.outerHTML));
	await axe("the desk's first page");
	await page.goto(new URL(`/desk/edit/${issue}`, deskUrl).href);
	await page.waitForSelector("body[data-ready]");
	await page.waitForSelector("#pages canvas");
	await page.waitForSelector("#findings li");
	writeFileSync(`${outDir}/edit.html`, "<!DOCTYPE html>\n" + await page.evaluate(() => document.documentElement.outerHTML));
	await axe("the issue page");
	// every action is reached by Tab, in order, and the editor too
	const seen = [];
	await page.focus("h1 a");
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press("Tab");
		seen.push(await page.evaluate(() => {
			const e = document.activeElement;
			return e.id || (e.closest(".CodeMirror") ? "editor" : e.tagName.toLowerCase());
		}));
	}
	const want = ["save", "show-history", "import-file", "image-file", "dl-html", "dl-pdf", "dl-docx", "editor"];
	const order = want.map((id) => seen.indexOf(id));
	report(order.every((n, i) => n >= 0 && (i === 0 || n > order[i - 1])),
	    "the keyboard reaches every action and then the editor, in order", seen.slice(0, 10).join(" "));
	await page.focus("#show-history");
	await page.keyboard.press("Enter");
	await page.waitForSelector("#history[open]");
	await axe("the history dialog");
	await page.keyboard.press("Escape");
	report(await page.evaluate(() => !document.getElementById("history").open), "Escape closes the dialog");
} catch (e) {
	report(false, "the desk's pages could be checked", String(e.message).split("\n")[0]);
}
await browser.close();
process.exit(failed ? 1 : 0);
