/* search.js -- full-text search of the archive in the browser, from the yearly files in search-index/; no server, no library. */
(function () {
	"use strict";

	/*
	 * The index (see src/search.c) maps every pair of neighbouring letters
	 * or digits, lower-cased, to the articles that hold it.  A query is cut
	 * into runs of letters and digits; every run must occur in an article.
	 * The bigrams of the runs narrow the candidates, then each candidate's
	 * text is checked for the runs themselves.
	 */
	var MAX_SHOWN = 100;
	var SNIPPET_BEFORE = 30;
	var SNIPPET_AFTER = 70;

	function runsOf(s) {
		return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
	}

	function gramsOf(run) {
		var cs = Array.from(run), out = [], i;
		for (i = 0; i + 1 < cs.length; i++)
			out.push(cs[i] + cs[i + 1]);
		return out;
	}

	/*
	 * The index comes in parts, one per year, newest first (see
	 * src/search.c), each numbering its own issues and articles from 0.
	 * Joined, the numbers run on across the parts, so article numbers
	 * still mean "newer first".
	 */
	function join(parts) {
		var data = { issues: [], articles: [], parts: [] };
		parts.forEach(function (p) {
			var issueBase = data.issues.length;
			data.parts.push({ grams: p.grams, base: data.articles.length });
			p.issues.forEach(function (is) { data.issues.push(is); });
			p.articles.forEach(function (a) {
				data.articles.push(Object.assign({}, a,
				    { issue: a.issue + issueBase }));
			});
		});
		return data;
	}

	/* Article numbers of a gram: stored as gaps, "0,3,12" = 0, 3, 15. */
	function postings(data, gram) {
		var out = [];
		data.parts.forEach(function (p) {
			var s = p.grams[gram], n = 0;
			if (s === undefined)
				return;
			s.split(",").forEach(function (gap, i) {
				n = i === 0 ? Number(gap) : n + Number(gap);
				out.push(p.base + n);
			});
		});
		return out;
	}

	function intersect(a, b) {
		var set = new Set(b);
		return a.filter(function (x) { return set.has(x); });
	}

	function count(hay, needle) {
		var n = 0, at = hay.indexOf(needle);
		while (at !== -1) {
			n++;
			at = hay.indexOf(needle, at + needle.length);
		}
		return n;
	}

	/*
	 * The articles matching query, best first: more hits in the title,
	 * then more hits overall, then the newer issue.  Each result is
	 * { article, issue, index, score }.
	 */
	function search(data, query) {
		var terms = runsOf(query), cand = null, results = [];
		if (terms.length === 0)
			return results;
		terms.forEach(function (t) {
			gramsOf(t).forEach(function (g) {
				var p = postings(data, g);
				cand = cand === null ? p : intersect(cand, p);
			});
		});
		if (cand === null)		/* only one-character terms */
			cand = data.articles.map(function (_, i) { return i; });
		cand.forEach(function (i) {
			var a = data.articles[i];
			var head = [a.kicker, a.title, a.subtitle].join(" ").toLowerCase();
			var body = a.text.toLowerCase();
			var score = 0, ok = terms.every(function (t) {
				var h = count(head, t), b = count(body, t);
				score += 10 * h + b;
				return h + b > 0;
			});
			if (ok)
				results.push({ article: a, issue: data.issues[a.issue],
				    index: i, score: score });
		});
		results.sort(function (x, y) {
			return y.score - x.score || x.index - y.index;
		});
		return results;
	}

	/* Append s to el with every occurrence of the terms in <mark>. */
	function marked(el, s, terms) {
		var low = s.toLowerCase(), at = 0;
		while (at < s.length) {
			var best = -1, len = 0;
			terms.forEach(function (t) {
				var k = low.indexOf(t, at);
				if (k !== -1 && (best === -1 || k < best)) {
					best = k;
					len = t.length;
				}
			});
			if (best === -1)
				break;
			el.appendChild(document.createTextNode(s.slice(at, best)));
			var m = document.createElement("mark");
			m.textContent = s.slice(best, best + len);
			el.appendChild(m);
			at = best + len;
		}
		el.appendChild(document.createTextNode(s.slice(at)));
	}

	/* A stretch of the text around the first hit, on one line. */
	function snippet(text, terms) {
		var low = text.toLowerCase(), at = -1;
		terms.forEach(function (t) {
			var k = low.indexOf(t);
			if (k !== -1 && (at === -1 || k < at))
				at = k;
		});
		if (at === -1)
			at = 0;
		var from = Math.max(0, at - SNIPPET_BEFORE);
		var to = Math.min(text.length, at + SNIPPET_AFTER);
		return (from > 0 ? "…" : "") +
		    text.slice(from, to).replace(/\s+/g, " ") +
		    (to < text.length ? "…" : "");
	}

	function show(data, query) {
		var status = document.getElementById("search-status");
		var list = document.getElementById("search-results");
		var terms = runsOf(query), results, i;
		list.textContent = "";
		if (terms.length === 0) {
			status.textContent = query.trim() === "" ? "" :
			    "请输入要查找的字词。";
			return;
		}
		results = search(data, query);
		if (results.length === 0) {
			status.textContent = "没有找到包含“" + query.trim() + "”的文章。";
			return;
		}
		status.textContent = "找到 " + results.length + " 篇文章" +
		    (results.length > MAX_SHOWN ? "，显示前 " + MAX_SHOWN + " 篇" : "") +
		    "。";
		for (i = 0; i < results.length && i < MAX_SHOWN; i++) {
			var r = results[i], a = r.article;
			var li = document.createElement("li");
			var where = document.createElement("p");
			where.className = "result-issue";
			where.textContent = r.issue.label + " · " + r.issue.date;
			var link = document.createElement("a");
			link.className = "result-title";
			link.href = r.issue.href + "#" + a.anchor;
			if (a.kicker) {
				var k = document.createElement("span");
				k.className = "kicker";
				marked(k, a.kicker + " ", terms);
				link.appendChild(k);
			}
			marked(link, a.title, terms);
			var snip = document.createElement("p");
			snip.className = "snippet";
			marked(snip, snippet(a.text, terms), terms);
			li.appendChild(where);
			li.appendChild(link);
			li.appendChild(snip);
			list.appendChild(li);
		}
	}

	function start() {
		var input = document.getElementById("q");
		var status = document.getElementById("search-status");
		var query = new URLSearchParams(window.location.search).get("q") || "";
		var expected = document.querySelectorAll("script.search-index").length;
		var parts = typeof JIANBAO_SEARCH === "undefined" ? [] : JIANBAO_SEARCH;
		if (parts.length < expected) {
			status.textContent = "搜索索引（search-index 文件夹）没有全部载入，无法搜索。";
			return;
		}
		input.value = query;
		show(join(parts), query);
	}

	if (typeof module === "object" && module.exports)
		module.exports = { join: join, search: search, snippet: snippet,
		    runsOf: runsOf };
	else if (document.readyState === "loading")
		document.addEventListener("DOMContentLoaded", start);
	else
		start();
}());
