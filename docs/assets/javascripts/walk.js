/* The decision walk on the Decision page: one question at a time, with the answers in the URL
 * (?path=<question id>.<answer index>,...). Every question and outcome is rendered at build
 * time from the data (guide/views/walk.py); this script only shows and hides them, fills in the
 * progress, lists the answers given so far (as text) and keeps the history in step.
 *
 * Before it runs, the first question is already in view and its answers are links to the next
 * node of the outline (what they do without JavaScript); the script turns them into buttons of
 * the same size, so taking over moves nothing on the page. An outcome's advice is in the page
 * once, in the outline (data-outcome-part, data-outcome-of); the walk shows a copy of it, made
 * the first time that outcome is shown. The root gets data-walk-ready once the script has
 * taken over.
 *
 * After every step it shows it dispatches `guide:walk` on document, with {steps, node}, and
 * window.guideWalk.current() returns the same (null when no walk is on the page): the
 * flowchart marks the path from these. It re-runs on each page that Material's instant
 * navigation swaps in (document$).
 *
 * This file is the only implementation of the path format: under Node it exports encode and
 * follow and stops before the page code. The build runs it that way (guide/views/sitescripts.py)
 * for the step each reason of an outcome carries (data-step), and `node --test tests/js/` checks
 * it on every path of the data. */
(function () {
  "use strict";

  /* The value of ?path= for these steps ([questionId, answerIndex] pairs). */
  function encode(steps) {
    return steps.map(function (step) { return step[0] + "." + step[1]; }).join(",");
  }

  function info(data, node) {
    return Object.prototype.hasOwnProperty.call(data.nodes, node) ? data.nodes[node] : null;
  }

  /* The steps of a path value that fit the tree; reading stops at the first that does not. */
  function follow(data, raw) {
    var steps = [];
    var node = data.start;
    var parts = raw ? raw.split(",") : [];
    for (var i = 0; i < parts.length; i += 1) {
      var part = parts[i].trim();
      var dot = part.lastIndexOf(".");
      var here = info(data, node);
      var index = part.slice(dot + 1);
      if (dot < 0 || !here || !here.next || part.slice(0, dot) !== node || !/^\d+$/.test(index) || +index >= here.next.length) break;
      steps.push([node, +index]);
      node = here.next[+index];
    }
    return { steps: steps, node: node };
  }

  /* Under Node, the path format is all this file is. */
  if (typeof module !== "undefined" && module.exports) { module.exports = { encode: encode, follow: follow }; return; }

  /* A second click or tap this soon after a step lands on the next step's controls, which
   * appeared under the pointer: it is the same activation, not a new answer. */
  var SETTLE_MS = 400;
  var current = null; // { root, data, pathname, place, result, settledAt }

  function readParam(data) {
    return new URLSearchParams(location.search).get(data.param) || "";
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

  function renderTrail(state, steps, step) {
    var trail = state.root.querySelector(".guide-walk__trail");
    var list = trail.querySelector("ol");
    list.replaceChildren();
    steps.forEach(function (taken, index) {
      var question = stepFor(state.root, taken[0]);
      var asked = text(question.querySelector(".guide-walk__heading"));
      var item = document.createElement("li");
      var label = document.createElement("span");
      label.textContent = asked + " ";
      var given = document.createElement("strong");
      given.textContent = text(question.querySelectorAll(".guide-walk__answer")[taken[1]]);
      var change = document.createElement("button");
      change.type = "button";
      change.className = "guide-walk__change";
      change.setAttribute("data-walk-to", String(index));
      change.setAttribute("aria-label", "Change your answer to: " + asked);
      change.textContent = "Change";
      item.append(label, given, " ", change);
      list.appendChild(item);
    });
    var link = trail.querySelector("[data-walk-link]");
    link.href = location.href.split("#")[0];
    link.textContent = link.href;
    step.querySelector("[data-walk-slot]").appendChild(trail);
    trail.hidden = steps.length === 0;
  }

  function progress(state, result, step) {
    if (step.hasAttribute("data-outcome")) {
      var count = result.steps.length;
      return "Your result, from " + count + (count === 1 ? " answer" : " answers");
    }
    var number = result.steps.length + 1;
    return "Question " + number + " of at most " + (result.steps.length + info(state.data, result.node).left);
  }

  /* The new step's heading takes focus; the page scrolls only when the walk's top or that
   * heading is out of view, so a step never jumps the page to its top. */
  function bringIntoView(state, heading) {
    heading.focus({ preventScroll: true });
    var bar = state.root.querySelector(".guide-walk__bar");
    var header = document.querySelector(".md-header");
    var covered = header ? header.getBoundingClientRect().bottom : 0;
    var top = bar.getBoundingClientRect().top;
    if (top < covered || heading.getBoundingClientRect().bottom > window.innerHeight) {
      bar.scrollIntoView({ block: "start" });
    }
  }

  /* The outline's copy of an outcome's advice, into the walk's empty slots for it. Ids are
   * dropped (they stay the outline's) and the criteria are shown open, as the result's core. */
  function fillOutcome(step) {
    var node = step.getAttribute("data-node");
    step.querySelectorAll("[data-walk-copy]").forEach(function (slot) {
      if (slot.firstElementChild) return;
      var part = slot.getAttribute("data-walk-copy");
      var source = null;
      document.querySelectorAll("[data-outcome-part]").forEach(function (each) {
        if (!source && each.getAttribute("data-outcome-part") === part && each.getAttribute("data-outcome-of") === node) source = each;
      });
      if (!source) return;
      var copy = source.cloneNode(true);
      copy.removeAttribute("data-outcome-part");
      copy.querySelectorAll("[id]").forEach(function (element) { element.removeAttribute("id"); });
      copy.querySelectorAll("details.guide-reasons").forEach(function (details) { details.open = true; });
      slot.appendChild(copy);
    });
  }

  /* Links to the outline (the walk without JavaScript) become buttons that answer in place. */
  function upgradeAnswers(root) {
    root.querySelectorAll("a.guide-walk__answer").forEach(function (link) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = link.className;
      ["data-answer", "aria-describedby"].forEach(function (name) {
        if (link.hasAttribute(name)) button.setAttribute(name, link.getAttribute(name));
      });
      button.append.apply(button, Array.prototype.slice.call(link.childNodes));
      var focused = document.activeElement === link;
      link.replaceWith(button);
      if (focused) button.focus();
    });
  }

  function render(state, options) {
    var root = state.root;
    var raw = readParam(state.data);
    var result = follow(state.data, raw);
    var step = stepFor(root, result.node);
    if (!step) { result = { steps: [], node: state.data.start }; step = stepFor(root, result.node); }
    if (step.hasAttribute("data-outcome")) fillOutcome(step);
    if (encode(result.steps) !== raw) history.replaceState(history.state, "", urlFor(state.data, result.steps));
    state.result = result;
    state.place = elsewhere(state.data, location);
    root.querySelectorAll(".guide-walk__step").forEach(function (each) { each.hidden = each !== step; });
    var taken = {};
    result.steps.forEach(function (each) { taken[encode([each])] = true; });
    step.querySelectorAll("[data-step]").forEach(function (reason) {
      reason.hidden = !taken[reason.getAttribute("data-step")];
    });
    root.querySelector("[data-walk-progress]").textContent = progress(state, result, step);
    renderTrail(state, result.steps, step);
    root.querySelector("[data-walk-back]").hidden = result.steps.length === 0;
    root.querySelector("[data-walk-restart]").hidden = result.steps.length === 0;
    root.classList.toggle("guide-walk--answered", result.steps.length > 0);
    root.classList.toggle("guide-walk--done", step.hasAttribute("data-outcome"));
    var status = root.querySelector(".guide-walk__status");
    var heading = step.querySelector(".guide-walk__heading");
    status.textContent = "";
    if (step.hasAttribute("data-outcome") && options.announce) {
      var kicker = text(step.querySelector(".guide-walk__kicker"));
      window.setTimeout(function () { status.textContent = kicker + ". " + text(heading); }, 50);
    }
    if (options.focus) bringIntoView(state, heading);
    /* Only a step the reader caused puts new answers under the pointer; the first render
     * on opening the page does not, so it sets no guard. */
    if (options.settle) {
      state.settledAt = Date.now() + SETTLE_MS;
      root.setAttribute("data-walk-settling", "");
      window.setTimeout(function () {
        if (Date.now() >= state.settledAt) root.removeAttribute("data-walk-settling");
      }, SETTLE_MS);
    }
    document.dispatchEvent(new CustomEvent("guide:walk", { detail: snapshot(state) }));
  }

  function snapshot(state) {
    return {
      steps: state.result.steps.map(function (step) { return [step[0], step[1]]; }),
      node: state.result.node
    };
  }

  function go(state, steps) {
    history.pushState(null, "", urlFor(state.data, steps));
    render(state, { focus: true, announce: true, settle: true });
  }

  function onClick(state, event) {
    var button = event.target.closest("button");
    if (!button || !state.root.contains(button)) return;
    /* event.detail counts the clicks of one gesture (0 from the keyboard): a double click's
     * second half, or a pointer click while the last step is settling, is not a new choice. */
    if (event.detail > 1) return;
    var steps = state.result.steps;
    if (button.classList.contains("guide-walk__answer")) {
      if (event.detail > 0 && Date.now() < state.settledAt) return;
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
    guardMaterialLocation();
    var root = document.querySelector(".guide-walk[data-walk]");
    if (!root) { current = null; return; }
    if (current && current.root === root) return;
    var data;
    try { data = JSON.parse(root.getAttribute("data-walk")); } catch (error) { return; }
    var state = { root: root, data: data, pathname: location.pathname, place: "", result: null, settledAt: 0 };
    current = state;
    root.addEventListener("click", function (event) { onClick(state, event); });
    upgradeAnswers(root);
    render(state, { focus: false, announce: false });
    root.setAttribute("data-walk-ready", "");
  }

  function active() {
    return current && document.body.contains(current.root) && location.pathname === current.pathname ? current : null;
  }

  /* The address without the walk's own parameter and the #anchor (Material's navigation
   * tracking rewrites the anchor as the reader scrolls): what must stay the same for a change
   * of address to be a step of the walk rather than a navigation to another page. */
  function elsewhere(data, url) {
    var params = new URLSearchParams(url.search);
    params.delete(data.param);
    return url.pathname + "?" + params.toString();
  }

  /* A history entry of the walk shown now, or null: the same page, other steps. An entry with
   * the same steps (an #anchor followed, or rewritten) is no step. */
  function stepIn(url) {
    var state = active();
    if (!state || !state.result || elsewhere(state.data, url) !== state.place) return null;
    var wanted = follow(state.data, new URLSearchParams(url.search).get(state.data.param) || "");
    return encode(wanted.steps) === encode(state.result.steps) ? null : state;
  }

  /* The browser's Back and Forward buttons step through the answers. An entry that differs only
   * in its #anchor (an outline link, a box of the flowchart) is no step: the walk leaves it
   * alone and the browser scrolls to the anchor. A popstate that leads to another page is
   * Material's to handle; the new page then arrives through document$. */
  window.addEventListener("popstate", function () {
    var state = stepIn(location);
    if (state) render(state, { focus: true, announce: true, settle: true });
  });

  /* Material's instant navigation answers every popstate by pushing the address into its
   * location subject (window.location$), and the first address a page pushes there makes it
   * fetch the page again, swap it in and scroll to the top. Its listener runs before any this
   * script can add, so a step of the walk is kept out of that subject here and shown at once. */
  function guardMaterialLocation() {
    var subject = window.location$;
    if (!subject || typeof subject.next !== "function" || subject.guideWalkGuarded) return;
    var next = subject.next;
    subject.next = function (url) {
      var state = url instanceof URL ? stepIn(url) : null;
      if (!state) return next.apply(subject, arguments);
      render(state, { focus: true, announce: true, settle: true });
    };
    subject.guideWalkGuarded = true;
  }

  window.guideWalk = {
    current: function () {
      var state = active();
      return state && state.result ? snapshot(state) : null;
    }
  };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { init(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
