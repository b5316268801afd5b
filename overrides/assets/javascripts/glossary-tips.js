/*
 * A glossary term's definition as the tooltip of each link to it. A report page lists the
 * definitions of its terms once (unmd.writer.markdown.glossary_definitions_md: a hidden block
 * of <p data-term="id">), not on every link: on a long report that was a quarter of the page.
 * Nothing runs at load but two listeners: a link gets its title (the browser's tooltip, and
 * its accessible description) when it is first pointed at or focused. The link itself leads to
 * the term's entry in the glossary.
 */
(function () {
  "use strict";

  var definitions = null;

  function definitionOf(link) {
    if (definitions === null) {
      definitions = {};
      document.querySelectorAll(".glossary-definitions [data-term]").forEach(function (node) {
        definitions[node.dataset.term] = node.textContent;
      });
    }
    return definitions[decodeURIComponent(link.hash.slice(1))];
  }

  function giveTitle(event) {
    var link = event.target.closest && event.target.closest("a.glossary-link");
    if (!link || link.hasAttribute("title")) return;
    var text = definitionOf(link);
    if (text) link.setAttribute("title", text);
  }

  document.addEventListener("pointerover", giveTitle, { passive: true });
  document.addEventListener("focusin", giveTitle);
})();
