/* servicemap-lingua.js: a first visit in another language is offered it, with one tap.
 *
 * navigator.languages lists the languages the person reads, in order. When the first of them
 * the site has (window.SERVICEMAP_LINGUE, from interfaccia.yaml) is not the page's language, a
 * small banner in THAT language links to this same page in it: the link of the header's language
 * switch (relative, so it works on any host and from file://; the offline copy has no
 * <link rel="alternate">). Never a redirect:
 * the person on a borrowed phone, or the operator helping someone, chooses.
 * Saying no, following the offer or using the header's language switch is remembered
 * (localStorage, which file:// or a private window may refuse: then it lasts for the page).
 * Text only (textContent), no HTML. Shared helpers: ServicemapCommon (servicemap-common.js).
 */
(function () {
  "use strict";

  var C = window.ServicemapCommon;
  var KEY = "servicemap.lingua-scelta";
  var texts = window.SERVICEMAP_LINGUE;
  if (!C || !texts || remembered()) { return; }
  var primary = C.primaryLang;
  var page = primary(document.documentElement.getAttribute("lang"));
  var links = alternates();
  var wanted = preferred();
  if (!wanted || wanted === page || !links[wanted]) { return; }
  show(wanted, links[wanted]);

  function alternates() {
    var found = {};
    var nodes = document.querySelectorAll(".md-select__link[hreflang]");
    Array.prototype.forEach.call(nodes, function (node) {
      var lang = node.getAttribute("hreflang");
      if (Object.prototype.hasOwnProperty.call(texts, lang)) {
        found[lang] = node.getAttribute("href");
      }
    });
    return found;
  }

  /* The first language of the browser's list that the site has ("ar-EG" is "ar"). */
  function preferred() {
    var list = navigator.languages && navigator.languages.length
      ? navigator.languages : [navigator.language];
    for (var i = 0; i < list.length; i++) {
      var lang = primary(list[i]);
      if (Object.prototype.hasOwnProperty.call(texts, lang)) { return lang; }
    }
    return null;
  }

  function remembered() {
    return C.read(KEY) != null;  // null: never chosen; undefined: storage refused
  }

  function remember(choice) {
    C.write(KEY, choice);  // refused (file://, private mode): it lasts for the page
  }

  function show(lang, href) {
    var words = texts[lang];
    var banner = document.createElement("div");
    banner.className = "sm-lingua-offerta sm-solo-schermo";
    banner.setAttribute("lang", lang);
    banner.setAttribute("dir", words.dir || "auto");
    var link = document.createElement("a");
    link.href = href;
    link.hreflang = lang;
    link.textContent = words.offerta;
    link.addEventListener("click", function () { remember(lang); });
    var no = document.createElement("button");
    no.type = "button";
    no.textContent = words.no;
    no.addEventListener("click", function () {
      remember(page);
      banner.remove();
    });
    banner.appendChild(link);
    banner.appendChild(no);
    var main = document.querySelector(".md-main");
    if (main && main.parentNode) {
      main.parentNode.insertBefore(banner, main);
    } else {
      document.body.insertBefore(banner, document.body.firstChild);
    }
    /* The header's switch is a choice too: no offer after it. */
    var switches = document.querySelectorAll(".md-select__link[hreflang]");
    Array.prototype.forEach.call(switches, function (a) {
      a.addEventListener("click", function () { remember(a.getAttribute("hreflang")); });
    });
  }
})();
