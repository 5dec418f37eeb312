// desk.mjs -- an editor's session at the desk (`jianbao serve`), in headless Chromium.
// Usage: node desk.mjs DESK_URL SITE_DIR DOCX PICTURE PUBLISHED
//   DESK_URL  the first line serve printed: the desk's address with its token
//   SITE_DIR  the folder serve runs in (issues/ under it), to find the bytes on disk
//   DOCX      a Word file to drop onto the desk
//   PICTURE   a PNG picture to insert
//   PUBLISHED the folder serve was given with --publish
// Opens the desk, makes a new issue, types a title and a paragraph in
// Chinese through an input method's composition events, sees the live
// page and the print pages update, finds the bytes on disk; drops the
// Word file (import --into), inserts the picture with its alt text and
// caption, repairs a mark of check by one click, restores an earlier
// version from the history; then two tabs on one issue and a change made
// outside the desk: both refused with both versions shown; the front
// matter through its form; publishing the site.  Prints
// "ok - ..." / "not ok - ..." and "# ..." lines; exits 1 on any failure.
import { chromium } from "playwright-core";
import { existsSync, lstatSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const [deskUrl, site, docx, picture, published] = process.argv.slice(2);
let failed = 0;

function report(good, name, detail) {
	if (good)
		console.log(`ok - ${name}${detail ? " (" + detail + ")" : ""}`);
	else {
		failed++;
		console.log(`not ok - ${name}${detail ? ": " + detail : ""}`);
	}
}

async function step(name, fn) {
	try {
		await fn();
	} catch (e) {
		report(false, name, String(e.message).split("\n")[0]);
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

const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
const outside = [];
await context.route(/^(https?|wss?):/, (route) => {
	const u = route.request().url();
	if (u.startsWith(new URL(deskUrl).origin))
		return route.continue();
	outside.push(u);
	return route.abort();
});
const page = await context.newPage();
page.setDefaultTimeout(15000);
const errors = [];
const csp = [];
page.on("pageerror", (e) => errors.push(e.message));
page.on("console", (m) => {
	if (/Content Security Policy/.test(m.text()))
		csp.push(m.text());
});

const disk = (p) => readFileSync(path.join(site, p), "utf8");
const editorText = (pg) => (pg || page).evaluate(() =>
	document.querySelector(".CodeMirror").CodeMirror.getValue());
const status = (pg) => (pg || page).locator("#status").textContent();

// An input method's way: compose the pinyin, then commit the characters.
async function compose(pg, pinyin, text) {
	const cdp = await pg.context().newCDPSession(pg);
	for (let i = 1; i <= pinyin.length; i++)
		await cdp.send("Input.imeSetComposition", { text: pinyin.slice(0, i),
			selectionStart: i, selectionEnd: i });
	await cdp.send("Input.insertText", { text });
	await cdp.detach();
}

// The file on disk holds text (the editor may take a moment to see a
// composition, and then waits for a pause before it saves).
async function onDisk(text) {
	for (let i = 0; i < 100 && !disk(issue).includes(text); i++)
		await new Promise((r) => setTimeout(r, 50));
	await saved();
}

async function saved(pg) {
	await (pg || page).waitForFunction(() =>
		document.body.classList.contains("state-saved"), null, { timeout: 30000, polling: 20 });
}

let issue = "";

await step("the desk opens from the printed address", async () => {
	const r = await page.goto(deskUrl);
	report(r.ok() && new URL(page.url()).pathname === "/desk/" && !page.url().includes("token"),
	    "the printed address opens the desk and drops its token", page.url());
	const cookies = await context.cookies();
	const c = cookies.find((c) => c.name === "jianbao_desk");
	report(c && c.httpOnly && c.sameSite === "Strict", "the desk's cookie is HttpOnly and SameSite=Strict");
	await page.waitForSelector("table tbody tr");
	const rows = await page.locator("table tbody tr").count();
	report(rows >= 5, "the desk lists the issues by year", `${rows} issues`);
});

await step("a new issue is made by one click", async () => {
	await Promise.all([page.waitForURL(/\/desk\/edit\/issues\/\d{4}\/\d+\.md$/),
		page.click("#new-issue")]);
	issue = decodeURIComponent(new URL(page.url()).pathname.replace("/desk/edit/", ""));
	await page.waitForSelector("body[data-ready]");
	report(existsSync(path.join(site, issue)), "new writes the issue and the desk opens it", issue);
});

const title = "社区志愿服务站揭牌";
const para = "本报讯　近日，桂香社区志愿服务站正式揭牌，首批登记志愿者六十人。";
let typedAt = 0;

await step("a title and a paragraph typed through an input method", async () => {
	await page.click(".CodeMirror-code");
	await page.keyboard.press("Control+End");
	await page.keyboard.press("Enter");
	await page.keyboard.press("Enter");
	await page.keyboard.type("## ");
	await compose(page, "shequzhiyuan", "社区志愿");
	await compose(page, "fuwuzhan", "服务站");
	await compose(page, "jiepai", "揭牌");
	await page.keyboard.press("Enter");
	await page.keyboard.press("Enter");
	await compose(page, "benbaoxun", para);
	typedAt = Date.now();
	const text = await editorText();
	report(text.includes(`## ${title}\n\n${para}`), "the editor holds what was composed");
});

await step("both previews follow the typing", async () => {
	const before = await page.locator("#pages").getAttribute("data-painted");
	const live = page.frameLocator("#live");
	// functional, not a latency bound (bench/desk.sh measures that): the
	// sanitizer pass beside other suites is many times slower
	await live.locator("article h2", { hasText: title }).first().waitFor({ timeout: 30000 });
	report(true, "the live page shows the new title", `${Date.now() - typedAt} ms after the last keystroke`);
	// the page's one inline script (templates/titles.js) runs, allowed by
	// its hash: the titles get their <wbr> and the class that keeps words whole
	await live.locator("html.words").waitFor({ state: "attached", timeout: 30000 });
	const wbr = await live.locator("article h2 wbr").count();
	report(wbr > 0, "the live page's titles are cut into words by its script", `${wbr} <wbr>`);
	await page.waitForFunction((b) => {
		const p = document.getElementById("pages");
		return p.dataset.painted && p.dataset.painted !== b;
	}, before, { timeout: 30000, polling: 50 });
	const n = Number(await page.locator("#pages").getAttribute("data-pages"));
	report(n >= 1, "the print pages are painted again", `${n} pages, ${Date.now() - typedAt} ms after the last keystroke`);
});

await step("a click in the live page brings the editor to its line", async () => {
	await page.frameLocator("#live").locator("article h2", { hasText: title }).first().click();
	const at = await page.evaluate(() => {
		const cm = document.querySelector(".CodeMirror").CodeMirror;
		return { line: cm.getCursor().line, text: cm.getLine(cm.getCursor().line), focus: cm.hasFocus() };
	});
	report(at.text === `## ${title}` && at.focus, "clicking the new title puts the cursor on its line",
	    `line ${at.line + 1}: ${at.text}`);
	await page.frameLocator("#live").locator("article p", { hasText: "首批登记志愿者" }).first().click();
	const line = await page.evaluate(() => {
		const cm = document.querySelector(".CodeMirror").CodeMirror;
		return cm.getLine(cm.getCursor().line);
	});
	report(line === para, "clicking a paragraph puts the cursor on its line", line);
});

await step("the bytes are on disk", async () => {
	await saved();
	const text = disk(issue);
	report(text === await editorText(), "the file on disk is what the editor holds");
	report(text.includes(`## ${title}\n\n${para}`), "with the title and paragraph as typed, in UTF-8");
});

await step("a Word file dropped onto the editor is imported into the issue", async () => {
	const bytes = readFileSync(docx).toString("base64");
	await page.evaluate(async (b64) => {
		const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
		const f = new File([bin], "来稿.docx", { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
		const dt = new DataTransfer();
		dt.items.add(f);
		const target = document.querySelector(".CodeMirror-lines");
		const r = target.getBoundingClientRect();
		for (const type of ["dragenter", "dragover", "drop"])
			target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true,
				clientX: r.left + 10, clientY: r.bottom - 5 }));
	}, bytes);
	await page.waitForFunction(() => /已导入/.test(document.getElementById("status").textContent),
		null, { timeout: 20000 });
	const text = disk(issue);
	report(text.includes("垃圾分类桶进小区") && text.includes("居民参与率明显提高"),
	    "the Word file's text is in the issue on disk");
	report(await editorText() === text, "and in the editor");
});

await step("a picture is inserted with its alt text and caption", async () => {
	await page.click(".CodeMirror-code");
	await page.keyboard.press("Control+End");
	await page.setInputFiles("#image-file", picture);
	await page.waitForSelector("#picture[open]");
	await page.fill("#alt", "志愿者在服务站前合影");
	await page.fill("#caption", "桂香社区志愿服务站");
	await page.click("#picture button[value=ok]");
	// the insertion is a change like typing: saved after a pause, so the
	// state may still read "saved" from before it for a moment
	await onDisk("志愿者在服务站前合影");
	const text = disk(issue);
	const m = text.match(/!\[志愿者在服务站前合影\]\((images\/[a-z0-9-]+\.png) "桂香社区志愿服务站"\)/);
	report(m !== null, "the picture's Markdown is in the issue", m ? m[1] : "none");
	if (m) {
		const file = path.join(site, path.dirname(issue), m[1]);
		report(existsSync(file) && readFileSync(file).equals(readFileSync(picture)),
		    "the picture is copied into the issue's images/ under a safe name");
	}
});

await step("a finding of check is repaired by one click", async () => {
	await page.click(".CodeMirror-code");
	await page.keyboard.press("Control+End");
	await page.keyboard.press("Enter");
	await page.keyboard.press("Enter");
	await compose(page, "jia", "会议要求各社区");
	await page.keyboard.type(",");
	await compose(page, "yi", "加快推进分类工作。");
	await onDisk("加快推进分类工作。");
	const fix = page.locator("#findings button", { hasText: "修正" }).first();
	await fix.waitFor({ timeout: 10000 });
	const marked = await page.locator(".cm-jb-warning, .cm-jb-notice").count();
	report(marked > 0, "the finding is marked in the text", `${marked} marks`);
	await fix.click();
	await saved();
	await page.waitForFunction(() => true);
	report(disk(issue).includes("会议要求各社区，加快推进分类工作。"),
	    "the repair is made and saved");
});

await step("an earlier version is restored from the history", async () => {
	await page.click("#show-history");
	await page.waitForSelector("#history[open] #versions button");
	const n = await page.locator("#versions button").count();
	report(n >= 3, "the history lists the versions replaced", `${n} versions`);
	// the oldest: the issue as new wrote it
	await page.locator("#versions button").last().click();
	await page.waitForFunction(() => document.getElementById("version-text").value.length > 0);
	const old = await page.locator("#version-text").inputValue();
	await page.click("#restore");
	await page.waitForFunction(() => /已恢复|没有恢复/.test(document.getElementById("status").textContent));
	report(disk(issue) === old && !old.includes(title), "the file on disk is that version again",
	    `${await status()}; ${JSON.stringify(old.slice(-40))} / ${JSON.stringify(disk(issue).slice(-40))}`);
	report(await editorText() === old, "and the editor shows it");
});

await step("two tabs on one issue cannot overwrite each other", async () => {
	const other = await context.newPage();
	await other.goto(page.url());
	await other.waitForSelector("body[data-ready]");
	await page.click(".CodeMirror-code");
	await page.keyboard.press("Control+End");
	await compose(page, "diyi", "第一个标签页的话。");
	await onDisk("第一个标签页的话。");
	const first = disk(issue);
	await other.click(".CodeMirror-code");
	await other.keyboard.press("Control+End");
	await compose(other, "dier", "第二个标签页的话。");
	await other.waitForSelector("#conflict[open]");
	report(disk(issue) === first, "the second tab's save is refused: the file is the first tab's");
	const theirs = await other.locator("#theirs").inputValue();
	const mine = await other.locator("#mine").inputValue();
	report(theirs === first && mine.includes("第二个标签页的话。"), "the second tab shows both versions",
	    `${JSON.stringify(theirs.slice(-30))} / ${JSON.stringify(first.slice(-30))} / ${JSON.stringify(mine.slice(-30))}`);
	await other.close();
});

await step("a change made outside the desk is never overwritten", async () => {
	const outsideText = disk(issue) + "\n外部编辑器加的一句。\n";
	writeFileSync(path.join(site, issue), outsideText);
	await page.click(".CodeMirror-code");
	await page.keyboard.press("Control+End");
	await compose(page, "zai", "在编辑台又加的话。");
	await page.waitForSelector("#conflict[open]");
	report(disk(issue) === outsideText, "the save is refused: the file keeps the outside change");
	report((await page.locator("#theirs").inputValue()) === outsideText,
	    "the desk shows the version on disk beside the editor's");
	await page.click("#keep-mine");
	await saved();
	report(disk(issue).includes("在编辑台又加的话。") && !disk(issue).includes("外部编辑器加的一句"),
	    "choosing one's own version saves it, on purpose");
});

await step("the front matter as a form, written back with comments and order kept", async () => {
	const file = "issues/2025/07.md";
	const before = disk(file).replace("总期号: 63\n", "总期号: 63   # 全年连续编号\n")
		.replace(/^---\n/, "---\n# 期次信息：注释要留着\n");
	writeFileSync(path.join(site, file), before);
	await page.goto(new URL(`/desk/edit/${file}`, page.url()).href);
	await page.waitForSelector("body[data-ready]");
	await page.click("#show-form");
	await page.waitForSelector("#fm[open]");
	report(await page.inputValue("#fm-form [name=总期号]") === "63", "the form shows the values");
	await page.fill("#fm-form [name=总期号]", "64");
	await page.fill("#fm-form [name='署名.编辑']", "冯其远");
	await page.fill("#fm-form [name='本期增发.送']", "市教育局\n市卫生健康委");
	await page.click("#fm-write");
	await page.waitForFunction(() => /已写入期次信息|没有写入/.test(
		document.getElementById("status").textContent + document.getElementById("fm-status").textContent));
	const after = disk(file);
	const want = before.replace("总期号: 63   # 全年连续编号", "总期号: 64   # 全年连续编号")
		.replace(/\n---\n/, "\n本期增发:\n  送: [市教育局, 市卫生健康委]\n署名:\n  编辑: 冯其远\n---\n");
	report(after === want, "only the changed values are written, comments and order kept",
	    JSON.stringify(after.slice(0, 400)));
	report(await editorText() === after, "and the editor shows the file as written");
});

await step("the site is published by one click", async () => {
	await page.goto(new URL("/desk/", page.url()).href);
	await page.waitForSelector("table tbody tr");
	await page.click("#publish");
	await page.waitForFunction(() => /已发布|没有发布/.test(document.getElementById("status").textContent),
		null, { timeout: 30000 });
	report(await status() === "已发布" && lstatSync(published).isSymbolicLink() &&
	    existsSync(path.join(published, "index.html")) && existsSync(path.join(published, "2025/07.pdf")),
	    "the site is in the publish folder, behind a link renamed into place", await status());
	report(/已发布：/.test(await page.locator("#messages").textContent()), "the script's message is shown");
});

report(errors.length === 0, "the desk raised no script errors", errors.join("; "));
report(csp.length === 0, "nothing was refused by the Content-Security-Policy", csp.join("; "));
report(outside.length === 0, "the desk asks for nothing outside this server", outside.join(" "));
if (process.env.DESK_SCREENSHOT) {
	await page.goto(page.url());
	await page.waitForSelector("body[data-ready]");
	await page.waitForSelector("#pages canvas");
	await page.screenshot({ path: process.env.DESK_SCREENSHOT });
}
await browser.close();
process.exit(failed ? 1 : 0);
