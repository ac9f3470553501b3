/* servicemap-common.js: the helpers every page script shares, written once.
 *
 * Loaded before any of our page scripts (render.assets.COMMON_PATH: on every page, and again
 * right before the scripts of the map, Cerca, La mia lista and the service page, which run
 * before the end of <body>). It only defines window.ServicemapCommon and needs nothing else:
 * ServicemapI18n may load after it, so texts are looked up when asked for, not now.
 *
 *   text(key, values), fillText(node, key, values)   interface texts (ServicemapI18n), or the key
 *   el(tag, className, text), recordText(node, italian)   DOM nodes; record text as text only
 *   fields(header)            a payload's field names -> their positions (render.clientdata)
 *   safeColour(colour)        a "#rrggbb" from the data, or a neutral grey
 *   distanceKm(a, b)          great-circle distance between two [lat, lon]
 *   askPosition(button, status, found, refused)   "Vicino a me": the position only on a tap
 *   read(key), write(key, value)   localStorage, which file:// or a private window may refuse
 *   localHref(href)           a folder link that opens from file:// too (index.html)
 *   serviceHref(pattern, id)  a service page's link from "../servizi/{id}/"
 *   primaryLang(tag)          "ar-EG" -> "ar"
 *   idle(callback), ready(callback)   later, when the browser is idle / the page is parsed
 * Plain ES2017, no modules: it must run from file:// too.
 */
(function () {
  "use strict";

  if (window.ServicemapCommon) { return; }  // loaded twice on a page: one is enough

  /* The interface text `key` in the page's language, {name} filled; the key without I18n. */
  function text(key, values) {
    return window.ServicemapI18n ? window.ServicemapI18n.t(key, values) : key;
  }

  /* The text `key` into `node` (its content replaced), each value isolated in a <bdi>; ""
   * empties the node. Returns the node. */
  function fillText(node, key, values) {
    if (!key) { node.textContent = ""; return node; }
    if (window.ServicemapI18n) { return window.ServicemapI18n.fill(node, key, values); }
    node.textContent = key;
    return node;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* A record's own text: its direction from its letters (a Latin name in an Arabic page),
   * its language Italian when it has no translation. */
  function recordText(node, italian) {
    node.dir = "auto";
    if (italian) { node.lang = "it"; }
    return node;
  }

  /* ["id", "nome", ...] -> {id: 0, nome: 1, ...}: the build ships each table's field names
   * (render.clientdata.with_fields), so no script hard-codes a position. A plain object (read
   * in the search's hot loops); tests serve the data with its fields in another order. */
  function fields(header) {
    var index = {};
    (header || []).forEach(function (name, i) { index[name] = i; });
    return Object.freeze(index);
  }

  function safeColour(colour) {
    return /^#[0-9a-fA-F]{6}$/.test(colour || "") ? colour : "#555555";
  }

  /* Great-circle distance in km between [lat, lon] points (haversine). */
  function distanceKm(a, b) {
    var rad = Math.PI / 180;
    var dLat = (b[0] - a[0]) * rad, dLon = (b[1] - a[1]) * rad;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /* "Vicino a me": the button shows (it needs this script), and the browser is asked for the
   * position only when it is pressed; `status` says meanwhile that the device is asked.
   * found([lat, lon]) or refused() (also without geolocation); the button's aria-pressed
   * follows. The position never leaves the device: callers compute with it here. */
  function askPosition(button, status, found, refused) {
    var pressed = function (on) { button.setAttribute("aria-pressed", on ? "true" : "false"); };
    var no = function () { pressed(false); refused(); };
    button.hidden = false;
    pressed(false);
    button.addEventListener("click", function () {
      if (!navigator.geolocation) { no(); return; }
      status.textContent = text("vicino.attesa");
      navigator.geolocation.getCurrentPosition(function (position) {
        found([position.coords.latitude, position.coords.longitude]);
        pressed(true);
      }, no, { enableHighAccuracy: false, timeout: 20000, maximumAge: 300000 });
    });
  }

  /* localStorage[key]: null when absent, undefined when the browser refuses storage. */
  function read(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return undefined; }
  }

  /* Stores the value; false when the browser refuses (file://, private mode). */
  function write(key, value) {
    try { window.localStorage.setItem(key, value); return true; } catch (e) { return false; }
  }

  /* From file:// a folder link opens a directory listing: it gets its index.html. */
  function localHref(href) {
    var local = window.location.protocol === "file:" && /\/$/.test(href);
    return local ? href + "index.html" : href;
  }

  /* A service page's link from a pattern like "../servizi/{id}/" (the page's data says
   * which), the id encoded; from file:// with its index.html (localHref). */
  function serviceHref(pattern, id) {
    return localHref(pattern.split("{id}").join(encodeURIComponent(id)));
  }

  function primaryLang(tag) {
    return String(tag || "").toLowerCase().split(/[-_]/)[0];
  }

  /* requestIdleCallback, or a stand-in that offers 8 ms slices. */
  var idle = window.requestIdleCallback
    ? function (callback) { return window.requestIdleCallback(callback); }
    : function (callback) {
      return window.setTimeout(function () {
        var end = Date.now() + 8;
        callback({ timeRemaining: function () { return Math.max(0, end - Date.now()); } });
      }, 16);
    };

  /* Now if the page is parsed, else when it is (what follows a script is not there yet). */
  function ready(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  window.ServicemapCommon = {
    text: text,
    fillText: fillText,
    el: el,
    recordText: recordText,
    fields: fields,
    safeColour: safeColour,
    distanceKm: distanceKm,
    askPosition: askPosition,
    read: read,
    write: write,
    localHref: localHref,
    serviceHref: serviceHref,
    primaryLang: primaryLang,
    idle: idle,
    ready: ready
  };
}());
