/*
 * The header's search box: instant results as a WAI-ARIA combobox (role=combobox, a listbox
 * of options grouped into names and readouts, aria-activedescendant). Up/Down/Home/End move
 * the active result, Enter opens it (or, with none active, the search page), Escape closes,
 * Tab walks the results; a polite live region says how many were found. "All results" opens
 * the search page with the same query.
 */
(function () {
  "use strict";

  var S = window.archiveSearch;
  var R = window.archiveSearchRender;
  var root = document.querySelector("[data-archive-search]");
  if (!root) return;
  var input = root.querySelector("input[role=combobox]");
  var panel = root.querySelector("[data-archive-search-panel]");
  var listbox = root.querySelector("[role=listbox]");
  var status = root.querySelector("[data-archive-search-status]");
  var all = root.querySelector("[data-archive-search-all]");
  var NAMES = 5;
  var READOUTS = 8;
  var current = null;
  var serial = 0;

  function options() { return Array.prototype.slice.call(listbox.querySelectorAll("[role=option]")); }

  function open(state) {
    panel.hidden = !state;
    input.setAttribute("aria-expanded", state ? "true" : "false");
    if (!state) activate(null);
  }

  function activate(option) {
    options().forEach(function (o) { o.setAttribute("aria-selected", o === option ? "true" : "false"); });
    if (option) {
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function group(label, items) {
    var node = R.element("div", "archive-search__group");
    node.setAttribute("role", "group");
    node.setAttribute("aria-label", label);
    var heading = R.element("div", "archive-search__heading", label);
    heading.setAttribute("aria-hidden", "true");
    node.appendChild(heading);
    items.forEach(function (item) { node.appendChild(item); });
    return node;
  }

  function option(href) {
    var link = R.element("a", "archive-search__option");
    link.setAttribute("role", "option");
    link.setAttribute("aria-selected", "false");
    serial += 1;
    link.id = "archive-search-option-" + serial;
    link.href = href;
    return link;
  }

  function pageHref(query) {
    var address = new URL("search/", S.base);
    address.searchParams.set("q", query);
    return address.href;
  }

  function show(query, answer, records) {
    listbox.replaceChildren();
    var names = answer.entities.slice(0, NAMES).map(function (entity) {
      var days = records.filter(function (record) { return record[4].indexOf(entity.n) >= 0; })
        .map(function (record, i) { return S.isoDay(answer.results[records.indexOf(record)].n, answer.manifest.slots); });
      return R.fillEntity(option(R.resultHref(entity.u, answer)), entity, answer, days);
    });
    if (names.length) listbox.appendChild(group("Names", names));
    var readouts = records.map(function (record, i) {
      return R.fillReadout(option(R.resultHref(record[0], answer)), answer.results[i].n, record, answer, false);
    });
    if (readouts.length) listbox.appendChild(group("Readouts", readouts));
    var count = answer.results.length;
    var said = (answer.entities.length ? R.plural(answer.entities.length, "name", "names") + " and " : "") +
      (count ? R.plural(count, "readout", "readouts") : "no readout");
    if (answer.suggestion) said += ". Did you mean " + answer.suggestion + "?";
    status.textContent = said;
    all.href = pageHref(query);
    all.textContent = answer.suggestion && !count ? "Did you mean “" + answer.suggestion + "”?" : "All results (" + count + ")";
    if (answer.suggestion && !count) all.href = pageHref(answer.suggestion);
    open(true);
  }

  function run(query) {
    current = query;
    root.dataset.busy = "";
    if (!query.trim()) {
      listbox.replaceChildren();
      status.textContent = "";
      open(false);
      root.dataset.done = query;
      return Promise.resolve();
    }
    return S.search({ q: query }, false).then(function (answer) {
      if (query !== current) return;
      var first = answer.results.slice(0, READOUTS);
      return S.manifest().then(function (m) {
        return S.documents(m, first.map(function (r) { return r.n; }));
      }).then(function (records) {
        if (query !== current) return;
        show(query, answer, records);
        delete root.dataset.busy;
        root.dataset.done = query;  /* which query the list shows: tests and the benchmark wait on it */
      });
    }).catch(function () {
      if (query === current) status.textContent = "Search is not available right now";
    });
  }

  function move(event) {
    var list = options();
    if (!list.length) return false;
    var at = list.indexOf(document.getElementById(input.getAttribute("aria-activedescendant") || "") || document.activeElement);
    var next = { ArrowDown: at + 1, ArrowUp: at < 0 ? list.length - 1 : at - 1, Home: 0, End: list.length - 1 }[event.key];
    if (next === undefined) return false;
    next = (next + list.length) % list.length;
    event.preventDefault();
    open(true);
    activate(list[next]);
    if (document.activeElement !== input) list[next].focus();
    return true;
  }

  input.addEventListener("input", function () { run(input.value); });
  input.addEventListener("focus", function () {
    S.manifest().catch(function () {});  /* a reader about to type: the names' manifest, and nothing else */
    if (input.value.trim() && listbox.childElementCount) open(true);
  });
  input.addEventListener("keydown", function (event) {
    if (move(event)) return;
    if (event.key === "Enter") {
      event.preventDefault();
      var active = document.getElementById(input.getAttribute("aria-activedescendant") || "");
      location.href = active && !panel.hidden ? active.href : pageHref(input.value);
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (!panel.hidden) open(false);
      else { input.value = ""; run(""); }
    }
  });
  listbox.addEventListener("keydown", function (event) {
    if (move(event)) return;
    if (event.key === "Escape") { open(false); input.focus(); }
  });
  root.addEventListener("focusout", function (event) {
    if (!root.contains(event.relatedTarget)) open(false);
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(input|textarea|select)$/i.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
    if (!typing && event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });
  window.archiveSearchBox = { run: run };
})();
