/*
 * How search folds and splits text: the twin of generator/outputs/search_text.py, which
 * indexes with the same rules (a test compares the two on every script). Lowercase without
 * accents; Persian letter forms, no Arabic-script diacritics or kashida, ASCII digits; a query
 * drops the zero-width non-joiner; Chinese, Japanese and Korean runs as overlapping pairs.
 */
(function () {
  "use strict";

  var MARKS = /[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
  var FORMS = { "ي": "ی", "ى": "ی", "ك": "ک", "ە": "ه", "’": "", "'": "" };
  for (var d = 0; d < 10; d++) {
    FORMS[String.fromCharCode(0x06f0 + d)] = String(d);
    FORMS[String.fromCharCode(0x0660 + d)] = String(d);
  }
  var FOLD = /[يىكە’'\u06f0-\u06f9\u0660-\u0669]/g;
  var WORD = /[\p{L}\p{N}]+/gu;
  var CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/g;
  var ZWNJ = /\u200c/g;
  var STOPWORDS = new Set(("a an and are as at be been but by for from had has have he his in is it its of on or " +
    "said she that the their them they this to was were which will with would").split(" "));
  var MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"];

  function normalise(text) {
    return text.normalize("NFKD").replace(MARKS, "").replace(FOLD, function (c) { return FORMS[c]; }).toLowerCase();
  }

  function bigrams(run) {
    var chars = Array.from(run);
    if (chars.length === 1) return [run];
    var pairs = [];
    for (var i = 0; i + 1 < chars.length; i++) pairs.push(chars[i] + chars[i + 1]);
    return pairs;
  }

  function splitWord(word, out) {
    var last = 0;
    word.replace(CJK, function (run, start) {
      if (start > last) out.push(word.slice(last, start));
      bigrams(run).forEach(function (pair) { out.push(pair); });
      last = start + run.length;
      return run;
    });
    if (last < word.length) out.push(word.slice(last));
  }

  /* A query's terms in order, as the index holds them (stop words kept: the caller decides). */
  function tokens(text) {
    var out = [];
    (normalise(text).replace(ZWNJ, "").match(WORD) || []).forEach(function (word) { splitWord(word, out); });
    return out;
  }

  function indexable(term) {
    return !STOPWORDS.has(term) && (term.length > 1 || /[^\x00-\x7f]/.test(term));
  }

  function foldName(text) {
    return (normalise(text).replace(ZWNJ, "").match(WORD) || []).join(" ");
  }

  function shardOf(word) {
    var key = word.slice(0, 3);
    return /^[a-z0-9]{1,3}$/.test(key) ? key : "x" + word.codePointAt(0).toString(16);
  }

  window.archiveSearchText = {
    normalise: normalise, tokens: tokens, indexable: indexable, foldName: foldName, shardOf: shardOf,
    MONTHS: MONTHS, WORD: WORD, CJK: CJK
  };
})();
