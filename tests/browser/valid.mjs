// valid.mjs -- run axe-core (WCAG 2 A/AA and best practice) over pages in headless Chromium.
// Usage: node valid.mjs OUT_DIR PAGE...
//   OUT_DIR  the built site on disk, opened through file:// (it works there, README says so)
//   PAGE     a page inside it, e.g. 2025/07.html or "search.html?q=积分" (then the
//            check waits for the results, so they are checked too)
// Prints one "ok - ..." / "not ok - ..." per page, each violation below it
// as "# rule: target"; exits 1 on any failure.  Needs no network.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [outDir, ...pages] = process.argv.slice(2);
const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
let failed = 0;

let browser;
try {
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
		args: ["--headless", "--no-sandbox", "--disable-gpu",
		    "--no-first-run", "--disable-background-networking",
		    "--disable-component-update", "--disable-sync"],
		timeout: 60000,
	});
} catch (e) {
	console.log(`not ok - chromium could not start: ${String(e.message).split("\n")[0]}`);
	process.exit(1);
}
const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
// Nothing leaves the machine: a page asking for the network fails the check.
const outside = [];
await context.route(/^(https?|wss?):/, (route) => {
	outside.push(route.request().url());
	route.abort();
});
const page = await context.newPage();
page.setDefaultTimeout(20000);

for (const name of pages) {
	const [file, query] = name.split("?");
	const url = pathToFileURL(path.resolve(outDir, file)).href + (query ? "?" + query : "");
	try {
		await page.goto(url);
		await page.waitForLoadState("load");
		if (query)
			await page.waitForSelector("#search-results li");
		await page.addScriptTag({ content: axeSource });
		const result = await page.evaluate(async (tags) => {
			const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
			return r.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
		}, tags);
		if (result.length === 0) {
			console.log(`ok - axe: ${name} has no violations`);
		} else {
			failed++;
			console.log(`not ok - axe: ${name} has ${result.length} violated rules`);
			for (const v of result)
				console.log(`# ${v.id}: ${v.targets.slice(0, 5).join(", ")}`);
		}
	} catch (e) {
		failed++;
		console.log(`not ok - axe: ${name}: ${String(e.message).split("\n")[0]}`);
	}
}
if (outside.length) {
	failed++;
	console.log(`not ok - the pages ask for nothing outside the site: ${outside[0]}`);
} else {
	console.log("ok - the pages ask for nothing outside the site");
}
await browser.close();
process.exit(failed ? 1 : 0);
