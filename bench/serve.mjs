// serve.mjs -- bench/serve.sh's browser: save an issue N times, time until the open page shows it.
// Usage: node bench/serve.mjs PAGE_URL ISSUE_FILE RUNS
// Prints one line per save: the milliseconds from the save (the rename of
// the new file over the old, as an editor saves) to the page showing it.
import { createRequire } from "node:module";
import { readFileSync, renameSync, writeFileSync } from "node:fs";

const require = createRequire(new URL("../tests/browser/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const [url, file, runs] = process.argv.slice(2);
const original = readFileSync(file, "utf8");

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
	    "--disable-background-networking", "--disable-component-update"],
});
const page = await browser.newPage();
const listening = page.waitForResponse((r) => r.url().endsWith("/__events"));
await page.goto(url);
await listening;
try {
	for (let i = 1; i <= Number(runs); i++) {
		const mark = `第${i}次保存后增补的一条简讯`;
		writeFileSync(file + ".new", `${original}\n★${mark}。\n`);
		await new Promise((r) => setTimeout(r, 400));	// the last run's PDF
		const t0 = performance.now();
		renameSync(file + ".new", file);
		await page.waitForFunction((m) => document.body.textContent.includes(m),
		    mark, { timeout: 10000, polling: "raf" });
		console.log((performance.now() - t0).toFixed(1));
		await page.waitForLoadState("load");
	}
} finally {
	writeFileSync(file, original);
	await browser.close();
}
