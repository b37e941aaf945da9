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
  var N = window.archiveSearchNames;
  var KINDS = { o: "Official", i: "Initiative", v: "Venue", p: "Publisher", f: "Formulation" };
  var SNIPPET = 240;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* The text's indexed words with where each sits: [start, end) of the original characters,
     Chinese, Japanese and Korean runs as overlapping pairs, as the index holds them. */
  function wordsWithPlaces(text) {
    var found = [];
    var word = /[\p{L}\p{N}]+(?:\u200c[\p{L}\p{N}]+)*/gu;
    var match;
    function add(part, start) {
      var folded = T.tokens(part).join("");
      if (folded && T.indexable(folded)) found.push({ text: folded, start: start, end: start + part.length });
    }
    while ((match = word.exec(text))) {
      var token = match[0];
      var at = 0;
      var cjk = new RegExp(T.CJK.source, "g");
      var run;
      while ((run = cjk.exec(token))) {
        if (run.index > at) add(token.slice(at, run.index), match.index + at);
        var chars = run[0];
        if (chars.length === 1) add(chars, match.index + run.index);
        for (var i = 0; i + 1 < chars.length; i++) add(chars.slice(i, i + 2), match.index + run.index + i);
        at = run.index + chars.length;
      }
      if (at < token.length) add(token.slice(at), match.index + at);
    }
    return found;
  }

  /* Where the marks fall in a text: [start, end, unit] for each word matched and each sequence
     (a phrase, a whole name) found in order; a sequence is marked whole, never word by word, and
     overlapping marks (Chinese pairs) join. */
  function matchRanges(text, marks) {
    var places = wordsWithPlaces(text);
    var words = new Set(marks.words);
    var ranges = [];
    for (var i = 0; i < places.length; i++) {
      var longest = null;
      marks.sequences.forEach(function (sequence) {
        if (sequence.length > places.length - i || (longest && longest.length >= sequence.length)) return;
        for (var j = 0; j < sequence.length; j++) if (places[i + j].text !== sequence[j]) return;
        longest = sequence;
      });
      if (longest) {
        ranges.push([places[i].start, places[i + longest.length - 1].end, longest.join(" ")]);
        i += longest.length - 1;
      } else if (words.has(places[i].text)) {
        ranges.push([places[i].start, places[i].end, places[i].text]);
      }
    }
    var joined = [];
    ranges.forEach(function (range) {
      var last = joined[joined.length - 1];
      if (last && range[0] < last[1]) last[1] = Math.max(last[1], range[1]);
      else joined.push(range.slice());
    });
    return joined;
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

  function marked(tag, className, text, answer) {
    return appendMarked(element(tag, className), text, matchRanges(text, answer.marks));
  }

  /* The worth of a stretch of text: the weights of the distinct words and sequences it holds. */
  function worth(ranges, weights) {
    var units = new Set(ranges.map(function (r) { return r[2]; }));
    var sum = 0;
    units.forEach(function (unit) { sum += weights[unit] || 1; });
    return sum;
  }

  /* The passage to quote: the paragraph with the most and rarest of the words searched for (a
     phrase or a name counting as one), cut to the window of it that holds the most of them. */
  function snippet(paragraphs, answer) {
    var best = { worth: -1 };
    paragraphs.forEach(function (paragraph) {
      var ranges = matchRanges(paragraph[1], answer.marks);
      var value = worth(ranges, answer.marks.weights);
      if (value > best.worth) best = { worth: value, text: paragraph[1], ranges: ranges, number: paragraph[0] };
    });
    var text = best.text || "";
    var start = 0;
    if (text.length > SNIPPET && best.ranges.length) {
      var top = -1;
      best.ranges.forEach(function (range) {
        var from = Math.max(0, range[0] - 40);
        var value = worth(best.ranges.filter(function (r) { return r[0] >= from && r[1] <= from + SNIPPET; }), answer.marks.weights);
        if (value > top) { top = value; start = from; }
      });
      if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    }
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    var shifted = (best.ranges || []).filter(function (r) { return r[0] >= start && r[1] <= end; })
      .map(function (r) { return [r[0] - start, r[1] - start]; });
    var node = appendMarked(element("p", "archive-result__snippet"), text.slice(start, end), shifted);
    if (start > 0 || best.number > 1) node.insertBefore(document.createTextNode("…"), node.firstChild);
    if (end < text.length || best.number < paragraphs.length) node.appendChild(document.createTextNode("…"));
    return node;
  }

  /* A result's address, with what to mark there: each word and each sequence as an h= value. */
  function resultHref(url, answer) {
    var address = new URL(url, S.base);
    var units = answer.marks.words.concat(answer.marks.sequences.map(function (s) { return s.join(" "); }));
    units.filter(function (u, i) { return units.indexOf(u) === i; }).forEach(function (u) { address.searchParams.append("h", u); });
    return address.href;
  }

  function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

  /* An official's line says the position(s) held at the time of the readouts found (days, ISO),
     else the latest; the country stays. */
  function officialRole(entity, days) {
    var held = N.heldOn(entity, days || []);
    if (!held) return entity.r;
    var country = entity.r.split(" · ").slice(-1)[0];
    return held.join(" → ") + (country && entity.r.indexOf(" · ") >= 0 ? " · " + country : "");
  }

  function entityLines(entity, days) {
    var counts = plural(entity.c, "readout", "readouts");
    if (entity.t === "o" && entity.m) counts += ", mentioned in " + entity.m;
    var role = entity.t === "o" ? "Official" + (entity.r ? " · " + officialRole(entity, days) : "") : entity.r || KINDS[entity.t];
    return [role, counts];
  }

  /* A result's content: its heading and lines, into a link or an option made by the caller. */
  function fillEntity(container, entity, answer, days) {
    container.appendChild(marked("span", "archive-result__title", entity.n, answer));
    var lines = entityLines(entity, days).map(function (line) { return element("span", "archive-result__meta", line); });
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
    if (full) container.appendChild(element("span", "archive-result__meta", record[5]));
    if (full && full.length) container.appendChild(snippet(full, answer));
    container.classList.add("archive-result", "archive-result--readout");
    container.dataset.kind = "readout";
    return container;
  }

  /* Marks what a search result was opened with (?h=…: words, and phrases and names as word
     sequences) in the page's text, and scrolls to the first mark in the readout's text; fetches nothing. */
  function markPage() {
    var units = new URLSearchParams(location.search).getAll("h");
    var article = document.querySelector(".md-content article");
    if (!units.length || !article) return;
    var marks = { words: [], sequences: [] };
    units.forEach(function (unit) {
      var words = T.tokens(unit).filter(T.indexable);
      if (words.length === 1) marks.words.push(words[0]);
      else if (words.length > 1) marks.sequences.push(words);
    });
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var first = null;
    nodes.forEach(function (node) {
      if (node.parentNode.closest("script, style, mark, .headerlink")) return;
      var ranges = matchRanges(node.nodeValue, marks);
      if (!ranges.length) return;
      var fragment = appendMarked(document.createDocumentFragment(), node.nodeValue, ranges);
      var mark = fragment.querySelector("mark");
      var parent = node.parentNode;
      parent.replaceChild(fragment, node);
      if (!first || !first.closest("[id^=p]") && parent.closest("p[id^=p]")) first = mark;
    });
    if (!first) return;
    first.classList.add("archive-mark--first");
    if (first.closest("p[id^=p]")) first.scrollIntoView({ block: "center" });
  }

  window.archiveSearchRender = {
    element: element, fillEntity: fillEntity, fillReadout: fillReadout, resultHref: resultHref, matchRanges: matchRanges,
    plural: plural, markPage: markPage
  };
  markPage();
})();
