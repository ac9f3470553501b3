/* servicemap-hours.js: "open now" and "today's hours" in Europe/Rome time, in the browser.
 *
 * The desks are in Italy, so "now" is Italian time whatever the visitor's own time zone (a
 * relative abroad, a laptop set to UTC): the browser clock is converted with Intl to
 * Europe/Rome. Hours come as one string per week, days lun..dom joined by "|", each day
 * "09:00-12:00,15:00-18:00" (split shifts); an empty string means "hours not given", which is
 * not the same as closed. Italian national holidays (fixed dates, Easter and Easter Monday) close
 * a desk unless its record says festivi: aperto; closures close it on their dates.
 * Plain ES2017, no modules: it must run from file:// too.
 */
(function () {
  "use strict";

  var WEEKDAYS = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
  var FIXED_HOLIDAYS = ["01-01", "01-06", "04-25", "05-01", "06-02", "08-15", "11-01",
    "12-08", "12-25", "12-26"];
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

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /* Easter Sunday (Gregorian calendar, anonymous algorithm) as "MM-DD". */
  function easter(year) {
    var a = year % 19, b = Math.floor(year / 100), c = year % 100;
    var d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25);
    var g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
    var i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    var m = Math.floor((a + 11 * h + 22 * l) / 451);
    var month = Math.floor((h + l - 7 * m + 114) / 31);
    var day = ((h + l - 7 * m + 114) % 31) + 1;
    return [month, day];
  }

  function iso(d) {
    return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
  }

  /* The national public holidays of a year, as a set of "YYYY-MM-DD": the same days as the
   * Python `holidays` package (a test compares them), including Saint Francis on 4 October
   * from 2026 and the Giornata dell'Unità nazionale on the first Sunday of November. */
  function holidays(year) {
    if (holidayCache[year]) { return holidayCache[year]; }
    var set = {};
    FIXED_HOLIDAYS.forEach(function (md) { set[year + "-" + md] = true; });
    if (year >= 2026) { set[year + "-10-04"] = true; }
    var e = easter(year);
    set[iso(new Date(Date.UTC(year, e[0] - 1, e[1])))] = true;
    set[iso(new Date(Date.UTC(year, e[0] - 1, e[1] + 1)))] = true;
    var first = new Date(Date.UTC(year, 10, 1));
    set[iso(new Date(Date.UTC(year, 10, 1 + (7 - first.getUTCDay()) % 7)))] = true;
    holidayCache[year] = set;
    return set;
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

  /* Today for one desk: {open: true|false|null (unknown), text: "Oggi: 09:00–12:00"}.
   * `week` is parseWeek()'s result; `now` is romeNow()'s (computed once per refresh). */
  function today(week, festiviAperto, closures, now) {
    var closure = closureOn(closures, now.date);
    if (closure) {
      return { open: false, text: "Oggi chiuso" + (closure[2] ? ": " + closure[2] : "") };
    }
    if (!week) { return { open: null, text: "Orari non indicati" }; }
    if (!festiviAperto && isHoliday(now.date)) {
      return { open: false, text: "Oggi chiuso (giorno festivo)" };
    }
    var ranges = week[now.day] || [];
    if (!ranges.length) { return { open: false, text: "Oggi chiuso" }; }
    var open = ranges.some(function (r) { return r[0] <= now.time && now.time < r[1]; });
    var text = "Oggi: " + ranges.map(function (r) { return r[0] + "–" + r[1]; }).join(", ");
    return { open: open, text: text + (open ? " · aperto ora" : " · ora chiuso") };
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
    isHoliday: isHoliday,
    parseWeek: parseWeek,
    today: today,
    serviceHref: serviceHref
  };
}());
