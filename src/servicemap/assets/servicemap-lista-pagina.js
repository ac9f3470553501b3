/* servicemap-lista-pagina.js: the page lista/ ("La mia lista").
 *
 * The chosen services with kind, address, phones (tel:), today's status and a link to their
 * page; remove one, empty the list (after a confirmation), print it as one sheet (the week's
 * hours, absolute dates: never "oggi"), share it as lista/#s=id1,id2. A shared link shows its
 * own list and offers "Salva nella mia lista": it never overwrites the device's list. Ids the
 * map no longer has are dropped with a note. Storage and texts: window.ServicemapLista
 * (servicemap-lista.js, loaded first). Data: cerca-servizi.js and lista-servizi.js (classic
 * scripts, no fetch(): the offline copy opens from file://), whose fields are named in their
 * `campi` (render.search.FIELDS, render.mylist.FIELDS). Shared helpers: ServicemapCommon.
 * Record text only via textContent.
 * Plain ES2017, no modules: it must run from file:// too.
 */
(function () {
  "use strict";

  var L = window.ServicemapLista, C = window.ServicemapCommon;
  var records = window.SERVICEMAP_SERVICES, more = window.SERVICEMAP_LISTA;
  if (!L || !C || !records || !more) { return; }
  var load = L.load, save = L.save, clean = L.clean, tr = C.text, el = C.el;
  var ui = L.ui, say = C.fillText, countText = L.countText, refreshLinks = L.refreshLinks;
  var nameWith = L.nameWith, announce = L.announce, recordText = C.recordText;
  var I18n = window.ServicemapI18n;
  // The fields this page reads, at the positions the build names (never written here).
  var S = C.fields(records.campi.s), E = C.fields(more.campi.s);
  var TIPO = C.fields(records.campi.tipi), COMUNE = C.fields(records.campi.comuni);
  var F = {
    ID: S.id, NAME: S.nome, TYPES: S.tipo, COMUNE: S.comune, ADDRESS: S.indirizzo,
    HOURS: S.orari, FLAGS: S.flag_orari, CLOSURES: S.chiusure
  };
  var X = {
    ID: E.id, PHONES: E.telefoni, UPDATED: E.aggiornato, NOTE: E.note_orari,
    ITALIAN_NOTE: E.nota_italiana
  };
  var ITALIAN = S.italiano;  // outside the Italian tree: the name is Italian (no translation)

  function ListPage(root) {
    var data = window.SERVICEMAP_SERVICES, extra = window.SERVICEMAP_LISTA;
    var Hours = window.ServicemapHours;
    this.ok = !!(data && extra && Hours);
    if (!this.ok) { return; }
    this.root = root;
    this.data = data;
    this.Hours = Hours;
    this.byId = {};
    this.extra = {};
    var self = this;
    data.s.forEach(function (rec) { self.byId[rec[F.ID]] = rec; });
    extra.s.forEach(function (row) { self.extra[row[X.ID]] = row; });
    this.pattern = root.getAttribute("data-service-url") || "../servizi/{id}/";
    this.publicUrl = root.getAttribute("data-public-url") || "";
    this.shared = null;
    // The list travels after "#" (lista/#s=a,b): a fragment never reaches the web server, so
    // which desks a person was handed stays between them and the operator. "?s=" still opens.
    var s = null, hash = /^#s=([^&]*)/.exec(window.location.hash);
    if (hash) {
      try { s = decodeURIComponent(hash[1]); } catch (e) { s = ""; }
    } else {
      try { s = new URLSearchParams(window.location.search).get("s"); } catch (e) { s = null; }
    }
    var asked = s === null ? load() : clean(s.split(","));
    if (s !== null) { this.shared = asked; }
    this.missing = asked.filter(function (id) { return !self.byId[id]; }).length;
    if (s !== null) {
      this.shared = asked.filter(function (id) { return self.byId[id]; });
    } else if (this.missing) {
      save(asked.filter(function (id) { return self.byId[id]; }));  // gone from the map
    }
  }

  ListPage.prototype.ids = function () {
    return this.shared || load();
  };

  ListPage.prototype.q = function (selector) {
    return this.root.querySelector(selector);
  };

  /* A date as the page's language writes it ("14 marzo 2024", "14 مارس 2024"). */
  ListPage.prototype.date = function (iso) {
    return I18n ? I18n.date(iso) : iso;
  };

  ListPage.prototype.dayNames = function () {
    return I18n ? I18n.weekdays("short") : ["1", "2", "3", "4", "5", "6", "7"];
  };

  /* A desk's schedule (ServicemapHours.schedule of its three fields), parsed once. */
  ListPage.prototype.schedule = function (rec) {
    if (!this.schedules) { this.schedules = {}; }
    var id = rec[F.ID];
    if (!this.schedules[id]) {
      this.schedules[id] = this.Hours.schedule(rec[F.HOURS], rec[F.FLAGS], rec[F.CLOSURES]);
    }
    return this.schedules[id];
  };

  /* Today for one desk, as the service page says it (ServicemapHours: the one rule, Italian
   * time); without hours, "telefona prima di andare" only when the list shows a phone. */
  ListPage.prototype.today = function (rec, ex, now) {
    var phones = (ex && ex[X.PHONES]) || [];
    return this.Hours.today(this.schedule(rec), now, phones.length ? "telefono" : "nessuno");
  };

  /* The sheet's part of a desk: the week, holidays, closures to come, the date of the check. */
  ListPage.prototype.paper = function (rec, ex, now) {
    var box = el("div", "sm-lista-carta sm-solo-stampa");
    var self = this;
    var sched = this.schedule(rec), week = sched.week;
    if (week) {
      var table = el("table", "sm-lista-settimana");
      var head = el("tr"), body = el("tr");
      this.dayNames().forEach(function (name, d) {
        var th = el("th", "", name);
        th.scope = "col";
        head.appendChild(th);
        var ranges = week[d] || [];
        var cell = ranges.length ? el("td", "", self.Hours.rangesText(ranges))
          : ui("td", "sm-chiuso", "lista.giorno-chiuso");
        if (ranges.length) { cell.dir = "ltr"; }  // "09:00–12:00, 15:00–18:00" in Arabic too
        body.appendChild(cell);
      });
      table.appendChild(head);
      table.appendChild(body);
      box.appendChild(table);
      box.appendChild(ui("p", "", sched.holidaysOpen ? "lista.festivi-aperto" : "lista.festivi-chiuso"));
    } else {
      box.appendChild(ui("p", "", sched.appointment ? "oggi.appuntamento" : "lista.orari-non-indicati"));
    }
    if (ex && ex[X.NOTE]) { box.appendChild(recordText(el("p", "", ex[X.NOTE]), ex[X.ITALIAN_NOTE])); }
    sched.closures.forEach(function (c) {
      if (c[1] < now.date) { return; }
      var line = ui("p", "", "lista.chiusura", { dal: self.date(c[0]), al: self.date(c[1]) });
      if (c[2]) {
        line.appendChild(document.createTextNode(": "));
        line.appendChild(el("bdi", "", c[2]));
      }
      box.appendChild(line);
    });
    if (ex && ex[X.UPDATED]) {
      box.appendChild(ui("p", "sm-lista-verificata", "lista.verificata", { data: this.date(ex[X.UPDATED]) }));
    }
    return box;
  };

  ListPage.prototype.item = function (id, now, removable) {
    var rec = this.byId[id], ex = this.extra[id];
    var li = el("li", "sm-lista-voce");
    li.setAttribute("data-servizio-id", id);
    var h2 = el("h2", "sm-lista-nome");
    h2.id = "sm-lista-voce-" + id;
    var link = recordText(el("a", "", rec[F.NAME]), rec[ITALIAN]);
    link.href = C.serviceHref(this.pattern, id);
    h2.appendChild(link);
    li.appendChild(h2);
    var data = this.data;
    li.appendChild(el("p", "sm-lista-tipo",
      rec[F.TYPES].map(function (i) { return data.tipi[i][TIPO.etichetta]; }).join(", ")));
    var comune = data.comuni[rec[F.COMUNE]];
    li.appendChild(recordText(el("p", "sm-lista-indirizzo-servizio",
      rec[F.ADDRESS] || (comune ? comune[COMUNE.nome] : "")), false));
    var phones = (ex && ex[X.PHONES]) || [];
    if (phones.length) {
      var p = el("p", "sm-lista-telefoni");
      p.appendChild(ui("span", "", "lista.telefono"));
      phones.forEach(function (phone, n) {
        p.appendChild(document.createTextNode(n ? ", " : " "));
        if (/^\+[0-9]{4,15}$/.test(phone[0])) {
          var a = el("a", "", phone[1]);
          a.href = "tel:" + phone[0];
          a.dir = "ltr";  // a number reads left to right, in Arabic too
          p.appendChild(a);
        } else {
          p.appendChild(document.createTextNode(phone[1]));
        }
      });
      li.appendChild(p);
    }
    var info = this.today(rec, ex, now);
    var today = el("p", "sm-lista-oggi sm-solo-schermo" + (info.open ? " sm-open" : ""));
    say(today, info.key, info.values);
    if (info.state) { today.appendChild(document.createTextNode(" · " + tr(info.state))); }
    li.appendChild(today);
    li.appendChild(this.paper(rec, ex, now));
    if (removable) {
      var button = el("button", "md-button sm-lista-togli");
      button.type = "button";
      button.appendChild(ui("span", "", "lista.togli-voce"));
      nameWith(button, button.firstChild, h2, id, "sm-lista-togli");
      button.setAttribute("data-lista-id", id);
      li.appendChild(button);
    }
    return li;
  };

  ListPage.prototype.shareUrl = function (ids) {
    var base = window.location.href.split("#")[0].split("?")[0];
    if (window.location.protocol === "file:" && this.publicUrl) { base = this.publicUrl; }
    return base + "#s=" + ids.join(",");
  };

  ListPage.prototype.render = function () {
    var ids = this.ids(), now = this.Hours.romeNow(), self = this;
    var own = this.shared === null;
    var list = this.q(".sm-lista-servizi");
    list.textContent = "";
    ids.forEach(function (id) { list.appendChild(self.item(id, now, own)); });
    var missing = this.q(".sm-lista-mancanti");
    missing.hidden = this.missing === 0;
    say(missing, this.missing === 1 ? "lista.mancante" : "lista.mancanti", { n: this.missing });
    this.q(".sm-lista-condivisa").hidden = own || ids.length === 0;
    var count = countText(ids.length);
    say(this.q(".sm-lista-conta"), ids.length ? count[0] : "", count[1]);
    this.q(".sm-lista-vuota").hidden = ids.length !== 0;
    this.q(".sm-lista-comandi").hidden = ids.length === 0;
    this.q(".sm-lista-svuota").hidden = !own;
    this.q(".sm-lista-conferma").hidden = true;
    var share = this.q(".sm-lista-condividi");
    var key = window.ServicemapShare && window.ServicemapShare.canShare() ? "lista.condividi" : "lista.copia";
    say(share, key);
    var stamp = this.q(".sm-lista-stampata");
    var today = now.date.split("-");
    say(stamp, "lista.stampata", { data: this.date(now.date) });
    stamp.setAttribute("data-oggi", today.join("-"));
    var address = this.q(".sm-lista-indirizzo");
    var url = ids.length ? this.shareUrl(ids) : "";
    say(address, /^https?:/.test(url) ? "lista.indirizzo" : "", { url: url });
    address.hidden = !address.textContent;
    refreshLinks(load().length);
  };

  /* After a change that removes the focused button: the count, or the status when empty. */
  ListPage.prototype.focusCount = function () {
    var count = this.q(this.ids().length ? ".sm-lista-conta" : ".sm-lista-esito");
    count.setAttribute("tabindex", "-1");
    count.focus();
  };

  ListPage.prototype.wire = function () {
    var self = this, status = this.q(".sm-lista-esito");
    this.q(".sm-lista-servizi").addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest(".sm-lista-togli");
      if (!button) { return; }
      var id = button.getAttribute("data-lista-id"), ids = load();
      var item = button.closest("li"), next = item && item.nextElementSibling;
      var nextId = next && next.getAttribute("data-servizio-id");
      save(ids.filter(function (x) { return x !== id; }));
      self.render();
      announce("lista.tolto", { nome: self.byId[id][F.NAME] }, status);
      var target = nextId && self.root.querySelector('.sm-lista-togli[data-lista-id="' + nextId + '"]');
      var last = self.root.querySelectorAll(".sm-lista-togli");
      target = target || last[last.length - 1];
      if (target) { target.focus(); } else { self.focusCount(); }
    });
    this.q(".sm-lista-stampa").addEventListener("click", function () { window.print(); });
    this.q(".sm-lista-condividi").addEventListener("click", function () {
      window.ServicemapShare.share(tr("lista.titolo"), self.shareUrl(self.ids()), status);
    });
    this.q(".sm-lista-svuota").addEventListener("click", function () {
      var box = self.q(".sm-lista-conferma");
      box.hidden = false;
      self.q(".sm-lista-svuota-no").focus();
    });
    this.q(".sm-lista-svuota-no").addEventListener("click", function () {
      self.q(".sm-lista-conferma").hidden = true;
      self.q(".sm-lista-svuota").focus();
    });
    this.q(".sm-lista-svuota-si").addEventListener("click", function () {
      save([]);
      self.render();
      say(status, "lista.svuotata");
      self.focusCount();
    });
    this.q(".sm-lista-salva").addEventListener("click", function () {
      var own = load(), added = 0;
      self.shared.forEach(function (id) {
        if (own.indexOf(id) < 0) { own.push(id); added++; }
      });
      save(clean(own));
      self.shared = null;
      self.missing = 0;
      try { window.history.replaceState(null, "", window.location.pathname); } catch (e) { /* file:// */ }
      self.render();
      say(status, "lista.salvata", { n: added });
      self.focusCount();
    });
    window.addEventListener("beforeprint", function () { self.render(); });
  };

  function start() {
    var root = document.getElementById("sm-lista");
    var page = root ? new ListPage(root) : null;
    if (!page || !page.ok) { return; }
    page.wire();
    page.render();
    root.setAttribute("data-ready", "true");
    // Another shared list pasted into this tab changes only the fragment: open it afresh.
    window.addEventListener("hashchange", function () { window.location.reload(); });
    window.addEventListener("storage", function (event) {
      if (event.key === L.KEY && page.shared === null) { L.forget(); page.render(); }
    });
  }

  C.ready(start);
}());
