// titles.js -- article titles cut into words by the reader's browser (Intl.Segmenter, ICU's dictionary), lines ending only between them; copied into each issue page (src/web/html.c, README).
// A <wbr> goes where a line may end between words; the class "words" then sets the titles
// word-break: keep-all (style.css).  Without scripts or Intl.Segmenter titles wrap anywhere.
"use strict";
(() => {
	if (typeof Intl !== "object" || typeof Intl.Segmenter !== "function")
		return;
	const root = document.documentElement;
	let words;
	try {
		words = new Intl.Segmenter(root.lang || "zh", { granularity: "word" });
	} catch (e) {
		return;
	}
	// No <wbr> after a blank, an opening mark or a dash, nor before a blank,
	// a closing, pause or stop mark or a dash: the browser's rules decide there.
	const noEnd = /[\s\p{Ps}\p{Pi}\p{Pd}]$/u;
	const noStart = /^[\s\p{Pe}\p{Pf}\p{Po}\p{Pd}]/u;
	for (const h of document.querySelectorAll("article h2")) {
		const texts = [];
		const walk = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
		for (let n = walk.nextNode(); n !== null; n = walk.nextNode())
			texts.push(n);
		for (const t of texts) {
			const parts = [];
			let prev = "";
			for (const { segment } of words.segment(t.data)) {
				if (prev !== "" && !noEnd.test(prev) && !noStart.test(segment))
					parts.push(document.createElement("wbr"));
				parts.push(segment);
				prev = segment;
			}
			if (parts.length > 1)
				t.replaceWith(...parts);
		}
	}
	root.classList.add("words");
})();
