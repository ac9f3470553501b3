/* servicemap-vicino.js: "Vicino a me" on the search page.
 *
 * The browser is asked for the position only when the visitor presses the button (here, or
 * "Vicino a me" on the home page, which arrives with ?vicino=1); the position
 * never leaves the device (distances are computed here). Results are sorted by distance and
 * each shows it ("a 1,2 km"; "circa" when the desk is placed only on its comune). When the
 * position is refused or unavailable, the page says so politely, sorts the list by comune and
 * moves the focus to the comune filter. Uses window.ServicemapSearch (servicemap-search.js) and
 * ServicemapCommon (the position asked for, distances); record fields by name (`campi`).
 * Plain ES2017, no modules: it must run from file:// too.
 */
(function () {
  "use strict";

  var Search = window.ServicemapSearch;
  var C = window.ServicemapCommon;
  var button = document.getElementById("sm-vicino");
  var status = document.getElementById("sm-vicino-stato");
  if (!Search || !C || !button || !status) { return; }
  var F = Search.fields, POS = C.fields(Search.data.campi.posizione);
  var COMUNE = C.fields(Search.data.campi.comuni);
  var APPROXIMATE = 2;  // precision code of a desk placed on its comune
  var I18n = window.ServicemapI18n;

  /* "1,2" in Italian, "1.2" in English: the page's language writes the number. */
  function km(value) {
    var digits = value < 10 ? 1 : 0;
    return I18n ? I18n.number(value, digits) : value.toFixed(digits);
  }

  function say(key) {
    status.textContent = key ? C.text(key) : "";
  }

  function label(node) {
    var line = node.querySelector(".sm-result-distance");
    if (!line) {
      line = document.createElement("p");
      line.className = "sm-result-distance";
      node.appendChild(line);
    }
    return line;
  }

  /* The distance on a result's element: the search makes them as they are shown. */
  function showDistance(r, node) {
    if (r.distance === undefined) { return; }
    var pos = r.rec[F.posizione];
    var key = !pos ? "vicino.senza-posizione"
      : pos[POS.precisione] === APPROXIMATE ? "vicino.distanza-circa" : "vicino.distanza";
    C.fillText(label(node), key, pos ? { km: km(r.distance) } : {});
  }

  function sortByDistance(here) {
    Search.results.forEach(function (r) {
      var pos = r.rec[F.posizione];
      r.distance = pos ? C.distanceKm(here, [pos[POS.lat], pos[POS.lon]]) : Infinity;
    });
    Search.decorate(showDistance);
    Search.reorder(function (a, b) { return a.distance - b.distance; });
    say("vicino.ordinati");
  }

  function byComune() {
    var comuni = Search.data.comuni;
    Search.reorder(function (a, b) {
      var x = comuni[a.rec[F.comune]][COMUNE.nome], y = comuni[b.rec[F.comune]][COMUNE.nome];
      return x < y ? -1 : (x > y ? 1 : 0);
    });
    say("vicino.negato");
    var select = document.getElementById("sm-comune");
    if (select) { select.focus(); }
  }

  C.askPosition(button, status, sortByDistance, byComune);
  /* "Vicino a me" on the home page links here with ?vicino=1: that tap was the person's
   * request, so the page asks for the position on arrival. Never without it. After the
   * page's last script. */
  var asked = false;
  try { asked = new URLSearchParams(window.location.search).get("vicino") === "1"; }
  catch (e) { /* an old browser: the button is still there */ }
  if (asked) { C.ready(function () { button.click(); }); }
}());
