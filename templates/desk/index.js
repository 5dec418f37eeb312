// index.js -- the desk's first page: every issue by year with check's errors and warnings, new issue, import into a new one.
"use strict";

const statusEl = document.getElementById("status");
const messagesEl = document.getElementById("messages");

function say(text) {
	statusEl.textContent = text;
}

function show(result) {
	const text = [result.output, result.messages].filter(Boolean).join("\n").trim();
	messagesEl.hidden = text === "";
	messagesEl.textContent = text;
}

// Every POST carries the page's own origin; the server checks it.
async function post(url, body, headers) {
	const r = await fetch(url, { method: "POST", body: body || "", headers: headers || {},
		credentials: "same-origin" });
	return { status: r.status, data: await r.json().catch(() => ({})) };
}

function cell(row, text, cls) {
	const td = document.createElement("td");
	td.textContent = text;
	if (cls)
		td.className = cls;
	row.appendChild(td);
	return td;
}

function link(parent, href, text, download) {
	const a = document.createElement("a");
	a.href = href;
	a.textContent = text;
	if (download)
		a.download = "";
	parent.appendChild(a);
	parent.appendChild(document.createTextNode(" "));
}

async function load() {
	const r = await fetch("/desk/api/issues", { credentials: "same-origin" });
	if (!r.ok) {
		say("读不到各期：" + r.status);
		return;
	}
	const { issues } = await r.json();
	const years = document.getElementById("years");
	years.textContent = "";
	const byYear = new Map();
	for (const i of issues) {
		if (!byYear.has(i.year))
			byYear.set(i.year, []);
		byYear.get(i.year).push(i);
	}
	for (const year of [...byYear.keys()].sort((a, b) => b - a)) {
		const h = document.createElement("h2");
		h.textContent = `${year} 年`;
		h.id = `y${year}`;
		years.appendChild(h);
		const t = document.createElement("table");
		t.setAttribute("aria-labelledby", h.id);
		const head = t.createTHead().insertRow();
		for (const name of ["期", "错误", "警告", "打开", "下载"]) {
			const th = document.createElement("th");
			th.scope = "col";
			th.textContent = name;
			head.appendChild(th);
		}
		const body = t.createTBody();
		for (const i of byYear.get(year)) {
			const row = body.insertRow();
			cell(row, (i.prefix ? "增刊" : "") + `第 ${i.number} 期`);
			cell(row, String(i.errors), i.errors ? "bad" : "");
			cell(row, String(i.warnings), i.warnings ? "warn" : "");
			const open = cell(row, "");
			link(open, `/desk/edit/${i.path}`, `编辑 ${i.path}`);
			link(open, `/${i.stem}.html`, "网页");
			const dl = cell(row, "");
			link(dl, `/${i.stem}.pdf`, "PDF", true);
			link(dl, `/${i.stem}.docx`, "Word", true);
		}
		years.appendChild(t);
	}
	say(`共 ${issues.length} 期`);
}

async function create(kind) {
	say("正在新建……");
	const q = kind ? "?kind=" + encodeURIComponent(kind) : "";
	const { status, data } = await post("/desk/api/new" + q);
	show(data);
	const path = (data.output || "").trim().split("\n").pop();
	if (status === 200 && path) {
		location.href = "/desk/edit/" + path;
		return;
	}
	say("没有新建：见下面的信息");
}

document.getElementById("new-issue").addEventListener("click", () => create(""));
document.getElementById("new-supplement").addEventListener("click", () => create("增刊"));
document.getElementById("import-file").addEventListener("change", async (e) => {
	const f = e.target.files[0];
	if (!f)
		return;
	say(`正在导入 ${f.name}……`);
	const { status, data } = await post("/desk/api/import", f,
		{ "X-Jianbao-Name": encodeURIComponent(f.name) });
	show(data);
	e.target.value = "";
	const path = (data.output || "").trim().split("\n").pop();
	if (status === 200 && path)
		location.href = "/desk/edit/" + path;
	else
		say("没有导入：" + (data.error || "见下面的信息"));
});

document.getElementById("publish").addEventListener("click", async () => {
	say("正在发布……");
	const { status, data } = await post("/desk/api/publish");
	show(data);
	say(status === 200 ? "已发布" : "没有发布：" + (data.error || "见下面的信息"));
});

load();
