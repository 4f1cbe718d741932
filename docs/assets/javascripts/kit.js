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

// Texts this script adds, in the page's language (WCAG 3.1.2).
var KIT_TEXTS = {
  pl: {table: "Tabela", drawer: "Menu nawigacji", search: "Szukaj"},
  en: {table: "Table", drawer: "Navigation menu", search: "Search"}
};
function kitText(key) {
  var lang = (document.documentElement.getAttribute("lang") || "pl").slice(0, 2);
  return (KIT_TEXTS[lang] || KIT_TEXTS.pl)[key];
}

// Material opens the navigation drawer and the search with <label>s, which the keyboard cannot
// reach: below 1220 px the menu button had no Tab stop (WCAG 2.1.1). Each label gets a button inside
// (a label itself may not take the button role) with a name and a state; Enter and Space click it,
// and the click reaches the label, which toggles the drawer or the search as before.
var KIT_TOGGLES = [
  ['.md-header label.md-header__button[for="__drawer"]', "__drawer", "drawer"],
  ['.md-header label.md-header__button[for="__search"]', "__search", "search"],
  ['.md-search__form label.md-search__icon[for="__search"]', "__search", "search"]
];
function kitToggleButtons() {
  KIT_TOGGLES.forEach(function (item) {
    var label = document.querySelector(item[0]);
    var box = document.getElementById(item[1]);
    if (!label || !box || label.querySelector("[data-kit-toggle]")) return;
    var button = document.createElement("span");
    button.className = "kit-toggle";
    button.setAttribute("data-kit-toggle", item[1]);
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", kitText(item[2]));
    button.setAttribute("aria-expanded", String(box.checked));
    while (label.firstChild) button.appendChild(label.firstChild);
    label.appendChild(button);
    box.addEventListener("change", function () { button.setAttribute("aria-expanded", String(box.checked)); });
  });
}
kitToggleButtons();
document.addEventListener("keydown", function (event) {
  var button = event.target.closest && event.target.closest("[data-kit-toggle]");
  if (!button || (event.key !== "Enter" && event.key !== " ")) return;
  event.preventDefault();
  button.click();
  var id = button.getAttribute("data-kit-toggle");
  setTimeout(function () { // an opened drawer or search takes the focus, as a dialog would
    if (!document.getElementById(id).checked) return;
    if (id === "__search") document.querySelector(".md-search__input").focus();
    if (id === "__drawer") {
      var first = document.querySelector(".md-sidebar--primary a[href]");
      if (first) first.focus();
    }
  }, 0);
});

// With no stored choice Material follows the system scheme but checks neither radio, so the
// keyboard lands on the first one, whose button is hidden in the dark scheme (WCAG 2.4.7).
function kitPaletteRadio() {
  var radios = document.querySelectorAll('input[name="__palette"]');
  var scheme = document.body.getAttribute("data-md-color-scheme");
  var checked = Array.prototype.some.call(radios, function (r) { return r.checked; });
  for (var i = 0; i < radios.length && !checked; i++) {
    if (radios[i].getAttribute("data-md-color-scheme") === scheme) radios[i].checked = true;
  }
}
if (window.document$) {
  window.document$.subscribe(function () { setTimeout(kitPaletteRadio, 0); }); // after Material's palette
} else {
  document.addEventListener("DOMContentLoaded", kitPaletteRadio);
}

// Escape closes what is open and puts focus back on the control that opened it, not on the
// page body: the drawer, the search (Material closes it and drops focus) and the language menu,
// which Material shows on hover and focus with no way to dismiss it (WCAG 1.4.13).
function kitVisible(el) {
  return el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
}
window.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  var drawer = document.getElementById("__drawer");
  if (drawer && drawer.checked) {
    drawer.click();
    var menu = document.querySelector('[data-kit-toggle="__drawer"]');
    if (menu) menu.focus();
    return;
  }
  var select = event.target.closest && event.target.closest(".md-select");
  var hovered = document.querySelector(".md-select:hover");
  if (select || hovered) {
    (select || hovered).classList.add("kit-dismissed");
    if (select) select.querySelector("button").focus(); // not left on a link of the hidden menu
    return;
  }
  if (event.target.closest && event.target.closest(".md-search")) {
    setTimeout(function () { // after Material has closed the search
      var buttons = document.querySelectorAll('[data-kit-toggle="__search"]');
      for (var i = 0; i < buttons.length; i++) {
        if (kitVisible(buttons[i])) { buttons[i].focus(); return; }
      }
    }, 0);
  }
});
document.addEventListener("mouseout", function (event) {
  var select = event.target.closest && event.target.closest(".md-select.kit-dismissed");
  if (select && !select.contains(event.relatedTarget)) select.classList.remove("kit-dismissed");
});
document.addEventListener("focusout", function (event) {
  var select = event.target.closest && event.target.closest(".md-select.kit-dismissed");
  if (select && !select.contains(event.relatedTarget) && !select.matches(":hover")) select.classList.remove("kit-dismissed");
});
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest(".md-select > button");
  if (button) button.parentElement.classList.remove("kit-dismissed");
});

// Wide tables scroll sideways; a scrollable region must be reachable by keyboard (WCAG 2.1.1)
// and have a name. Material wraps tables after each page load, so run on its document$ stream.
function kitScrollableTables() {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    if (wrap.hasAttribute("tabindex")) return;
    var caption = wrap.querySelector("caption");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", caption ? caption.textContent : kitText("table"));
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
