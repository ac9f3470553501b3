/* servicemap-hours.js: "open now" and "today's hours" in Europe/Rome time, in the browser.
 *
 * The desks are in Italy, so "now" is Italian time whatever the visitor's own time zone (a
 * relative abroad, a laptop set to UTC): the browser clock is converted with Intl to
 * Europe/Rome. Hours come as one string per week, days lun..dom joined by "|", each day
 * "09:00-12:00,15:00-18:00" (split shifts); an empty string means "hours not given", which is
 * not the same as closed. Italian national holidays (festivi.js, written at build time) close
 * a desk unless its record says festivi: aperto; closures close it on their dates.
 * Plain ES2017, no modules: it must run from file:// too.
 */
(function () {
  "use strict";

  var WEEKDAYS = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
  var formatter = null;
  var holidayCache = {};

  function romeFormatter() {
    if (!formatter) {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone: "Europe/Rome", year: "numeric", month: "2-digit", day: "2-digit",
        hour: "2-digit", minute: "2-digit", weekday: "short", hourCycle: "h23"
      });
    }
    return formatter;
  }

  /* Now (or `date`) in Italy: {date: "YYYY-MM-DD", day: 0 (lun) .. 6 (dom), time: "HH:MM"}. */
  function romeNow(date) {
    var parts = {};
    romeFormatter().formatToParts(date || new Date()).forEach(function (p) {
      parts[p.type] = p.value;
    });
    var hour = parts.hour === "24" ? "00" : parts.hour;
    return {
      date: parts.year + "-" + parts.month + "-" + parts.day,
      day: WEEKDAYS[parts.weekday],
      time: hour + ":" + parts.minute
    };
  }

  /* Italy's national holidays, written at build time from the Python `holidays` package into
   * festivi.js (window.SERVICEMAP_HOLIDAYS = {y: [first, last], d: {"YYYY-MM-DD": name}}), which
   * pages load before this script: no Easter arithmetic here to keep in step with new holidays.
   * holidays(year) is the set of that year's dates; known(year) says if the build covered it. */
  function table() {
    return window.SERVICEMAP_HOLIDAYS || { y: [0, -1], d: {} };
  }

  function known(year) {
    var span = table().y;
    return year >= span[0] && year <= span[1];
  }

  function holidays(year) {
    if (holidayCache[year]) { return holidayCache[year]; }
    var set = {}, prefix = year + "-", days = table().d;
    Object.keys(days).forEach(function (day) {
      if (day.slice(0, 5) === prefix) { set[day] = true; }
    });
    holidayCache[year] = set;
    return set;
  }

  function holidayName(isoDate) {
    return table().d[isoDate] || "";
  }

  function isHoliday(isoDate) {
    return !!holidays(Number(isoDate.slice(0, 4)))[isoDate];
  }

  /* "09:00-12:00|..." -> [[["09:00","12:00"]], ...] (7 days), or null when hours are unknown. */
  function parseWeek(code) {
    if (!code) { return null; }
    return code.split("|").map(function (day) {
      return day ? day.split(",").map(function (r) { return r.split("-"); }) : [];
    });
  }

  function closureOn(closures, isoDate) {
    for (var i = 0; i < (closures || []).length; i++) {
      if (closures[i][0] <= isoDate && isoDate <= closures[i][1]) { return closures[i]; }
    }
    return null;
  }

  /* Today for one desk: {open: true|false|null (unknown), key, values, state, text}: the
   * interface text `key` with `values` (ServicemapI18n, the page's language), then " · " and
   * the text `state` when there is one; `text` is all of it as plain text.
   * `week` is parseWeek()'s result; `now` is romeNow()'s (computed once per refresh). */
  function today(week, festiviAperto, closures, now) {
    var closure = closureOn(closures, now.date);
    if (closure) {
      return said(false, closure[2] ? "ore.chiuso-nota" : "oggi.chiuso", { nota: closure[2] });
    }
    if (!week) { return said(null, "ore.non-indicati"); }
    if (!festiviAperto && isHoliday(now.date)) { return said(false, "oggi.festivo"); }
    var ranges = week[now.day] || [];
    if (!ranges.length) { return said(false, "oggi.chiuso"); }
    var open = ranges.some(function (r) { return r[0] <= now.time && now.time < r[1]; });
    return said(open, "ore.oggi", { orari: rangesText(ranges) },
      open ? "ore.aperto-ora" : "ore.ora-chiuso");
  }

  /* "09:00–12:00, 15:00–18:00" */
  function rangesText(ranges) {
    return ranges.map(function (r) { return r[0] + "–" + r[1]; }).join(", ");
  }

  function tr(key, values) {
    var I18n = window.ServicemapI18n;
    return I18n ? I18n.t(key, values) : key;
  }

  function said(open, key, values, state) {
    var text = tr(key, values) + (state ? " · " + tr(state) : "");
    return { open: open, key: key, values: values || {}, state: state || "", text: text };
  }

  /* A today() answer into `node`: the hours (and a closure's note) isolated in <bdi>, so in
   * Arabic "09:00–12:00" keeps its order. */
  function show(node, info) {
    var I18n = window.ServicemapI18n;
    if (!I18n) { node.textContent = info.text; return node; }
    I18n.fill(node, info.key, info.values);
    if (info.state) { node.appendChild(document.createTextNode(" · " + I18n.t(info.state))); }
    return node;
  }

  /* A service page link from a pattern like "../servizi/{id}/"; from file:// a folder link
   * would open a directory listing, so it gets its index.html. */
  function serviceHref(pattern, id) {
    var href = pattern.split("{id}").join(encodeURIComponent(id));
    if (window.location.protocol === "file:" && href.slice(-1) === "/") {
      href += "index.html";
    }
    return href;
  }

  window.ServicemapHours = {
    romeNow: romeNow,
    holidays: holidays,
    holidayName: holidayName,
    knownYear: known,
    isHoliday: isHoliday,
    parseWeek: parseWeek,
    today: today,
    show: show,
    rangesText: rangesText,
    serviceHref: serviceHref
  };
}());
