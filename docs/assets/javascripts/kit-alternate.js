// Material fetches sitemap.xml beside every <link rel="alternate" hreflang> of the page to steer its
// language links. static-i18n already links each page to its translation, and only the language
// roots have a sitemap, so on every other page these requests end in 404. The links stay in the
// HTML for search engines; the live page drops them before Material's bundle looks.
document.querySelectorAll("link[rel=alternate][hreflang]").forEach(function (link) { link.remove(); });
