// "Was this page helpful?" and "Comment on this page": the e-mail and GitHub links carry the page,
// the section and a quoted passage the reader selected. The links open the reader's own mail
// program or GitHub; the page itself sends nothing (no third-party request).
(function () {
  "use strict";

  var EN = (document.documentElement.lang || "pl").slice(0, 2) === "en";
  var T = EN ? {
    subject: "Comment on the page: ", helpful: "Page helpful: ", unhelpful: "Page not helpful: ",
    page: "Page: ", address: "Address: ", section: "Section: ", quote: "Quoted passage:", mine: "My comment:",
    yes: "Thank you. If you like, tell us what helped – the e-mail link below is ready.",
    no: "Sorry about that. Tell us what was missing – the e-mail link below is ready.",
    quoting: function (s, q) { return "The message will quote" + (s ? " (section “" + s + "”)" : "") + ": “" + q + "”"; }
  } : {
    subject: "Uwaga do strony: ", helpful: "Strona pomocna: ", unhelpful: "Strona niepomocna: ",
    page: "Strona: ", address: "Adres: ", section: "Sekcja: ", quote: "Cytowany fragment:", mine: "Moja uwaga:",
    yes: "Dziękujemy. Jeśli chcesz, napisz, co pomogło – link do wiadomości poniżej jest gotowy.",
    no: "Przykro nam. Napisz, czego zabrakło – link do wiadomości poniżej jest gotowy.",
    quoting: function (s, q) { return "Wiadomość zacytuje" + (s ? " (sekcja „" + s + "”)" : "") + ": „" + q + "”"; }
  };
  var MAX_QUOTE = 600;

  function start() {
    var box = document.querySelector("[data-kit-feedback]");
    var article = document.querySelector("article.md-content__inner");
    if (!box || !article) return;
    var mail = box.querySelector("[data-kit-mail]");
    var issue = box.querySelector("[data-kit-issue]");
    var quoteBox = box.querySelector("[data-kit-quote]");
    var status = box.querySelector(".kit-feedback__status");
    var address = mail.getAttribute("href").split("?")[0];
    var issueBase = issue ? issue.getAttribute("href").split("?")[0] : "";
    var page = box.getAttribute("data-kit-page");
    var url = box.getAttribute("data-kit-url");
    var quote = "", quoteSection = null, vote = "";

    function headingText(h) {
      var copy = h.cloneNode(true);
      copy.querySelectorAll(".headerlink").forEach(function (a) { a.remove(); });
      return copy.textContent.trim();
    }

    // The last h2–h4 before node in the article: the section a passage belongs to.
    function sectionOf(node) {
      var found = null;
      article.querySelectorAll("h2[id], h3[id], h4[id]").forEach(function (h) {
        if (box.contains(h)) return;
        if (h === node || (h.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) found = h;
      });
      return found;
    }

    // Without a selection: the section in the address (Material keeps it current while scrolling).
    function currentSection() {
      if (quote) return quoteSection;
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id && document.getElementById(id);
      return target && /^H[2-4]$/.test(target.tagName) ? target : null;
    }

    function compose() {
      var section = currentSection();
      var name = section ? headingText(section) : "";
      var subject = (vote === "yes" ? T.helpful : vote === "no" ? T.unhelpful : T.subject) + page +
        (name ? " – " + name : "");
      var lines = [T.page + page, T.address + url + (section ? "#" + section.id : "")];
      if (name) lines.push(T.section + name);
      if (quote) {
        lines.push("", T.quote);
        quote.split(/\n+/).forEach(function (row) { lines.push("> " + row.trim()); });
      }
      lines.push("", T.mine, "");
      var body = lines.join("\n");
      mail.setAttribute("href", address + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body));
      if (issue) issue.setAttribute("href", issueBase + "?title=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body));
    }

    function showQuote() {
      quoteBox.hidden = !quote;
      if (quote) {
        var name = quoteSection ? headingText(quoteSection) : "";
        quoteBox.querySelector(".kit-feedback__quote-text").textContent = T.quoting(name, quote.length > 160 ? quote.slice(0, 157) + "…" : quote);
      }
      compose();
    }

    // Remember the last passage selected in the article; clicking a link collapses the
    // selection, so an empty selection keeps the remembered one.
    document.addEventListener("selectionchange", function () {
      var sel = window.getSelection();
      var text = sel ? sel.toString().trim() : "";
      if (!text || !sel.anchorNode || !article.contains(sel.anchorNode) || box.contains(sel.anchorNode)) return;
      quote = text.length > MAX_QUOTE ? text.slice(0, MAX_QUOTE - 1) + "…" : text;
      quoteSection = sectionOf(sel.anchorNode.nodeType === 1 ? sel.anchorNode : sel.anchorNode.parentNode);
      showQuote();
    });
    window.addEventListener("hashchange", compose);
    [mail, issue].forEach(function (link) {
      if (link) link.addEventListener("click", compose);  // the href is read after the click handlers
    });
    box.querySelector("[data-kit-unquote]").addEventListener("click", function () {
      quote = "";
      quoteSection = null;
      showQuote();
      mail.focus();
    });

    var votes = box.querySelectorAll("[data-kit-vote]");
    box.querySelector(".kit-feedback__vote").hidden = false;
    votes.forEach(function (button) {
      button.addEventListener("click", function () {
        vote = button.getAttribute("data-kit-vote");
        votes.forEach(function (b) { b.setAttribute("aria-pressed", String(b === button)); });
        status.textContent = "";
        window.setTimeout(function () { status.textContent = vote === "yes" ? T.yes : T.no; }, 50);
        compose();
      });
    });
    compose();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
