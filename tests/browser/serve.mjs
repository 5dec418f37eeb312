// serve.mjs -- an editor's session with `jianbao serve`, in headless Chromium.
// Usage: node serve.mjs PAGE_URL ISSUE_FILE
//   PAGE_URL    the page as the preview serves it
//   ISSUE_FILE  its source, which this script edits and puts back as it was
// Saves a new first title (the open page must show it within 1 s, no
// reload by hand), breaks the date (the page must show the diagnostic
// over it), restores the file (the diagnostic must go).  Prints
// "ok - ..." / "not ok - ..." and "# ..." lines; exits 1 on any failure.
import { chromium } from "playwright-core";
import { readFileSync, renameSync, writeFileSync } from "node:fs";

const [url, file] = process.argv.slice(2);
const original = readFileSync(file, "utf8");
let failed = 0;

function report(good, name, detail) {
	if (good)
		console.log(`ok - ${name}${detail ? " (" + detail + ")" : ""}`);
	else {
		failed++;
		console.log(`not ok - ${name}${detail ? ": " + detail : ""}`);
	}
}

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

const page = await browser.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(e.message));

async function step(name, fn) {
	try {
		await fn();
	} catch (e) {
		report(false, name, String(e.message).split("\n")[0]);
	}
}

// An editor saves: write a new file and rename it over the old one, as
// most editors do, or write in place.
function save(text, inPlace) {
	if (inPlace) {
		writeFileSync(file, text);
	} else {
		writeFileSync(file + ".new", text);
		renameSync(file + ".new", file);
	}
}

const firstTitle = () => page.locator("article h2").first().textContent();

await step("the preview opens the issue page", async () => {
	// the page listens before the test saves
	const listening = page.waitForResponse((r) => r.url().endsWith("/__events"),
	    { timeout: 5000 });
	const r = await page.goto(url);
	report(r.status() === 200, "the preview opens the issue page", String(r.status()));
	const ev = await listening;
	report(ev.status() === 200 && /^text\/event-stream/.test(ev.headers()["content-type"]),
	    "the page listens for rebuilds at /__events");
});

const old = (await firstTitle().catch(() => "")).trim();
const fresh = old + "（改）";
await step("a saved title shows without a reload by hand", async () => {
	const m = original.match(/^##+ .*$/m);
	if (m === null)
		throw new Error("no title line in " + file);
	const line = m[0];
	const text = original.replace(line, line.replace(/^(##+ ).*$/, `$1${fresh}`));
	const t0 = Date.now();
	save(text, false);
	await page.waitForFunction((want) => {
		const h = document.querySelector("article h2");
		return h !== null && h.textContent.trim() === want;
	}, fresh, { timeout: 1000, polling: 10 });
	report(true, "a saved title shows within 1 s without a reload by hand",
	    `${Date.now() - t0} ms`);
});

await step("a broken date shows the diagnostic over the page", async () => {
	const text = original.replace(/^日期: .*$/m, "日期: 2025-13-45");
	save(text, true);
	const d = page.locator("#jianbao-serve-diag");
	await d.waitFor({ state: "visible", timeout: 3000 });
	const shown = await d.textContent();
	report(/\.md:\d+:\d+: 错误：日期 “2025-13-45” 无效/.test(shown),
	    "a broken date shows file:line:col: 错误：… over the page", shown.split("\n")[0]);
	const box = await d.boundingBox();
	report(box !== null && box.width > 300 && box.height > 20,
	    "the diagnostic lies over the page", JSON.stringify(box));
	report((await firstTitle()).trim() === fresh,
	    "the last good page stays under it");
});

await step("restoring the file clears the diagnostic", async () => {
	save(original, false);
	await page.waitForFunction((want) => {
		const h = document.querySelector("article h2");
		return document.getElementById("jianbao-serve-diag") === null &&
		    h !== null && h.textContent.trim() === want;
	}, old, { timeout: 3000, polling: 20 });
	report(true, "restoring the file clears the diagnostic and shows the page as it was");
});

report(errors.length === 0, "the page raised no script errors", errors.join("; "));
// Whatever happened, the source is as it was.
writeFileSync(file, original);
await browser.close();
process.exit(failed ? 1 : 0);
