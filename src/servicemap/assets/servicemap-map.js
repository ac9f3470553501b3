/* servicemap-map.js: the services as clustered points on the folium map.
 *
 * Reads window.SERVICEMAP_POINTS (types and points, loaded before this script) and, when a popup
 * opens, window.SERVICEMAP_MAP_DETAILS (names, addresses, hours; loaded deferred), both written
 * for the page's language (its tree of the site). The map and the boundaries layer are folium's
 * globals, named by the container's data attributes. Record text is only ever written with
 * textContent: a name like <img onerror=...> stays text; it gets dir="auto" (a Latin name in an
 * Arabic popup) and lang="it" where the record has no translation. Interface texts come from
 * ServicemapI18n in the page's language; right to left (Arabic), Leaflet's controls go to the
 * mirrored side.
 * Plain ES2017, no modules: it must run from file:// too.
 */
(function () {
  "use strict";

  var root = document.getElementById("sm-map");
  var data = window.SERVICEMAP_POINTS;
  if (!root || !data || !window.L) { return; }
  var map = window[root.getAttribute("data-map-var")];
  var boundaries = window[root.getAttribute("data-boundaries-var")];
  var urlPattern = root.getAttribute("data-service-url") || "../servizi/{id}/";
  var Hours = window.ServicemapHours;
  var I18n = window.ServicemapI18n;
  var APPROXIMATE = 2;  // precision code of a desk placed on its comune
  var ITALIAN_NAME = 1, ITALIAN_NOTE = 2;  // rec[9]: what is shown in Italian (no translation)
  var rtl = I18n ? I18n.rtl() : document.documentElement.dir === "rtl";
  var markersByRecord = {};
  var renamers = [];
  var wanted = null;  // the record a "Mostra sulla mappa" button asked for
  var iconCache = {};
  var popups = [];  // every marker's popup: their width follows the map's (phone, rotation)
  var SIDE = 10;  // px a popup keeps from the map's edges

  /* Timings for the benchmark (first markers on screen in under 1.5 s with 3,000 records). */
  function mark(name) {
    if (window.performance && performance.mark) { performance.mark(name); }
  }

  function safeCode(code) {
    return /^[A-Z0-9]{1,3}$/.test(code) ? code : "?";
  }

  function safeColour(colour) {
    return /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : "#555555";
  }

  /* One icon per type (and per count for shared points): codes and colours are checked above,
   * so the HTML string below never carries record text. */
  function icon(kind, count) {
    var key = kind + ":" + count;
    if (iconCache[key]) { return iconCache[key]; }
    var type = data.t[kind];
    var bg = type ? safeColour(type[1]) : "#333333";
    var fg = type ? safeColour(type[2]) : "#ffffff";
    var label = count > 1 ? String(count) : (type ? safeCode(type[0]) : "?");
    var cls = "sm-pin" + (count > 1 ? " sm-pin-multi" : "");
    iconCache[key] = L.divIcon({
      className: "sm-marker",
      html: '<span class="' + cls + '" style="background:' + bg + ";color:" + fg + '">' +
        label + "</span>",
      iconSize: [30, 30],
      iconAnchor: [15, 15],
      popupAnchor: [0, -12]
    });
    return iconCache[key];
  }

  /* A group of services looks like a service marker (same shape, border and font), in one
   * neutral colour with the count: not markercluster's green, yellow and orange bubbles. */
  function clusterIcon(group) {
    var count = group.getChildCount();
    return L.divIcon({
      className: "marker-cluster sm-cluster",
      html: '<span class="sm-pin sm-pin-group">' + count + "</span>",
      iconSize: [36, 36],
      iconAnchor: [18, 18]
    });
  }

  /* Popups fit inside the map and never under its controls: as wide as the map allows, and
   * panned clear of the zoom buttons (top) and the attribution (bottom). */
  function popupWidth() {
    return Math.max(160, Math.min(300, map.getSize().x - 2 * SIDE - 48));
  }

  function popupOptions() {
    var zoom = root.querySelector(".leaflet-control-zoom");
    var top = zoom ? zoom.offsetTop + zoom.offsetHeight + 8 : SIDE;
    var attribution = root.querySelector(".leaflet-control-attribution");
    var bottom = (attribution ? attribution.offsetHeight : 0) + SIDE;
    return {
      maxWidth: popupWidth(),
      minWidth: Math.min(200, popupWidth()),
      keepInView: true,
      autoPanPaddingTopLeft: [SIDE, top],
      autoPanPaddingBottomRight: [SIDE, bottom]
    };
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function t(key, values) {
    return I18n ? I18n.t(key, values) : key;
  }

  /* A record's own text: its direction from its letters, its language Italian when untranslated. */
  function recordText(node, italian) {
    node.dir = "auto";
    if (italian) { node.lang = "it"; }
    return node;
  }

  function popupItem(index, now) {
    var details = window.SERVICEMAP_MAP_DETAILS;
    var rec = details && details.s[index];
    var item = el("div", "sm-popup-item");
    item.setAttribute("data-i", index);
    if (!rec) {
      item.appendChild(el("p", "", t("mappa.caricamento")));
      return item;
    }
    var italian = rec[9] || 0;
    var title = el("p", "sm-popup-name");
    var link = recordText(el("a", "", rec[1]), italian & ITALIAN_NAME);
    link.href = Hours.serviceHref(urlPattern, rec[0]);
    title.appendChild(link);
    item.appendChild(title);
    var kinds = rec[2].map(function (t) { return data.t[t] ? data.t[t][3] : ""; });
    item.appendChild(el("p", "sm-popup-kind", kinds.join(", ")));
    if (rec[3]) { item.appendChild(recordText(el("p", "sm-popup-address", rec[3]), false)); }
    var info = Hours.today(Hours.schedule(rec[5], rec[6], rec[7]), now);
    item.appendChild(Hours.show(el("p", "sm-popup-today" + (info.open ? " sm-open" : "")), info));
    if (rec[8]) {
      item.appendChild(recordText(el("p", "sm-popup-note", rec[8]), italian & ITALIAN_NOTE));
    }
    if (rec[4] === APPROXIMATE) { item.appendChild(el("p", "sm-approx", t("mappa.approssimativa"))); }
    return item;
  }

  function popupContent(indices) {
    var box = el("div", "sm-popup");
    var now = Hours.romeNow();
    if (indices.length > 1) {
      box.appendChild(el("p", "sm-popup-count", t("mappa.nel-punto", { n: indices.length })));
    }
    indices.forEach(function (i) { box.appendChild(popupItem(i, now)); });
    return box;
  }

  /* A marker is a button for keyboard and screen-reader users: its name says what it holds
   * (the service's name once the details have loaded, its type before), not just a letter. */
  function nameMarker(marker, kind, indices) {
    var node = marker.getElement();
    if (!node) { return; }
    var details = window.SERVICEMAP_MAP_DETAILS;
    var label;
    if (indices.length > 1) {
      label = t("mappa.nel-punto", { n: indices.length });
    } else if (details && details.s[indices[0]]) {
      label = details.s[indices[0]][1];
    } else {
      label = data.t[kind] ? data.t[kind][3] : t("mappa.servizio");
    }
    node.setAttribute("aria-label", t("mappa.apri", { nome: label }));
  }

  /* Keyboard use: a popup opened from a marker or a "Mostra sulla mappa" button takes the
   * focus (its first link), and gives it back to what opened it when it closes (Esc). Leaflet's
   * own controls are named in the page's language, and sit on the mirrored side right to left. */
  function wireKeyboard() {
    var opener = null;
    map.on("popupopen", function (event) {
      var active = document.activeElement;
      var fromKeyboard = active && active !== document.body &&
        (root.contains(active) || active.classList.contains("sm-show-on-map"));
      opener = fromKeyboard ? active : null;
      var box = event.popup.getElement();
      var close = box && box.querySelector(".leaflet-popup-close-button");
      if (close) { close.setAttribute("aria-label", t("mappa.chiudi")); close.title = t("mappa.chiudi"); }
      var chosen = box && wanted !== null &&
        box.querySelector('.sm-popup-item[data-i="' + wanted + '"]');
      if (chosen && chosen.parentNode.children.length > 1) {
        chosen.classList.add("sm-popup-chosen");  // "Mostra sulla mappa" asked for this one
        chosen.setAttribute("aria-current", "true");
        chosen.parentNode.scrollTop = chosen.offsetTop - chosen.parentNode.offsetTop;
      }
      var first = (chosen && chosen.querySelector("a")) || (box && box.querySelector(".sm-popup a"));
      wanted = null;
      if (opener && first) { first.focus(); }
    });
    map.on("popupclose", function (event) {
      var box = event.popup.getElement();
      var inside = box && box.contains(document.activeElement);
      var lost = inside || document.activeElement === document.body;
      if (opener && document.contains(opener) && lost) { opener.focus(); }
      opener = null;
    });
    // Leaflet closes a popup with Esc only while the map itself has the focus.
    root.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && event.target.closest && event.target.closest(".leaflet-popup")) {
        map.closePopup();
      }
    });
    [[".leaflet-control-zoom-in", "mappa.ingrandisci"], [".leaflet-control-zoom-out", "mappa.riduci"]]
      .forEach(function (pair) {
        var control = root.querySelector(pair[0]);
        if (control) { control.title = t(pair[1]); control.setAttribute("aria-label", t(pair[1])); }
      });
  }

  /* Right to left the map's controls mirror: zoom at the top right, attribution bottom left. */
  function mirrorControls() {
    if (!rtl) { return; }
    if (map.zoomControl) { map.zoomControl.setPosition("topright"); }
    if (map.attributionControl) { map.attributionControl.setPosition("bottomleft"); }
  }

  function addMarkers() {
    var options = popupOptions();  // measured once, not once per point (thousands)
    var markers = data.p.map(function (point) {
      var indices = point.slice(3);
      var marker = L.marker([point[0], point[1]], {
        icon: icon(point[2], indices.length),
        keyboard: true
      });
      marker.bindPopup(function () { return popupContent(indices); }, options);
      popups.push(marker.getPopup());
      var rename = function () { nameMarker(marker, point[2], indices); };
      marker.on("add", rename);
      renamers.push(rename);
      indices.forEach(function (i) { markersByRecord[i] = marker; });
      return marker;
    });
    var cluster = L.markerClusterGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      maxClusterRadius: 45,
      iconCreateFunction: clusterIcon
    });
    cluster.addLayers(markers);
    map.addLayer(cluster);
    return cluster;
  }

  /* Fit the comuni (or else the points) before adding markers: clustering runs once, at the
   * zoom the visitor sees. */
  function fitView() {
    var bounds = data.f ? L.latLngBounds(data.f) : null;
    if (!bounds || !bounds.isValid()) {
      bounds = boundaries && boundaries.getBounds && boundaries.getBounds();
    }
    if (!bounds || !bounds.isValid()) {
      bounds = L.latLngBounds(data.p.map(function (p) { return [p[0], p[1]]; }));
    }
    if (bounds.isValid()) { map.fitBounds(bounds, { padding: [2, 2], animate: false }); }
  }

  /* Each comune's name written on the map (without tiles the outlines are otherwise anonymous):
   * a text node at a point inside its boundary, in a pane under the markers so a name never
   * hides a service, and hidden from screen readers (the list under the map names the comuni). */
  function addComuneLabels() {
    if (!data.l || !data.c) { return; }
    map.createPane("smLabels").style.zIndex = 450;  // over the outlines (400), under markers (600)
    data.l.forEach(function (point, i) {
      if (!point || !data.c[i]) { return; }
      var text = recordText(el("span", "", String(data.c[i])), false);
      var label = L.tooltip({
        permanent: true, direction: "center", offset: [0, 24], className: "sm-comune-label",
        interactive: false, pane: "smLabels", opacity: 1
      }).setLatLng(point).setContent(text).addTo(map);
      var node = label.getElement();
      if (node) { node.setAttribute("aria-hidden", "true"); node.removeAttribute("role"); }
    });
    // Zoomed far out the names pile up on each other: they show from one level above the
    // first view (which fits the territory) inwards.
    var from = map.getZoom() - 1;
    var toggle = function () { root.classList.toggle("sm-labels-off", map.getZoom() < from); };
    map.on("zoomend", toggle);
    toggle();
  }

  /* "Vicino a me" on the map: the browser is asked for the position only on the tap, and the
   * position never leaves the device. The map shows where the person is and the nearest
   * services; when the position is refused it says so and points to the list by comune. */
  function distance(a, b) {  // great-circle distance in km (haversine), as servicemap-vicino.js
    var rad = Math.PI / 180;
    var dLat = (b[0] - a[0]) * rad, dLon = (b[1] - a[1]) * rad;
    var h = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  function wireNearMe() {
    var button = document.getElementById("sm-map-vicino");
    var status = document.getElementById("sm-map-vicino-stato");
    if (!button || !status) { return; }
    var you = null;
    var say = function (key) { status.textContent = t(key); };
    var show = function (position) {
      var here = [position.coords.latitude, position.coords.longitude];
      if (you) { map.removeLayer(you); }
      you = L.circleMarker(here, {
        radius: 9, weight: 3, color: "#ffffff", fillColor: "#1a63d6", fillOpacity: 1,
        interactive: false, className: "sm-you"
      }).addTo(map);
      var nearest = data.p.map(function (p) { return [distance(here, p), p]; })
        .sort(function (a, b) { return a[0] - b[0]; }).slice(0, 3);
      var bounds = L.latLngBounds([here]);
      nearest.forEach(function (pair) { bounds.extend([pair[1][0], pair[1][1]]); });
      root.scrollIntoView({ block: "center" });
      map.fitBounds(bounds, { padding: [40, 40], maxZoom: 16 });
      say("mappa.vicino-fatto");
      button.setAttribute("aria-pressed", "true");
    };
    var refused = function () {
      say("mappa.vicino-negato");
      button.setAttribute("aria-pressed", "false");
    };
    button.hidden = false;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () {
      if (!navigator.geolocation) { refused(); return; }
      say("vicino.attesa");
      navigator.geolocation.getCurrentPosition(show, refused, {
        enableHighAccuracy: false, timeout: 20000, maximumAge: 300000
      });
    });
  }

  /* While the map pans or zooms (an opening popup pans it clear of the controls) the container
   * says so: tests and tools wait for the map to be still before they measure it. */
  function wireState() {
    map.on("movestart zoomstart", function () { root.setAttribute("data-moving", "true"); });
    map.on("moveend zoomend", function () { root.removeAttribute("data-moving"); });
    map.on("resize", function () {
      var options = popupOptions();
      popups.forEach(function (popup) { L.Util.setOptions(popup, options); });
    });
  }

  /* The list under the map: each placed service gets a "Mostra sulla mappa" button that
   * opens its popup (added here: the button is useless without this script). */
  function wireList(cluster) {
    var items = document.querySelectorAll(".sm-map-list li[data-i]");
    Array.prototype.forEach.call(items, function (item) {
      var marker = markersByRecord[item.getAttribute("data-i")];
      if (!marker) { return; }
      var button = el("button", "sm-show-on-map", t("mappa.mostra"));
      button.type = "button";
      var name = item.querySelector("a");
      if (name) { button.setAttribute("aria-label", t("mappa.mostra-nome", { nome: name.textContent })); }
      button.addEventListener("click", function () {
        root.scrollIntoView({ block: "center" });
        var index = item.getAttribute("data-i");
        cluster.zoomToShowLayer(marker, function () { wanted = index; marker.openPopup(); });
      });
      item.appendChild(document.createTextNode(" "));
      item.appendChild(button);
    });
  }

  if (!map) { return; }
  mark("servicemap:start");
  mirrorControls();
  fitView();
  addComuneLabels();
  var cluster = addMarkers();
  mark("servicemap:markers");
  wireKeyboard();
  wireState();
  wireNearMe();
  if (document.readyState === "loading") {  // the list comes after this script in the page
    document.addEventListener("DOMContentLoaded", function () {
      wireList(cluster);
      renamers.forEach(function (rename) { rename(); });
    });
  } else {
    wireList(cluster);
    renamers.forEach(function (rename) { rename(); });
  }
  root.setAttribute("data-ready", "true");
}());
