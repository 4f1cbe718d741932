// Start time of a training day, chosen on the trainer page and the run sheet: every clock time
// (<time data-kit-at="minutes after the start">) and every print-plan figure is recalculated.
// Without JavaScript the control stays hidden and the pages show the default times and copies.
(function () {
  var TEXT = {
    pl: { done: "Godziny przeliczone: początek o {start}.", copies: "Plan druku przeliczony dla {n} osób." },
    en: { done: "Times recalculated: starting at {start}.", copies: "Print plan recalculated for {n} participants." }
  };
  var KEY = "kit-agenda-start";

  function lang() {
    return (document.documentElement.lang || "pl").slice(0, 2) === "en" ? "en" : "pl";
  }

  function parse(value) {
    var m = /^(\d{1,2}):(\d{2})/.exec(value || "");
    if (!m || +m[1] > 23 || +m[2] > 59) return null;
    return +m[1] * 60 + +m[2];
  }

  function format(minutes) {
    var h = Math.floor(minutes / 60) % 24, m = minutes % 60;
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }

  function apply(start) {
    document.querySelectorAll("time[data-kit-at]").forEach(function (el) {
      var value = format(start + parseInt(el.getAttribute("data-kit-at"), 10));
      el.textContent = value;
      el.setAttribute("datetime", value);
    });
  }

  function remember(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: no memory */ }
  }

  function recall(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  function setupClock(box) {
    var input = box.querySelector("input");
    var status = box.querySelector("[role=status]");
    var saved = recall(KEY);
    if (saved && parse(saved) !== null) {
      input.value = saved;
      apply(parse(saved));
    }
    box.hidden = false;
    input.addEventListener("change", function () {
      var start = parse(input.value);
      if (start === null) return;
      apply(start);
      remember(KEY, input.value);
      status.textContent = TEXT[lang()].done.replace("{start}", format(start));
    });
  }

  // Print plan: copies per participant, per working group and per JST team from the numbers
  // the trainer enters (data-kit-per on each copies cell: participant | group | team).
  function setupPrintPlan(box) {
    var inputs = box.querySelectorAll("input[data-kit-size]");
    var status = box.querySelector("[role=status]");
    function value(name) {
      var el = box.querySelector('input[data-kit-size="' + name + '"]');
      var n = parseInt(el && el.value, 10);
      return n > 0 ? n : null;
    }
    function update() {
      var people = value("participants"), group = value("group"), team = value("team");
      if (!people || !group || !team) return;
      var per = { uczestnik: people, grupa: Math.ceil(people / group), zespol: Math.ceil(people / team) };
      var shown = { participants: people, group: group, team: team };
      document.querySelectorAll("[data-kit-show]").forEach(function (el) {
        el.textContent = shown[el.getAttribute("data-kit-show")];
      });
      document.querySelectorAll("[data-kit-copies]").forEach(function (cell) {
        var copies = per[cell.getAttribute("data-kit-copies")];
        cell.textContent = copies;
        var pages = cell.closest("tr").querySelector("[data-kit-pages]");
        var sheets = parseInt(cell.getAttribute("data-kit-sheets"), 10);
        if (pages) pages.textContent = copies * sheets;
      });
      status.textContent = TEXT[lang()].copies.replace("{n}", people);
    }
    inputs.forEach(function (el) { el.addEventListener("change", update); });
    box.hidden = false;
  }

  function init() {
    document.querySelectorAll(".kit-clock").forEach(setupClock);
    document.querySelectorAll(".kit-printplan").forEach(setupPrintPlan);
  }

  if (window.document$) {
    window.document$.subscribe(init);
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
