/* servicemap-search.js: instant filtering of every service, without a server.
 *
 * Reads window.SERVICEMAP_SERVICES (cerca-servizi.js), finds on each input the services that
 * match, announces their count in an aria-live region and shows the first PAGE of them, with a
 * "Mostra altri" button for the next ones: a keystroke lays out a screenful of results, not
 * thousands (with 10,000 services it stays well under 50 ms, benchmarks/bench_map.py). A
 * result's element is built with DOM nodes and textContent (record text is never HTML) the
 * first time it is shown; when a later search leaves it out it is hidden, kept for next time.
 * Free text matches every word typed against the record's own words (folded at build time: in
 * the page's language and in Italian) plus its types and needs with the words people use for
 * them (vocabulary `parole`, in the page's language and in Italian: "bills" and "bollette"),
 * comuni and languages, in their own name, the page's language and Italian (folded once here):
 * "中文", "English" or "arabo" all find the desks that speak them. Interface texts come from
 * ServicemapI18n in the page's language. How a word matches (typos,
 * plurals, accents) is servicemap-match.js's rule. The filters live in the address
 * (cerca/?testo=spid&comune=segrate), so a search can be shared and Back undoes a change.
 * Every table's fields are named in the data (`campi`, render.search.FIELDS): no position is
 * written here. Shared helpers: ServicemapCommon (servicemap-common.js).
 * Plain ES2017, no modules: it must run from file:// too.
 */
(function () {
  "use strict";

  var root = document.getElementById("sm-search");
  var data = window.SERVICEMAP_SERVICES;
  var Hours = window.ServicemapHours;
  var Match = window.ServicemapMatch;
  var C = window.ServicemapCommon;
  if (!root || !data || !Hours || !Match || !C) { return; }
  var form = root.querySelector("form");
  var list = document.getElementById("sm-results");
  var counter = document.getElementById("sm-count");
  var urlPattern = root.getAttribute("data-service-url") || "../servizi/{id}/";
  var F = C.fields(data.campi.s);
  var TIPO = C.fields(data.campi.tipi), AREA = C.fields(data.campi.aree);
  var COMUNE = C.fields(data.campi.comuni), LINGUA = C.fields(data.campi.lingue);
  var el = C.el, tr = C.text;

  var fold = Match.fold;

  function indexByKey(table, key) {
    var index = {};
    table.forEach(function (row, i) { index[row[key]] = i; });
    return index;
  }

  function termHay(col) {  // a type's or a need's label and the words people use for it
    return function (row) { return fold(row[col.etichetta]) + " " + (row[col.parole] || ""); };
  }

  var typeHay = data.tipi.map(termHay(TIPO));
  var needHay = data.aree.map(termHay(AREA));
  var comuneHay = data.comuni.map(function (c) { return fold(c[COMUNE.nome]); });
  var langHay = data.lingue.map(function (l) {  // every name it has: own, the page's, Italian
    return fold(l.slice(LINGUA.nome_proprio).join(" "));
  });
  var keys = {
    tipo: indexByKey(data.tipi, TIPO.chiave), area: indexByKey(data.aree, AREA.chiave),
    comune: indexByKey(data.comuni, COMUNE.chiave), lingua: indexByKey(data.lingue, LINGUA.codice)
  };

  function pick(table, indices) {
    return indices.map(function (i) { return table[i]; }).join(" ");
  }

  /* A record's search data; its element is made the first time it is shown (nodeOf). */
  function prepare(rec, n) {
    return {
      rec: rec,
      n: n,
      node: null,
      schedule: Hours.schedule(rec[F.orari], rec[F.flag_orari], rec[F.chiusure]),
      open: null,
      info: null,
      hay: [rec[F.testo], pick(typeHay, rec[F.tipo]), pick(needHay, rec[F.aree]),
        comuneHay[rec[F.comune]], pick(comuneHay, rec[F.comuni_serviti]),
        pick(langHay, rec[F.lingue])].join(" ")
    };
  }

  var results = data.s.map(prepare);
  var index = new Match.Index(results.map(function (r) { return r.hay; }));
  /* What other scripts add to each result's element (servicemap-vicino.js: the distance),
   * when it is made and, through decorate(), to the elements already made. */
  var decorators = [];

  function build(r) {
    var rec = r.rec;
    var item = el("li", "sm-result");
    item.setAttribute("data-servizio-id", rec[F.id]);
    var title = el("p", "sm-result-name");
    // A Latin name in an Arabic page, an Arabic one in an Italian page; Italian untranslated.
    var link = C.recordText(el("a", "", rec[F.nome]), rec[F.italiano]);
    link.href = C.serviceHref(urlPattern, rec[F.id]);
    title.appendChild(link);
    item.appendChild(title);
    var kinds = rec[F.tipo].map(function (i) { return data.tipi[i][TIPO.etichetta]; }).join(", ");
    item.appendChild(el("p", "sm-result-kind", kinds));
    var place = rec[F.indirizzo] || data.comuni[rec[F.comune]][COMUNE.nome];
    item.appendChild(C.recordText(el("p", "sm-result-address", place), false));
    if (rec[F.lingue].length) {
      var langs = rec[F.lingue].map(function (i) { return data.lingue[i][LINGUA.etichetta]; })
        .join(", ");
      var langsLine = el("p", "sm-result-langs");
      langsLine.appendChild(el("span", "", tr("cerca.lingue")));
      langsLine.appendChild(document.createTextNode(" "));
      langsLine.appendChild(el("bdi", "", langs));  // names in their own scripts
      item.appendChild(langsLine);
    }
    r.today = el("p", "sm-result-today");
    item.appendChild(r.today);
    r.node = item;
    r.todayText = null;
    showToday(r);
    decorators.forEach(function (fn) { fn(r, item); });
    return item;
  }

  function nodeOf(r) {
    return r.node || build(r);
  }

  function showToday(r) {
    var info = r.info;
    if (!r.node || !info) { return; }
    if (r.todayText !== info.text) { Hours.show(r.today, info); r.todayText = info.text; }
    r.today.className = "sm-result-today" + (info.open ? " sm-open" : "");
  }

  /* "Aperto ora" of every service (the filter needs it); the text on the elements made. */
  function refreshToday() {
    var now = Hours.romeNow();
    results.forEach(function (r) {
      r.info = Hours.today(r.schedule, now);
      r.open = r.info.open;
      showToday(r);
    });
  }

  function value(name) {
    var control = form.elements[name];
    return control.type === "checkbox" ? control.checked : control.value;
  }

  function filters() {
    var q = fold(value("q"));
    var words = Match.queryWords(q);
    var selected = {};
    ["tipo", "area", "comune", "lingua"].forEach(function (name) {
      var v = value(name);
      selected[name] = v && keys[name][v] !== undefined ? keys[name][v] : (v ? -2 : -1);
    });
    var marks = words.map(function (w) { return index.marks(w); });
    return { q: q, marks: marks, sel: selected, open: value("aperto") };
  }

  function matches(r, f) {
    var rec = r.rec;
    if (f.sel.tipo !== -1 && rec[F.tipo].indexOf(f.sel.tipo) < 0) { return false; }
    if (f.sel.area !== -1 && rec[F.aree].indexOf(f.sel.area) < 0) { return false; }
    if (f.sel.lingua !== -1 && rec[F.lingue].indexOf(f.sel.lingua) < 0) { return false; }
    if (f.sel.comune !== -1 && rec[F.comune] !== f.sel.comune &&
        rec[F.comuni_serviti].indexOf(f.sel.comune) < 0) { return false; }
    if (f.open && r.open !== true) { return false; }
    for (var i = 0; i < f.marks.length; i++) {
      if (!f.marks[i][r.n]) { return false; }
    }
    return true;
  }

  /* With no result, say so honestly: suggest removing filters only when one is set; the routes
   * that always exist (by comune, by need) are in #sm-nessuno, rendered with the page. */
  var nothing = document.getElementById("sm-nessuno");

  function selectsSet(f) {
    return ["tipo", "area", "comune", "lingua"].filter(function (n) { return f.sel[n] !== -1; }).length;
  }

  function anyFilter(f) {
    return f.open || selectsSet(f) > 0;
  }

  /* The folded filters say how many are set, so "togli un filtro" can be followed. */
  var details = document.getElementById("sm-filtri");
  var badge = document.getElementById("sm-filtri-attivi");

  function showSetFilters(f) {
    if (!badge) { return; }
    var n = selectsSet(f);
    var text = n === 0 ? "" : n === 1 ? tr("cerca.filtri.uno") : tr("cerca.filtri.attivi", { n: n });
    if (badge.textContent !== text) { badge.textContent = text; }
  }

  /* The count, or why nothing is found: numbers and the words typed isolated (<bdi>), so
   * in Arabic "«bills»" or "12" keep their place in the sentence. */
  var said = "";

  function announce(count, f) {
    var key = "cerca.trovati", values = { n: count };
    if (count === 0 && anyFilter(f)) {
      key = "cerca.nessuno";
    } else if (count === 0) {
      key = "cerca.nessuno.testo";
      values = { q: value("q").trim() };
    } else if (count === 1) {
      key = "cerca.uno";
    }
    var text = key + "\u0000" + (values.q === undefined ? values.n : values.q);
    if (said !== text) {
      C.fillText(counter, key, values);
      said = text;
    }
    if (nothing) { nothing.hidden = count !== 0; }
    showSetFilters(f);
  }

  /* The results shown: the first PAGE that match, PAGE more at each press of "Mostra altri",
   * in order, in one list. An element made for an earlier search stays in the list, hidden
   * (the `hidden` attribute, as design.md says of a filtered-out service), and is shown again
   * when it matches; an element that stays where it is is not touched. So a keystroke styles
   * and lays out at most a screenful of results. */
  var PAGE = 20;
  var shelf = el("ul", "sm-results-list");
  list.appendChild(shelf);
  var more = el("button", "md-button sm-altri");
  more.type = "button";
  more.hidden = true;
  list.parentNode.insertBefore(more, list.nextSibling);
  // Every result that matches, in the order shown: the first `count` of one array, reused
  // (a keystroke allocates nothing the garbage collector would pause a later one for).
  var found = new Array(results.length), count = 0;
  var limit = PAGE;
  var moreSaid = 0;  // how many more the button offers now

  function showFound() {
    var child = shelf.firstChild, end = Math.min(count, limit);
    for (var i = 0; i < end; i++) {
      var node = nodeOf(found[i]);
      if (node.hidden) { node.hidden = false; }
      if (node === child) { child = child.nextSibling; } else { shelf.insertBefore(node, child); }
    }
    for (; child; child = child.nextSibling) {  // shown before, not now: hidden, after the others
      if (!child.hidden) { child.hidden = true; }
    }
    var n = Math.min(count - end, PAGE);
    more.hidden = n <= 0;
    if (n > 0 && moreSaid !== n) {
      C.fillText(more, n === 1 ? "cerca.altro" : "cerca.altri", { n: n });
      moreSaid = n;
    }
  }

  /* The next ones, and the focus on the first of them: a keyboard goes on from there. */
  more.addEventListener("click", function () {
    var first = limit;
    limit += PAGE;
    showFound();
    var link = first < count && found[first].node.querySelector("a");
    if (link) { link.focus(); }
  });

  /* Filters the results anew; `keep` keeps the results shown by "Mostra altri" (the minute's
   * refresh of "aperto ora"), otherwise a new search starts from its first PAGE. */
  function apply(keep) {
    var f = filters();
    if (f.open) { refreshToday(); }
    count = 0;
    for (var i = 0; i < results.length; i++) {
      if (matches(results[i], f)) { found[count++] = results[i]; }
    }
    if (keep !== true) { limit = PAGE; }
    showFound();
    announce(count, f);
  }

  /* The first keystroke must not be the slow one: the matching code is run once, while the
   * browser is idle after the page's load, on a word no record has. */
  C.idle(function () { index.warm(); });

  /* The filters live in the address: cerca/?testo=spid&comune=segrate. Links from other pages
   * and shared searches open with them; every change is written back, so Back undoes it. Typing
   * replaces the entry it started (one entry per search, not per letter); a select, the
   * checkbox or the reset button adds one. Empty filters are left out of the address. The
   * words go in `testo`, not `q`: Material opens its own search over the page when the address
   * has a `q`. */
  var FIELDS = ["q", "area", "tipo", "comune", "lingua"];
  var PARAM = { q: "testo", area: "area", tipo: "tipo", comune: "comune", lingua: "lingua" };

  function readAddress() {
    var params;
    try { params = new URLSearchParams(window.location.search); } catch (e) { return; }
    FIELDS.forEach(function (name) {
      var v = params.get(PARAM[name]);
      form.elements[name].value = v === null ? "" : v;
    });
    form.elements.aperto.checked = !!params.get("aperto");
    if (details && ["area", "tipo", "comune", "lingua"].some(function (n) { return params.get(n); })) {
      details.open = true;
    }
  }

  function addressOfForm() {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) {
      var v = value(name);
      if (name === "q") { v = v.trim(); }
      if (v) { params.set(PARAM[name], v); }
    });
    if (value("aperto")) { params.set("aperto", "1"); }
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
  }

  var typing = false;  // the current history entry was made by typing in the text field
  var typed = null;  // the timer of the address update that typing has put off

  /* Writing the address costs Chromium several milliseconds (the browser process keeps the
   * history): while a word is being typed it is written once the typing pauses, and at once
   * before anything else happens (another filter, a click, leaving the page). */
  var PAUSE = 300;

  function writeAddressLater() {
    if (typed !== null) { window.clearTimeout(typed); }
    typed = window.setTimeout(flushAddress, PAUSE);
  }

  function flushAddress() {
    if (typed === null) { return; }
    window.clearTimeout(typed);
    typed = null;
    writeAddress(true);
  }

  function writeAddress(byTyping) {
    if (!byTyping) { flushAddress(); }  // the typed words are one entry, the change another
    var target = addressOfForm();
    if (target === window.location.pathname + window.location.search + window.location.hash) { return; }
    try {
      if (byTyping && typing) {
        window.history.replaceState({ servicemap: true }, "", target);
      } else {
        window.history.pushState({ servicemap: true }, "", target);
      }
    } catch (e) { return; }  // some file:// pages refuse history changes: the search still works
    typing = byTyping;
  }

  if (details && window.matchMedia && window.matchMedia("(min-width: 60em)").matches) {
    details.open = true;  // room for every filter on a wide screen
  }
  refreshToday();
  readAddress();
  apply();
  form.addEventListener("input", function (event) {
    apply();
    if (event.target === form.elements.q) { writeAddressLater(); } else { writeAddress(false); }
  });
  document.addEventListener("click", flushAddress, true);  // before a link is followed
  window.addEventListener("pagehide", flushAddress);
  form.elements.q.addEventListener("blur", flushAddress);
  form.addEventListener("change", function (event) {
    if (event.target === form.elements.q) { return; }  // already written while typing
    apply();
    writeAddress(false);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
    flushAddress();
    typing = false;
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { apply(); writeAddress(false); }, 0);
  });
  window.addEventListener("popstate", function () {
    if (typed !== null) { window.clearTimeout(typed); typed = null; }  // Back wins over typing
    typing = false;
    readAddress();
    apply();
  });
  window.setInterval(function () { refreshToday(); apply(true); }, 60000);
  /* Another order for the results (servicemap-vicino.js: by distance, or by comune); null
   * gives back the order by name. The nearest (or first) PAGE are shown. */
  var byName = results.slice();
  function reorder(compare) {
    results = compare ? byName.slice().sort(compare) : byName.slice();
    apply();
  }
  /* fn(result, element) on every result's element: those made and those to come. */
  function decorate(fn) {
    if (decorators.indexOf(fn) < 0) { decorators.push(fn); }
    byName.forEach(function (r) { if (r.node) { fn(r, r.node); } });
  }
  window.ServicemapSearch = {
    data: data, fields: F, results: byName, reorder: reorder, decorate: decorate
  };
  root.setAttribute("data-ready", "true");
}());
