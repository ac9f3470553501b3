/* servicemap-minimap.js: the small map of a service page ("Dove si trova").
 *
 * Fills <div class="sm-minimap"> from its data attributes (data-lat, data-lon, data-precisione,
 * data-comune, data-colore) with plain Leaflet: the comune's boundary from
 * window.SERVICEMAP_CONFINI (confini.js, so the map means something without tiles: offline copy,
 * blocked tile server), the service as a circle in its type colour, and for a position known
 * only to the comune a larger translucent circle. Tiles only when window.SERVICEMAP_MINIMAP
 * names a tile server (never in the offline copy).
 *
 * The element is role="img" with its aria-label written at build time: nothing inside it may be
 * focusable, so the map has no keyboard handler, no dragging or zooming, no controls; the
 * attribution goes after it as text (textContent: no record or setting becomes markup).
 * Plain ES2017, no modules: it must run from file:// too.
 */
(function () {
  "use strict";

  var BOUNDARY = {color: "#4a4a4a", weight: 1.5, fillColor: "#efeadf", fillOpacity: 0.45};
  var APPROX_RADIUS_M = 1000;

  var C = window.ServicemapCommon;  // servicemap-common.js

  /* The sources after the map, in the page's language (ServicemapI18n loads at the end of the
   * page, after this script: the note waits for it), each source isolated in a <bdi>. */
  function attribution(box, settings, waited) {
    var I18n = window.ServicemapI18n;
    if (!I18n && !waited) {
      C.ready(function () { attribution(box, settings, true); });
      return;
    }
    var parts = [];
    if (settings.tiles && settings.tileAttribution) {
      parts.push(["minimappa.tessere", settings.tileAttribution]);
    }
    if (settings.boundaryAttribution) {
      parts.push(["mappa.confini", settings.boundaryAttribution]);
    }
    if (!parts.length) { return; }
    var note = document.createElement("p");
    note.className = "sm-minimap-fonte";
    parts.forEach(function (part, n) {
      if (n) { note.appendChild(document.createTextNode(" · ")); }
      var line = document.createElement("span");
      if (I18n) { C.fillText(line, part[0], { fonte: part[1] }); } else { line.textContent = part[1]; }
      note.appendChild(line);
    });
    box.parentNode.insertBefore(note, box.nextSibling);
  }

  function draw(box) {
    var lat = parseFloat(box.getAttribute("data-lat"));
    var lon = parseFloat(box.getAttribute("data-lon"));
    if (!isFinite(lat) || !isFinite(lon)) { return; }
    var settings = window.SERVICEMAP_MINIMAP || {};
    var boundaries = window.SERVICEMAP_CONFINI || {};
    var slug = box.getAttribute("data-comune") || "";
    var geometry = Object.prototype.hasOwnProperty.call(boundaries, slug) ? boundaries[slug] : null;
    var approximate = box.getAttribute("data-precisione") === "comune";
    var colour = C.safeColour(box.getAttribute("data-colore"));
    var point = L.latLng(lat, lon);

    var map = L.map(box, {
      attributionControl: false,
      zoomControl: false,
      keyboard: false,
      dragging: false,
      touchZoom: false,
      doubleClickZoom: false,
      scrollWheelZoom: false,
      boxZoom: false,
      zoomSnap: 0.25,
      maxZoom: 19
    });
    var outline = null;
    if (geometry) {
      outline = L.geoJSON(geometry, {
        style: BOUNDARY, interactive: false, className: "sm-minimap-confine"
      });
    }
    /* The view first: layers added to a map without one wait, and a renderer can fail. */
    var bounds = outline ? outline.getBounds() : null;
    if (bounds && bounds.isValid()) {
      map.fitBounds(bounds.extend(point), {padding: [12, 12], maxZoom: 16, animate: false});
    } else {
      map.setView(point, settings.tiles ? 15 : 13, {animate: false});
    }
    if (settings.tiles) {
      L.tileLayer(settings.tiles, {maxZoom: 19}).addTo(map);
    }
    if (outline) { outline.addTo(map); }
    if (approximate) {
      L.circle(point, {
        radius: APPROX_RADIUS_M, color: colour, weight: 1, fillColor: colour, fillOpacity: 0.2,
        interactive: false, className: "sm-minimap-area"
      }).addTo(map);
    }
    L.circleMarker(point, {
      radius: 8, color: "#1a1a1a", weight: 2, fillColor: colour, fillOpacity: 1,
      interactive: false, className: "sm-minimap-punto"
    }).addTo(map);
    attribution(box, settings);
    box.setAttribute("data-ready", "true");
  }

  if (!window.L || !C) { return; }
  var boxes = document.querySelectorAll(".sm-scheda .sm-minimap");
  for (var i = 0; i < boxes.length; i++) { draw(boxes[i]); }
})();
