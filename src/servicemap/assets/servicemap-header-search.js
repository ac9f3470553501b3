/* servicemap-header-search.js: from the header's search box to the Cerca page, on every page.
 *
 * Material's search box finds pages (a need, a comune, a service by its name); the Cerca page
 * finds services by the words people use, with filters and "aperto ora". So that the two boxes
 * never leave a person stranded, the header's results start with a link that takes the same
 * words to Cerca (cerca/?testo=...). Its address is the navigation's own link to Cerca, so it follows
 * the site's URL style (a folder online, index.html in the offline copy). Text only, no HTML.
 * Shared helpers: ServicemapCommon (servicemap-common.js, loaded before on every page).
 */
(function () {
  "use strict";

  var C = window.ServicemapCommon;
  var input = document.querySelector("input[data-md-component=search-query]");
  var wrap = document.querySelector(".md-search__scrollwrap");
  if (!C || !input || !wrap) { return; }
  var base = cercaAddress();
  if (!base) { return; }

  /* The navigation's link to Cerca when the site lists it; otherwise Material's base address
   * (#__config) and the URL style the page itself was opened with. */
  function cercaAddress() {
    var nav = document.querySelector(
      'a.md-nav__link[href$="cerca/"], a.md-nav__link[href$="cerca/index.html"]');
    if (nav) { return nav.getAttribute("href"); }
    var config = document.getElementById("__config");
    var root;
    try { root = JSON.parse(config.textContent).base; } catch (e) { return null; }
    return C.localHref(root + "/cerca/");
  }


  var link = document.createElement("a");
  link.className = "sm-to-cerca";
  link.hidden = true;
  wrap.insertBefore(link, wrap.firstChild);

  function update() {
    var q = input.value.trim();
    link.hidden = !q;
    if (!q) { return; }
    link.href = base + "?testo=" + encodeURIComponent(q);
    if (window.ServicemapI18n) {  // the words typed isolated: their own direction
      C.fillText(link, "cerca.dall-intestazione", { q: q });
    } else {
      link.textContent = q;
    }
  }

  input.addEventListener("input", update);
  update();
}());
