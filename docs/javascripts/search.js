/*
 * The archive's search, in Material's search box and results list.
 *
 * Nothing is fetched until a reader types. Then, once, search/entities.json (every
 * official, initiative and venue with every name it goes by), and per query only the
 * word shards (search/w/<xx>.json), postings (search/e/<id>.json) and title chunks
 * (search/d/<n>.json) it needs. generator/outputs/search.py writes them; normalise() below
 * must fold text exactly as its Python twin does.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-readouts-search]");
  if (!root) return;
  var input = root.querySelector("[data-readouts-search-query]");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var config = JSON.parse(document.getElementById("__config").textContent);
  var base = new URL(config.base + "/", location.href);
  var PAGE = 10;
  var STOPWORDS = new Set(("a an and are as at be been but by for from had has have he his in is it its of on or " +
    "said she that the their them they this to was were which will with would").split(" "));
  var LETTER_FORMS = { "ي": "ی", "ى": "ی", "ك": "ک", "\u200c": " ", "’": "", "'": "" };
  var MARKS = /[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g;
  var cache = new Map();
  var shown = 0;
  var current = null;

  function normalise(text) {
    return text.normalize("NFKD").replace(MARKS, "")
      .replace(/[يىك\u200c’']/g, function (c) { return LETTER_FORMS[c]; }).toLowerCase();
  }

  function words(text) {
    return (normalise(text).match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) {
      return w.length > 1 && !STOPWORDS.has(w);
    });
  }

  function fetchJSON(path) {
    if (!cache.has(path)) {
      cache.set(path, fetch(new URL(path, base)).then(function (response) {
        if (!response.ok) throw new Error(path + ": " + response.status);
        return response.json();
      }).catch(function (error) { cache.delete(path); throw error; }));
    }
    return cache.get(path);
  }

  function undoGaps(gaps) {
    var total = 0;
    return gaps.map(function (gap) { total += gap; return total; });
  }

  /* Edit distance with transpositions, stopped early past the limit. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var rows = [];
    for (var i = 0; i <= a.length; i++) { rows.push([i]); }
    for (var j = 1; j <= b.length; j++) { rows[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      var best = limit + 1;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1);
        rows[i][j] = value;
        best = Math.min(best, value);
      }
      if (best > limit) return limit + 1;
    }
    return rows[a.length][b.length];
  }

  /* How well a query names an entity: exact 100, start of a name 60, words inside a name 50, near miss 40. */
  function entityScore(query, entity) {
    var score = 0;
    entity.k.forEach(function (key) {
      if (key === query) score = Math.max(score, 100);
      else if (query.length >= 2 && key.indexOf(query) === 0) score = Math.max(score, 60);
      else if (query.length >= 3 && (" " + key).indexOf(" " + query) >= 0) score = Math.max(score, 50);
      else if (query.length >= 4 && distance(query, key, query.length >= 8 ? 2 : 1) <= (query.length >= 8 ? 2 : 1)) score = Math.max(score, 40);
    });
    return score;
  }

  function matchEntities(manifest, query) {
    var folded = normalise(query).replace(/\s+/g, " ").trim();
    return manifest.entities.map(function (entity) { return { entity: entity, score: entityScore(folded, entity) }; })
      .filter(function (match) { return match.score > 0; })
      .sort(function (a, b) { return b.score - a.score || b.entity.c - a.entity.c || (a.entity.n < b.entity.n ? -1 : 1); });
  }

  /* Readouts holding every word (the last one may be unfinished), ranked by hits in titles and names. */
  function searchWords(manifest, query) {
    var terms = words(query);
    if (!terms.length) return Promise.resolve([]);
    var known = new Set(manifest.shards);
    return Promise.all(terms.map(function (term, index) {
      var shard = /^[a-z0-9]{2}$/.test(term.slice(0, 2)) ? term.slice(0, 2) : "_";
      if (!known.has(shard)) return Promise.resolve(new Map());
      return fetchJSON("search/w/" + shard + ".json").then(function (postings) {
        var hits = new Map();
        var last = index === terms.length - 1;
        Object.keys(postings).forEach(function (word) {
          if (word !== term && !(last && term.length >= 3 && word.indexOf(term) === 0)) return;
          undoGaps(postings[word][0]).forEach(function (n) { hits.set(n, 2); });
          undoGaps(postings[word][1]).forEach(function (n) { if (!hits.has(n)) hits.set(n, 1); });
        });
        return hits;
      });
    })).then(function (perTerm) {
      var ranked = [];
      perTerm[0].forEach(function (weight, n) {
        var total = 0;
        for (var i = 0; i < perTerm.length; i++) {
          if (!perTerm[i].has(n)) return;
          total += perTerm[i].get(n);
        }
        ranked.push([n, total]);
      });
      ranked.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return ranked.map(function (pair) { return pair[0]; });
    });
  }

  function documents(manifest, numbers) {
    var chunks = Array.from(new Set(numbers.map(function (n) { return Math.floor(n / manifest.chunk); })));
    return Promise.all(chunks.map(function (c) { return fetchJSON("search/d/" + c + ".json"); })).then(function (loaded) {
      var byChunk = new Map(chunks.map(function (c, i) { return [c, loaded[i]]; }));
      return numbers.map(function (n) { return byChunk.get(Math.floor(n / manifest.chunk))[n % manifest.chunk]; });
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function resultItem(href, title, lines, kind) {
    var item = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    link.href = new URL(href, base).href;
    link.tabIndex = -1;
    link.dataset.kind = kind;
    var article = element("article", "md-search-result__article md-typeset");
    article.appendChild(element("div", "md-search-result__icon md-icon"));
    article.appendChild(element(kind === "readout" ? "h2" : "h1", null, title));
    lines.forEach(function (line) { if (line) article.appendChild(element("p", null, line)); });
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  var KINDS = { o: "Official", i: "Initiative", v: "Place" };

  function showReadouts(manifest, numbers, query) {
    var slice = numbers.slice(shown, shown + PAGE);
    return documents(manifest, slice).then(function (docs) {
      if (query !== current) return;
      var more = list.querySelector("[data-more]");
      if (more) more.remove();
      docs.forEach(function (d) {
        list.appendChild(resultItem(d[0], d[1], [d[2] + " · " + d[3] + " · " + d[4], d[5]], "readout"));
      });
      shown += slice.length;
      if (shown < numbers.length) {
        var item = element("li", "md-search-result__item");
        var button = element("button", "md-search-result__more md-button", "Show " + Math.min(PAGE, numbers.length - shown) + " more");
        button.type = "button";
        button.dataset.more = "";
        item.dataset.more = "";
        button.addEventListener("click", function () { showReadouts(manifest, numbers, query); });
        item.appendChild(button);
        list.appendChild(item);
      }
    });
  }

  function run(query) {
    current = query;
    shown = 0;
    if (!query.trim()) {
      list.replaceChildren();
      meta.textContent = "Type a name, an initiative or a place";
      return Promise.resolve();
    }
    return fetchJSON("search/entities.json").then(function (manifest) {
      var entities = matchEntities(manifest, query);
      var strongest = entities.length ? entities[0].score : 0;
      var leading = entities.filter(function (m) { return m.score === strongest; }).slice(0, 3);
      var postings = Promise.all(leading.map(function (m) { return fetchJSON("search/e/" + m.entity.id + ".json"); }));
      return Promise.all([postings, searchWords(manifest, query)]).then(function (found) {
        if (query !== current) return;
        var seen = new Set();
        var numbers = [];
        var fromEntities = [].concat.apply([], found[0].map(undoGaps)).sort(function (a, b) { return a - b; });
        fromEntities.concat(found[1]).forEach(function (n) { if (!seen.has(n)) { seen.add(n); numbers.push(n); } });
        list.replaceChildren();
        entities.slice(0, 5).forEach(function (m) {
          var e = m.entity;
          list.appendChild(resultItem(e.u, e.n, [KINDS[e.t] + " · " + e.s + " · " + e.c + " readout" + (e.c === 1 ? "" : "s")], "entity"));
        });
        var count = numbers.length;
        meta.textContent = (entities.length ? entities.length + " name" + (entities.length === 1 ? "" : "s") + " and " : "") +
          (count === 0 ? "no readout" : count === 1 ? "1 readout" : count + " readouts");
        return showReadouts(manifest, numbers, query);
      });
    }).catch(function () {
      if (query === current) meta.textContent = "Search is not available right now";
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var query = input.value;
    root.dataset.busy = "";
    timer = setTimeout(function () {
      run(query).then(function () {
        if (query !== current) return;
        delete root.dataset.busy;
        root.dataset.done = query;  /* which query the list shows: tests and the benchmark wait on it */
      });
    }, 120);
  });
  input.addEventListener("focus", function () { toggle.checked = true; });
  root.querySelector("form").addEventListener("reset", function () { setTimeout(function () { run(""); input.focus(); }, 0); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) location.href = first.href;
    } else if (event.key === "Escape") {
      toggle.checked = false;
      input.blur();
    }
  });
  toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); });
  document.addEventListener("keydown", function (event) {
    var typing = /^(input|textarea|select)$/i.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
    if (!typing && (event.key === "/" || event.key === "s" || event.key === "f") && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });
  window.readoutsSearch = { normalise: normalise, run: run };
})();
