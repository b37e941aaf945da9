/*
 * What a search result looks like, built with DOM calls and textContent only: nothing from
 * the index is ever parsed as HTML. Readouts show title, date, kind, venue, participants and
 * a snippet, matched words in <mark>; names show their role and counts. A result's link
 * carries the words (?h=…), so the page it opens marks them too (markPage, below).
 */
(function () {
  "use strict";

  var T = window.archiveSearchText;
  var S = window.archiveSearch;
  var KINDS = { o: "Official", i: "Initiative", v: "Venue", p: "Publisher", f: "Formulation" };
  var SNIPPET = 180;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* Where each matched word sits in text: [start, end) ranges of the original characters. */
  function matchRanges(text, words, prefixes) {
    var wanted = new Set(words);
    var ranges = [];
    var word = /[\p{L}\p{N}]+/gu;
    var found;
    while ((found = word.exec(text))) {
      var start = found.index;
      var token = found[0];
      var cjk = new RegExp(T.CJK.source, "g");
      var run;
      var plain = true;
      while ((run = cjk.exec(token))) {
        plain = false;
        for (var i = 0; i + 1 < run[0].length; i++) {
          if (wanted.has(T.normalise(run[0].slice(i, i + 2)))) ranges.push([start + run.index + i, start + run.index + i + 2]);
        }
      }
      if (!plain) continue;
      var folded = T.tokens(token).join("");
      if (wanted.has(folded) || prefixes.some(function (p) { return folded.lastIndexOf(p, 0) === 0; })) {
        ranges.push([start, start + token.length]);
      }
    }
    return ranges;
  }

  function appendMarked(parent, text, ranges) {
    var at = 0;
    ranges.forEach(function (range) {
      if (range[0] < at) return;
      if (range[0] > at) parent.appendChild(document.createTextNode(text.slice(at, range[0])));
      parent.appendChild(element("mark", null, text.slice(range[0], range[1])));
      at = range[1];
    });
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
    return parent;
  }

  function wordsOf(answer) { return answer.words.concat(answer.names || []); }

  function marked(tag, className, text, answer) {
    return appendMarked(element(tag, className), text, matchRanges(text, wordsOf(answer), answer.prefixes));
  }

  /* A window of the text around its first matched word. */
  function snippet(text, answer) {
    var ranges = matchRanges(text, wordsOf(answer), answer.prefixes);
    var start = ranges.length ? Math.max(0, ranges[0][0] - 60) : 0;
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    var part = text.slice(start, end);
    var shifted = ranges.filter(function (r) { return r[0] >= start && r[1] <= end; })
      .map(function (r) { return [r[0] - start, r[1] - start]; });
    var node = appendMarked(element("p", "archive-result__snippet"), part, shifted);
    if (start > 0) node.insertBefore(document.createTextNode("…"), node.firstChild);
    if (end < text.length) node.appendChild(document.createTextNode("…"));
    return node;
  }

  function resultHref(url, answer) {
    var address = new URL(url, S.base);
    var words = answer.words.concat(answer.prefixes, answer.names || []).filter(function (w, i, all) {
      return all.indexOf(w) === i;
    });
    if (words.length) address.searchParams.set("h", words.join(" "));
    return address.href;
  }

  function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

  function entityLines(entity) {
    var counts = plural(entity.c, "readout", "readouts");
    if (entity.t === "o" && entity.m) counts += ", mentioned in " + entity.m;
    var role = entity.t === "o" ? "Official" + (entity.r ? " · " + entity.r : "") : entity.r || KINDS[entity.t];
    return [role, counts];
  }

  /* A result's content: its heading and lines, into a link or an option made by the caller. */
  function fillEntity(container, entity, answer) {
    container.appendChild(marked("span", "archive-result__title", entity.n, answer));
    var lines = entityLines(entity).map(function (line) { return element("span", "archive-result__meta", line); });
    if (entity.native) {  /* isolated, so a right-to-left name leaves the line's order alone */
      lines[1].insertBefore(document.createTextNode(" · "), lines[1].firstChild);
      lines[1].insertBefore(element("bdi", null, entity.native), lines[1].firstChild);
    }
    lines.forEach(function (line) { container.appendChild(line); });
    container.classList.add("archive-result", "archive-result--entity");
    container.dataset.kind = entity.t;
    return container;
  }

  function fillReadout(container, n, record, answer, full) {
    var m = answer.manifest;
    container.appendChild(marked("span", "archive-result__title", record[1], answer));
    var facts = [S.humanDate(n, m.slots), record[2].charAt(0).toUpperCase() + record[2].slice(1), record[3]];
    container.appendChild(element("span", "archive-result__meta", facts.filter(Boolean).join(" · ")));
    if (record[4].length) container.appendChild(marked("span", "archive-result__people", record[4].join(", "), answer));
    if (full) {
      container.appendChild(element("span", "archive-result__meta", record[5]));
      var text = snippet(record[6], answer);
      container.appendChild(text);
    }
    container.classList.add("archive-result", "archive-result--readout");
    container.dataset.kind = "readout";
    return container;
  }

  /* Marks the words a search result was opened with (?h=…) in the page's text; fetches nothing. */
  function markPage() {
    var words = new URLSearchParams(location.search).get("h");
    var article = document.querySelector(".md-content article");
    if (!words || !article) return;
    var answer = { words: T.tokens(words), prefixes: [] };
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var first = null;
    nodes.forEach(function (node) {
      if (node.parentNode.closest("script, style, mark, .headerlink")) return;
      var ranges = matchRanges(node.nodeValue, answer.words, []);
      if (!ranges.length) return;
      var fragment = appendMarked(document.createDocumentFragment(), node.nodeValue, ranges);
      first = first || fragment.querySelector("mark");
      node.parentNode.replaceChild(fragment, node);
    });
    if (first) first.classList.add("archive-mark--first");
  }

  window.archiveSearchRender = {
    element: element, fillEntity: fillEntity, fillReadout: fillReadout, resultHref: resultHref,
    plural: plural, markPage: markPage
  };
  markPage();
})();
