// Search in the page's language, loaded only when the reader starts a search. Loaded before
// Material's bundle, so it can wrap the search worker that the bundle creates.
//
// Material fetches search/search_index.json on every page load and hands it to its worker. The kit
// writes only the settings there (kit_lazy) and one file per language (search_index.pl.json,
// search_index.en.json, scripts/kit/site/search.py): the worker gets the reader's language when
// the search field is first focused or a query is typed. The offline bundle has the whole index
// in one script; there results of the other language are filtered out here.
(function () {
  var Native = window.Worker;
  if (!Native) return;
  var english = (document.documentElement.lang || "pl").slice(0, 2) === "en";
  var SETUP = 0, QUERY = 2, RESULT = 3;   // Material's SearchMessageType

  function ours(location) {
    return /^en\//.test(location || "") === english;
  }

  function filter(event) {
    var message = event.data;
    if (!message || message.type !== RESULT || !message.data || !message.data.items) return event;
    var items = message.data.items.filter(function (group) {
      return group.length && ours(group[0].location);
    });
    var data = Object.assign({}, message, {data: Object.assign({}, message.data, {items: items})});
    return new MessageEvent("message", {data: data});
  }

  function indexUrl() {
    var config = JSON.parse(document.getElementById("__config").textContent);
    return new URL("search/search_index." + (english ? "en" : "pl") + ".json", new URL(config.base, location.href));
  }

  // Until the reader searches, the worker holds an empty index without language scripts (it
  // answers "ready" and finds nothing, as Material expects). Focusing the search field or typing a query fetches this
  // language's documents; queries typed meanwhile wait for them.
  function lazy(worker) {
    var post = worker.postMessage.bind(worker);
    var setup = null, queue = [], loading = false;
    var meta = document.querySelector(".md-search-result__meta");
    var initializing = meta && meta.textContent.trim();   // Material's "Initializing search"

    function load() {
      if (loading || !setup) return;
      loading = true;
      fetch(indexUrl()).then(function (response) {
        if (!response.ok) throw new Error("search index: HTTP " + response.status);
        return response.json();
      }).then(function (index) {
        post({type: SETUP, data: Object.assign({}, setup.data, {docs: index.docs})});
        queue.forEach(function (message) { post(message); });
        queue = null;
      }).catch(function (error) {
        loading = false;   // the next query tries again
        console.warn(error);
      });
    }

    document.addEventListener("focusin", function (event) {
      if (event.target && event.target.matches && event.target.matches("input.md-search__input")) load();
    });

    worker.postMessage = function (message) {
      var config = message && message.type === SETUP && message.data && message.data.config;
      if (config && config.kit_lazy && !(message.data.docs || []).length) {
        setup = message;   // without languages: the Polish stemmer, too, loads only for a search
        return post({type: SETUP, data: Object.assign({}, setup.data, {config: Object.assign({}, config, {lang: []})})});
      }
      if (!setup || !queue || message.type !== QUERY || !String(message.data || "").trim()) return post(message);
      queue.push(message);
      if (meta && initializing) meta.textContent = initializing;
      load();
    };
  }

  function KitWorker(url, options) {
    var worker = new Native(url, options);
    if (!/workers\/search/.test(String(url))) return worker;
    lazy(worker);
    var addEventListener = worker.addEventListener.bind(worker);
    worker.addEventListener = function (type, listener, opts) {
      if (type !== "message") return addEventListener(type, listener, opts);
      return addEventListener(type, function (event) {
        var filtered = filter(event);
        return typeof listener === "function" ? listener.call(this, filtered) : listener.handleEvent(filtered);
      }, opts);
    };
    return worker;
  }
  KitWorker.prototype = Native.prototype;
  window.Worker = KitWorker;
})();
