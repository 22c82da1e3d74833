/* The guide's own script, on every page but tiny: it draws decision flowcharts with the
 * self-hosted Mermaid, loading Mermaid only on pages that hold one, and loads the decision
 * walk's and the scorecard's scripts only on pages that hold them. It re-runs on each page
 * that Material's instant navigation swaps in (document$), and redraws on a palette change. */
(function () {
  "use strict";
  var scriptUrl = document.currentScript && document.currentScript.src;
  var mermaidUrl = new URL("../vendor/mermaid/mermaid.esm.min.mjs", scriptUrl || location.href).href;
  var mermaidReady = null;
  var drawCount = 0;

  function loadMermaid() {
    if (!mermaidReady) {
      mermaidReady = import(mermaidUrl).then(function (module) { return module.default; });
    }
    return mermaidReady;
  }

  function isDark() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  /* Mermaid's strict security level disables `click`; links are added here instead, as real
   * SVG anchors around the drawn nodes, so they are focusable and work with the keyboard. */
  function linkNodes(figure, drawing) {
    var links = JSON.parse(figure.getAttribute("data-links") || "{}");
    drawing.querySelectorAll("g.node").forEach(function (node) {
      var key = node.getAttribute("data-id") || (node.id.match(/flowchart-(n_[a-z0-9_]+)-\d+$/) || [])[1];
      var href = key && links[key];
      if (!href || node.parentNode.nodeName.toLowerCase() === "a") return;
      var anchor = document.createElementNS("http://www.w3.org/2000/svg", "a");
      anchor.setAttribute("href", href);
      anchor.setAttribute("class", "guide-flowchart__link");
      anchor.setAttribute("data-node", key);
      var label = (node.textContent || "").replace(/\s+/g, " ").trim();
      if (label) anchor.setAttribute("aria-label", label);
      node.parentNode.insertBefore(anchor, node);
      anchor.appendChild(node);
    });
  }

  function draw(figure, mermaid) {
    var source = figure.querySelector(".guide-flowchart__source").textContent;
    var drawing = figure.querySelector(".guide-flowchart__drawing");
    if (!drawing) {
      drawing = document.createElement("div");
      drawing.className = "guide-flowchart__drawing";
      figure.insertBefore(drawing, figure.querySelector("figcaption"));
    }
    drawCount += 1;
    return mermaid.render("guide-flowchart-svg-" + drawCount, source).then(function (result) {
      drawing.innerHTML = result.svg;
      linkNodes(figure, drawing);
      figure.classList.add("guide-flowchart--drawn");
      figure.dispatchEvent(new CustomEvent("guide:flowchart-drawn", { bubbles: true }));
    });
  }

  function drawAll() {
    var figures = document.querySelectorAll(".guide-flowchart");
    if (!figures.length) return Promise.resolve();
    return loadMermaid().then(function (mermaid) {
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: "strict",
        theme: isDark() ? "dark" : "default",
        // dagre, not Mermaid 12's default ELK: the same tree with about 500 KB (gzip) less to load.
        layout: "dagre",
        flowchart: { useMaxWidth: true },
      });
      return Array.prototype.reduce.call(figures, function (chain, figure) {
        return chain.then(function () { return draw(figure, mermaid); });
      }, Promise.resolve());
    }).catch(function (error) {
      figures.forEach(function (figure) { figure.classList.add("guide-flowchart--failed"); });
      console.warn("The flowchart could not be drawn; the outline below holds the same tree.", error);
    });
  }

  window.guideFlowcharts = { draw: drawAll };

  /* Page tools, each loaded once, the first time a page holds its container. A tool's script
   * subscribes to document$ itself, which hands a late subscriber the current page. */
  var tools = { ".guide-walk": "walk.js", ".guide-scorecard": "scorecard.js" };
  var loadedTools = {};
  function loadTools() {
    Object.keys(tools).forEach(function (selector) {
      var file = tools[selector];
      if (loadedTools[file] || !document.querySelector(selector)) return;
      loadedTools[file] = true;
      var script = document.createElement("script");
      script.src = new URL(file, scriptUrl || location.href).href;
      document.body.appendChild(script);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { loadTools(); drawAll(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { loadTools(); drawAll(); });
  } else {
    loadTools();
    drawAll();
  }

  new MutationObserver(function () {
    if (document.querySelector(".guide-flowchart--drawn")) drawAll();
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
})();
