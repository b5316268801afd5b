/*
 * Citing a report: a "copy citation" button beside every paragraph number, copy buttons for
 * the report's entries (UN, GB/T 7714-2015, Chicago, APA, BibTeX), and paragraph ranges in the URL.
 *
 * The paragraph citation is rendered at build time from the report's CSL-JSON record in the
 * site's UN style (overrides/hooks/citations.py), with {N} for the paragraph number, and put on
 * .report-header with the button labels in the page's script:
 * 秘书长的报告《预防性外交：取得成果》(S/2011/552)，第 12 段，<permanent URL>#para-12. The URL
 * is the site's permanent one whatever copy (file://, a mirror) the page was opened from.
 *
 * …#para-8-15 opens at paragraph 8 and marks paragraphs 8 to 15 and their sub-items (CSS
 * :target can mark only one element); …#para-12 is marked by :target in citing.css.
 */
(function () {
  "use strict";

  var RANGE = /^#para-(\d+)-(\d+)$/;
  var PARAGRAPH_OR_ITEM = /^para-(\d+)(?:-[a-z].*)?$/;
  var IN_RANGE = "para-in-range";
  // Material Design's content-copy icon, as Material for MkDocs uses for code blocks.
  var COPY_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true">' +
    '<path d="M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2' +
    'm-3-4H4a2 2 0 0 0-2 2v14h2V3h12z"/></svg>';

  /** Copy text with the async Clipboard API, or with a selected textarea where it is missing. */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = document.execCommand("copy");
      document.body.removeChild(area);
      if (copied) resolve();
      else reject(new Error("copy refused"));
    });
  }

  /** Copy, then say so beside the button for two seconds and in the page's live region. */
  function copyWithFeedback(button, text, labels) {
    function show(message) {
      button.dataset.feedback = message;
      button.classList.add("cite-button--done");
      var status = document.getElementById("cite-status");
      if (status) status.textContent = message;
      window.setTimeout(function () {
        button.classList.remove("cite-button--done");
      }, 2000);
    }
    copyText(text).then(
      function () { show(labels.copied); },
      function () { show(labels.failed); }
    );
  }

  function paragraphCitation(header, number) {
    return header.dataset.citeParagraph.split("{N}").join(number);
  }

  /** The feedback messages, in the page's script (from the report header). */
  function feedbackLabels(header) {
    return { copied: header.dataset.labelCopied, failed: header.dataset.labelFailed };
  }

  /** The copy-citation button of one numbered paragraph, after its number (the number is the
   * permalink), made the first time the paragraph is pointed at or its number focused: made
   * for every paragraph at load, they were most of a long report's script time on a phone. */
  function addCitationButton(header, paragraph) {
    var number = paragraph.querySelector(":scope > a.para-num");
    if (!number || paragraph.querySelector(":scope > .cite-button")) return;
    var n = paragraph.id.replace(/^para-/, "");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cite-button";
    button.innerHTML = COPY_ICON;
    button.title = header.dataset.labelCiteParagraph.replace("#", n);
    button.setAttribute("aria-label", button.title);
    button.addEventListener("click", function () {
      copyWithFeedback(button, paragraphCitation(header, n), feedbackLabels(header));
    });
    number.insertAdjacentElement("afterend", button);
  }

  var offering = false;

  /** Buttons on demand: two listeners for the whole page, nothing per paragraph at load. */
  function offerCitationButtons(header) {
    if (offering) return;
    offering = true;
    function offer(event) {
      var paragraph = event.target.closest && event.target.closest(".md-typeset .para");
      if (paragraph) addCitationButton(header, paragraph);
    }
    document.addEventListener("pointerover", offer, { passive: true });
    document.addEventListener("focusin", offer);
  }

  /** The copy buttons of the report's entries (rendered at build time in each style). */
  function wireReportCitations(header) {
    var labels = feedbackLabels(header);
    header.querySelectorAll("button[data-copy]").forEach(function (button) {
      if (button.dataset.wired) return;
      button.dataset.wired = "1";
      button.addEventListener("click", function () {
        var entry = document.getElementById(button.dataset.copy);
        copyWithFeedback(button, entry.textContent.trim(), labels);
      });
    });
    // GB/T 7714 gives the date the document was consulted: today, for whoever copies it.
    var today = new Date();
    var iso = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
      .map(function (part) { return String(part).padStart(2, "0"); }).join("-");
    header.querySelectorAll(".cite-accessed").forEach(function (date) { date.textContent = iso; });
  }

  /** Mark paragraphs A..B (and their sub-items) for …#para-A-B; clear an earlier range. */
  function markRange() {
    document.querySelectorAll("." + IN_RANGE).forEach(function (el) {
      el.classList.remove(IN_RANGE);
    });
    var range = RANGE.exec(location.hash);
    if (!range) return;
    var first = Number(range[1]);
    var last = Number(range[2]);
    if (first > last) return;
    var start = null;
    document.querySelectorAll(".md-typeset [id^='para-']").forEach(function (el) {
      var m = PARAGRAPH_OR_ITEM.exec(el.id);
      if (!m || Number(m[1]) < first || Number(m[1]) > last) return;
      el.classList.add(IN_RANGE);
      if (!start && el.id === "para-" + first) start = el;
    });
    if (start) start.scrollIntoView({ block: "start" });
  }

  function setUp() {
    var header = document.querySelector(".report-header");
    if (header) {
      offerCitationButtons(header);
      wireReportCitations(header);
    }
    markRange();
  }

  // Material's document$ emits on the first load and after each instant navigation.
  if (window.document$) window.document$.subscribe(setUp);
  else setUp();
  window.addEventListener("hashchange", markRange);
})();
