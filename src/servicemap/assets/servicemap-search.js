/* servicemap-search.js: instant filtering of every service, without a server.
 *
 * Reads window.SERVICEMAP_SERVICES (cerca-servizi.js), renders every result ONCE with DOM nodes
 * and textContent (record text is never HTML), then on each input only toggles the `hidden`
 * attribute of the results that change, and announces the count in an aria-live region.
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

  /* One result element per record, built once. */
  function build(rec) {
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
    var today = el("p", "sm-result-today");
    item.appendChild(today);
    return {
      rec: rec,
      node: item,
      today: today,
      schedule: Hours.schedule(rec[F.orari], rec[F.flag_orari], rec[F.chiusure]),
      shown: true,
      want: true,
      open: null,
      hay: [rec[F.testo], pick(typeHay, rec[F.tipo]), pick(needHay, rec[F.aree]),
        comuneHay[rec[F.comune]], pick(comuneHay, rec[F.comuni_serviti]),
        pick(langHay, rec[F.lingue])].join(" ")
    };
  }

  var results = data.s.map(build);
  var index = new Match.Index(results.map(function (r) { return r.hay; }));
  results.forEach(function (r, n) { r.n = n; });

  function refreshToday() {
    var now = Hours.romeNow();
    results.forEach(function (r) {
      var info = Hours.today(r.schedule, now);
      r.open = info.open;
      if (r.todayText !== info.text) { Hours.show(r.today, info); r.todayText = info.text; }
      r.today.className = "sm-result-today" + (info.open ? " sm-open" : "");
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

  /* Results sit in chunks of CHUNK lists with `content-visibility: auto` (servicemap.css): the
   * browser styles and lays out only the chunks near the screen, so showing or hiding
   * thousands of results costs milliseconds. A skipped chunk is sized by an estimate
   * (EST_HEIGHT px per shown result), and an empty chunk is hidden so it takes no room.
   * Toggling `hidden` on thousands of results still costs tens of milliseconds, so a keystroke
   * updates at once only the chunks on or near the screen (by their estimated place) and the
   * count; the others follow in idle time, a few at a time, and a newer keystroke supersedes an
   * unfinished pass. With 10,000 records a keystroke stays under 50 ms. */
  var CHUNK = 100, EST_HEIGHT = 95;
  var pending = null;  // chunks whose results still wait for their `hidden` update

  function syncChunk(chunk) {
    var rs = chunk.results;
    for (var i = 0; i < rs.length; i++) {
      var r = rs[i];
      if (r.want !== r.shown) { r.node.hidden = !r.want; r.shown = r.want; }
    }
  }

  var idle = C.idle;

  function later(queue) {
    pending = queue;
    if (!queue.length) { return; }
    idle(function step(deadline) {
      if (pending !== queue) { return; }  // a newer keystroke took over
      // Short slices (an idle period may offer 50 ms): the next keystroke must not wait.
      var end = Date.now() + Math.min(deadline.timeRemaining(), 6);
      while (queue.length && Date.now() < end) { syncChunk(queue.shift()); }
      if (queue.length) { idle(step); }
    });
  }

  /* Where the list starts in the page, measured when the browser is idle (its layout is then
   * up to date): measuring it during a keystroke would force a layout of what the idle work
   * just changed, and the frame would lay out again. A few lines off it does not matter: the
   * margin below is 2,000 px. */
  var listTop = null;

  function measureList() {
    listTop = list.getBoundingClientRect().top + window.pageYOffset;
  }

  function apply() {
    var f = filters();
    if (f.open) { refreshToday(); }
    var count = 0, y = 0, queue = [], empties = 2;  // empty chunks are hidden: 2 are enough now
    // The screen, with a margin, in the list's own coordinates.
    if (listTop === null) { measureList(); }
    var top = listTop - window.pageYOffset, margin = window.innerHeight + 2000;
    var low = -top - margin, high = window.innerHeight - top + margin;
    chunks.forEach(function (chunk) {
      var shownHere = 0, rs = chunk.results;
      for (var i = 0; i < rs.length; i++) {
        var r = rs[i];
        r.want = matches(r, f);
        if (r.want) { shownHere++; }
      }
      count += shownHere;
      var height = shownHere * EST_HEIGHT;
      if (y + height >= low && y <= high && (shownHere || empties-- > 0)) {
        syncChunk(chunk);
      } else {
        queue.push(chunk);
      }
      y += height;
      if (chunk.node.hidden !== (shownHere === 0)) { chunk.node.hidden = shownHere === 0; }
      if (chunk.shown !== shownHere) {
        chunk.node.style.containIntrinsicBlockSize = height + "px";
        chunk.shown = shownHere;
      }
    });
    announce(count, f);
    later(queue);
    idle(measureList);
  }

  function makeChunks() {
    var out = [];
    for (var i = 0; i < results.length; i += CHUNK) {
      var node = el("ul", "sm-results-chunk");
      var part = results.slice(i, i + CHUNK);
      part.forEach(function (r) { node.appendChild(r.node); });
      out.push({ node: node, results: part, shown: -1 });
    }
    return out;
  }

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
  var chunks = makeChunks();
  var fragment = document.createDocumentFragment();
  chunks.forEach(function (chunk) { fragment.appendChild(chunk.node); });
  list.appendChild(fragment);
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
  window.setInterval(function () { refreshToday(); apply(); }, 60000);
  /* Another order for the results (servicemap-vicino.js: by distance, or by comune); null
   * gives back the order by name. The chunks are rebuilt in the new order. */
  var byName = results.slice();
  function reorder(compare) {
    results = compare ? byName.slice().sort(compare) : byName.slice();
    chunks.forEach(function (chunk) { list.removeChild(chunk.node); });
    chunks = makeChunks();
    var again = document.createDocumentFragment();
    chunks.forEach(function (chunk) { again.appendChild(chunk.node); });
    list.appendChild(again);
    apply();
  }
  window.ServicemapSearch = { data: data, fields: F, results: byName, reorder: reorder };
  root.setAttribute("data-ready", "true");
}());
