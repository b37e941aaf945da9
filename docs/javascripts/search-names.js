/*
 * The registries' names in search (search/entities.json): which names a query names, near
 * misses of a word among the names' words, a name whose words a query runs together
 * ("xijinping"), the "did you mean", the whole names to mark where a text writes them, and the
 * position an official held at the time of the readouts found.
 */
(function () {
  "use strict";

  var T = window.archiveSearchText;
  var DIGIT = /\d/;
  var CJK_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

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

  /* A near miss of a word: never for a number (2024 is not 2015) nor a word in another script's letters. */
  function near(word, other) {
    if (DIGIT.test(word) || DIGIT.test(other) || /[^\x00-\x7f]/.test(word)) return false;
    var limit = tolerance(word);
    return limit > 0 && word !== other && distance(word, other, limit) <= limit;
  }

  function isDateWord(word) { return /^\d{4}$/.test(word) || T.MONTHS.indexOf(word) >= 0; }

  /* Every word of an entity's names, and each name of several words run together. */
  function prepared(entity) {
    if (!entity.words) {
      entity.words = new Set();
      entity.joined = new Map();
      entity.k.forEach(function (key) {
        var parts = key.split(" ");
        parts.forEach(function (part) { entity.words.add(part); });
        if (parts.length > 1) entity.joined.set(parts.join(""), parts);
      });
    }
    return entity;
  }

  /* How one query word meets an entity's names: 3 a whole word (or a name run together), 2 the
     start of a word (Chinese: inside the name), 1 a near miss, 0 not at all. */
  function wordMatch(word, entity) {
    prepared(entity);
    if (entity.words.has(word) || entity.joined.has(word)) return 3;
    var best = 0;
    entity.words.forEach(function (name) {
      if (best === 2) return;
      if (name.lastIndexOf(word, 0) === 0 || CJK_CHAR.test(word) && name.indexOf(word) >= 0) best = 2;
      else if (!best && near(word, name)) best = 1;
    });
    if (!best) entity.joined.forEach(function (_, joined) { if (near(word, joined)) best = 1; });
    return best;
  }

  /* The names a query names: every word of it (stop words, years and months aside) is a word of
     one of the entity's names, aliases or native form, the start of one, or a near miss. The rest
     of a query drags no name in. Best first: the query as a whole name, then the closest words,
     then the most readouts. */
  function matchEntities(m, query) {
    var words = T.foldName(query.replace(/"/g, " ")).split(" ").filter(function (w) {
      return w && T.indexable(w) && !isDateWord(w);
    });
    if (!words.length) return [];
    var whole = words.join(" ");
    var found = [];
    m.entities.forEach(function (entity) {
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        var match = wordMatch(words[i], entity);
        if (!match) return;
        score += match;
      }
      found.push({ entity: entity, score: score, exact: entity.k.indexOf(whole) >= 0 ? 1 : 0 });
    });
    return found.sort(function (a, b) {
      return b.exact - a.exact || b.score - a.score || b.entity.c - a.entity.c || (a.entity.n < b.entity.n ? -1 : 1);
    });
  }

  /* Words of the names within reach of a word not in the index (Rahisi: raisi), in any shard. */
  function nearWords(m, word) {
    var found = new Set();
    m.entities.forEach(function (entity) {
      prepared(entity).words.forEach(function (name) { if (near(word, name)) found.add(name); });
    });
    return Array.from(found);
  }

  /* The words of a name that a query ran together ("xijinping": xi, jinping), or null. */
  function joinedName(m, word) {
    for (var i = 0; i < m.entities.length; i++) {
      var parts = prepared(m.entities[i]).joined.get(word);
      if (parts) return parts;
    }
    return null;
  }

  /* "Did you mean": each word that matched nothing or only near misses, replaced by the nearest
     word of a registry name; numbers are left as they are. */
  function suggest(m, query, looked) {
    var replacements = new Map();
    looked.forEach(function (l) {
      if (!l.near || l.term.text.length < 3 || DIGIT.test(l.term.text) || l.split) return;
      var best = null;
      m.entities.forEach(function (entity) {
        prepared(entity).words.forEach(function (word) {
          if (DIGIT.test(word)) return;
          var limit = Math.max(tolerance(l.term.text), 1) + 1;
          var d = distance(l.term.text, word, limit);
          if (d <= limit && (!best || d < best.d || (d === best.d && entity.c > best.c))) best = { word: word, d: d, c: entity.c };
        });
      });
      if (best && best.d > 0) replacements.set(l.term.text, best.word);
    });
    if (!replacements.size) return "";
    return T.tokens(query).map(function (t) { return replacements.get(t) || t; }).join(" ");
  }

  /* The whole names to mark where a text writes them, as word sequences: every name, alias,
     abbreviation and native form of the names a query names, and of any entity one of whose names
     is a word of the query (JCPOA marks "Joint Comprehensive Plan of Action", and "nuclear deal"
     as the registry calls it so). A name is marked whole or not at all, never word by word. */
  function nameSequences(m, named, terms) {
    var entities = named.slice(0, 5);
    var words = new Set(terms);
    m.entities.forEach(function (entity) {
      if (entities.indexOf(entity) < 0 && entity.k.some(function (key) { return words.has(key); })) entities.push(entity);
    });
    var sequences = [];
    entities.forEach(function (entity) {
      entity.k.forEach(function (key) {
        var sequence = T.tokens(key).filter(T.indexable);
        if (sequence.length) sequences.push(sequence);
      });
    });
    return sequences;
  }

  /* The positions an official held on the given days (ISO dates), in order, or null. */
  function heldOn(entity, days) {
    if (!entity.ps || !days.length) return null;
    var titles = [];
    entity.ps.forEach(function (p) {
      var held = days.some(function (day) { return (!p[1] || p[1] <= day) && (!p[2] || day <= p[2]); });
      if (held && titles.indexOf(p[0]) < 0) titles.push(p[0]);
    });
    return titles.length ? titles : null;
  }

  window.archiveSearchNames = {
    distance: distance, tolerance: tolerance, near: near, matchEntities: matchEntities, nearWords: nearWords,
    joinedName: joinedName, suggest: suggest, nameSequences: nameSequences, heldOn: heldOn, isDateWord: isDateWord
  };
})();
