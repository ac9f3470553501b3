/* servicemap-service.js: what a service page computes in the visitor's browser.
 *
 * - "Oggi": today's hours in Europe/Rome time, by ServicemapHours (the one rule of a day, also
 *   used by Cerca, the map and La mia lista). A desk with no timetable but reached by
 *   appointment says "su appuntamento", never "chiuso"; one with no timetable says "telefona
 *   prima di andare" only when the record gives a phone (data-recapiti).
 * - The record's age ("oltre 2 anni fa"), from the ISO date in <time datetime>: computed here,
 *   not at build time, so it stays true as months pass after the build; past 12 months a note
 *   asks to phone before going.
 * - "Condividi": the Web Share API where there is one, else the link copied to the clipboard
 *   with a visible "Link copiato" (else the address shown, selected, to copy by hand).
 * Texts come from ServicemapI18n in the page's language; the hours and numbers in them are
 * isolated in <bdi> (in Arabic "09:00–12:00" keeps its order).
 * Record text (a closure's note) is only ever written with textContent.
 * Plain ES2017, no modules: it must run from file:// too.
 */
(function () {
  "use strict";

  var page = document.querySelector(".sm-scheda");
  var Hours = window.ServicemapHours;
  var C = window.ServicemapCommon;  // servicemap-common.js
  if (!page || !C) { return; }
  var t = C.text, fill = C.fillText;

  /* The badge "Oggi ..." from data-orario (the three fields every page gets) and
   * data-recapiti (which advice the record can back), by the rule of ServicemapHours. */
  function showToday() {
    var box = page.querySelector(".sm-oggi");
    if (!box || !Hours) { return; }
    var fields = [];
    try { fields = JSON.parse(box.getAttribute("data-orario") || "[]"); } catch (e) { /* none */ }
    var sched = Hours.schedule(fields[0], fields[1], fields[2]);
    var info = Hours.today(sched, Hours.romeNow(), box.getAttribute("data-recapiti"));
    Hours.show(box, info);
    box.className = "sm-oggi sm-oggi-" + info.kind;
    box.hidden = false;
  }

  /* Whole months from one ISO date to another (both "YYYY-MM-DD"), and days. */
  function age(from, to) {
    var a = from.split("-").map(Number), b = to.split("-").map(Number);
    var months = (b[0] - a[0]) * 12 + (b[1] - a[1]) - (b[2] < a[2] ? 1 : 0);
    var days = Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) /
      86400000);
    return { months: months, days: days };
  }

  /* [key, values] of the record's age ("3 mesi fa"). */
  function ageText(a) {
    if (a.days <= 0) { return ["eta.oggi"]; }
    if (a.days === 1) { return ["eta.ieri"]; }
    if (a.months < 1) { return ["eta.giorni", { n: a.days }]; }
    if (a.months === 1) { return ["eta.mese"]; }
    if (a.months < 12) { return ["eta.mesi", { n: a.months }]; }
    var years = Math.floor(a.months / 12);
    return years === 1 ? ["eta.anno"] : ["eta.anni", { n: years }];
  }

  function showAge() {
    var time = page.querySelector(".sm-aggiornato time");
    var out = page.querySelector(".sm-aggiornato .sm-eta");
    var note = page.querySelector(".sm-vecchia");
    var iso = time && time.getAttribute("datetime");
    if (!out || !iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso) || !Hours) { return; }
    var a = age(iso, Hours.romeNow().date);
    var said = ageText(a), inner = document.createElement("span");
    fill(inner, said[0], said[1]);
    out.textContent = "(";
    out.appendChild(inner);
    out.appendChild(document.createTextNode(")"));
    if (note) { note.hidden = a.months < 12; }
  }

  /* --- share ---------------------------------------------------------------------------- */

  function pageUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    if (canonical && canonical.href && window.location.protocol === "file:") {
      return canonical.href;  // the offline copy shares the public page, not a file on disk
    }
    return window.location.href.split("#")[0];
  }

  function wireShare() {
    var button = page.querySelector(".sm-condividi");
    var status = page.querySelector(".sm-condividi-esito");
    if (!button || !status || !window.ServicemapShare) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var title = (page.querySelector("h1") || document).textContent || document.title;
      window.ServicemapShare.share(title.trim(), pageUrl(), status);  // servicemap-condividi.js
    });
  }

  function refresh() {
    showToday();
    showAge();
  }

  function start() {
    refresh();
    wireShare();
    window.setInterval(showToday, 60000);
  }

  C.ready(start);  // ServicemapI18n loads after this script
}());
