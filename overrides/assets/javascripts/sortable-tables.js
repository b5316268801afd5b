/*
 * The landing page's report table sorts by any column (Tablesort, vendored in tablesort/;
 * keyboard: Tab to a column header, Enter). Loaded between tablesort.min.js and
 * tablesort.number.min.js: Tablesort tries its sort methods in the order they were added, and
 * ISO dates (2011-08-26) must be compared as dates before the number method reads them as 2011.
 */
(function () {
  "use strict";

  Tablesort.extend(
    "iso-date",
    function (text) { return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()); },
    function (a, b) { return a === b ? 0 : a < b ? 1 : -1; }
  );

  function setUp() {
    document.querySelectorAll(".md-typeset .reports table").forEach(function (table) {
      if (!table.dataset.sortable) {
        table.dataset.sortable = "1";
        new Tablesort(table);
      }
    });
  }

  // Material's document$ emits on the first load and after each instant navigation.
  if (window.document$) window.document$.subscribe(setUp);
  else setUp();
})();
