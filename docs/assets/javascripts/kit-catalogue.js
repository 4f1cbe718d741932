// The module catalogue's filter: audience, format and workshop duration. Native selects (keyboard
// and screen readers work as usual); the number of modules shown is announced in a status region.
// Without JavaScript the filter stays hidden and the whole table shows.
(function () {
  "use strict";

  var EN = (document.documentElement.lang || "pl").slice(0, 2) === "en";

  function countText(shown, all) {
    if (EN) return "Showing " + shown + " of " + all + (all === 1 ? " module." : " modules.");
    var word = all === 1 ? "modułu" : "modułów";
    return "Pokazano " + shown + " z " + all + " " + word + ".";
  }

  // The page carries the choices as lists (data-kit-filter-key); they become labelled selects.
  function build(box) {
    var title = document.createElement("p");
    title.className = "kit-filter__title";
    title.id = "kit-filter-title";
    title.textContent = box.getAttribute("data-kit-title");
    var fields = document.createElement("div");
    fields.className = "kit-filter__fields";
    fields.setAttribute("role", "group");
    fields.setAttribute("aria-labelledby", title.id);
    box.querySelectorAll("ul[data-kit-filter-key]").forEach(function (list) {
      var key = list.getAttribute("data-kit-filter-key");
      var field = document.createElement("div");
      field.className = "kit-filter__field";
      var label = document.createElement("label");
      label.setAttribute("for", "kit-filter-" + key);
      label.textContent = list.getAttribute("data-kit-label");
      var select = document.createElement("select");
      select.id = "kit-filter-" + key;
      select.setAttribute("data-kit-filter-key", key);
      list.querySelectorAll("li").forEach(function (item) {
        var option = document.createElement("option");
        option.value = item.getAttribute("data-kit-value");
        option.textContent = item.textContent;
        select.appendChild(option);
      });
      field.append(label, select);
      fields.appendChild(field);
      list.remove();
    });
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button";
    reset.textContent = box.getAttribute("data-kit-reset");
    fields.appendChild(reset);
    box.prepend(title, fields);
    return reset;
  }

  function start() {
    var box = document.querySelector("[data-kit-filter]");
    if (!box) return;
    var reset = build(box);
    var selects = Array.prototype.slice.call(box.querySelectorAll("select[data-kit-filter-key]"));
    var links = Array.prototype.slice.call(document.querySelectorAll("a[data-kit-audience]"));
    var count = box.querySelector("[data-kit-filter-count]");
    box.hidden = false;

    function matches(link) {
      return selects.every(function (select) {
        var want = select.value;
        if (!want) return true;
        var key = select.getAttribute("data-kit-filter-key");
        var have = link.getAttribute("data-kit-" + key) || "";
        if (key === "audience") return have.split(/\s+/).indexOf(want) >= 0;
        if (key === "duration") return +have <= +want;
        return have === want;
      });
    }

    function apply(announce) {
      var shown = 0;
      links.forEach(function (link) {
        var row = link.closest("tr");
        var ok = matches(link);
        row.hidden = !ok;
        shown += ok ? 1 : 0;
      });
      var text = countText(shown, links.length);
      if (announce) {
        count.textContent = "";
        window.setTimeout(function () { count.textContent = text; }, 50);
      } else {
        count.textContent = text;
      }
    }

    selects.forEach(function (select) {
      select.addEventListener("change", function () { apply(true); });
    });
    reset.addEventListener("click", function () {
      selects.forEach(function (select) { select.value = ""; });
      apply(true);
    });
    apply(false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
