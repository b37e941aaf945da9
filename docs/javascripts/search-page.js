/*
 * The search page (search/): its whole state lives in the address, e.g.
 * search/?q=raisi&year=2023&kind=phone+call&official=o-ebrahim-raisi&sort=date, so a search can
 * be shared and the back button steps through the searches made (history.pushState/popstate).
 * Filters show how many results each value would keep; a year range narrows by date.
 */
(function () {
  "use strict";

  var S = window.archiveSearch;
  var R = window.archiveSearchRender;
  var root = document.querySelector("[data-search-page]");
  if (!root) return;
  var form = root.querySelector("[data-search-form]");
  var status = root.querySelector("[data-search-status]");
  var suggestion = root.querySelector("[data-search-suggestion]");
  var names = root.querySelector("[data-search-names]");
  var readouts = root.querySelector("[data-search-readouts]");
  var more = root.querySelector("[data-search-more]");
  var KEYS = ["q", "from", "to"].concat(S.FACETS, ["sort"]);
  var filters = root.querySelector("[data-search-filters]");
  var latest = null;
  var wanted = null;

  /* Runs the counting once the reader turns to the filters: opens them, points at them or tabs into them. */
  function whenWanted(count) {
    wanted = count;
    if (filters.open && filters.matches(":hover, :focus-within")) fire();
  }
  function fire() {
    var count = wanted;
    wanted = null;
    if (count) count();
  }
  ["click", "pointerover", "focusin"].forEach(function (event) { filters.addEventListener(event, fire); });
  var PAGE = 20;
  var current = 0;
  var serial = 0;
  var shown = 0;

  function readAddress() {
    var params = new URLSearchParams(location.search);
    var state = {};
    KEYS.forEach(function (key) { state[key] = params.get(key) || ""; });
    if (params.get("year")) state.from = state.to = params.get("year");
    return state;
  }

  function address(state) {
    var params = new URLSearchParams();
    KEYS.forEach(function (key) {
      if (!state[key] || key === "to" && state.from === state.to) return;
      params.set(key === "from" && state.from === state.to ? "year" : key, state[key]);
    });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "");
  }

  function readForm() {
    var state = {};
    KEYS.forEach(function (key) { state[key] = form.elements[key].value.trim(); });
    return state;
  }

  function fillForm(state) {
    KEYS.forEach(function (key) { form.elements[key].value = state[key]; });  /* a filter's options come with its counts */
  }

  function labelOf(m, facet, value) {
    if (facet === "kind") return value.charAt(0).toUpperCase() + value.slice(1);
    var entity = m.entities.find(function (e) { return e.id === value; });
    return entity ? entity.n : value;
  }

  /* Each filter's values with how many results they would keep, the other filters applied. An
     unfiltered query has fetched no facets: they come when the reader turns to the filters. */
  function fillFilters(answer, state) {
    var m = answer.manifest;
    if (!answer.facets) {
      S.FACETS.forEach(function (facet) {
        form.elements[facet].replaceChildren(new Option("Any", ""));
      });
      delete root.dataset.counted;
      whenWanted(function () {
        return S.facetsOf(m, answer.unfiltered.map(function (r) { return r.n; })).then(function (facets) {
          if (answer !== latest) return;
          answer.facets = facets;
          fillFilters(answer, state);
        });
      });
      return;
    }
    root.dataset.counted = "";
    S.FACETS.forEach(function (facet) {
      var column = S.COLUMNS[facet];
      var counts = new Map();
      var others = Object.assign({}, state);
      others[facet] = "";
      answer.unfiltered.forEach(function (r) {
        var record = answer.facets.get(r.n);
        if (!S.recordMatches(record, others)) return;
        (Array.isArray(record[column]) ? record[column] : [record[column]]).forEach(function (value) {
          if (value) counts.set(value, (counts.get(value) || 0) + 1);
        });
      });
      if (state[facet] && !counts.has(state[facet])) counts.set(state[facet], 0);
      var select = form.elements[facet];
      var entries = Array.from(counts.entries()).map(function (e) { return [e[0], e[1], labelOf(m, facet, e[0])]; })
        .sort(function (a, b) { return b[1] - a[1] || a[2].localeCompare(b[2]); });
      select.replaceChildren(new Option("Any", ""));
      entries.forEach(function (e) { select.appendChild(new Option(e[2] + " (" + e[1] + ")", e[0])); });
      select.value = state[facet];
    });
  }

  function fillYears(m) {
    var years = m.years.map(function (pair) { return pair[0]; });
    ["from", "to"].forEach(function (key) {
      form.elements[key].min = years[0];
      form.elements[key].max = years[years.length - 1];
      form.elements[key].placeholder = key === "from" ? years[0] : years[years.length - 1];
    });
  }

  /* The days of the results an official took part in (from his own small list of readouts), so his
     entry names the position he held then. */
  function officialDays(answer, entity) {
    if (entity.t !== "o") return Promise.resolve([]);
    var found = answer.results.some(function (r) { return r.all; })
      ? answer.results.filter(function (r) { return r.all; }) : answer.results;
    return S.entityNumbers(entity.id).then(function (numbers) {
      var his = new Set(numbers);
      return found.filter(function (r) { return his.has(r.n); }).map(function (r) { return S.isoDay(r.n, answer.manifest.slots); });
    });
  }

  function showNames(answer) {
    var shown = answer.entities.slice(0, 8);
    return Promise.all(shown.map(function (entity) { return officialDays(answer, entity); })).then(function (days) {
      if (answer !== latest) return;
      var list = names.querySelector("ul");
      list.replaceChildren();
      shown.forEach(function (entity, i) {
        var item = R.element("li");
        item.appendChild(R.fillEntity(R.element("a"), entity, answer, days[i])).href = R.resultHref(entity.u, answer);
        list.appendChild(item);
      });
      names.hidden = !list.childElementCount;
    });
  }

  function showMore(answer, token) {
    var slice = answer.results.slice(shown, shown + PAGE);
    var numbers = slice.map(function (r) { return r.n; });
    return Promise.all([S.documents(answer.manifest, numbers), S.texts(answer.manifest, numbers)]).then(function (found) {
      if (token !== current) return;
      var list = readouts.querySelector("ol");
      found[0].forEach(function (record, i) {
        var item = R.element("li");
        var link = R.fillReadout(R.element("a"), slice[i].n, record, answer, found[1][i]);
        link.href = R.resultHref(record[0], answer);
        item.appendChild(link);
        list.appendChild(item);
      });
      shown += slice.length;
      more.hidden = shown >= answer.results.length;
      more.textContent = "Show " + Math.min(PAGE, answer.results.length - shown) + " more";
      more.onclick = function () { showMore(answer, token); };
    });
  }

  function describe(answer, state) {
    var count = answer.results.length;
    var every = answer.results.filter(function (r) { return r.all; }).length;
    if (!count) return "No readout matches" + (state.q ? " “" + state.q + "”" : "") + ".";
    var said = R.plural(count, "readout", "readouts");
    if (state.q && every < count) said += ", " + every + " with every word";
    return said + (state.sort === "date" ? ", newest first." : ".");
  }

  function run(state) {
    var token = ++serial;
    current = token;
    root.dataset.busy = "";
    root.classList.toggle("search-page--query", Boolean(state.q));
    shown = 0;
    return S.search(state, true).then(function (answer) {
      if (token !== current) return;
      latest = answer;
      state = answer.state;  /* what the index does not list is dropped, from the address too */
      if (address(state) !== location.pathname + location.search) {
        history.replaceState(state, "", address(state));
        fillForm(state);
      }
      readouts.querySelector("ol").replaceChildren();
      fillYears(answer.manifest);
      fillFilters(answer, state);
      var naming = showNames(answer);
      status.textContent = state.q || answer.results.length ? describe(answer, state) : "Type a name, an initiative, a place or any word.";
      suggestion.replaceChildren();
      suggestion.hidden = !answer.suggestion;
      if (answer.suggestion) {
        var link = R.element("a", null, answer.suggestion);
        link.href = address(Object.assign({}, state, { q: answer.suggestion }));
        suggestion.append("Did you mean ", link, "?");
      }
      readouts.hidden = !answer.results.length;
      return Promise.all([naming, showMore(answer, token)]);
    }).then(function () {
      if (token !== current) return;
      delete root.dataset.busy;
      root.dataset.done = address(state);  /* which state the page shows: tests wait on it */
    }).catch(function () {
      if (token === current) status.textContent = "Search is not available right now.";
    });
  }

  /* A new entry in the history for each search made; while a query is typed, one entry for it. */
  function go(typing) {
    var state = readForm();
    var target = address(state);
    if (target !== location.pathname + location.search) {
      history[typing && typed ? "replaceState" : "pushState"](state, "", target);
    }
    typed = typing;
    return run(state);
  }

  var typed = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); go(false); });
  form.addEventListener("change", function (event) { if (event.target.name !== "q") go(false); });
  form.elements.q.addEventListener("input", function () { go(true); });
  root.querySelector("[data-search-clear]").addEventListener("click", function (event) {
    event.preventDefault();
    fillForm({ q: "", from: "", to: "", kind: "", official: "", initiative: "", publisher: "", venue: "", sort: "" });
    go(false);
  });
  window.addEventListener("popstate", function () {
    typed = false;
    var state = readAddress();
    fillForm(state);
    run(state);
  });
  /* Filters open on a wide screen; on a phone they stay folded behind their button, so the
     first results come on the first screen. */
  if (window.matchMedia("(min-width: 45em)").matches) root.querySelector("[data-search-filters]").open = true;
  var initial = readAddress();
  history.replaceState(initial, "", address(initial));  /* one spelling of each state, e.g. year=2023 */
  fillForm(initial);
  run(initial);
})();
