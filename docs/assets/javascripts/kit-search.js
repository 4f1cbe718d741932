// Search results in the page's language only. static-i18n writes one index for both languages;
// English pages live under en/. Loaded before Material's bundle, so it can wrap the search
// worker that the bundle creates and filter each result message before Material renders it.
(function () {
  var Native = window.Worker;
  if (!Native) return;
  var english = (document.documentElement.lang || "pl").slice(0, 2) === "en";

  function ours(location) {
    return /^en\//.test(location || "") === english;
  }

  function filter(event) {
    var message = event.data;
    if (!message || message.type !== 3 || !message.data || !message.data.items) return event;
    var items = message.data.items.filter(function (group) {
      return group.length && ours(group[0].location);
    });
    var data = Object.assign({}, message, {data: Object.assign({}, message.data, {items: items})});
    return new MessageEvent("message", {data: data});
  }

  function KitWorker(url, options) {
    var worker = new Native(url, options);
    if (!/workers\/search/.test(String(url))) return worker;
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
