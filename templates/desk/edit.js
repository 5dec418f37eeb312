// edit.js -- the desk's issue page: the source in CodeMirror, saved on each pause against the version it was based on, beside the live page and the print pages; check's marks, history, pictures and imports.
"use strict";

const path = decodeURIComponent(location.pathname.replace(/^\/desk\/edit\//, ""));
const stem = path.replace(/^issues\//, "").replace(/\.md$/, "");
const PAUSE_MS = 100;		// a typing pause this long saves

const $ = (id) => document.getElementById(id);
let cm;				// the CodeMirror editor
let version = null;		// what the file on disk is, as far as we know
let saving = null;		// the save in flight
let timer = 0;
let dirty = false;
let conflict = false;
let composing = false;		// an input method is composing: its pinyin is no text yet
let marks = [];

function state(name, text) {
	document.body.classList.remove("state-dirty", "state-saving", "state-saved",
		"state-conflict", "state-error");
	document.body.classList.add("state-" + name);
	$("status").textContent = text;
}

async function post(url, body, headers) {
	const r = await fetch(url, { method: "POST", body, headers: headers || {},
		credentials: "same-origin" });
	return { status: r.status, data: await r.json().catch(() => ({})) };
}

const q = (extra) => "?path=" + encodeURIComponent(path) + (extra || "");

async function loadSource() {
	const r = await fetch("/desk/api/source" + q(), { credentials: "same-origin" });
	if (!r.ok)
		throw new Error("读不到这一期：" + r.status);
	return r.json();
}

// Save what the editor holds, based on the version last seen; a
// conflict stops saving until the editor chooses.
async function save() {
	clearTimeout(timer);
	if (conflict)
		return;
	if (saving) {
		await saving;
		if (!dirty)
			return;
	}
	const text = cm.getValue();
	dirty = false;
	state("saving", "正在保存……");
	saving = post("/desk/api/save" + q(), text, {
		"Content-Type": "text/plain; charset=utf-8",
		"X-Jianbao-Base": version,
	});
	const { status, data } = await saving;
	saving = null;
	if (status === 200) {
		version = data.version;
		if (dirty)
			state("dirty", "有改动未保存");
		else
			state("saved", "已保存 " + new Date().toLocaleTimeString("zh-CN"));
		document.dispatchEvent(new CustomEvent("jianbao-saved", { detail: version }));
		return;
	}
	dirty = true;
	if (status === 409) {
		conflict = true;
		state("conflict", "没有保存：这一期在别处改过了");
		$("mine").value = text;
		$("theirs").value = data.text || "";
		$("conflict").dataset.version = data.version || "";
		$("conflict").showModal();
		return;
	}
	state("error", "没有保存：" + (data.error || status));
}

function changed() {
	dirty = true;
	state("dirty", "有改动未保存");
	clearTimeout(timer);
	if (!composing)
		timer = setTimeout(save, PAUSE_MS);
}

$("keep-mine").addEventListener("click", () => {
	version = $("conflict").dataset.version;
	conflict = false;
	$("conflict").close();
	save();
});
$("take-theirs").addEventListener("click", () => {
	version = $("conflict").dataset.version;
	conflict = false;
	cm.setValue($("theirs").value);
	dirty = false;
	clearTimeout(timer);
	state("saved", "已改用磁盘上的版本");
	$("conflict").close();
});

// ---- check's findings as marks ----

// check counts columns in characters; CodeMirror in UTF-16 units.
function chOf(line, col) {
	const text = cm.getLine(line) || "";
	let n = 0, ch = 0;
	for (const c of text) {
		if (n === col - 1)
			break;
		ch += c.length;
		n++;
	}
	return ch;
}

const FIX = /^可修正：“([\s\S]*)” → “([\s\S]*)”$/;

function repair(f) {
	const line = f.line - 1, ch = chOf(line, f.col);
	const from = { line, ch }, to = { line, ch: ch + f.from.length };
	if (cm.getRange(from, to) !== f.from) {
		$("status").textContent = "这处已经改过了，请重新校对";
		return;
	}
	cm.replaceRange(f.to, from, to, "+jianbao-fix");
	cm.focus();
	cm.setCursor({ line, ch: ch + f.to.length });
}

async function check() {
	const r = await fetch("/desk/api/check" + q(), { credentials: "same-origin" });
	if (!r.ok || dirty)
		return;
	const { findings, fixes } = await r.json();
	for (const m of marks)
		m.clear();
	marks = [];
	const list = $("findings");
	list.textContent = "";
	const items = [];
	for (const f of fixes) {
		const m = FIX.exec(f.message || "");
		if (m && f.line && f.col)
			items.push({ line: f.line, col: f.col, level: "可修正", rule: f.rule,
				message: `${m[1]} 应为 ${m[2]}`, from: m[1], to: m[2] });
	}
	for (const f of findings)
		if (f.file && f.line && !items.some((i) => i.line === f.line && i.col === f.col && i.rule === f.rule))
			items.push(f);
		else if (f.line) {
			const i = items.find((i) => i.line === f.line && i.col === f.col && i.rule === f.rule);
			if (i)
				i.message = f.message;
		}
	items.sort((a, b) => a.line - b.line || (a.col || 0) - (b.col || 0));
	for (const f of items) {
		const line = f.line - 1;
		const ch = f.col ? chOf(line, f.col) : 0;
		const len = f.from ? Math.max(f.from.length, 1) : 1;
		const cls = f.level === "错误" ? "cm-jb-error" : f.level === "警告" ? "cm-jb-warning" : "cm-jb-notice";
		marks.push(cm.markText({ line, ch }, { line, ch: f.col ? ch + len : (cm.getLine(line) || "").length },
			{ className: cls, attributes: { title: f.message } }));
		const li = document.createElement("li");
		const go = document.createElement("a");
		go.href = "#";
		go.textContent = `第 ${f.line} 行${f.col ? "第 " + f.col + " 列" : ""}`;
		go.addEventListener("click", (e) => {
			e.preventDefault();
			cm.focus();
			cm.setCursor({ line, ch });
		});
		li.appendChild(go);
		li.appendChild(document.createTextNode(`　${f.level}：${f.message}`));
		if (f.from !== undefined) {
			const b = document.createElement("button");
			b.type = "button";
			b.textContent = "修正";
			b.setAttribute("aria-label", `修正第 ${f.line} 行：${f.message}`);
			b.addEventListener("click", () => repair(f));
			li.appendChild(b);
		}
		list.appendChild(li);
	}
	if (items.length === 0) {
		const li = document.createElement("li");
		li.textContent = "没有发现问题";
		list.appendChild(li);
	}
}

// ---- from the live page to the source ----

// Text as the page shows it and as the source writes it, compared
// without spaces and Markdown's marks.
const bare = (s) => s.replace(/[\s*_`#>|\[\]()!\\]/g, "");

// The line of the source that a block of the page comes from: the first
// whose text holds a piece of the block's, a longer piece first.
function lineOf(text) {
	const want = bare(text);
	if (want === "")
		return -1;
	const lines = [];
	for (let i = 0; i < cm.lineCount(); i++)
		lines.push(bare(cm.getLine(i)));
	for (const len of [16, 8, 4])
		for (let at = 0; at + len <= Math.min(want.length, 64); at += len) {
			const piece = want.slice(at, at + len);
			const i = lines.findIndex((l) => l.includes(piece));
			if (i >= 0)
				return i;
		}
	return -1;
}

function followClicks() {
	const doc = $("live").contentDocument;
	if (!doc)
		return;
	doc.addEventListener("click", (e) => {
		if (e.target.closest("a"))
			return;		// links still go where they point
		const el = e.target.closest("h1, h2, h3, h4, h5, p, li, td, th, figcaption, blockquote, dd, dt");
		if (!el)
			return;
		const line = lineOf(el.textContent);
		if (line < 0)
			return;
		cm.focus();
		cm.setCursor({ line, ch: 0 });
		cm.scrollIntoView({ line, ch: 0 }, 120);
		const mark = cm.markText({ line, ch: 0 }, { line, ch: cm.getLine(line).length },
			{ className: "cm-jb-here" });
		setTimeout(() => mark.clear(), 1500);
	});
}

// ---- the print pages, painted by pdf.js from the PDF ----

let painting = Promise.resolve();
let worker = null;		// one pdf.js worker for every painting

function paintPages() {
	painting = painting.then(async () => {
		const lib = window.pdfjsLib;
		if (!lib)
			return;
		if (!worker)
			worker = new lib.PDFWorker();
		const r = await fetch(`/${stem}.pdf`, { cache: "no-store", credentials: "same-origin" });
		if (!r.ok)
			return;
		const data = new Uint8Array(await r.arrayBuffer());
		const doc = await lib.getDocument({ data, worker, isEvalSupported: false }).promise;
		const box = $("pages");
		const canvases = [];
		// as wide as the pane shows them, no wider: less to paint
		const width = Math.max(200, box.clientWidth - 16) * (window.devicePixelRatio || 1);
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const vp = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
			const c = document.createElement("canvas");
			c.width = vp.width;
			c.height = vp.height;
			c.setAttribute("role", "img");
			c.setAttribute("aria-label", `印刷版第 ${n} 页`);
			await page.render({ canvasContext: c.getContext("2d"), viewport: vp }).promise;
			canvases.push(c);
		}
		box.replaceChildren(...canvases);
		box.dataset.painted = String(Date.now());
		box.dataset.pages = String(doc.numPages);
		doc.destroy();
	}).catch((e) => {
		$("pages").dataset.error = String(e);
	});
}

// ---- history ----

let chosen = null;

async function showHistory() {
	const r = await fetch("/desk/api/history" + q(), { credentials: "same-origin" });
	const versions = r.ok ? await r.json() : [];
	const ul = $("versions");
	ul.textContent = "";
	chosen = null;
	$("restore").disabled = true;
	$("version-text").value = "";
	for (const v of versions) {
		const li = document.createElement("li");
		const b = document.createElement("button");
		b.type = "button";
		const t = v.id.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d).*$/, "$1-$2-$3T$4:$5:$6Z");
		b.textContent = `${new Date(t).toLocaleString("zh-CN")}（${v.size} 字节）`;
		b.dataset.id = v.id;
		b.setAttribute("aria-pressed", "false");
		b.addEventListener("click", async () => {
			for (const o of ul.querySelectorAll("button"))
				o.setAttribute("aria-pressed", String(o === b));
			const r = await fetch("/desk/api/history" + q("&id=" + v.id), { credentials: "same-origin" });
			$("version-text").value = r.ok ? (await r.json()).text : "";
			chosen = v.id;
			$("restore").disabled = false;
		});
		li.appendChild(b);
		ul.appendChild(li);
	}
	if (versions.length === 0)
		ul.textContent = "还没有历史版本";
	$("history").showModal();
}

$("show-history").addEventListener("click", async () => {
	if (dirty)
		await save();
	showHistory();
});
$("close-history").addEventListener("click", () => $("history").close());
$("restore").addEventListener("click", async () => {
	if (!chosen)
		return;
	const { status, data } = await post("/desk/api/restore" + q("&id=" + chosen), "",
		{ "X-Jianbao-Base": version });
	if (status === 200) {
		version = data.version;
		cm.setValue($("version-text").value);
		dirty = false;
		clearTimeout(timer);
		state("saved", "已恢复所选版本（原来的版本也留在历史中）");
		$("history").close();
	} else
		state("error", "没有恢复：" + (data.error || status));
});

// ---- the front matter as a form ----

let fmValues = {};
const LISTS = ["本期增发.报", "本期增发.送", "本期增发.发"];

async function showForm() {
	if (dirty)
		await save();
	const r = await fetch("/desk/api/frontmatter" + q(), { credentials: "same-origin" });
	const data = await r.json().catch(() => ({}));
	if (!r.ok) {
		state("error", data.error || "读不出期次信息");
		return;
	}
	fmValues = data.values;
	const form = $("fm-form");
	for (const el of form.elements) {
		if (!el.name)
			continue;
		const v = fmValues[el.name];
		el.value = v === undefined ? "" : Array.isArray(v) ? v.join("\n") : v;
	}
	$("fm-status").textContent = "";
	$("fm").showModal();
}

// Only what changed goes back, in the kind of value it was.
function fmChanges() {
	const changes = {};
	for (const el of $("fm-form").elements) {
		if (!el.name)
			continue;
		const old = fmValues[el.name];
		let now = el.value;
		if (LISTS.includes(el.name)) {
			const items = now.split("\n").map((x) => x.trim()).filter(Boolean);
			if ((old === undefined && items.length === 0) ||
			    (Array.isArray(old) && old.join("\n") === items.join("\n")))
				continue;
			changes[el.name] = items;
			continue;
		}
		if (el.name === "编者按") {
			now = now.replace(/\r/g, "");
			// a block keeps its last line break as the file had it
			if (typeof old === "string" && old.endsWith("\n") && now && !now.endsWith("\n"))
				now += "\n";
		}
		if ((old === undefined && now === "") || old === now)
			continue;
		changes[el.name] = now;
	}
	return changes;
}

$("show-form").addEventListener("click", showForm);
$("fm-form").addEventListener("submit", async (e) => {
	if (e.submitter && e.submitter.value !== "ok")
		return;
	e.preventDefault();
	const changes = fmChanges();
	if (Object.keys(changes).length === 0) {
		$("fm").close();
		return;
	}
	if (dirty)
		await save();
	const { status, data } = await post("/desk/api/frontmatter" + q(), JSON.stringify(changes), {
		"Content-Type": "application/json", "X-Jianbao-Base": version });
	if (status !== 200) {
		$("fm-status").textContent = "没有写入：" + (data.error || status);
		return;
	}
	await reloadFrom(data);
	state("saved", "已写入期次信息");
	$("fm").close();
});

// ---- bringing material in ----

async function reloadFrom(data) {
	const s = await loadSource();
	version = s.version;
	cm.setValue(s.text);
	dirty = false;
	clearTimeout(timer);
}

async function importFile(f) {
	if (dirty)
		await save();
	if (conflict)
		return;
	state("saving", `正在导入 ${f.name}……`);
	const { status, data } = await post("/desk/api/import" + q(), f, {
		"X-Jianbao-Name": encodeURIComponent(f.name), "X-Jianbao-Base": version });
	$("findings").textContent = "";
	const li = document.createElement("li");
	li.textContent = [data.messages, data.error].filter(Boolean).join("\n") || "导入完成";
	li.className = "messages";
	$("findings").appendChild(li);
	if (status === 200) {
		await reloadFrom(data);
		state("saved", `已导入 ${f.name}`);
	} else
		state("error", "没有导入：" + (data.error || "见校对结果处的信息"));
}

function askPicture() {
	return new Promise((resolve) => {
		const d = $("picture");
		$("alt").value = "";
		$("caption").value = "";
		d.addEventListener("close", () => resolve(d.returnValue === "ok" ?
			{ alt: $("alt").value.trim(), caption: $("caption").value.trim() } : null), { once: true });
		d.showModal();
	});
}

async function insertPicture(f) {
	const at = cm.getCursor();
	const { status, data } = await post("/desk/api/image" + q(), f, {
		"X-Jianbao-Name": encodeURIComponent(f.name) });
	if (status !== 200) {
		state("error", "没有插入图片：" + (data.error || status));
		return;
	}
	const asked = await askPicture();
	if (!asked)
		return;
	const title = asked.caption ? ` "${asked.caption.replace(/"/g, "”")}"` : "";
	const text = `\n![${asked.alt.replace(/[\[\]]/g, "")}](${data.name}${title})\n`;
	cm.replaceRange(text, at);
	cm.focus();
}

function take(f) {
	if (/^image\/(png|jpeg)$/.test(f.type))
		insertPicture(f);
	else
		importFile(f);
}

$("import-file").addEventListener("change", (e) => {
	if (e.target.files[0])
		importFile(e.target.files[0]);
	e.target.value = "";
});
$("image-file").addEventListener("change", (e) => {
	if (e.target.files[0])
		insertPicture(e.target.files[0]);
	e.target.value = "";
});

// ---- start ----

async function start() {
	$("issue-name").textContent = path;
	document.title = path + " · 编辑台";
	for (const [id, ext] of [["dl-html", "html"], ["dl-pdf", "pdf"], ["dl-docx", "docx"]])
		$(id).href = `/${stem}.${ext}`;
	if (window.pdfjsLib)
		pdfjsLib.GlobalWorkerOptions.workerSrc = "/desk/sys/pdf/build/pdf.worker.js";
	const s = await loadSource();
	version = s.version;
	cm = CodeMirror($("editor"), {
		value: s.text,
		mode: { name: "yaml-frontmatter", base: "markdown" },
		lineNumbers: true,
		lineWrapping: true,
		inputStyle: "textarea",
		spellcheck: false,
		screenReaderLabel: "期刊原稿",
	});
	if (s.readonly) {
		// a reviewer reads: nothing here would be taken
		cm.setOption("readOnly", true);
		for (const id of ["save", "show-form", "import-file", "image-file"])
			$(id).disabled = true;
		for (const l of document.querySelectorAll("label.button"))
			l.hidden = true;
	}
	cm.on("changes", changed);
	// a pause inside a composition saves nothing: the letters typed so far
	// (die for 第二) would go to the file; the composed text does, after it
	const input = cm.getInputField();
	input.addEventListener("compositionstart", () => { composing = true; clearTimeout(timer); });
	input.addEventListener("compositionend", () => { composing = false; changed(); });
	// the scrolling part is reached by keyboard too (the text itself is, through the editor)
	cm.getScrollerElement().setAttribute("tabindex", "0");
	cm.getScrollerElement().setAttribute("role", "region");
	cm.getScrollerElement().setAttribute("aria-label", "原稿（可滚动）");
	const ed = $("editor");
	ed.addEventListener("dragover", (e) => { e.preventDefault(); ed.classList.add("drop"); });
	ed.addEventListener("dragleave", () => ed.classList.remove("drop"));
	cm.on("drop", (_, e) => {
		ed.classList.remove("drop");
		if (e.dataTransfer && e.dataTransfer.files.length) {
			e.preventDefault();
			const pos = cm.coordsChar({ left: e.clientX, top: e.clientY });
			cm.setCursor(pos);
			take(e.dataTransfer.files[0]);
		}
	});
	$("save").addEventListener("click", save);
	cm.addKeyMap({ "Ctrl-S": () => save(), "Cmd-S": () => save() });
	window.addEventListener("beforeunload", (e) => {
		if (dirty) {
			save();
			e.preventDefault();
		}
	});
	$("live").addEventListener("load", followClicks);
	$("live").src = `/${stem}.html`;
	const events = new EventSource("/__events");
	events.addEventListener("reload", () => check());
	events.addEventListener("diag", () => check());
	events.addEventListener("print", paintPages);
	paintPages();
	check();
	state("saved", s.readonly ? "只读：可以看，不能改" : "已打开");
	document.body.dataset.ready = "1";
}

start().catch((e) => state("error", String(e.message || e)));
