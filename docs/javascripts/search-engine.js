/*
 * The archive's search engine: fetches only what a query needs from search/ (written by
 * generator/outputs/search.py, whose header describes the files), and ranks readouts.
 *
 * Nothing is fetched until a query runs. Ranking: each term's postings carry its BM25 weight
 * in a readout (titles and registry names count more than the body); a term's rarity (idf)
 * scales it. Readouts holding every term come first, then those holding fewer, so a query
 * comes back empty only when none of its terms matches. The last word of a query still being
 * typed matches as a prefix; a word not in the index matches its near misses; a quoted
 * phrase's words are all required.
 */
(function () {
  "use strict";

  var T = window.archiveSearchText;
  var configNode = document.getElementById("__config");
  var base = new URL((configNode ? JSON.parse(configNode.textContent).base : ".") + "/", location.href);
  var EPOCH = 719163;  /* the proleptic ordinal of 1970-01-01, as Python's date.toordinal() counts */
  var FACETS = ["kind", "official", "initiative", "publisher", "venue"];
  var COLUMNS = { kind: 0, publisher: 1, venue: 2, official: 3, initiative: 4 };  /* in search/f/<year>.json */
  var cache = new Map();

  function fetchJSON(path) {
    if (!cache.has(path)) {
      cache.set(path, fetch(new URL(path, base)).then(function (response) {
        if (!response.ok) throw new Error(path + ": " + response.status);
        return response.json();
      }).catch(function (error) { cache.delete(path); throw error; }));
    }
    return cache.get(path);
  }

  function manifest() {
    return fetchJSON("search/entities.json").then(function (m) {
      if (!m.shardSet) m.shardSet = new Set(m.shards);
      return m;
    });
  }

  function undoGaps(gaps) {
    var total = 0;
    return gaps.map(function (gap) { total += gap; return total; });
  }

  /* Postings: (gap × 8 + impact) → Map of readout number → impact. */
  function decode(encoded) {
    var hits = new Map();
    var total = 0;
    for (var i = 0; i < encoded.length; i++) {
      total += Math.floor(encoded[i] / 8);
      hits.set(total, encoded[i] % 8);
    }
    return hits;
  }

  function dateOf(number, slots) {
    return new Date((Math.floor(number / slots) - EPOCH) * 86400000);
  }

  function isoDay(number, slots) { return dateOf(number, slots).toISOString().slice(0, 10); }
  function yearOf(number, slots) { return dateOf(number, slots).getUTCFullYear(); }

  function humanDate(number, slots) {
    var day = dateOf(number, slots);
    var month = T.MONTHS[day.getUTCMonth()];
    return day.getUTCDate() + " " + month.charAt(0).toUpperCase() + month.slice(1) + " " + day.getUTCFullYear();
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

  function tolerance(word) { return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0; }

  /* A query as terms: {text, required, prefix}. Quoted phrases' words are required; the last
     word, while the reader is still typing it, also matches longer words. */
  function parse(query) {
    var phrases = [];
    var rest = query.replace(/"([^"]*)("|$)/g, function (_, inner) { phrases.push(inner); return " "; });
    var seen = new Set();
    var terms = [];
    function add(text, required, prefix) {
      if (seen.has(text)) return;
      seen.add(text);
      terms.push({ text: text, required: required, prefix: prefix });
    }
    phrases.forEach(function (phrase) {
      T.tokens(phrase).filter(T.indexable).forEach(function (t) { add(t, true, false); });
    });
    var free = T.tokens(rest).filter(T.indexable);
    var typing = /[\p{L}\p{N}]$/u.test(query);
    free.forEach(function (t, i) {
      add(t, false, typing && i === free.length - 1 && t.length >= 3 && !/[^\x00-\x7f]/.test(t.charAt(0)) || false);
    });
    return { terms: terms, phrases: phrases };
  }

  /* One term's readouts: exact word, else (while typing) words it begins, else near misses. */
  function lookup(m, term) {
    var shard = T.shardOf(term.text);
    var empty = { term: term, hits: new Map(), words: [] };
    if (!m.shardSet.has(shard)) return Promise.resolve(empty);
    return fetchJSON("search/w/" + shard + ".json").then(function (postings) {
      var found = [];
      if (postings[term.text]) found.push([term.text, 1]);
      if (term.prefix) {
        Object.keys(postings).forEach(function (w) {
          if (w !== term.text && w.lastIndexOf(term.text, 0) === 0) found.push([w, 0.8]);
        });
      }
      var limit = tolerance(term.text);
      var near = !found.length;
      if (near && limit && !/[^\x00-\x7f]/.test(term.text)) {
        Object.keys(postings).forEach(function (w) {
          if (distance(term.text, w, limit) <= limit) found.push([w, 0.6]);
        });
      }
      var hits = new Map();
      found.forEach(function (pair) {
        decode(postings[pair[0]]).forEach(function (impact, n) {
          var weight = impact * pair[1];
          if (!(hits.get(n) >= weight)) hits.set(n, weight);
        });
      });
      return { term: term, hits: hits, near: near, words: found.map(function (pair) { return pair[0]; }) };
    });
  }

  /* Readouts holding every term first, then those holding most terms; within each, by score or date. */
  function rank(m, looked, byDate) {
    var docs = new Map();
    looked.forEach(function (l) {
      var df = l.hits.size;
      var idf = Math.log(1 + (m.readouts - df + 0.5) / (df + 0.5));
      l.hits.forEach(function (impact, n) {
        var doc = docs.get(n);
        if (!doc) { doc = { n: n, matched: 0, score: 0 }; docs.set(n, doc); }
        doc.matched += 1;
        doc.score += idf * impact;
      });
    });
    var required = looked.filter(function (l) { return l.term.required; });
    var results = Array.from(docs.values()).filter(function (doc) {
      return required.every(function (l) { return l.hits.has(doc.n); });
    });
    results.forEach(function (doc) { doc.all = doc.matched === looked.length; });
    results.sort(function (a, b) {
      return (b.all - a.all) || (byDate ? 0 : (b.matched - a.matched) || (b.score - a.score)) || (b.n - a.n);
    });
    return results;
  }

  /* How well a query names an entity: the whole query (exact 100, a name's start 60, words
     inside a name 50, a near miss 40), else one of its words (30, near 20). */
  function entityScore(whole, terms, entity) {
    var score = 0;
    entity.k.forEach(function (key) {
      var limit = tolerance(whole);
      if (key === whole) score = Math.max(score, 100);
      else if (whole.length >= 2 && key.lastIndexOf(whole, 0) === 0) score = Math.max(score, 60);
      else if (whole.length >= 3 && (" " + key).indexOf(" " + whole) >= 0) score = Math.max(score, 50);
      else if (limit && distance(whole, key, limit) <= limit) score = Math.max(score, 40);
      if (terms.length < 2 || score >= 30) return;
      key.split(" ").forEach(function (word) {
        terms.forEach(function (term) {
          if (term.length < 3) return;
          if (term === word) score = Math.max(score, 30);
          else if (tolerance(term) && distance(term, word, tolerance(term)) <= tolerance(term)) score = Math.max(score, 20);
        });
      });
    });
    return score;
  }

  function matchEntities(m, query) {
    var whole = T.foldName(query.replace(/"/g, " "));
    if (!whole) return [];
    var terms = whole.split(" ").filter(T.indexable);
    return m.entities.map(function (entity) { return { entity: entity, score: entityScore(whole, terms, entity) }; })
      .filter(function (match) { return match.score > 0; })
      .sort(function (a, b) { return b.score - a.score || b.entity.c - a.entity.c || (a.entity.n < b.entity.n ? -1 : 1); });
  }

  /* "Did you mean": each term that matched nothing or only near misses, replaced by the nearest
     word of a registry name. */
  function suggest(m, query, looked) {
    var changed = false;
    var replacements = new Map();
    looked.forEach(function (l) {
      if (!l.near || l.term.text.length < 3) return;
      var best = null;
      m.entities.forEach(function (entity) {
        entity.k.forEach(function (key) {
          key.split(" ").forEach(function (word) {
            var limit = Math.max(tolerance(l.term.text), 1) + 1;
            var d = distance(l.term.text, word, limit);
            if (d <= limit && (!best || d < best.d || (d === best.d && entity.c > best.c))) best = { word: word, d: d, c: entity.c };
          });
        });
      });
      if (best && best.d > 0) { replacements.set(l.term.text, best.word); changed = true; }
    });
    if (!changed) return "";
    return T.tokens(query).map(function (t) { return replacements.get(t) || t; }).join(" ");
  }

  function entityNumbers(id) { return fetchJSON("search/e/" + id + ".json").then(undoGaps); }

  /* Each readout's facets (kind, publisher, venue, officials, initiatives), from its year's file. */
  function facetsOf(m, numbers) {
    var years = Array.from(new Set(numbers.map(function (n) { return yearOf(n, m.slots); }))).sort();
    return Promise.all(years.map(function (y) { return fetchJSON("search/f/" + y + ".json"); })).then(function (files) {
      var facets = new Map();
      files.forEach(function (file) { Object.keys(file).forEach(function (n) { facets.set(Number(n), file[n]); }); });
      return facets;
    });
  }

  function recordMatches(record, state) {
    return FACETS.every(function (facet) {
      var value = record[COLUMNS[facet]];
      return !state[facet] || (Array.isArray(value) ? value.indexOf(state[facet]) >= 0 : value === state[facet]);
    });
  }

  function yearRange(state) {
    var from = Number(state.year || state.from) || -Infinity;
    var to = Number(state.year || state.to) || Infinity;
    return [from, to];
  }

  /* A state whose filters hold only values the index lists (a kind of the manifest, an entity of the
     filter's own type), a year range of numbers and a known order: anything else in a shared
     address is dropped, so the page never fetches a file it was not given by the index. */
  var TYPES = { official: "o", initiative: "i", publisher: "p", venue: "v" };
  function accepted(m, state) {
    if (!m.ids) {
      m.ids = new Map(m.entities.map(function (e) { return [e.id, e.t]; }));
      m.kindSet = new Set(m.kinds.map(function (pair) { return pair[0]; }));
    }
    var clean = Object.assign({}, state);
    FACETS.forEach(function (facet) {
      var value = clean[facet] || "";
      var known = facet === "kind" ? m.kindSet.has(value) : m.ids.get(value) === TYPES[facet];
      clean[facet] = known ? value : "";
    });
    ["year", "from", "to"].forEach(function (key) {
      if (!/^\d{1,4}$/.test(clean[key] || "")) clean[key] = "";
    });
    if (clean.sort !== "date") clean.sort = "";
    return clean;
  }

  function filtered(state) { return FACETS.some(function (f) { return state[f]; }); }

  /* Readouts for a state without words: those of a filter's entity, else every readout of the years asked. */
  function browse(m, state) {
    var range = yearRange(state);
    var entity = state.official || state.initiative || state.venue || state.publisher;
    var found = entity ? entityNumbers(entity) : Promise.all(m.years.filter(function (pair) {
      return pair[0] >= range[0] && pair[0] <= range[1];
    }).map(function (pair) { return fetchJSON("search/f/" + pair[0] + ".json"); })).then(function (files) {
      return [].concat.apply([], files.map(function (file) { return Object.keys(file).map(Number); }));
    });
    return found.then(function (numbers) {
      return numbers.sort(function (a, b) { return b - a; }).map(function (n) { return { n: n, all: true, score: 0 }; });
    });
  }

  /* The whole answer to a search state: entities, ranked readouts, the words to mark, a suggestion,
     and (withFacets) each readout's facets, so a page can filter and count. */
  function search(state, withFacets) {
    return manifest().then(function (m) {
      state = accepted(m, state);
      var parsed = parse(state.q || "");
      var range = yearRange(state);
      var looking = Promise.all(parsed.terms.map(function (term) { return lookup(m, term); }));
      return looking.then(function (looked) {
        var ranked = parsed.terms.length ? rank(m, looked, state.sort === "date")
          : (withFacets && (filtered(state) || state.year || state.from || state.to) ? null : []);
        return Promise.resolve(ranked || browse(m, state)).then(function (results) {
          results = results.filter(function (r) {
            var year = yearOf(r.n, m.slots);
            return year >= range[0] && year <= range[1];
          });
          var named = parsed.terms.length ? matchEntities(m, state.q) : [];
          var answer = {
            manifest: m, state: state, results: results, phrases: parsed.phrases,
            entities: named.map(function (match) { return match.entity; }),
            /* the names a query stands for (Reahy: Ebrahim Raisi), marked on the page a result opens */
            names: [].concat.apply([], named.filter(function (match) { return match.score >= 40; }).slice(0, 3)
              .map(function (match) { return T.tokens(match.entity.n).filter(T.indexable); })),
            words: [].concat.apply([], looked.map(function (l) { return l.words; })),
            prefixes: parsed.terms.filter(function (t) { return t.prefix; }).map(function (t) { return t.text; }),
            suggestion: suggest(m, state.q || "", looked)
          };
          if (!withFacets) return answer;
          return facetsOf(m, results.map(function (r) { return r.n; })).then(function (facets) {
            answer.facets = facets;
            answer.unfiltered = results;
            answer.results = results.filter(function (r) { return recordMatches(facets.get(r.n), state); });
            return answer;
          });
        });
      });
    });
  }

  /* The records a result shows, from the files of their days. */
  function documents(m, numbers) {
    var days = Array.from(new Set(numbers.map(function (n) { return isoDay(n, m.slots); })));
    return Promise.all(days.map(function (d) { return fetchJSON("search/d/" + d + ".json"); })).then(function (files) {
      var byDay = new Map(days.map(function (d, i) { return [d, files[i]]; }));
      return numbers.map(function (n) { return byDay.get(isoDay(n, m.slots))[n % m.slots]; });
    });
  }

  window.archiveSearch = {
    base: base, FACETS: FACETS, COLUMNS: COLUMNS, search: search, accepted: accepted, recordMatches: recordMatches, documents: documents, manifest: manifest,
    humanDate: humanDate, yearOf: yearOf, parse: parse, fetchJSON: fetchJSON
  };
})();
