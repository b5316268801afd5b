/*
 * Variant switcher that keeps the page and the #fragment.
 *
 * Material's language selector (extra.alternate) links to the other variant's landing page,
 * and its own same-page logic needs sitemap.xml over HTTP (so not from file://) and a site_url.
 * Both variants have the same page paths and ids, so the same page in the other variant is
 * this page's path relative to this site's root, resolved against the other site's root.
 */
(function () {
  "use strict";

  /** This variant's root URL, from the base that Material writes into every page. */
  function siteRoot() {
    var config = JSON.parse(document.getElementById("__config").textContent);
    var base = config.base.replace(/\/?$/, "/");
    return new URL(base, location.href);
  }

  /** The same page and fragment in the variant whose landing page `link` points to. */
  function samePageIn(link) {
    var root = siteRoot();
    var here = new URL(location.href);
    here.hash = "";
    here.search = "";
    var path = here.href.startsWith(root.href) ? here.href.slice(root.href.length) : "";
    var otherRoot = new URL(".", new URL(link.dataset.variantLanding, location.href));
    return new URL(path || "index.html", otherRoot).href + location.hash;
  }

  function variantLinks() {
    return document.querySelectorAll("a.md-select__link[hreflang]");
  }

  function update() {
    variantLinks().forEach(function (link) {
      if (!link.dataset.variantLanding) link.dataset.variantLanding = link.getAttribute("href");
      link.href = samePageIn(link);
    });
  }

  update();
  window.addEventListener("hashchange", update);
  variantLinks().forEach(function (link) {
    link.addEventListener("click", function (event) {
      update();
      // Material's alternate handler on <body> would send us to the landing page instead.
      event.stopPropagation();
    });
  });
})();
