/* report-site: small improvements over pages that work without script.
   - The language switcher keeps the passage the reader is at (#p-3): every edition has the
     same anchors.
   - The citation's date of citing is today's.
   - The figures table gets a filter and sortable columns (buttons in its headers). */
(function () {
  "use strict";

  // Every edition has every page (report-site generates them so): the link itself is the
  // way there. Material's own handler, which looks the page up in a sitemap, would drop the
  // anchor, so it does not see the click.
  function keepAnchor() {
    var links = document.querySelectorAll(".md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      links[i].href = links[i].href.split("#")[0] + location.hash;
    }
  }

  function switchDirectly() {
    var links = document.querySelectorAll(".md-select__link[hreflang]");
    for (var i = 0; i < links.length; i++) {
      links[i].addEventListener("click", function (event) {
        keepAnchor();
        event.stopPropagation();
      });
    }
  }

  function citedToday() {
    var today = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var text = today.getFullYear() + "-" + pad(today.getMonth() + 1) + "-" + pad(today.getDate());
    var spans = document.querySelectorAll(".rs-cited-on");
    for (var i = 0; i < spans.length; i++) spans[i].textContent = text;
  }

  function cellText(row, column) {
    return (row.cells[column].textContent || "").trim();
  }

  function figuresTable(box) {
    var table = box.querySelector("table");
    if (!table || !table.tBodies.length) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headers = table.tHead.rows[0].cells;
    var last = headers.length - 1;

    // The filter: words (in any column) and the section, with a live count.
    var form = document.createElement("div");
    form.className = "rs-filter";
    var id = "rs-filter-" + Math.random().toString(36).slice(2, 8);
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = box.getAttribute("data-filter");
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    var select = document.createElement("select");
    select.setAttribute("aria-label", headers[last].textContent);
    var all = document.createElement("option");
    all.value = "";
    all.textContent = box.getAttribute("data-all");
    select.appendChild(all);
    var seen = {};
    rows.forEach(function (row) {
      var section = cellText(row, last);
      if (!seen[section]) {
        seen[section] = true;
        var option = document.createElement("option");
        option.value = option.textContent = section;
        select.appendChild(option);
      }
    });
    var count = document.createElement("p");
    count.className = "rs-filter-count";
    count.setAttribute("aria-live", "polite");
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(select);
    box.parentNode.insertBefore(form, box);
    box.parentNode.insertBefore(count, box);

    function filter() {
      var words = input.value.trim().toLowerCase();
      var section = select.value;
      var shown = 0;
      rows.forEach(function (row) {
        var visible = (!section || cellText(row, last) === section) &&
          (!words || row.textContent.toLowerCase().indexOf(words) >= 0);
        row.hidden = !visible;
        if (visible) shown++;
      });
      count.textContent = box.getAttribute("data-count")
        .replace("{shown}", shown).replace("{total}", rows.length);
    }
    input.addEventListener("input", filter);
    select.addEventListener("change", filter);
    filter();

    // Sorting: each header holds a button; a second press reverses; the report's order back
    // after the third.
    Array.prototype.forEach.call(headers, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "rs-sort";
      button.title = box.getAttribute("data-sort");
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      var numeric = th.getAttribute("data-type") === "number";
      button.addEventListener("click", function () {
        var state = th.getAttribute("aria-sort");
        var next = state === "ascending" ? "descending" : state === "descending" ? "none" : "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        if (next !== "none") th.setAttribute("aria-sort", next);
        var order = rows.slice();
        if (next !== "none") {
          var key = function (row) {
            return numeric ? parseFloat(row.cells[column].getAttribute("data-value")) : cellText(row, column);
          };
          order.sort(function (a, b) {
            var x = key(a), y = key(b);
            var compared = numeric ? x - y : String(x).localeCompare(String(y), document.documentElement.lang);
            return next === "ascending" ? compared : -compared;
          });
        }
        order.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function ready() {
    keepAnchor();
    switchDirectly();
    window.addEventListener("hashchange", keepAnchor);
    citedToday();
    var boxes = document.querySelectorAll(".rs-figures[data-filter]");
    for (var i = 0; i < boxes.length; i++) figuresTable(boxes[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
