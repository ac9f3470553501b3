/* servicemap-lista.js: "La mia lista", kept on the device and in the link that shares it.
 *
 * - A toggle "Aggiungi alla mia lista" / "Togli dalla mia lista" (aria-pressed) on each Cerca
 *   result ([data-servizio-id] in #sm-results) and on a service page (.sm-lista-toggle), and a
 *   link "La mia lista (3)" there while the list holds something; each change is announced.
 *   The buttons name their service in data-lista-id (data-servizio-id marks the results).
 * - The list itself: servicemap-lista-pagina.js (the page lista/), which uses
 *   window.ServicemapLista (below). Ids are checked ([a-z0-9-]) wherever they come from.
 * The list is stored in localStorage, guarded: where it is refused (file:// in some browsers,
 * private mode) the list still works in memory and through the link. Record text is only ever
 * written with textContent. Texts are in the page's language (ServicemapI18n), values in them
 * (names, counts) isolated in <bdi>. Shared helpers: ServicemapCommon (servicemap-common.js).
 * Plain ES2017, no modules: it must run from file:// too.
 */
(function () {
  "use strict";

  var C = window.ServicemapCommon;
  if (!C) { return; }
  var KEY = "servicemap-lista";
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var MAX = 200;
  var memory = [];
  var storageBroken = false;

  var tr = C.text, el = C.el, say = C.fillText;

  /* Valid, unique ids, at most MAX: a hand-made link cannot inject anything or grow without end. */
  function clean(ids) {
    var seen = {}, out = [];
    (ids || []).forEach(function (id) {
      if (typeof id !== "string" || !ID.test(id) || id.length > 100 || seen[id]) { return; }
      if (out.length < MAX) { seen[id] = true; out.push(id); }
    });
    return out;
  }

  function load() {
    if (storageBroken) { return memory.slice(); }
    var raw = C.read(KEY);
    if (raw === undefined) { storageBroken = true; return memory.slice(); }
    if (raw === null) { return []; }
    try { return clean(JSON.parse(raw)); } catch (e) { return []; }
  }

  var chosenCache = null;

  /* The ids in the list as a set, read once until the list changes (decorating 10,000 results). */
  function chosen() {
    if (!chosenCache) {
      chosenCache = {};
      load().forEach(function (id) { chosenCache[id] = true; });
    }
    return chosenCache;
  }

  function save(ids) {
    chosenCache = null;
    memory = ids.slice();
    if (!C.write(KEY, JSON.stringify(ids))) { storageBroken = true; }
  }

  /* A new element with the interface text `key`, values isolated. */
  function ui(tag, className, key, values) {
    return say(el(tag, className), key, values);
  }

  /* [key, values] of "3 servizi nella lista". */
  function countText(n) {
    return n === 1 ? ["lista.conta.uno"] : ["lista.conta", { n: n }];
  }

  /* --- toggles and the link to the list (Cerca, service pages) --------------------------- */

  function toggles() {
    return document.querySelectorAll(".sm-lista-toggle");
  }

  function setToggle(button, on) {
    var key = on ? "lista.togli" : "lista.aggiungi";
    var label = button.querySelector("span") || button;
    button.setAttribute("aria-pressed", on ? "true" : "false");
    say(label, key);
  }

  function refreshToggles() {
    var ids = load(), on = {};
    ids.forEach(function (id) { on[id] = true; });
    Array.prototype.forEach.call(toggles(), function (b) {
      var want = !!on[b.getAttribute("data-lista-id")];
      if ((b.getAttribute("aria-pressed") === "true") !== want) { setToggle(b, want); }
      b.hidden = false;
    });
    refreshLinks(ids.length);
  }

  function refreshLinks(n) {
    Array.prototype.forEach.call(document.querySelectorAll(".sm-lista-link"), function (a) {
      a.hidden = n === 0;
      say(a, "lista.link", { n: n });
      a.setAttribute("href", C.localHref(a.getAttribute("href")));
    });
  }

  /* "Aggiunto: X. 3 servizi nella lista." into a live region (or `node`): two sentences. */
  function announce(key, values, node) {
    var live = node || document.querySelector(".sm-lista-annuncio");
    if (!live) { return; }
    var count = countText(load().length);
    say(live, "");
    live.appendChild(ui("span", "", key, values));
    live.appendChild(document.createTextNode(" "));
    live.appendChild(ui("span", "", count[0], count[1]));
  }

  function toggle(button) {
    var id = button.getAttribute("data-lista-id");
    var ids = load(), at = ids.indexOf(id);
    if (at >= 0) { ids.splice(at, 1); } else { ids.push(id); }
    save(clean(ids));
    refreshToggles();
    var result = button.closest("[data-servizio-id]");
    var title = result && result.querySelector(".sm-result-name");
    var name = button.getAttribute("data-nome") || (title ? title.textContent : "");
    announce(at >= 0 ? "lista.tolto" : "lista.aggiunto", { nome: name });
  }

  /* A button named by its own label and the service's name (aria-labelledby): a screen reader
   * says "Aggiungi alla mia lista Caritas Pioltello", not the same words thirty times. */
  function nameWith(button, label, nameNode, id, prefix) {
    label.id = prefix + "-azione-" + id;
    nameNode.id = nameNode.id || prefix + "-nome-" + id;
    button.setAttribute("aria-labelledby", label.id + " " + nameNode.id);
  }

  /* Each Cerca result gets its button, in the state of the list, when the search shows it
   * (servicemap-search.js adds a screenful at a time, and takes them out again); one listener
   * for all. A result shown again is brought up to date: the list may have changed meanwhile
   * (another tab, the list page). */
  function decorateResults() {
    var results = document.getElementById("sm-results");
    if (!results) { return; }
    var template = el("button", "md-button sm-lista-toggle");
    template.type = "button";
    template.setAttribute("aria-pressed", "false");
    template.appendChild(ui("span", "", "lista.aggiungi"));

    function decorate(item) {
      var id = item.getAttribute("data-servizio-id");
      var button = item.querySelector(".sm-lista-toggle");
      var on = !!chosen()[id];
      if (button) {
        if ((button.getAttribute("aria-pressed") === "true") !== on) { setToggle(button, on); }
        return;
      }
      var name = item.querySelector(".sm-result-name");
      button = template.cloneNode(true);
      button.setAttribute("data-lista-id", id);
      if (name) { nameWith(button, button.firstChild, name, id, "sm-lista"); }
      if (on) { setToggle(button, true); }
      item.appendChild(button);
    }

    function decorateAll(nodes) {
      Array.prototype.forEach.call(nodes, function (node) {
        if (node.nodeType === 1 && node.hasAttribute("data-servizio-id")) { decorate(node); }
      });
    }

    decorateAll(results.querySelectorAll("[data-servizio-id]"));
    if (window.MutationObserver) {
      new MutationObserver(function (changes) {
        changes.forEach(function (change) { decorateAll(change.addedNodes); });
      }).observe(results, { childList: true, subtree: true });
    }
    results.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest(".sm-lista-toggle");
      if (button) { toggle(button); }
    });
  }

  function wirePageToggle() {
    var button = document.querySelector(".sm-scheda .sm-lista-toggle");
    if (!button) { return; }
    var title = document.querySelector(".sm-scheda h1");
    button.setAttribute("data-nome", title ? title.textContent.trim() : "");
    button.addEventListener("click", function () { toggle(button); });
  }

  function start() {
    decorateResults();
    wirePageToggle();
    refreshToggles();
    window.addEventListener("storage", function (event) {
      if (event.key !== KEY) { return; }
      chosenCache = null;
      refreshToggles();
    });
  }

  /* What the list page (servicemap-lista-pagina.js) shares with the toggles. */
  window.ServicemapLista = {
    KEY: KEY, load: load, save: save, clean: clean, ui: ui,
    countText: countText, announce: announce, refreshLinks: refreshLinks, nameWith: nameWith,
    forget: function () { chosenCache = null; }
  };

  C.ready(start);  // on a service page, its toggle comes after
}());
