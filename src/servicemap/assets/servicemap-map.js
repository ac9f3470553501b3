/* servicemap-map.js: the services as clustered points on the folium map.
 *
 * Reads window.SERVICEMAP_POINTS (types and points, loaded before this script), clustered by
 * supercluster (window.Supercluster, vendored), and, when a popup
 * opens, window.SERVICEMAP_MAP_DETAILS (names, addresses, hours; loaded deferred), both written
 * for the page's language (its tree of the site). The map and the boundaries layer are folium's
 * globals, named by the container's data attributes. Record text is only ever written with
 * textContent: a name like <img onerror=...> stays text; it gets dir="auto" (a Latin name in an
 * Arabic popup) and lang="it" where the record has no translation. Interface texts come from
 * ServicemapI18n in the page's language; right to left (Arabic), Leaflet's controls go to the
 * mirrored side. Both payloads name their fields (`campi`, render.map's *_FIELDS): positions are
 * looked up by name, never written here. Shared helpers: ServicemapCommon (servicemap-common.js).
 * Plain ES2017, no modules: it must run from file:// too.
 */
(function () {
  "use strict";

  var root = document.getElementById("sm-map");
  var data = window.SERVICEMAP_POINTS;
  var C = window.ServicemapCommon;
  if (!root || !data || !window.L || !window.Supercluster || !C) { return; }
  var map = window[root.getAttribute("data-map-var")];
  var boundaries = window[root.getAttribute("data-boundaries-var")];
  var urlPattern = root.getAttribute("data-service-url") || "../servizi/{id}/";
  var Hours = window.ServicemapHours;
  var I18n = window.ServicemapI18n;
  var APPROXIMATE = 2;  // precision code of a desk placed on its comune
  var ITALIAN_NAME = 1, ITALIAN_NOTE = 2;  // the "italiano" flags: shown in Italian (no translation)
  var T = C.fields(data.campi.t), P = C.fields(data.campi.p);
  var D = null;  // the details' fields, once mappa-schede.js has loaded
  var el = C.el, t = C.text, recordText = C.recordText;
  var rtl = I18n ? I18n.rtl() : document.documentElement.dir === "rtl";
  var pointByRecord = {};  // record index -> its point's number in data.p
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

  /* One icon per type (and per count for shared points): codes and colours are checked above,
   * so the HTML string below never carries record text. */
  function icon(kind, count) {
    var key = kind + ":" + count;
    if (iconCache[key]) { return iconCache[key]; }
    var type = data.t[kind];
    var bg = type ? C.safeColour(type[T.sfondo]) : "#333333";
    var fg = type ? C.safeColour(type[T.testo]) : "#ffffff";
    var label = count > 1 ? String(count) : (type ? safeCode(type[T.codice]) : "?");
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
   * neutral colour with the count of its points (a shared point counts once). */
  function clusterIcon(count) {
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

  /* A type's label (legend, popups, markers' names). */
  function typeLabel(kind) {
    return data.t[kind] ? data.t[kind][T.etichetta] : "";
  }

  /* A record's popup data (mappa-schede.js, deferred: null until it has loaded). */
  function details(index) {
    var loaded = window.SERVICEMAP_MAP_DETAILS;
    if (!loaded) { return null; }
    if (!D) { D = C.fields(loaded.campi.s); }
    return loaded.s[index] || null;
  }

  function popupItem(index, now) {
    var rec = details(index);
    var item = el("div", "sm-popup-item");
    item.setAttribute("data-i", index);
    if (!rec) {
      item.appendChild(el("p", "", t("mappa.caricamento")));
      return item;
    }
    var italian = rec[D.italiano] || 0;
    var title = el("p", "sm-popup-name");
    var link = recordText(el("a", "", rec[D.nome]), italian & ITALIAN_NAME);
    link.href = C.serviceHref(urlPattern, rec[D.id]);
    title.appendChild(link);
    item.appendChild(title);
    item.appendChild(el("p", "sm-popup-kind", rec[D.tipo].map(typeLabel).join(", ")));
    var address = rec[D.indirizzo];
    if (address) { item.appendChild(recordText(el("p", "sm-popup-address", address), false)); }
    var info = Hours.today(Hours.schedule(rec[D.orari], rec[D.flag_orari], rec[D.chiusure]), now);
    item.appendChild(Hours.show(el("p", "sm-popup-today" + (info.open ? " sm-open" : "")), info));
    var note = rec[D.note_orari];
    if (note) {
      item.appendChild(recordText(el("p", "sm-popup-note", note), italian & ITALIAN_NOTE));
    }
    if (rec[D.precisione] === APPROXIMATE) {
      item.appendChild(el("p", "sm-approx", t("mappa.approssimativa")));
    }
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
    var rec = indices.length === 1 ? details(indices[0]) : null;
    var label;
    if (indices.length > 1) {
      label = t("mappa.nel-punto", { n: indices.length });
    } else if (rec) {
      label = rec[D.nome];
    } else {
      label = typeLabel(kind) || t("mappa.servizio");
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

  /* The clusters: supercluster indexes every point once (tens of milliseconds at 10,000) and,
   * at each view, gives the clusters and points inside it; only those get a Leaflet marker.
   * Markers are kept by key (a point's number, a cluster's id) across views, so a marker that
   * stays in view keeps its focus and its open popup. Radius 45 px on 256 px tiles, as
   * markercluster's maxClusterRadius was; clusters up to one level below the map's last. */
  var RADIUS = 45, PAD = 0.25;  // a quarter of the view around it is drawn too (panning)
  var index = null;
  var layer = L.layerGroup();
  var shown = {};  // key -> marker on the map now
  var pointMarkers = {};  // point number -> its marker, made when first in view
  var options = null;  // the popups' options, measured once (and again on a resize)

  function clusterMaxZoom() {
    return Math.max(0, (map.getMaxZoom() || 19) - 1);
  }

  function pointMarker(n) {
    if (pointMarkers[n]) { return pointMarkers[n]; }
    var point = data.p[n];
    var indices = point.slice(P.servizi);  // the rest of the row
    var marker = L.marker(latLng(point), { icon: icon(point[P.tipo], indices.length), keyboard: true });
    options = options || popupOptions();
    marker.bindPopup(function () { return popupContent(indices); }, options);
    popups.push(marker.getPopup());
    marker.smRename = function () { nameMarker(marker, point[P.tipo], indices); };
    marker.on("add", marker.smRename);
    pointMarkers[n] = marker;
    return marker;
  }

  /* A click (or Enter) on a cluster zooms to where it splits, framing all it holds. */
  function clusterMarker(feature) {
    var c = feature.geometry.coordinates;
    var marker = L.marker([c[1], c[0]], {
      icon: clusterIcon(feature.properties.point_count), keyboard: true
    });
    marker.on("click", function () {
      var leaves = index.getLeaves(feature.id, Infinity).map(function (f) {
        return [f.geometry.coordinates[1], f.geometry.coordinates[0]];
      });
      var bounds = L.latLngBounds(leaves);
      var zoom = Math.max(index.getClusterExpansionZoom(feature.id), map.getBoundsZoom(bounds));
      map.setView(bounds.getCenter(), Math.min(zoom, map.getMaxZoom()));
    });
    return marker;
  }

  /* The view's clusters and points, padded, as supercluster wants it: [west, south, east, north]. */
  function viewBox() {
    var b = map.getBounds().pad(PAD);
    var west = b.getWest(), east = b.getEast();
    if (east - west >= 360) { west = -180; east = 180; }
    return [Math.max(-180, west), Math.max(-85, b.getSouth()), Math.min(180, east),
      Math.min(85, b.getNorth())];
  }

  function draw() {
    var zoom = Math.round(map.getZoom());
    var next = {};
    index.getClusters(viewBox(), zoom).forEach(function (f) {
      var key = f.properties.cluster ? "c" + f.id : "p" + f.properties.n;
      next[key] = shown[key] ||
        (f.properties.cluster ? clusterMarker(f) : pointMarker(f.properties.n));
    });
    Object.keys(shown).forEach(function (key) {
      if (!next[key]) { layer.removeLayer(shown[key]); }
    });
    Object.keys(next).forEach(function (key) {
      if (!shown[key]) { layer.addLayer(next[key]); }
    });
    shown = next;
  }

  function addMarkers() {
    var features = data.p.map(function (point, n) {
      return {
        type: "Feature", properties: { n: n },
        geometry: { type: "Point", coordinates: [point[P.lon], point[P.lat]] }
      };
    });
    index = new window.Supercluster({
      radius: RADIUS, extent: 256, minZoom: 0, maxZoom: clusterMaxZoom()
    }).load(features);
    data.p.forEach(function (point, n) {
      point.slice(P.servizi).forEach(function (i) { pointByRecord[i] = n; });
    });
    map.addLayer(layer);
    draw();
    map.on("moveend", draw);  // after a zoom too
  }

  /* The first zoom, from the current one, at which point n is drawn alone. */
  function zoomAlone(n) {
    var point = data.p[n], lon = point[P.lon], lat = point[P.lat], e = 1e-7;
    var last = clusterMaxZoom() + 1;
    for (var z = Math.round(map.getZoom()); z < last; z++) {
      var alone = index.getClusters([lon - e, lat - e, lon + e, lat + e], z).some(function (f) {
        return !f.properties.cluster && f.properties.n === n;
      });
      if (alone) { return z; }
    }
    return last;
  }

  /* Bring point n on screen, alone (zooming in as far as that needs), then call done. */
  function showPoint(n, done) {
    var there = latLng(data.p[n]);
    var zoom = Math.min(zoomAlone(n), map.getMaxZoom());
    if (shown["p" + n] && map.getBounds().contains(there) && zoom <= map.getZoom()) {
      done(pointMarker(n));
      return;
    }
    map.once("moveend", function () { done(pointMarker(n)); });  // after draw()
    map.setView(there, Math.max(zoom, Math.round(map.getZoom())));
  }

  function latLng(point) {
    return [point[P.lat], point[P.lon]];
  }

  /* Fit the comuni (or else the points) before adding markers: clustering runs once, at the
   * zoom the visitor sees. */
  function fitView() {
    var bounds = data.f ? L.latLngBounds(data.f) : null;
    if (!bounds || !bounds.isValid()) {
      bounds = boundaries && boundaries.getBounds && boundaries.getBounds();
    }
    if (!bounds || !bounds.isValid()) {
      bounds = L.latLngBounds(data.p.map(latLng));
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

  /* "Vicino a me" on the map (ServicemapCommon.askPosition: the position only on the tap, and it
   * never leaves the device). The map shows where the person is and the nearest services;
   * when the position is refused it says so and points to the list by comune. */
  function wireNearMe() {
    var button = document.getElementById("sm-map-vicino");
    var status = document.getElementById("sm-map-vicino-stato");
    if (!button || !status) { return; }
    var you = null;
    var show = function (here) {
      if (you) { map.removeLayer(you); }
      you = L.circleMarker(here, {
        radius: 9, weight: 3, color: "#ffffff", fillColor: "#1a63d6", fillOpacity: 1,
        interactive: false, className: "sm-you"
      }).addTo(map);
      var nearest = data.p.map(function (p) { return [C.distanceKm(here, latLng(p)), p]; })
        .sort(function (a, b) { return a[0] - b[0]; }).slice(0, 3);
      var bounds = L.latLngBounds([here]);
      nearest.forEach(function (pair) { bounds.extend(latLng(pair[1])); });
      root.scrollIntoView({ block: "center" });
      map.fitBounds(bounds, { padding: [40, 40], maxZoom: 16 });
      status.textContent = t("mappa.vicino-fatto");
    };
    C.askPosition(button, status, show, function () {
      status.textContent = t("mappa.vicino-negato");
    });
  }

  /* While the map pans or zooms (an opening popup pans it clear of the controls) the container
   * says so: tests and tools wait for the map to be still before they measure it. */
  function wireState() {
    map.on("movestart zoomstart", function () { root.setAttribute("data-moving", "true"); });
    map.on("moveend zoomend", function () { root.removeAttribute("data-moving"); });
    map.on("resize", function () {
      options = popupOptions();
      popups.forEach(function (popup) { L.Util.setOptions(popup, options); });
    });
  }

  /* The list under the map: each placed service gets a "Mostra sulla mappa" button that
   * opens its popup (added here: the button is useless without this script). */
  function wireList() {
    var items = document.querySelectorAll(".sm-map-list li[data-i]");
    Array.prototype.forEach.call(items, function (item) {
      var point = pointByRecord[item.getAttribute("data-i")];
      if (point === undefined) { return; }
      var button = el("button", "sm-show-on-map", t("mappa.mostra"));
      button.type = "button";
      var name = item.querySelector("a");
      if (name) { button.setAttribute("aria-label", t("mappa.mostra-nome", { nome: name.textContent })); }
      button.addEventListener("click", function () {
        root.scrollIntoView({ block: "center" });
        var index = item.getAttribute("data-i");
        showPoint(point, function (marker) { wanted = index; marker.openPopup(); });
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
  addMarkers();
  mark("servicemap:markers");
  wireKeyboard();
  wireState();
  wireNearMe();
  C.ready(function () {  // the list comes after this script in the page
    wireList();
    Object.keys(shown).forEach(function (key) {
      if (shown[key].smRename) { shown[key].smRename(); }  // the details have loaded
    });
  });
  root.setAttribute("data-ready", "true");
}());
