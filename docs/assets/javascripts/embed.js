/* Runs on the guide's embed pages only (overrides/embed.html), inside another site's iframe.
 *
 * 1. Tells the parent frame the content's height, and tells it again whenever the size changes
 *    (ResizeObserver: a flowchart drawn, a walk step shown, a narrower frame). The message is
 *      { type: "guide:embed-height", id: "<embed name>", height: <CSS pixels>, href: "<embed URL>" }
 *    posted to any origin: it holds nothing private. A host asks for it again by posting
 *      { type: "guide:embed-ping" }
 *    to the frame (embed-host.js does this when it loads after the frame).
 * 2. Sends links out of the frame (target="_top"). A link to a place in this page stays in it;
 *    a link to a place that only exists on the full page (the flowchart's boxes, the outline
 *    link) goes to the full page instead.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-guide-embed]");
  if (!root) return;
  var id = root.getAttribute("data-guide-embed");
  var backUrl = new URL(root.getAttribute("data-guide-back") || "../../", location.href);
  backUrl.hash = "";
  var box = root.querySelector("article") || root;  // the content itself, never stretched to the frame
  var lastHeight = -1;

  function measure() {
    var rect = box.getBoundingClientRect();
    var style = getComputedStyle(box);
    return Math.ceil(rect.bottom + (window.scrollY || 0) + (parseFloat(style.marginBottom) || 0));
  }

  function tell(force) {
    var height = measure();
    if (!force && height === lastHeight) return;
    lastHeight = height;
    document.documentElement.setAttribute("data-guide-embed-height", String(height));
    if (window.parent && window.parent !== window) {
      window.parent.postMessage(
        { type: "guide:embed-height", id: id, height: height, href: location.href.split("#")[0] },
        "*"
      );
    }
  }

  function hrefOf(anchor) {
    return anchor.getAttribute("href") || anchor.getAttribute("xlink:href") || "";
  }

  function sendOut(anchor) {
    if (anchor.hasAttribute("data-guide-embed-link")) return;
    anchor.setAttribute("data-guide-embed-link", "");
    var href = hrefOf(anchor);
    if (href.charAt(0) === "#") {
      var targetId = decodeURIComponent(href.slice(1));
      if (targetId && document.getElementById(targetId)) {
        anchor.setAttribute("target", "_self");
        return;
      }
      var full = new URL(backUrl.href);
      full.hash = href;
      anchor.setAttribute("href", full.href);
    }
    anchor.setAttribute("target", "_top");
    if (/^https?:/i.test(href) && new URL(href, location.href).origin !== location.origin) {
      anchor.setAttribute("rel", ((anchor.getAttribute("rel") || "") + " noopener").trim());
    }
  }

  function fixLinks() {
    Array.prototype.forEach.call(root.querySelectorAll("a"), sendOut);
  }

  fixLinks();
  tell(true);

  new MutationObserver(function () { fixLinks(); tell(false); })
    .observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ["hidden", "open", "class"] });
  if (window.ResizeObserver) {
    new ResizeObserver(function () { tell(false); }).observe(box);
  }
  window.addEventListener("resize", function () { tell(false); });
  window.addEventListener("load", function () { tell(true); });
  window.addEventListener("message", function (event) {
    if (event.source === window.parent && event.data && event.data.type === "guide:embed-ping") tell(true);
  });
})();
