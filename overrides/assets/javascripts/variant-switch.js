/*
 * Variant switcher that keeps the #fragment.
 *
 * Each link of Material's language selector already points to this page in the other variant
 * (overrides/partials/alternate.html: relative, so any copy of the site, file:// included,
 * stays in that copy, and it works without JavaScript). Both variants have the same ids, so
 * this only adds the fragment the reader is at, and keeps Material's own handler, which would
 * go to the other variant's landing page, from running.
 */
(function () {
  "use strict";

  function variantLinks() {
    return document.querySelectorAll("a.md-select__link[hreflang]");
  }

  function update() {
    variantLinks().forEach(function (link) {
      if (!link.dataset.samePage) link.dataset.samePage = link.getAttribute("href");
      link.href = link.dataset.samePage + location.hash;
    });
  }

  update();
  window.addEventListener("hashchange", update);
  variantLinks().forEach(function (link) {
    link.addEventListener("click", function (event) {
      update();
      event.stopPropagation();
    });
  });
})();
