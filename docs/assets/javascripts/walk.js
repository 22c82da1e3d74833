/* The decision walk on the Decision page: one question at a time, with the answers in the URL
 * (?path=<question id>.<answer index>,...). Every question and outcome is rendered at build
 * time from the data (guide/walk.py); this script only shows and hides them, lists the answers
 * given so far (as text), marks the path on the drawn flowchart and keeps the history in step.
 * It re-runs on each page that Material's instant navigation swaps in (document$). */
(function () {
  "use strict";
  var current = null; // { root, data, pathname, result }
  var steppedAt = 0; // when Back or Forward last moved the walk on its own page

  function readParam(data) {
    return new URLSearchParams(location.search).get(data.param) || "";
  }

  function encode(steps) {
    return steps.map(function (step) { return step[0] + "." + step[1]; }).join(",");
  }

  /* The steps of a path value that fit the tree; reading stops at the first that does not. */
  function follow(data, raw) {
    var steps = [];
    var node = data.start;
    var parts = raw ? raw.split(",") : [];
    for (var i = 0; i < parts.length; i += 1) {
      var part = parts[i].trim();
      var dot = part.lastIndexOf(".");
      var info = Object.prototype.hasOwnProperty.call(data.nodes, node) ? data.nodes[node] : null;
      var index = part.slice(dot + 1);
      if (dot < 0 || !info || !info.next || part.slice(0, dot) !== node || !/^\d+$/.test(index) || +index >= info.next.length) break;
      steps.push([node, +index]);
      node = info.next[+index];
    }
    return { steps: steps, node: node };
  }

  function urlFor(data, steps) {
    var params = new URLSearchParams(location.search);
    params.delete(data.param);
    var others = params.toString();
    var value = encode(steps);
    var search = [value ? data.param + "=" + value : "", others].filter(Boolean).join("&");
    return location.pathname + (search ? "?" + search : "");
  }

  function stepFor(root, node) {
    var found = null;
    root.querySelectorAll(".guide-walk__step").forEach(function (step) {
      if (step.getAttribute("data-node") === node) found = step;
    });
    return found;
  }

  function text(element) {
    return element ? (element.textContent || "").replace(/\s+/g, " ").trim() : "";
  }

  function renderTrail(state, steps) {
    var trail = state.root.querySelector(".guide-walk__trail");
    var list = trail.querySelector("ol");
    list.replaceChildren();
    steps.forEach(function (step, index) {
      var question = stepFor(state.root, step[0]);
      var answer = question.querySelectorAll(".guide-walk__answer")[step[1]];
      var item = document.createElement("li");
      var asked = document.createElement("span");
      asked.textContent = text(question.querySelector(".guide-walk__heading")) + " ";
      var given = document.createElement("strong");
      given.textContent = text(answer);
      var change = document.createElement("button");
      change.type = "button";
      change.className = "guide-walk__change";
      change.setAttribute("data-walk-to", String(index));
      change.textContent = "Change";
      change.setAttribute("aria-label", "Change your answer to: " + text(question.querySelector(".guide-walk__heading")));
      item.append(asked, given, " ", change);
      list.appendChild(item);
    });
    trail.hidden = steps.length === 0;
  }

  function highlight(state) {
    if (!state.result) return;
    var data = state.data;
    var result = state.result;
    var onPath = {};
    result.steps.forEach(function (step) { onPath[data.nodes[step[0]].flow] = true; });
    /* Nothing is marked before the first answer, so the tree first shows in its own colours. */
    var here = result.steps.length && data.nodes[result.node] ? data.nodes[result.node].flow : "";
    if (here) onPath[here] = true;
    document.querySelectorAll(".guide-flowchart").forEach(function (figure) {
      figure.classList.toggle("guide-flowchart--walked", result.steps.length > 0);
    });
    /* Mermaid names an edge L_<from>_<to>_<n>; two answers between the same pair share the mark. */
    var edges = {};
    result.steps.forEach(function (step) {
      var from = data.nodes[step[0]];
      var to = data.nodes[from.next[step[1]]];
      if (to) edges["L_" + from.flow + "_" + to.flow] = true;
    });
    document.querySelectorAll(".guide-flowchart svg path.flowchart-link[data-id]").forEach(function (edge) {
      edge.classList.toggle("guide-flowchart__edge--path", !!edges[edge.getAttribute("data-id").replace(/_\d+$/, "")]);
    });
    document.querySelectorAll(".guide-flowchart__link[data-node]").forEach(function (link) {
      var key = link.getAttribute("data-node");
      link.classList.toggle("guide-flowchart__link--path", !!onPath[key]);
      link.classList.toggle("guide-flowchart__link--current", key === here);
      if (key === here) link.setAttribute("aria-current", "step");
      else link.removeAttribute("aria-current");
    });
  }

  function render(state, options) {
    var root = state.root;
    var raw = readParam(state.data);
    var result = follow(state.data, raw);
    var step = stepFor(root, result.node);
    if (!step) { result = { steps: [], node: state.data.start }; step = stepFor(root, result.node); }
    if (encode(result.steps) !== raw) history.replaceState(history.state, "", urlFor(state.data, result.steps));
    state.result = result;
    root.querySelectorAll(".guide-walk__step").forEach(function (each) { each.hidden = each !== step; });
    var count = step.querySelector("[data-walk-count]");
    if (count) count.textContent = String(result.steps.length + 1);
    renderTrail(state, result.steps);
    root.querySelector("[data-walk-back]").hidden = result.steps.length === 0;
    root.querySelector("[data-walk-restart]").hidden = result.steps.length === 0;
    var status = root.querySelector(".guide-walk__status");
    var heading = step.querySelector(".guide-walk__heading");
    status.textContent = "";
    if (step.hasAttribute("data-outcome") && options.announce) {
      var kicker = text(step.querySelector(".guide-walk__kicker"));
      window.setTimeout(function () { status.textContent = kicker + ". " + text(heading); }, 50);
    }
    if (options.focus) heading.focus();
    highlight(state);
  }

  function go(state, steps) {
    history.pushState(null, "", urlFor(state.data, steps));
    render(state, { focus: true, announce: true });
  }

  function onClick(state, event) {
    var button = event.target.closest("button");
    if (!button || !state.root.contains(button)) return;
    var steps = state.result.steps;
    if (button.classList.contains("guide-walk__answer")) {
      var step = button.closest(".guide-walk__step");
      go(state, steps.concat([[step.getAttribute("data-node"), +button.getAttribute("data-answer")]]));
    } else if (button.hasAttribute("data-walk-back")) {
      go(state, steps.slice(0, -1));
    } else if (button.hasAttribute("data-walk-restart")) {
      go(state, []);
    } else if (button.hasAttribute("data-walk-to")) {
      go(state, steps.slice(0, +button.getAttribute("data-walk-to")));
    }
  }

  function init() {
    var root = document.querySelector(".guide-walk[data-walk]");
    if (!root) { current = null; return; }
    if (current && current.root === root) return;
    var data;
    try { data = JSON.parse(root.getAttribute("data-walk")); } catch (error) { return; }
    /* Material may answer the first Back or Forward on a page by fetching the same page again
     * and swapping it in: the step just taken then keeps focus on its question. */
    var swapped = !!current && current.pathname === location.pathname && Date.now() - steppedAt < 5000;
    steppedAt = 0;
    var state = { root: root, data: data, pathname: location.pathname, result: null };
    current = state;
    root.addEventListener("click", function (event) { onClick(state, event); });
    root.querySelector(".guide-walk__nojs").hidden = true;
    root.querySelector(".guide-walk__app").hidden = false;
    render(state, { focus: swapped, announce: swapped });
  }

  function active() {
    return current && document.body.contains(current.root) && location.pathname === current.pathname ? current : null;
  }

  /* The browser's Back and Forward buttons step through the answers. A popstate that leads to
   * another page is Material's to handle; the new page then arrives through document$. */
  window.addEventListener("popstate", function () {
    var state = active();
    if (!state) return;
    steppedAt = Date.now();
    render(state, { focus: true, announce: true });
  });

  /* The flowchart is drawn (and redrawn on a palette switch) after the walk starts. */
  document.addEventListener("guide:flowchart-drawn", function () {
    var state = active();
    if (state) highlight(state);
  });

  window.guideWalk = { follow: follow, encode: encode };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { init(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
