/*
 * The archive's search engine: fetches only what a query needs from search/ (written by
 * generator/outputs/search.py, whose header describes the files), and ranks readouts.
 *
 * Nothing is fetched until a query runs. Ranking: each term's postings carry its BM25 weight
 * in a readout (titles and registry names count more than the body); a term's rarity (idf)
 * scales it. Readouts holding every term come first, then those holding fewer, so a query
 * comes back empty only when none of its terms matches. The last word of a query still being
 * typed matches as a prefix; a word not in the index matches its near misses (in its shard and
 * among the registries' names) or the name it runs together; a number matches only itself. A
 * quoted phrase keeps only the readouts holding its words in order (search/n/, the pairs of
 * adjacent words); a hyphenated word ("25-year") ranks the readouts that write it so first.
 */
(function () {
  "use strict";

  var T = window.archiveSearchText;
  var N = window.archiveSearchNames;
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
      if (!m.shardSet) {
        m.shardSet = new Set(m.shards);
        m.pairSet = new Set(m.pairs || []);
      }
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

  /* A phrase's words as the index pairs them: stop words and single letters left out. */
  function phraseWords(text) { return T.tokens(text).filter(T.indexable); }

  /* A query as terms {text, required, prefix} and phrases {words, required}. A quoted phrase's
     words are required and must come in order; a hyphenated word is a phrase that ranks, not
     one that filters. The last word, while the reader is still typing it, also matches longer words. */
  function parse(query) {
    var phrases = [];
    var rest = query.replace(/"([^"]*)("|$)/g, function (_, inner) {
      phrases.push({ words: phraseWords(inner), required: true, text: inner });
      return " ";
    });
    (rest.match(/[^\s"]+(?:-[^\s"-]+)+/g) || []).forEach(function (joined) {
      var words = phraseWords(joined);
      if (words.length > 1) phrases.push({ words: words, required: false, text: joined });
    });
    var seen = new Set();
    var terms = [];
    function add(text, required, prefix, phrase) {
      if (seen.has(text)) return;
      seen.add(text);
      terms.push({ text: text, required: required, prefix: prefix, phrase: phrase });
    }
    phrases.forEach(function (phrase) {
      if (phrase.required) phrase.words.forEach(function (t) { add(t, true, false, phrase.words.length > 1); });
    });
    var free = T.tokens(rest).filter(T.indexable);
    var typing = /[\p{L}\p{N}]$/u.test(query);
    free.forEach(function (t, i) {
      add(t, false, typing && i === free.length - 1 && t.length >= 3 && !/[^\x00-\x7f]/.test(t.charAt(0)) || false, false);
    });
    return { terms: terms, phrases: phrases.filter(function (p) { return p.words.length > 1; }) };
  }

  function wordPostings(m, word) {
    var shard = T.shardOf(word);
    return m.shardSet.has(shard) ? fetchJSON("search/w/" + shard + ".json") : Promise.resolve({});
  }

  /* Readout → weight, for the words found ([word, factor, postings]), each readout's best. */
  function hitsOf(found) {
    var hits = new Map();
    found.forEach(function (entry) {
      decode(entry[2][entry[0]]).forEach(function (impact, n) {
        var weight = impact * entry[1];
        if (!(hits.get(n) >= weight)) hits.set(n, weight);
      });
    });
    return hits;
  }

  /* A word that runs a name's words together (xijinping): the readouts holding every one of them. */
  function lookupSplit(m, term, parts) {
    return Promise.all(parts.map(function (part) { return wordPostings(m, part); })).then(function (files) {
      var each = parts.map(function (part, i) { return files[i][part] ? hitsOf([[part, 0.8, files[i]]]) : new Map(); });
      var hits = new Map();
      each[0].forEach(function (weight, n) {
        if (each.every(function (h) { return h.has(n); })) {
          hits.set(n, each.reduce(function (sum, h) { return sum + h.get(n); }, 0) / each.length);
        }
      });
      return { term: term, hits: hits, near: true, split: true, words: parts };
    });
  }

  /* One term's readouts: the exact word, else (while typing) words it begins, else a name it
     runs together, else near misses in its shard and among the names' words. */
  function lookup(m, term) {
    return wordPostings(m, term.text).then(function (postings) {
      var found = [];
      if (postings[term.text]) found.push([term.text, 1, postings]);
      if (term.prefix) {
        Object.keys(postings).forEach(function (w) {
          if (w !== term.text && w.lastIndexOf(term.text, 0) === 0) found.push([w, 0.8, postings]);
        });
      }
      var near = !found.length;
      if (!near) return { term: term, hits: hitsOf(found), near: false, words: found.map(function (f) { return f[0]; }) };
      var parts = N.joinedName(m, term.text);
      if (parts) return lookupSplit(m, term, parts);
      Object.keys(postings).forEach(function (w) { if (N.near(term.text, w)) found.push([w, 0.6, postings]); });
      var others = N.nearWords(m, term.text).filter(function (w) { return !postings[w]; });
      return Promise.all(others.map(function (w) { return wordPostings(m, w); })).then(function (files) {
        others.forEach(function (w, i) { if (files[i][w]) found.push([w, 0.6, files[i]]); });
        return { term: term, hits: hitsOf(found), near: true, words: found.map(function (f) { return f[0]; }) };
      });
    });
  }

  /* The readouts holding a phrase's words in order: those holding each pair of adjacent words. */
  function phraseHolders(m, words) {
    var pairs = [];
    for (var i = 0; i + 1 < words.length; i++) pairs.push(words[i] + " " + words[i + 1]);
    return Promise.all(pairs.map(function (pair) {
      var key = T.shardOf(pair.split(" ")[0]);
      if (!m.pairSet.has(key)) return new Set();
      return fetchJSON("search/n/" + key + ".json").then(function (shard) { return new Set(undoGaps(shard[pair] || [])); });
    })).then(function (sets) {
      return sets.reduce(function (all, set) { return new Set(Array.from(all).filter(function (n) { return set.has(n); })); });
    });
  }

  function idf(m, df) { return Math.log(1 + (m.readouts - df + 0.5) / (df + 0.5)); }

  /* Readouts holding every term first (a quoted phrase in order, or not at all), then those
     holding most terms; within each, those writing a hyphenated word as written, then by score
     (each term's BM25 weight in the readout × its rarity) or date. */
  function rank(m, looked, phrases, byDate) {
    var docs = new Map();
    looked.forEach(function (l) {
      var rarity = idf(m, l.hits.size);
      l.hits.forEach(function (impact, n) {
        var doc = docs.get(n);
        if (!doc) { doc = { n: n, matched: 0, score: 0, phrased: 0 }; docs.set(n, doc); }
        doc.matched += 1;
        doc.score += rarity * impact;
      });
    });
    var required = looked.filter(function (l) { return l.term.required; });
    var results = Array.from(docs.values()).filter(function (doc) {
      return required.every(function (l) { return l.hits.has(doc.n); }) &&
        phrases.every(function (p) { return !p.required || p.holders.has(doc.n); });
    });
    results.forEach(function (doc) {
      doc.all = doc.matched === looked.length;
      phrases.forEach(function (p) { if (!p.required && p.holders.has(doc.n)) doc.phrased += 1; });
    });
    results.sort(function (a, b) {
      return (b.all - a.all) || (byDate ? 0 : (b.phrased - a.phrased) || (b.matched - a.matched) || (b.score - a.score)) || (b.n - a.n);
    });
    return results;
  }

  /* What a result marks: the words each term matched (a quoted phrase's words only as the
     phrase), the phrases and whole names as word sequences, and each one's weight (its rarity),
     by which the search page picks the passage to quote. */
  function marksOf(m, looked, phrases, named) {
    var weights = {};
    var words = [];
    looked.forEach(function (l) {
      var rarity = idf(m, l.hits.size || 1);
      if (l.term.phrase) return;
      l.words.forEach(function (w) {
        if (!(w in weights)) words.push(w);
        weights[w] = Math.max(weights[w] || 0, rarity);
      });
    });
    var sequences = phrases.map(function (p) { return p.words; });
    var terms = looked.map(function (l) { return l.term.text; });
    N.nameSequences(m, named, terms).forEach(function (sequence) { sequences.push(sequence); });
    var top = Math.max.apply(null, [1].concat(Object.keys(weights).map(function (w) { return weights[w]; })));
    sequences.forEach(function (sequence) {
      var key = sequence.join(" ");
      weights[key] = Math.max(weights[key] || 0, sequence.reduce(function (sum, w) { return sum + (weights[w] || top); }, 0));
    });
    return { words: words, sequences: sequences, weights: weights };
  }

  function entityNumbers(id) { return fetchJSON("search/e/" + id + ".json").then(undoGaps); }

  /* Each readout's facets [kind, publisher, venue, officials, initiatives], from its year's file,
     where they are numbers: places in the manifest's kinds and entities, readouts as gaps. */
  function facetsOf(m, numbers) {
    var years = Array.from(new Set(numbers.map(function (n) { return yearOf(n, m.slots); }))).sort();
    function id(index) { return index < 0 ? "" : m.entities[index].id; }
    return Promise.all(years.map(function (y) { return fetchJSON("search/f/" + y + ".json"); })).then(function (files) {
      var facets = new Map();
      files.forEach(function (file) {
        undoGaps(file.n).forEach(function (n, i) {
          facets.set(n, [m.kinds[file.k[i]][0], id(file.p[i]), id(file.v[i]), file.o[i].map(id), file.i[i].map(id)]);
        });
      });
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

  /* The whole answer to a search state: entities, ranked readouts, what to mark, a suggestion; for
     the search page (withFacets) the results before its filters, and, when a filter needs them,
     each readout's facets. An unfiltered query fetches no facets: the page counts them when the
     reader turns to the filters (facetsOf). */
  function search(state, withFacets) {
    return manifest().then(function (m) {
      state = accepted(m, state);
      var parsed = parse(state.q || "");
      var range = yearRange(state);
      var looking = Promise.all(parsed.terms.map(function (term) { return lookup(m, term); }).concat(
        parsed.phrases.map(function (phrase) {
          return phraseHolders(m, phrase.words).then(function (holders) { phrase.holders = holders; });
        })));
      return looking.then(function (all) {
        var looked = all.slice(0, parsed.terms.length);
        var ranked = parsed.terms.length ? rank(m, looked, parsed.phrases, state.sort === "date")
          : (withFacets && (filtered(state) || state.year || state.from || state.to) ? null : []);
        return Promise.resolve(ranked || browse(m, state)).then(function (results) {
          results = results.filter(function (r) {
            var year = yearOf(r.n, m.slots);
            return year >= range[0] && year <= range[1];
          });
          var named = parsed.terms.length ? N.matchEntities(m, state.q).map(function (match) { return match.entity; }) : [];
          var answer = {
            manifest: m, state: state, results: results, entities: named,
            marks: marksOf(m, looked, parsed.phrases, named),
            suggestion: N.suggest(m, state.q || "", looked)
          };
          if (!withFacets) return answer;
          answer.unfiltered = results;
          if (!filtered(state)) return answer;
          return facetsOf(m, results.map(function (r) { return r.n; })).then(function (facets) {
            answer.facets = facets;
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

  /* The texts of the given readouts, as [number, paragraph] pairs, from the files of their days. */
  function texts(m, numbers) {
    var days = Array.from(new Set(numbers.map(function (n) { return isoDay(n, m.slots); })));
    return Promise.all(days.map(function (d) { return fetchJSON("search/t/" + d + ".json"); })).then(function (files) {
      var byDay = new Map(days.map(function (d, i) { return [d, files[i]]; }));
      return numbers.map(function (n) { return byDay.get(isoDay(n, m.slots))[n % m.slots]; });
    });
  }

  window.archiveSearch = {
    base: base, FACETS: FACETS, COLUMNS: COLUMNS, search: search, accepted: accepted, facetsOf: facetsOf, entityNumbers: entityNumbers, recordMatches: recordMatches, documents: documents, texts: texts, manifest: manifest,
    humanDate: humanDate, isoDay: isoDay, yearOf: yearOf, parse: parse, fetchJSON: fetchJSON
  };
})();
