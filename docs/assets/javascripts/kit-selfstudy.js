// Self-study in the learner's browser: "Mark as completed" on module pages, progress on the
// catalogue and path pages, self-check questions with instant feedback, and the printable
// completion record. Everything is kept in localStorage (also from file:// in the offline copy);
// nothing is sent anywhere. Without JavaScript the pages show plain questions with answers.
(function () {
  "use strict";

  var EN = (document.documentElement.lang || "pl").slice(0, 2) === "en";
  var T = EN ? {
    mark: "Mark as completed",
    doneOn: function (d) { return "Completed on " + d + "."; },
    notDone: "Not completed yet.",
    progress: function (n, all) { return "Completed: " + n + " of " + all + (all === 1 ? " module." : " modules."); },
    clear: "Clear stored progress",
    confirmClear: "Remove the completed modules and self-check answers stored in this browser?",
    cleared: "Stored progress removed.",
    noStorage: "This browser does not allow saving progress (local storage is off).",
    badge: "completed",
    right: "Correct.",
    wrong: function (chosen, right) { return "Not quite: you chose " + chosen + ", the correct answer is " + right + "."; },
    yourRight: "your answer – correct",
    yourWrong: "your answer – incorrect",
    correctMark: "correct answer",
    previous: "your earlier answer",
    quiz: function (ok, all, open) {
      return all ? ok + " of " + all + " correct at first try" + (open ? ", " + open + " not answered" : "") : "no questions";
    },
    summary: function (n, all, time) { return "Completed " + n + " of " + all + " modules; reading time of the completed modules: " + time + "."; },
    minutes: function (m) { return m < 60 ? m + " min" : Math.floor(m / 60) + " h" + (m % 60 ? " " + m % 60 + " min" : ""); },
    locale: "en-GB"
  } : {
    mark: "Oznacz jako ukończony",
    doneOn: function (d) { return "Ukończono " + d + "."; },
    notDone: "Jeszcze nie ukończono.",
    progress: function (n, all) { return "Ukończono " + n + " z " + all + " " + plural(all, "modułu", "modułów", "modułów") + "."; },
    clear: "Usuń zapisany postęp",
    confirmClear: "Usunąć zapisane w tej przeglądarce ukończone moduły i odpowiedzi na pytania?",
    cleared: "Zapisany postęp usunięto.",
    noStorage: "Ta przeglądarka nie pozwala zapisać postępu (pamięć lokalna jest wyłączona).",
    badge: "ukończony",
    right: "Dobrze, to poprawna odpowiedź.",
    wrong: function (chosen, right) { return "Niestety nie: wybrano " + chosen + ", poprawna odpowiedź to " + right + "."; },
    yourRight: "Twoja odpowiedź – poprawna",
    yourWrong: "Twoja odpowiedź – niepoprawna",
    correctMark: "poprawna odpowiedź",
    previous: "Twoja wcześniejsza odpowiedź",
    quiz: function (ok, all, open) {
      return all ? ok + " z " + all + " poprawnie za pierwszym razem" + (open ? ", bez odpowiedzi: " + open : "") : "brak pytań";
    },
    summary: function (n, all, time) { return "Ukończono " + n + " z " + all + " " + plural(all, "modułu", "modułów", "modułów") + "; czas czytania ukończonych modułów: " + time + "."; },
    minutes: function (m) { return m < 60 ? m + " min" : Math.floor(m / 60) + " h" + (m % 60 ? " " + m % 60 + " min" : ""); },
    locale: "pl-PL"
  };

  function plural(n, one, few, many) {
    if (n === 1) return one;
    return (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) ? few : many;
  }

  // ---- storage: one JSON object per site, shared by all editions and languages of the site
  var meta = document.querySelector('meta[name="kit-store"]');
  var KEY = "kit-selfstudy:" + (meta ? meta.content : "");

  function load() {
    try {
      var data = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      return {modules: data.modules || {}, answers: data.answers || {}};
    } catch (e) {
      return {modules: {}, answers: {}};
    }
  }

  function save(state) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
      return true;
    } catch (e) {
      return false;
    }
  }

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function human(iso) {
    var p = String(iso).split("-");
    var d = new Date(+p[0], +p[1] - 1, +p[2]);
    return isNaN(d) ? iso : d.toLocaleDateString(T.locale, {day: "numeric", month: "long", year: "numeric"});
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  // Live regions announce changes, so set the text after clearing it (a repeated message is
  // announced again).
  function announce(region, text) {
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  // ---- "Mark as completed" on a module page
  function doneBoxes() {
    document.querySelectorAll("[data-kit-done]").forEach(function (box) {
      var id = box.getAttribute("data-kit-done");
      var boxId = "kit-done-" + id;
      var input = el("input", {type: "checkbox", id: boxId, "class": "kit-done__box"});
      var label = el("label", {"for": boxId}, T.mark);
      var status = el("p", {"class": "kit-done__status", role: "status"});
      box.append(input, label, status);
      box.hidden = false;
      var entry = load().modules[id];
      input.checked = !!entry;
      status.textContent = entry ? T.doneOn(human(entry.done)) : "";
      input.addEventListener("change", function () {
        var state = load();
        if (input.checked) {
          state.modules[id] = {done: today()};
        } else {
          delete state.modules[id];
        }
        if (!save(state)) {
          input.checked = !input.checked;
          announce(status, T.noStorage);
          return;
        }
        announce(status, input.checked ? T.doneOn(human(state.modules[id].done)) : T.notDone);
        refresh();
      });
    });
  }

  // ---- progress boxes and "completed" marks next to module links
  function progressBoxes() {
    document.querySelectorAll("[data-kit-progress]").forEach(function (box, n) {
      var text = el("p", {"class": "kit-progress__text", id: "kit-progress-" + n});
      var bar = el("progress", {"class": "kit-progress__bar", "aria-labelledby": text.id});
      var clear = el("button", {type: "button", "class": "md-button kit-progress__clear"}, T.clear);
      var status = el("p", {"class": "kit-progress__status", role: "status"});
      box.append(text, bar, clear, status);
      box.hidden = false;
      clear.addEventListener("click", function () {
        if (!window.confirm(T.confirmClear)) return;
        try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
        refresh();
        announce(status, T.cleared);
      });
    });
  }

  function refresh() {
    var state = load();
    document.querySelectorAll("[data-kit-progress]").forEach(function (box) {
      var ids = box.getAttribute("data-kit-progress").split(/\s+/).filter(Boolean);
      var done = ids.filter(function (id) { return state.modules[id]; }).length;
      box.querySelector(".kit-progress__text").textContent = T.progress(done, ids.length);
      var bar = box.querySelector("progress");
      bar.max = ids.length;
      bar.value = done;
    });
    document.querySelectorAll("a[data-kit-module]").forEach(function (link) {
      var next = link.nextElementSibling;
      if (next && next.classList.contains("kit-badge")) next.remove();
      var entry = state.modules[link.getAttribute("data-kit-module")];
      if (entry) {
        var badge = el("span", {"class": "kit-badge", title: T.doneOn(human(entry.done))}, "✓ " + T.badge);
        link.after(badge);
      }
    });
    document.querySelectorAll("[data-kit-done]").forEach(function (box) {
      var input = box.querySelector("input");
      if (input) input.checked = !!state.modules[box.getAttribute("data-kit-done")];
    });
    record(state);
  }

  // ---- self-check questions
  function quizzes() {
    document.querySelectorAll(".kit-quiz[data-kit-quiz]").forEach(function (quiz) {
      var key = quiz.getAttribute("data-kit-quiz");
      var right = +quiz.getAttribute("data-kit-answer");
      var items = Array.prototype.slice.call(quiz.querySelectorAll(".kit-quiz__options > li"));
      var answer = quiz.querySelector(".kit-quiz__answer");
      var feedback = el("p", {"class": "kit-quiz__feedback", role: "status"});
      var letter = function (i) { return items[i].querySelector(".kit-quiz__letter").textContent.replace(".", ""); };
      var buttons = items.map(function (li) {
        var b = el("button", {type: "button", "class": "kit-quiz__choice"});
        while (li.firstChild) b.appendChild(li.firstChild);
        b.appendChild(el("span", {"class": "kit-quiz__mark"}));
        li.appendChild(b);
        return b;
      });
      quiz.querySelector(".kit-quiz__options").after(feedback);
      quiz.classList.add("kit-quiz--active");
      answer.hidden = true;

      function show(chosen, earlier) {
        buttons.forEach(function (b, i) {
          var mark = b.querySelector(".kit-quiz__mark");
          var text = "";
          if (i === chosen) text = earlier ? T.previous : (i === right ? T.yourRight : T.yourWrong);
          else if (i === right && chosen !== right) text = T.correctMark;
          mark.textContent = text ? " (" + text + ")" : "";
          b.classList.toggle("kit-quiz__choice--right", text !== "" && i === right);
          b.classList.toggle("kit-quiz__choice--wrong", i === chosen && i !== right);
        });
        answer.hidden = false;
        answer.open = true;
      }

      buttons.forEach(function (b, i) {
        b.addEventListener("click", function () {
          var state = load();
          var before = state.answers[key];
          state.answers[key] = {first: before ? before.first : i === right, last: i, date: today()};
          save(state);
          show(i, false);
          announce(feedback, i === right ? T.right : T.wrong(letter(i), letter(right)));
          record(load());
        });
      });
      var stored = load().answers[key];
      if (stored && stored.last < buttons.length) show(stored.last, true);
    });
  }

  // ---- the completion record page
  function record(state) {
    var root = document.querySelector("[data-kit-record]");
    if (!root) return;
    root.querySelector(".kit-record__nojs").hidden = true;
    root.querySelector(".kit-record__form").hidden = false;
    root.querySelector(".kit-record__sheet").hidden = false;
    var rows = root.querySelectorAll("tr[data-kit-module]");
    var shown = 0, reading = 0;
    rows.forEach(function (row) {
      var entry = state.modules[row.getAttribute("data-kit-module")];
      row.hidden = !entry;
      if (!entry) return;
      shown += 1;
      reading += +row.getAttribute("data-kit-reading") || 0;
      var keys = row.getAttribute("data-kit-questions").split(/\s+/).filter(Boolean);
      var answered = keys.filter(function (k) { return state.answers[k]; });
      var ok = answered.filter(function (k) { return state.answers[k].first; }).length;
      row.querySelector('[data-kit-cell="date"]').textContent = human(entry.done);
      row.querySelector('[data-kit-cell="quiz"]').textContent = T.quiz(ok, keys.length, keys.length - answered.length);
    });
    root.querySelector("[data-kit-record-empty]").hidden = shown > 0;
    root.querySelector("[data-kit-record-summary]").textContent = T.summary(shown, rows.length, T.minutes(reading));
    root.querySelector("[data-kit-record-date]").textContent = human(today());
  }

  function recordForm() {
    var root = document.querySelector("[data-kit-record]");
    if (!root) return;
    var form = root.querySelector(".kit-record__form");
    var label = el("label", {"for": "kit-record-name"}, form.getAttribute("data-kit-name-label"));
    var input = el("input", {type: "text", id: "kit-record-name", autocomplete: "name"});
    var print = el("button", {type: "button", "class": "md-button md-button--primary"},
      form.getAttribute("data-kit-print-label"));
    form.append(label, input, print);
    var name = root.querySelector("[data-kit-record-name]");
    input.addEventListener("input", function () {
      name.textContent = input.value.trim() || name.getAttribute("data-kit-empty");
    });
    print.addEventListener("click", function () { window.print(); });
  }

  function start() {
    doneBoxes();
    progressBoxes();
    quizzes();
    recordForm();
    refresh();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
