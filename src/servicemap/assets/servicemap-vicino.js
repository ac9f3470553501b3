/* servicemap-vicino.js: "Vicino a me" on the search page.
 *
 * The browser is asked for the position only when the visitor presses the button (here, or
 * "Vicino a me" on the home page, which arrives with ?vicino=1); the position
 * never leaves the device (distances are computed here). Results are sorted by distance and
 * each shows it ("a 1,2 km"; "circa" when the desk is placed only on its comune). When the
 * position is refused or unavailable, the page says so politely, sorts the list by comune and
 * moves the focus to the comune filter. Uses window.ServicemapSearch (servicemap-search.js).
 * Plain ES2017, no modules: it must run from file:// too.
 */
(function () {
  "use strict";

  var Search = window.ServicemapSearch;
  var button = document.getElementById("sm-vicino");
  var status = document.getElementById("sm-vicino-stato");
  if (!Search || !button || !status) { return; }
  var F = Search.fields;
  var APPROXIMATE = 2;  // precision code of a desk placed on its comune
  var I18n = window.ServicemapI18n;

  function t(key, values) {
    return I18n ? I18n.t(key, values) : key;
  }

  /* Great-circle distance in km (haversine). */
  function distance(lat1, lon1, lat2, lon2) {
    var rad = Math.PI / 180;
    var dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /* "1,2" in Italian, "1.2" in English: the page's language writes the number. */
  function km(value) {
    var digits = value < 10 ? 1 : 0;
    return I18n ? I18n.number(value, digits) : value.toFixed(digits);
  }

  function say(key) {
    status.textContent = key ? t(key) : "";
  }

  function label(r) {
    var node = r.node.querySelector(".sm-result-distance");
    if (!node) {
      node = document.createElement("p");
      node.className = "sm-result-distance";
      r.node.appendChild(node);
    }
    return node;
  }

  function showDistances() {
    Search.results.forEach(function (r) {
      var pos = r.rec[F.POS];
      var key = !pos ? "vicino.senza-posizione"
        : pos[2] === APPROXIMATE ? "vicino.distanza-circa" : "vicino.distanza";
      var values = pos ? { km: km(r.distance) } : {};
      if (I18n) { I18n.fill(label(r), key, values); } else { label(r).textContent = t(key, values); }
    });
  }

  function sortByDistance(position) {
    var here = [position.coords.latitude, position.coords.longitude];
    Search.results.forEach(function (r) {
      var pos = r.rec[F.POS];
      r.distance = pos ? distance(here[0], here[1], pos[0], pos[1]) : Infinity;
    });
    showDistances();
    Search.reorder(function (a, b) { return a.distance - b.distance; });
    say("vicino.ordinati");
    button.setAttribute("aria-pressed", "true");
  }

  function byComune() {
    var comuni = Search.data.comuni;
    Search.reorder(function (a, b) {
      var x = comuni[a.rec[F.COMUNE]][1], y = comuni[b.rec[F.COMUNE]][1];
      return x < y ? -1 : (x > y ? 1 : 0);
    });
    say("vicino.negato");
    button.setAttribute("aria-pressed", "false");
    var select = document.getElementById("sm-comune");
    if (select) { select.focus(); }
  }

  button.hidden = false;
  button.setAttribute("aria-pressed", "false");
  button.addEventListener("click", function () {
    if (!navigator.geolocation) { byComune(); return; }
    say("vicino.attesa");
    navigator.geolocation.getCurrentPosition(sortByDistance, byComune, {
      enableHighAccuracy: false, timeout: 20000, maximumAge: 300000
    });
  });
  /* "Vicino a me" on the home page links here with ?vicino=1: that tap was the person's
   * request, so the page asks for the position on arrival. Never without it. After the
   * page's last script. */
  var asked = false;
  try { asked = new URLSearchParams(window.location.search).get("vicino") === "1"; }
  catch (e) { /* an old browser: the button is still there */ }
  if (asked && document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { button.click(); });
  } else if (asked) {
    button.click();
  }
}());
