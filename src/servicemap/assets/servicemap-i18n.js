/* servicemap-i18n.js: the texts our scripts write, in the language of the page.
 *
 * Each interface language is a whole site (/, /en/, /ar/, /zh/), built in its language, and
 * Material's own switch leads from one to the other: nothing here swaps texts. The scripts'
 * dynamic texts (popups, "aperto ora", result counts, list actions) come from
 * window.SERVICEMAP_INTERFACCIA (interfaccia.js, written at build time from
 * data/interfaccia.yaml) in the language of <html lang>, Italian where a text is missing.
 *
 * ServicemapI18n.t(key, values)       the text, {name} filled with values
 * ServicemapI18n.fill(node, key, v)   the same into a node, each value in its own <bdi>: in
 *                                     Arabic "09:00–12:00", a phone number or a Latin name keeps
 *                                     its order inside the sentence
 * ServicemapI18n.date(iso, options)   a date ("YYYY-MM-DD") written by Intl in the page language
 * ServicemapI18n.number(x, digits)    a number the same way (Latin digits, as times and phones)
 * ServicemapI18n.weekdays(style)      Monday..Sunday in the page language
 * Needs ServicemapCommon (servicemap-common.js), loaded before it on every page.
 * Plain ES2017, no modules: it must run from file:// too.
 */
(function () {
  "use strict";

  var data = window.SERVICEMAP_INTERFACCIA || { lingue: {}, testi: {} };
  var SOURCE = "it";
  var PLACE = /\{([a-z]+)\}/g;

  function pageLang() {
    var raw = (document.documentElement.getAttribute("lang") || SOURCE).toLowerCase();
    if (data.lingue[raw]) { return raw; }
    var base = window.ServicemapCommon.primaryLang(raw);  // loaded first: "zh-Hant" -> "zh"
    return data.lingue[base] ? base : SOURCE;
  }

  var lang = pageLang();
  var rtl = (data.lingue[lang] || {}).direzione === "rtl";
  // Times, phone numbers and the records' numbers are written in Latin digits: so are the
  // numbers the scripts add (Arabic as written in Italy, where the desks are).
  var locale = lang === "ar" ? "ar-u-nu-latn" : lang;

  function template(key) {
    var entry = data.testi[key];
    if (!entry) { return key; }
    return entry[lang] || entry[SOURCE] || key;
  }

  function t(key, values) {
    var found = values || {};
    return template(key).replace(PLACE, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(found, name) ? String(found[name]) : whole;
    });
  }

  /* The text into `node` (its old content replaced), each value isolated in a <bdi>; record
   * text and values are only ever text nodes. Returns the node. */
  function fill(node, key, values) {
    var found = values || {};
    var text = template(key), at = 0, match;
    node.textContent = "";
    PLACE.lastIndex = 0;
    while ((match = PLACE.exec(text)) !== null) {
      if (!Object.prototype.hasOwnProperty.call(found, match[1])) { continue; }
      if (match.index > at) { node.appendChild(document.createTextNode(text.slice(at, match.index))); }
      var value = found[match[1]];
      if (value && value.nodeType) {
        node.appendChild(value);
      } else {
        var bdi = document.createElement("bdi");
        bdi.textContent = String(value);
        node.appendChild(bdi);
      }
      at = match.index + match[0].length;
    }
    if (at < text.length) { node.appendChild(document.createTextNode(text.slice(at))); }
    return node;
  }

  function date(iso, options) {
    var bits = String(iso || "").split("-").map(Number);
    if (bits.length !== 3 || !bits[0]) { return iso || ""; }
    var how = options || { day: "numeric", month: "long", year: "numeric" };
    how.timeZone = "UTC";
    try {
      return new Intl.DateTimeFormat(locale, how)
        .format(new Date(Date.UTC(bits[0], bits[1] - 1, bits[2])));
    } catch (e) { return iso; }
  }

  function number(value, digits) {
    try {
      return new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits || 0, maximumFractionDigits: digits || 0
      }).format(value);
    } catch (e) { return value.toFixed(digits || 0); }
  }

  function weekdays(style) {
    var names = [];
    for (var d = 0; d < 7; d++) {  // 1 January 2024 was a Monday
      names.push(date("2024-01-0" + (d + 1), { weekday: style || "short" }));
    }
    return names;
  }

  window.ServicemapI18n = {
    t: t,
    fill: fill,
    date: date,
    number: number,
    weekdays: weekdays,
    lang: function () { return lang; },
    rtl: function () { return rtl; }
  };
}());
