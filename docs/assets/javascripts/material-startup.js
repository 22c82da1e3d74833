/* Three things Material 9.8's bundle does on every page load, trimmed, because they cost a first
 * visit most of what it spends beyond a stock Material site (benchmarks/lighthouse.py,
 * BENCHMARKS.md). This script runs before the bundle (overrides/main.html); Material has no
 * setting for any of them.
 *
 * 1. Search costs nothing until the reader wants it. Material starts its search worker and
 * fetches search/search_index.json (the whole site's text: most of a page's first-visit weight)
 * as soon as any page loads. This holds both back until the reader shows they want to search:
 * the search field gets focus (a click or tap, or the "/", "s" and "f" keys, which focus it),
 * the search toggle opens, or a pointer goes down on the search box; a page opened with ?h=
 * (Material's highlighting of the words searched for) or ?q= (a shared search) wants it at once.
 * Material already shows "Initializing search" until its worker is ready, as it does on file://
 * pages, where it defers the same way. Held back, and nothing else: the index request is
 * Material's own XMLHttpRequest, sent later; the worker is a stand-in that starts Material's
 * worker on the same trigger and relays its messages.
 *
 * 2. The palette is applied without restyling the page twice when it does not change. On load
 * Material sets data-md-color-switching on <body> (its stylesheet turns every transition off
 * under it, through `[data-md-color-switching] *`), applies the palette, and removes the
 * attribute a frame later: each of the two changes restyles every element of the page, even
 * when the palette is the one the page already shows (a first visit, or the same choice as last
 * time). Here the attribute is set only just before a colour actually changes, so transitions
 * stay off exactly when colours switch.
 *
 * 3. Nor to declare the light colour scheme. Material adds <meta name="color-scheme"> and sets it
 * to the palette's scheme; both steps restyle the whole page. Without the tag the browser draws
 * the page light, as "light" asks, so the tag joins the page only when it says something else
 * (the dark palette), and from then on follows every switch.
 *
 * If a Material upgrade stops matching these, the site still works and only the saving is lost
 * (tests/test_browser.py checks the savings and the behaviour). */
(function () {
  "use strict";
  /* 1. Search on demand. */
  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/assets\/javascripts\/workers\/search\.[0-9a-f]+\.min\.js$/;
  var wanted = /[?&][hq]=/.test(location.search);
  var waiting = [];

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }

  function whenWanted(run) {
    if (wanted) run();
    else waiting.push(run);
  }

  function path(url) {
    try { return new URL(String(url), location.href).pathname; } catch (error) { return ""; }
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.guideSearchIndex = INDEX.test(path(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.guideSearchIndex || wanted) return send.apply(request, args);
    whenWanted(function () {
      if (request.readyState === XMLHttpRequest.OPENED) send.apply(request, args);
    });
  };

  var NativeWorker = window.Worker;
  function SearchWorker(url, options) {
    var relay = new EventTarget();
    var worker = null;
    var queue = [];
    var ended = false;
    whenWanted(function () {
      if (ended) return;
      worker = new NativeWorker(url, options);
      ["message", "messageerror", "error"].forEach(function (type) {
        worker.addEventListener(type, function (event) {
          relay.dispatchEvent(type === "error" ? new Event("error") : new MessageEvent(type, { data: event.data }));
        });
      });
      queue.splice(0).forEach(function (message) { worker.postMessage(message); });
    });
    relay.postMessage = function (message) {
      if (worker) worker.postMessage(message);
      else queue.push(message);
    };
    relay.terminate = function () {
      ended = true;
      if (worker) worker.terminate();
    };
    return relay;
  }
  if (NativeWorker) {
    window.Worker = function (url, options) {
      return WORKER.test(path(url)) ? SearchWorker(url, options) : new NativeWorker(url, options);
    };
  }

  function inSearch(event) {
    return event.target instanceof Element && !!event.target.closest(".md-search, label[for='__search']");
  }
  document.addEventListener("focusin", function (event) { if (inSearch(event)) want(); });
  document.addEventListener("pointerdown", function (event) { if (inSearch(event)) want(); }, true);
  document.addEventListener("change", function (event) {
    if (event.target instanceof HTMLInputElement && event.target.id === "__search" && event.target.checked) want();
  });

  /* 2. The palette: data-md-color-switching only when a colour changes. */
  var body = document.body;
  var setAttribute = body.setAttribute;
  var removeAttribute = body.removeAttribute;
  var COLOURS = /^data-md-color-(scheme|primary|accent)$/;
  var switching = false;  // Material asked for it; set once a colour really changes
  body.setAttribute = function (name, value) {
    if (name === "data-md-color-switching") { switching = true; return; }
    if (switching && COLOURS.test(name) && body.getAttribute(name) !== String(value)) {
      switching = false;
      setAttribute.call(body, "data-md-color-switching", "");
    }
    return setAttribute.apply(body, arguments);
  };
  body.removeAttribute = function (name) {
    if (name === "data-md-color-switching") switching = false;
    return removeAttribute.apply(body, arguments);
  };

  /* 3. The colour-scheme tag: in the page once it says something other than "light". */
  var head = document.head;
  var appendChild = head.appendChild;
  head.appendChild = function (node) {
    if (!(node instanceof HTMLMetaElement) || node.name !== "color-scheme") return appendChild.apply(head, arguments);
    head.appendChild = appendChild;  // Material adds one such tag; the rest passes straight through
    var content = Object.getOwnPropertyDescriptor(HTMLMetaElement.prototype, "content");
    Object.defineProperty(node, "content", {
      configurable: true,
      get: function () { return content.get.call(node); },
      set: function (value) {
        content.set.call(node, value);
        if (!node.isConnected && value !== "light" && value !== "normal") appendChild.call(head, node);
      }
    });
    return node;
  };
})();
