// HTML deck of a module: one slide at a time, keyboard and button navigation, the slide number in
// the address (#slajd-3) and a polite announcement of each new slide. Without this script every
// slide is shown one below the other.
(function () {
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  var nav = document.querySelector(".deck__nav");
  if (!slides.length || !nav) return;
  var status = nav.querySelector("[role=status]");
  var en = (document.documentElement.lang || "pl").slice(0, 2) === "en";
  var current = 0;

  function show(index, focus) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach(function (slide, i) { slide.hidden = i !== current; });
    var heading = slides[current].querySelector("h1, h2");
    status.textContent = (en ? "Slide " : "Slajd ") + (current + 1) + (en ? " of " : " z ") + slides.length +
      ": " + heading.textContent;
    if (window.history && history.replaceState) history.replaceState(null, "", "#" + slides[current].id);
    if (focus) heading.focus();
  }

  document.documentElement.classList.add("deck--js");
  nav.hidden = false;
  nav.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-deck]");
    if (!button) return;
    show(current + (button.getAttribute("data-deck") === "next" ? 1 : -1), false);
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest && event.target.closest("button, input, textarea, select")) return;
    var moves = { ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1 };
    if (event.key in moves) {
      show(current + moves[event.key], true);
    } else if (event.key === "Home") {
      show(0, true);
    } else if (event.key === "End") {
      show(slides.length - 1, true);
    } else {
      return;
    }
    event.preventDefault();
  });
  var start = slides.findIndex(function (s) { return "#" + s.id === window.location.hash; });
  show(start < 0 ? 0 : start, false);
})();
