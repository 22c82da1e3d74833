/* Optional helper for pages that embed the guide (a wiki page, an intranet portal).
 *
 * Include it once, after or before the iframes:
 *   <iframe src="https://guide.example/embed/comparison/" title="..." style="width:100%;border:0"></iframe>
 *   <script src="https://guide.example/assets/javascripts/embed-host.js" async></script>
 *
 * Each embed page posts { type: "guide:embed-height", id, height, href } to its parent. This
 * script sets the height of the iframe that sent it, and only when the message comes from the
 * origin the iframe was loaded from. It then fires a "guide:embed-resized" event on the iframe
 * (detail: { id, height }). It also pings frames that loaded before it, so the order of the
 * script and the iframes does not matter; frames that have not loaded yet (loading="lazy")
 * are left alone, and report their height when they load.
 */
(function () {
  "use strict";
  if (window.guideEmbedHost) return;
  var MAX_HEIGHT = 30000;

  function frameFor(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  function originOf(frame) {
    try { return new URL(frame.getAttribute("src") || "", location.href).origin; } catch (e) { return null; }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "guide:embed-height") return;
    var frame = frameFor(event.source);
    if (!frame || originOf(frame) !== event.origin) return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    height = Math.min(Math.ceil(height), MAX_HEIGHT);
    frame.style.height = height + "px";
    frame.setAttribute("data-guide-embed-id", String(data.id || ""));
    var resized;
    try {
      resized = new CustomEvent("guide:embed-resized", { detail: { id: data.id, height: height } });
    } catch (e) {
      return;
    }
    frame.dispatchEvent(resized);
  });

  /* A frame whose document this page can still read, at about:blank, has not loaded its embed
   * yet (a lazily loaded frame far below the fold, or one still on its way): a message to the
   * guide's origin would fail with an origin error in the console. Such a frame reports its
   * height itself once it loads, so it needs no ping. */
  function hasLoaded(frame) {
    try {
      var doc = frame.contentDocument;
      return !doc || doc.URL !== "about:blank";
    } catch (e) {
      return true;
    }
  }

  function ping() {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      var src = frames[i].getAttribute("src") || "";
      if (src.indexOf("/embed/") === -1 || !frames[i].contentWindow || !hasLoaded(frames[i])) continue;
      var origin = originOf(frames[i]);
      if (origin && origin !== "null") frames[i].contentWindow.postMessage({ type: "guide:embed-ping" }, origin);
    }
  }

  window.guideEmbedHost = { ping: ping };
  ping();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ping);
  window.addEventListener("load", ping);
})();
