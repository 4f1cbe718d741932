// Submitting the search form (Enter or the submit button) must not reload the page:
// focus the first result instead, as Material does for arrow keys.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form) return;
  if (form.getAttribute("data-md-component") === "palette") {
    event.preventDefault();
    return;
  }
  if (form.getAttribute("name") !== "search") return;
  event.preventDefault();
  var first = document.querySelector(".md-search-result__link");
  if (first) first.focus();
});

// Wide tables scroll sideways; a scrollable region must be reachable by keyboard (WCAG 2.1.1)
// and have a name. Material wraps tables after each page load, so run on its document$ stream.
function kitScrollableTables() {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    if (wrap.hasAttribute("tabindex")) return;
    var caption = wrap.querySelector("caption");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", caption ? caption.textContent : "Tabela");
  });
}
if (window.document$) {
  window.document$.subscribe(kitScrollableTables);
} else {
  document.addEventListener("DOMContentLoaded", kitScrollableTables);
}

// The skip link moves keyboard focus to the main content, not just the scroll position.
document.addEventListener("click", function (event) {
  var skip = event.target.closest && event.target.closest("a.md-skip");
  if (!skip) return;
  var target = document.getElementById(decodeURIComponent(skip.getAttribute("href").slice(1)));
  if (!target) return;
  target.setAttribute("tabindex", "-1");
  target.focus();
});

// Printing opens every collapsed block (self-check answers), and closes them again afterwards.
var kitOpenedForPrint = [];
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details:not([open])").forEach(function (d) {
    d.setAttribute("open", "");
    kitOpenedForPrint.push(d);
  });
});
window.addEventListener("afterprint", function () {
  kitOpenedForPrint.forEach(function (d) { d.removeAttribute("open"); });
  kitOpenedForPrint = [];
});
