/* servicemap-hours.js: "open now" and "today's hours" in Europe/Rome time, in the browser.
 *
 * The desks are in Italy, so "now" is Italian time whatever the visitor's own time zone (a
 * relative abroad, a laptop set to UTC): the browser clock is converted with Intl to
 * Europe/Rome. The one rule of a day for every page script (service page, Cerca, map, La mia
 * lista): schedule() reads a record's three fields, state() says open, closed, closure,
 * holiday, appointment or not-given, words() and today() say it in the page's language.
 * Hours come as one string per week, days lun..dom joined by "|", each day
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

  /* A record's schedule from the three fields every page gets (render.clientdata
   * .schedule_fields): the week's code, the flags (1: open on national holidays, 2: by
   * appointment) and the closures [[dal, al, nota], ...]. Parse it once, use it every minute. */
  function schedule(code, flags, closures) {
    return {
      week: parseWeek(code),
      holidaysOpen: ((flags || 0) & 1) === 1,
      appointment: ((flags || 0) & 2) === 2,
      closures: closures || []
    };
  }

  /* The rule of a day, the one core.hours.day_state applies at build time (the two are held to
   * tests/data/hours_cases.json): {state, open, ranges, note}. In this order: a closure closes
   * (even a desk without hours); no week is "appointment" or "not-given"; a national holiday
   * closes ("holiday") unless the record says festivi: aperto; then today's ranges, each open
   * from its start (included) to its end (excluded): "open", or "closed" (with today's ranges,
   * none when closed all day). open: true, false, or null when the record cannot say. */
  function state(sched, now) {
    for (var i = 0; i < sched.closures.length; i++) {
      var c = sched.closures[i];
      if (c[0] <= now.date && now.date <= c[1]) { return day("closure", false, [], c[2] || ""); }
    }
    if (!sched.week) { return day(sched.appointment ? "appointment" : "not-given", null, [], ""); }
    if (!sched.holidaysOpen && isHoliday(now.date)) { return day("holiday", false, [], ""); }
    var ranges = sched.week[now.day] || [];
    var open = ranges.some(function (r) { return r[0] <= now.time && now.time < r[1]; });
    return day(open ? "open" : "closed", open, ranges, "");
  }

  function day(name, open, ranges, note) {
    return { state: name, open: open, ranges: ranges, note: note };
  }

  /* No timetable: the advice the record can back (how it can be reached: render.card.reach). */
  var NOT_GIVEN = {
    telefono: "oggi.non-indicati",
    email: "oggi.non-indicati.email",
    nessuno: "oggi.non-indicati.nessuno"
  };

  /* A state() answer in words, the same on every page: {key, values, state} (the interface
   * text `key` with `values`, then " · " and the text `state` when there is one). */
  function words(info, reach) {
    switch (info.state) {
      case "closure":
        return info.note ? { key: "ore.chiuso-nota", values: { nota: info.note } } : { key: "oggi.chiuso" };
      case "appointment": return { key: "oggi.appuntamento" };
      case "not-given": return { key: NOT_GIVEN[reach] || NOT_GIVEN.nessuno };
      case "holiday": return { key: "oggi.festivo" };
      default:
        if (!info.ranges.length) { return { key: "oggi.chiuso" }; }
        return { key: "oggi.aperto", values: { orari: rangesText(info.ranges) },
          state: info.open ? "oggi.adesso-aperto" : "oggi.adesso-chiuso" };
    }
  }

  /* Today for one desk, for show(): {open, kind, key, values, state, text}; `kind` is the
   * service page's badge ("aperto", "chiuso", "appuntamento", "ignoto"), `text` all of it as
   * plain text (to skip a redraw when nothing changed). `sched` is schedule()'s result, `now`
   * romeNow()'s (computed once per refresh), `reach` the record's contacts (default none). */
  function today(sched, now, reach) {
    var info = state(sched, now), said = words(info, reach);
    var kind = { open: "aperto", appointment: "appuntamento", "not-given": "ignoto" }[info.state];
    var tr = window.ServicemapCommon.text;  // servicemap-common.js, loaded first
    var text = tr(said.key, said.values) + (said.state ? " · " + tr(said.state) : "");
    return { open: info.open, kind: kind || "chiuso", key: said.key, values: said.values || {},
      state: said.state || "", text: text };
  }

  /* "09:00–12:00, 15:00–18:00" */
  function rangesText(ranges) {
    return ranges.map(function (r) { return r[0] + "–" + r[1]; }).join(", ");
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

  window.ServicemapHours = {
    romeNow: romeNow,
    holidays: holidays,
    holidayName: holidayName,
    knownYear: known,
    isHoliday: isHoliday,
    parseWeek: parseWeek,
    schedule: schedule,
    state: state,
    words: words,
    today: today,
    show: show,
    rangesText: rangesText
  };
}());
