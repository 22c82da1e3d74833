/* The guide's own script, on every page but tiny. It marks the decision walk's path on the
 * flowchart (a static SVG drawn at build time by guide/views/flowchart.py), shows the "scroll
 * sideways" cue when the chart is wider than its frame, and loads the decision walk's and the
 * scorecard's scripts only on pages that hold them. It re-runs on each page that Material's
 * instant navigation swaps in (document$).
 *
 * The walk (walk.js) announces each step it shows with a `guide:walk` event on document, detail
 * {steps: [[questionId, answerIndex], ...], node: currentNodeId}, and answers
 * window.guideWalk.current() with the same (or null). The chart is marked through what
 * guide/views/templates/flowchart.svg writes: data-node on each box, data-from / data-answer / data-to
 * on each answer's edge. Nothing is marked before the first answer. */
(function () {
  "use strict";
  var scriptUrl = document.currentScript && document.currentScript.src;

  function markPath(walk) {
    var steps = (walk && walk.steps) || [];
    var walked = steps.length > 0;
    var onPath = {};
    var answers = {};
    steps.forEach(function (step) {
      onPath[step[0]] = true;
      answers[step[0] + "\n" + step[1]] = true;
    });
    var here = walked ? walk.node : null;
    if (here) onPath[here] = true;
    document.querySelectorAll(".guide-flowchart").forEach(function (figure) {
      figure.classList.toggle("guide-flowchart--walked", walked);
      figure.querySelectorAll(".guide-flow__node[data-node]").forEach(function (node) {
        var id = node.getAttribute("data-node");
        node.classList.toggle("is-on-path", !!onPath[id]);
        node.classList.toggle("is-current", id === here);
        if (id === here) node.setAttribute("aria-current", "step");
        else node.removeAttribute("aria-current");
      });
      figure.querySelectorAll(".guide-flow__edge[data-from]").forEach(function (edge) {
        var key = edge.getAttribute("data-from") + "\n" + edge.getAttribute("data-answer");
        edge.classList.toggle("is-on-path", !!answers[key]);
      });
    });
  }

  function currentWalk() {
    return window.guideWalk && typeof window.guideWalk.current === "function" ? window.guideWalk.current() : null;
  }

  document.addEventListener("guide:walk", function (event) { markPath(event.detail); });

  /* A chart wider than its frame scrolls sideways (phones); the cue says so. The CSS shows the
   * cue on phones from the start; these classes correct it where the chart fits or overflows. */
  var watched = typeof WeakSet === "function" ? new WeakSet() : null;
  var resizes = window.ResizeObserver ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) { showCue(entry.target); });
  }) : null;

  function showCue(frame) {
    var figure = frame.closest(".guide-flowchart");
    if (!figure) return;
    var overflows = frame.scrollWidth > frame.clientWidth + 1;
    figure.classList.toggle("guide-flowchart--overflows", overflows);
    figure.classList.toggle("guide-flowchart--fits", !overflows);
    if (overflows) frame.setAttribute("tabindex", "0");
    else frame.removeAttribute("tabindex");
  }

  function watchCharts() {
    document.querySelectorAll(".guide-flowchart__scroll").forEach(function (frame) {
      showCue(frame);
      if (resizes && watched && !watched.has(frame)) {
        watched.add(frame);
        resizes.observe(frame);
      }
    });
  }

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

  function onPage() {
    loadTools();
    watchCharts();
    markPath(currentWalk());
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
})();
