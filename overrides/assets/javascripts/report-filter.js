/*
 * The landing page's report filter (unmd.writer.landing writes the form, hidden, above the
 * table; its labels are in the page's script): rows whose symbol, title or date contain the
 * typed text, of the chosen year, organ and kind. The choices come from the table itself. Each
 * row's text is read once; a keystroke only sets `hidden` on the rows, which stays fast at
 * thousands of rows. Tablesort (sortable-tables.js) reorders rows and leaves `hidden` alone.
 */
(function () {
  "use strict";

  var LIST_SEPARATOR = "、";
  var SYMBOL = 0, DATE = 1, TITLE = 2;  // the first columns of the table

  /** The column of the table whose header reads `label` (the form's labels name them). */
  function columnOf(table, label) {
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) {
      return cell.textContent.trim();
    });
    return headers.indexOf(label);
  }

  function labelText(select) {
    return select.parentElement.firstChild.textContent.trim();
  }

  function fillChoices(select, values) {
    values.sort().forEach(function (value) {
      var option = document.createElement("option");
      option.value = option.textContent = value;
      select.appendChild(option);
    });
  }

  function setUp(form) {
    var table = document.querySelector(".md-typeset .reports table");
    if (!table || form.dataset.ready) return;
    form.dataset.ready = "1";
    var organColumn = columnOf(table, labelText(form.elements.organ));
    var kindColumn = columnOf(table, labelText(form.elements.kind));
    var rows = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
      var cell = function (i) { return i < 0 ? "" : row.cells[i].textContent.trim(); };
      return {
        element: row,
        text: (cell(SYMBOL) + " " + cell(DATE) + " " + cell(TITLE)).toLowerCase(),
        year: cell(DATE).slice(0, 4),
        organ: cell(organColumn).split(LIST_SEPARATOR),
        kind: cell(kindColumn),
      };
    });
    var seen = { year: {}, organ: {}, kind: {} };
    rows.forEach(function (row) {
      seen.year[row.year] = seen.kind[row.kind] = true;
      row.organ.forEach(function (name) { if (name) seen.organ[name] = true; });
    });
    Object.keys(seen).forEach(function (name) { fillChoices(form.elements[name], Object.keys(seen[name])); });
    var count = form.querySelector(".report-filter__count");

    function apply() {
      var text = form.elements.text.value.trim().toLowerCase();
      var year = form.elements.year.value, organ = form.elements.organ.value, kind = form.elements.kind.value;
      var shown = 0;
      rows.forEach(function (row) {
        var keep = (!text || row.text.indexOf(text) >= 0) && (!year || row.year === year) &&
          (!organ || row.organ.indexOf(organ) >= 0) && (!kind || row.kind === kind);
        row.element.hidden = !keep;
        if (keep) shown += 1;
      });
      count.textContent = shown + " / " + rows.length;
    }

    form.addEventListener("input", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function setUpAll() {
    document.querySelectorAll(".md-typeset form.report-filter").forEach(setUp);
  }

  // Material's document$ emits on the first load and after each instant navigation.
  if (window.document$) window.document$.subscribe(setUpAll);
  else setUpAll();
})();
