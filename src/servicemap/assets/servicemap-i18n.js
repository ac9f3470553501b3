/* servicemap-i18n.js: the language switch of the interface (it, en, ar, zh) on every page.
 *
 * Reads window.SERVICEMAP_INTERFACCIA (interfaccia.js, written at build time from
 * data/interfaccia.yaml). Puts a labelled <select> in the header; the choice sets lang and dir
 * on <html> (Arabic is right-to-left), swaps the texts of elements marked data-i18n="key" (and
 * the attributes named in data-i18n-attr="placeholder:key;aria-label:key") and the theme's own
 * texts (menu, skip link, header search, footer), matched by their Italian text. Records stay
 * as written: the page content keeps lang="it" so a screen reader reads them in Italian.
 * The choice is remembered in localStorage (guarded: it may be unavailable from file://).
 * Other scripts call ServicemapI18n.t(key, values) and listen for "servicemap:lingua".
 * Plain ES2017, no modules: it must run from file:// too.
 */
(function () {
  "use strict";

  var data = window.SERVICEMAP_INTERFACCIA;
  if (!data) { return; }
  var STORE_KEY = "servicemap-lingua";
  var SOURCE = "it";
  var THEME_AREAS = ".md-header, .md-tabs, .md-sidebar, .md-footer, .md-skip, .md-top";
  var current = SOURCE;
  var themeNodes = null;  // [{node, attr, it}] found once, on the first switch

  function t(key, values, lang) {
    var entry = data.testi[key];
    if (!entry) { return key; }
    var text = entry[lang || current] || entry[SOURCE] || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  }

  function stored() {
    try { return window.localStorage.getItem(STORE_KEY); } catch (e) { return null; }
  }

  function store(lang) {
    try { window.localStorage.setItem(STORE_KEY, lang); } catch (e) { /* file://, private mode */ }
  }

  function markedElements() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (node) {
      var key = node.getAttribute("data-i18n");
      if (!data.testi[key]) { return; }
      node.textContent = t(key);
      if (node.closest && node.closest("[lang=it]") && current !== SOURCE) {
        node.setAttribute("lang", current);
      } else if (node.getAttribute("lang")) {
        node.removeAttribute("lang");
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n-attr]"), function (node) {
      node.getAttribute("data-i18n-attr").split(";").forEach(function (pair) {
        var bits = pair.split(":");
        if (bits.length === 2 && data.testi[bits[1]]) { node.setAttribute(bits[0], t(bits[1])); }
      });
    });
  }

  /* The theme's texts (text nodes and a few attributes) whose Italian text is in data.tema. */
  function findThemeNodes() {
    var found = [];
    Array.prototype.forEach.call(document.querySelectorAll(THEME_AREAS), function (area) {
      var walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
      var node = walker.nextNode();
      while (node) {
        var text = node.nodeValue.trim();
        if (text && data.tema[text]) { found.push({ node: node, attr: null, it: text }); }
        node = walker.nextNode();
      }
      var withAttrs = area.querySelectorAll("[placeholder], [aria-label], [title]");
      Array.prototype.forEach.call(withAttrs, function (el) {
        ["placeholder", "aria-label", "title"].forEach(function (attr) {
          var value = el.getAttribute(attr);
          if (value && data.tema[value.trim()]) {
            found.push({ node: el, attr: attr, it: value.trim() });
          }
        });
      });
    });
    return found;
  }

  function themeTexts() {
    if (!themeNodes) { themeNodes = findThemeNodes(); }
    themeNodes.forEach(function (item) {
      var text = current === SOURCE ? item.it : (data.tema[item.it][current] || item.it);
      if (item.attr) {
        item.node.setAttribute(item.attr, text);
      } else {
        var raw = item.node.nodeValue;
        var start = raw.indexOf(raw.trim());
        item.node.nodeValue = raw.slice(0, start) + text + raw.slice(start + raw.trim().length);
      }
    });
  }

  function apply(lang, remember) {
    if (!data.lingue[lang]) { lang = SOURCE; }
    current = lang;
    var html = document.documentElement;
    html.setAttribute("lang", lang);
    html.setAttribute("dir", data.lingue[lang].direzione === "rtl" ? "rtl" : "ltr");
    var content = document.querySelector(".md-content");
    if (content) {  // the records are Italian whatever the interface language
      if (lang === SOURCE) { content.removeAttribute("lang"); } else { content.setAttribute("lang", SOURCE); }
    }
    markedElements();
    themeTexts();
    var select = document.getElementById("sm-lingua-sito");
    if (select && select.value !== lang) { select.value = lang; }
    if (remember) { store(lang); }
    var event;
    try {
      event = new CustomEvent("servicemap:lingua", { detail: { lang: lang } });
    } catch (e) {
      event = document.createEvent("CustomEvent");
      event.initCustomEvent("servicemap:lingua", false, false, { lang: lang });
    }
    document.dispatchEvent(event);
  }

  function buildSwitch() {
    var box = document.createElement("div");
    box.className = "sm-lingua";
    var label = document.createElement("label");
    label.htmlFor = "sm-lingua-sito";
    label.className = "sm-lingua-etichetta";
    label.setAttribute("data-i18n", "lingua.etichetta");
    label.textContent = t("lingua.etichetta");
    var select = document.createElement("select");
    select.id = "sm-lingua-sito";
    Object.keys(data.lingue).forEach(function (code) {
      var option = document.createElement("option");
      option.value = code;
      option.lang = code;
      option.textContent = data.lingue[code].nome;
      select.appendChild(option);
    });
    select.addEventListener("change", function () { apply(select.value, true); });
    box.appendChild(label);
    box.appendChild(select);
    var header = document.querySelector(".md-header__inner");
    if (header) {
      var search = header.querySelector(".md-search");
      header.insertBefore(box, search || null);
    } else {
      document.body.insertBefore(box, document.body.firstChild);
    }
  }

  window.ServicemapI18n = {
    t: t,
    lang: function () { return current; },
    apply: function (lang) { apply(lang, true); }
  };
  buildSwitch();
  var chosen = stored();
  if (chosen && chosen !== SOURCE && data.lingue[chosen]) { apply(chosen, false); }
}());
