/* servicemap-condividi.js: share a link as a phone or a desk computer can.
 *
 * The Web Share API where there is one (a phone's share sheet); else the link copied to the
 * clipboard with a visible "Link copiato"; else the address shown, selected, to copy by hand.
 * One rule for every "Condividi": the service page (servicemap-service.js) and the list page
 * ("La mia lista") both call ServicemapShare.share(title, url, statusNode). Texts:
 * ServicemapCommon.t (servicemap-common.js).
 * Plain ES2017, no modules: it must run from file:// too.
 */
(function () {
  "use strict";

  var C = window.ServicemapCommon;
  if (!C) { return; }
  var t = C.text;

  function copyByCommand(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        if (!copyByCommand(text)) { throw new Error("copy"); }
      });
    }
    return copyByCommand(text) ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  function showToCopy(url, status) {
    status.textContent = t("scheda.link-da-copiare") + " ";
    var field = document.createElement("input");
    field.type = "text";
    field.readOnly = true;
    field.value = url;
    field.className = "sm-link-da-copiare";
    field.setAttribute("aria-label", t("scheda.link-da-copiare"));
    status.appendChild(field);
    field.select();
  }

  function share(title, url, status) {
    status.textContent = "";
    if (navigator.share) {
      return navigator.share({ title: title, url: url }).catch(function () { /* dismissed */ });
    }
    return copy(url).then(function () {
      status.textContent = t("scheda.link-copiato");
    }, function () { showToCopy(url, status); });
  }

  window.ServicemapShare = { share: share, canShare: function () { return !!navigator.share; } };
}());
