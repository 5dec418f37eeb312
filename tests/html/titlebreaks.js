// titlebreaks.js -- put into a built issue page by t_html.sh: where Chromium ends the lines of each article's title.
// Sets data-breaks on <body>: a word per line break, "ok" where the line ends at a <wbr>,
// at a blank or after a mark, else "bad:X|Y" with the characters on either side.
addEventListener("load", () => {
	const out = [];
	for (const h of document.querySelectorAll("article h2")) {
		let top = null, prev = "", wbr = false;
		for (const n of h.childNodes) {
			if (n.nodeName === "WBR") {
				wbr = true;
				continue;
			}
			if (n.nodeType !== Node.TEXT_NODE)
				continue;
			for (let i = 0; i < n.data.length; i++) {
				const r = document.createRange();
				r.setStart(n, i);
				r.setEnd(n, i + 1);
				const b = r.getBoundingClientRect();
				if (top !== null && b.top > top + 2)
					out.push((wbr && i === 0) || /[\s\p{P}]/u.test(prev) ?
					    "ok" : `bad:${prev}|${n.data[i]}`);
				top = b.top;
				prev = n.data[i];
				wbr = false;
			}
		}
	}
	document.body.setAttribute("data-breaks", out.join(" "));
});
