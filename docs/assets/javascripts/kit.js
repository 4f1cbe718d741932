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
