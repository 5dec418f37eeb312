// site.mjs -- walk the built site in headless Chromium like a reader: archive, issue, previous/next, search.
// Usage: node site.mjs BASE_URL OUT_DIR SHOT_DIR
//   BASE_URL  the site as served, e.g. http://127.0.0.1:8080/bulletins/
//   OUT_DIR   the same site on disk, opened again through file://
// Prints "ok - ..." / "not ok - ..." per check; exits 1 on any failure.
import { chromium } from "playwright-core";
import path from "node:path";

const [base, outDir, shots] = process.argv.slice(2);
let failed = 0;

function report(good, name, detail) {
	if (good)
		console.log(`ok - ${name}`);
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
		    "--disable-quic", "--no-first-run",
		    "--disable-background-networking",
		    "--disable-component-update", "--disable-sync"],
		timeout: 60000,
	});
} catch (e) {
	console.log(`not ok - chromium could not start: ${String(e.message).split("\n")[0]}`);
	process.exit(1);
}

// Every response, console message and page error of a context, to fail on.
function watch(context) {
	const problems = [];
	context.on("page", (page) => watchPage(page, problems));
	return problems;
}
function watchPage(page, problems) {
	page.on("response", (r) => {
		if (r.status() >= 400)
			problems.push(`${r.status()} ${r.url()}`);
	});
	page.on("requestfailed", (r) => {
		// A download (the PDF) ends its navigation with ERR_ABORTED.
		if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? ""))
			problems.push(`failed ${r.url()} ${r.failure()?.errorText}`);
	});
	page.on("console", (m) => {
		if (m.type() === "error")
			problems.push(`console: ${m.text()}`);
	});
	page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
}

async function step(name, fn) {
	try {
		await fn();
	} catch (e) {
		report(false, name, String(e.message).split("\n")[0]);
	}
}

const served = await browser.newContext({ viewport: { width: 1200, height: 900 } });
const problems = watch(served);
const page = await served.newPage();

await step("archive opens", async () => {
	const r = await page.goto(base);
	report(r.status() === 200, "archive opens with status 200", String(r.status()));
	const lang = await page.getAttribute("html", "lang");
	report(/^zh-Han[st]$/.test(lang), "archive has lang", lang);
	await page.screenshot({ path: path.join(shots, "archive.png"), fullPage: true });
});

let latestHref;
await step("open the latest issue", async () => {
	latestHref = await page.getAttribute(".latest .button.primary", "href");
	await page.click(".latest .button.primary");
	await page.waitForLoadState("load");
	report(page.url() === new URL(latestHref, base).href,
	    "the latest issue opens from the archive", page.url());
	report(await page.locator("article").count() > 0,
	    "the issue page shows its articles");
	await page.screenshot({ path: path.join(shots, "issue.png") });
});

await step("previous and next", async () => {
	const issueUrl = page.url();
	await page.click("a[rel=prev]");
	await page.waitForLoadState("load");
	const prevUrl = page.url();
	report(prevUrl !== issueUrl && (await page.locator("article").count()) > 0,
	    "previous issue opens", prevUrl);
	await page.click("a[rel=next]");
	await page.waitForLoadState("load");
	report(page.url() === issueUrl, "next leads back to the issue", page.url());
});

await step("archive links back", async () => {
	await page.goto(base);
	const first = page.locator(".issues .issue-link").last();
	const href = await first.getAttribute("href");
	await first.click();
	await page.waitForLoadState("load");
	report(page.url() === new URL(href, base).href,
	    "an older issue opens from the archive list", page.url());
	await page.click("a.index");
	await page.waitForLoadState("load");
	report(page.url().replace(/index\.html$/, "") === base,
	    "the issue links back to the archive", page.url());
});

await step("search", async () => {
	await page.goto(base);
	await page.fill("#q", "积分");
	await page.press("#q", "Enter");
	await page.waitForURL(/search\.html\?q=/);
	await page.waitForSelector("#search-results li");
	const n = await page.locator("#search-results li").count();
	report(n > 0, "searching 积分 finds articles", `${n} results`);
	const marks = await page.locator("#search-results li mark").allTextContents();
	report(marks.length > 0 && marks.every((m) => m === "积分"),
	    "search results mark the word in a snippet");
	report(/找到/.test(await page.textContent("#search-status")),
	    "search says how many articles it found");
	await page.screenshot({ path: path.join(shots, "search.png"), fullPage: true });
	const link = page.locator("#search-results li a.result-title").first();
	const href = await link.getAttribute("href");
	await link.click();
	await page.waitForLoadState("load");
	const hash = new URL(page.url()).hash;
	report(/^#a\d+$/.test(hash) && page.url() === new URL(href, base).href,
	    "a search result opens the article's anchor", page.url());
	const text = await page.locator(hash).textContent();
	report(text.includes("积分"), "the opened article contains the word");
	await page.goto(new URL("search.html?q=" + encodeURIComponent("没有这种词语"), base).href);
	await page.waitForFunction(() => document.getElementById("search-status").textContent !== "");
	report(await page.locator("#search-results li").count() === 0 &&
	    /没有找到/.test(await page.textContent("#search-status")),
	    "a word found nowhere says so");
});

report(problems.length === 0, "no 404, failed request or console error while served",
    problems.slice(0, 5).join("; "));

// The same site from the file system: search must work without a server.
const local = await browser.newContext();
const localProblems = watch(local);
await step("file://", async () => {
	const p = await local.newPage();
	const url = "file://" + path.resolve(outDir) + "/search.html?q=" +
	    encodeURIComponent("积分");
	await p.goto(url);
	await p.waitForSelector("#search-results li", { timeout: 10000 });
	report(await p.locator("#search-results li").count() > 0,
	    "search works from file://");
	await p.goto("file://" + path.resolve(outDir) + "/index.html");
	await p.click(".latest .button.primary");
	await p.waitForLoadState("load");
	report((await p.locator("article").count()) > 0, "issue opens from file://");
});
report(localProblems.length === 0, "no error from file://", localProblems.slice(0, 5).join("; "));

// Scripts off: plain links still work, the search box says why it cannot.
const noscript = await browser.newContext({ javaScriptEnabled: false });
await step("scripts off", async () => {
	const p = await noscript.newPage();
	await p.goto(base);
	report(await p.locator("noscript p, p.noscript").first().isVisible(),
	    "without scripts the search box explains it needs them");
	await p.click(".issues .issue-link");
	await p.waitForLoadState("load");
	report((await p.locator("article").count()) > 0, "issue opens without scripts");
});

await browser.close();
process.exit(failed ? 1 : 0);
