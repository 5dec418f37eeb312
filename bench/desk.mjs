// desk.mjs -- bench/desk.sh's browser: type at the desk, time until the live page and the print pages show it.
// Usage: node bench/desk.mjs DESK_URL ISSUE RUNS
// Prints one line per run: the milliseconds from the last keystroke (an
// input method committing a word) to the live page showing it, and to
// the print pages painted again with it.
import { createRequire } from "node:module";

const require = createRequire(new URL("../tests/browser/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const [deskUrl, issue, runs] = process.argv.slice(2);

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
	    "--disable-background-networking", "--disable-component-update"],
});
const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
await page.goto(deskUrl);
await page.goto(new URL(`/desk/edit/${issue}`, deskUrl).href);
await page.waitForSelector("body[data-ready]");
await page.waitForSelector("#pages canvas");
const cdp = await page.context().newCDPSession(page);
const quiet = () => new Promise((r) => setTimeout(r, 1500));
try {
	await quiet();
	for (let i = 1; i <= Number(runs); i++) {
		const mark = `第${i}次改动`;
		const painted = await page.locator("#pages").getAttribute("data-painted");
		await page.click(".CodeMirror-code");
		await page.keyboard.press("Control+End");
		await cdp.send("Input.imeSetComposition", { text: "gaidong", selectionStart: 7, selectionEnd: 7 });
		await cdp.send("Input.insertText", { text: `\n\n又讯：${mark}。` });
		const t0 = performance.now();
		await page.frameLocator("#live").locator("article", { hasText: mark }).first()
			.waitFor({ timeout: 10000 });
		const live = performance.now() - t0;
		await page.waitForFunction((p) => document.getElementById("pages").dataset.painted !== p,
			painted, { timeout: 10000, polling: 10 });
		const print = performance.now() - t0;
		console.log(`${live.toFixed(1)} ${print.toFixed(1)}`);
		await quiet();
	}
} finally {
	await browser.close();
}
