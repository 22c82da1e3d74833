/* The priorities scorecard: the reader weights each group of criteria (0-3), or picks a preset
 * (named weights from data/presets.yml), and sees each framework's score, rank and the criteria
 * that decide it. The weights live in the URL (?weights=<group id>.<weight>,...), shown on the
 * page so that a printout carries them. The rule is the one the methodology page states, and
 * this file is its only implementation: under Node it exports the rule and stops before the page
 * code. The build runs it that way (guide/views/sitescripts.py) for every score, rank and
 * ?weights= value it prints, and `node --test tests/js/` checks it against cases computed
 * independently, in exact fractions (tests/js/cases.py). The markup (form and result rows) is
 * rendered at build time, and this script only fills in numbers and names with textContent.
 * Re-runs on each page that Material's instant navigation swaps in (document$). */
(function () {
  "use strict";
  var EPSILON = 1e-9; // scores that differ by less are equal (exact ties in exact arithmetic)

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  /* Weights from the value of ?weights=: every group at the default, then each
   * "<group id>.<weight>" that names a group and an allowed weight; anything else is ignored. */
  function parseWeights(data, raw) {
    var weights = {};
    data.groups.forEach(function (group) { weights[group.id] = data["default"]; });
    (raw || "").split(",").forEach(function (part) {
      var dot = part.lastIndexOf(".");
      if (dot < 0) return;
      var id = part.slice(0, dot).trim();
      var value = part.slice(dot + 1).trim();
      if (has(weights, id) && /^\d+$/.test(value) && data.weights.indexOf(+value) >= 0) weights[id] = +value;
    });
    return weights;
  }

  function isDefault(data, weights) {
    return data.groups.every(function (group) { return weights[group.id] === data["default"]; });
  }

  /* The value of ?weights= for these weights: every group in the data's order, or nothing when
   * all are at the default. */
  function encodeWeights(data, weights) {
    return isDefault(data, weights) ? "" : data.groups.map(function (g) { return g.id + "." + weights[g.id]; }).join(",");
  }

  function totalWeight(data, weights) {
    return data.groups.reduce(function (sum, group) { return sum + weights[group.id]; }, 0);
  }

  function groupPoints(group, id) {
    return group.criteria.reduce(function (acc, c) { return acc + c.points[id]; }, 0);
  }

  /* A framework's mean rating points (0-3) over a group's criteria. */
  function groupMean(group, id) { return groupPoints(group, id) / group.criteria.length; }

  /* score = sum(weight x group mean) / sum(weights), on the 0-3 scale. */
  function scores(data, weights) {
    var total = totalWeight(data, weights);
    if (!total) return null;
    var result = {};
    data.frameworks.forEach(function (framework) {
      var sum = 0;
      data.groups.forEach(function (group) {
        sum += weights[group.id] * groupPoints(group, framework.id) / group.criteria.length;
      });
      result[framework.id] = sum / total;
    });
    return result;
  }

  /* Best first; equal scores share a rank (1, 1, 3) and keep the data's order. */
  function ranking(data, weights) {
    var result = scores(data, weights);
    if (!result) return [];
    var order = data.frameworks.map(function (framework, index) { return { framework: framework, index: index, score: result[framework.id] }; });
    order.sort(function (a, b) {
      return Math.abs(a.score - b.score) < EPSILON ? a.index - b.index : b.score - a.score;
    });
    order.forEach(function (entry, position) {
      var previous = order[position - 1];
      entry.rank = previous && Math.abs(previous.score - entry.score) < EPSILON ? previous.rank : position + 1;
    });
    return order;
  }

  /* Each criterion's share of the gap between two frameworks; they add up to the gap. */
  function contributions(data, weights, id, otherId) {
    var total = totalWeight(data, weights);
    var found = [];
    var index = 0;
    data.groups.forEach(function (group) {
      var share = total ? weights[group.id] / (total * group.criteria.length) : 0;
      group.criteria.forEach(function (criterion) {
        var gap = criterion.points[id] - criterion.points[otherId];
        if (share && gap) found.push({ criterion: criterion, value: share * gap, index: index });
        index += 1;
      });
    });
    found.sort(function (a, b) {
      var size = Math.abs(b.value) - Math.abs(a.value);
      return Math.abs(size) < EPSILON ? a.index - b.index : size;
    });
    return found;
  }

  /* Each group's share of the gap between two frameworks (the sum of its criteria's shares),
   * largest first, groups that make no difference left out. */
  function groupShares(data, weights, id, otherId) {
    var total = totalWeight(data, weights);
    var found = [];
    data.groups.forEach(function (group, index) {
      var share = total ? weights[group.id] / (total * group.criteria.length) : 0;
      var value = share * (groupPoints(group, id) - groupPoints(group, otherId));
      if (Math.abs(value) >= EPSILON) found.push({ group: group, value: value, index: index });
    });
    found.sort(function (a, b) {
      return Math.abs(a.value - b.value) < EPSILON ? a.index - b.index : b.value - a.value;
    });
    return found;
  }

  function onScale(score) { return score * 100 / 3; }

  /* A non-negative value to `places` decimals, half way rounding up. A value this close to half
   * way is half way in exact arithmetic (it is a fraction with a small denominator), whatever
   * the floating point made of it, so the page rounds as the methodology says. */
  var HALF_WAY = 1e-6;
  function rounded(value, places) {
    var scale = Math.pow(10, places);
    return (Math.floor(value * scale + 0.5 + HALF_WAY) / scale).toFixed(places);
  }

  /* A score (or a difference of scores) as the page shows it: 0-100, one decimal. */
  function shown(score) { return rounded(onScale(score), 1); }

  /* A group mean as the page shows it: rating points, two decimals. */
  function shownMean(mean) { return rounded(mean, 2); }

  var rule = {
    parseWeights: parseWeights, encodeWeights: encodeWeights, groupMean: groupMean, scores: scores, ranking: ranking,
    contributions: contributions, groupShares: groupShares, onScale: onScale, shown: shown, shownMean: shownMean
  };
  /* Under Node, the rule is all this file is. */
  if (typeof module !== "undefined" && module.exports) { module.exports = rule; return; }

  var current = null; // { root, data, pathname, weights }

  function readWeights(data) {
    return parseWeights(data, new URLSearchParams(location.search).get(data.param) || "");
  }

  function urlFor(data, weights) {
    var params = new URLSearchParams(location.search);
    params.delete(data.param);
    var others = params.toString();
    var value = encodeWeights(data, weights);
    var search = [value ? data.param + "=" + value : "", others].filter(Boolean).join("&");
    return location.pathname + (search ? "?" + search : "") + location.hash;
  }

  function criterionList(label, favours, items) {
    var block = document.createElement("div");
    block.setAttribute("data-favours", favours);
    var title = document.createElement("p");
    title.className = "guide-scorecard__vs";
    title.textContent = label;
    var list = document.createElement("ul");
    items.forEach(function (item) {
      var entry = document.createElement("li");
      entry.setAttribute("data-criterion", item.criterion.id);
      var name;
      if (item.criterion.href) {
        name = document.createElement("a");
        name.href = item.criterion.href;
      } else {
        name = document.createElement("span");
      }
      name.textContent = item.criterion.title;
      var delta = document.createElement("span");
      delta.className = "guide-scorecard__delta";
      delta.textContent = " +" + shown(Math.abs(item.value));
      entry.append(name, delta);
      list.appendChild(entry);
    });
    block.append(title, list);
    return block;
  }

  function strong(text) {
    var element = document.createElement("strong");
    element.textContent = text;
    return element;
  }

  /* One block per framework behind the leader: the gap, then the criteria with the largest
   * shares of it on each side. With two frameworks every criterion is listed at most once. */
  function explainPair(leader, other, data, weights) {
    var block = document.createElement("div");
    block.className = "guide-scorecard__pair";
    block.setAttribute("data-leader", leader.framework.id);
    block.setAttribute("data-other", other.framework.id);
    var found = contributions(data, weights, leader.framework.id, other.framework.id);
    var summary = document.createElement("p");
    if (Math.abs(leader.score - other.score) < EPSILON) {
      summary.append(strong(leader.framework.name), " and ", strong(other.framework.name), " are tied.");
    } else {
      summary.append(strong(leader.framework.name), " leads ", strong(other.framework.name), " by " + shown(leader.score - other.score) + " points.");
    }
    block.appendChild(summary);
    if (!found.length) {
      var same = document.createElement("p");
      same.textContent = "They are rated the same on every criterion that counts.";
      block.appendChild(same);
      return block;
    }
    var ahead = found.filter(function (item) { return item.value > 0; }).slice(0, 3);
    var behind = found.filter(function (item) { return item.value < 0; }).slice(0, 3);
    if (ahead.length) block.appendChild(criterionList("In " + leader.framework.name + "\u2019s favour:", leader.framework.id, ahead));
    if (behind.length) block.appendChild(criterionList("In " + other.framework.name + "\u2019s favour:", other.framework.id, behind));
    return block;
  }

  function explain(container, data, weights, order) {
    container.replaceChildren();
    if (order.length < 2) return;
    var title = document.createElement("h3");
    title.className = "guide-scorecard__decides-title";
    title.textContent = "What decides the ranking";
    container.appendChild(title);
    order.slice(1).forEach(function (entry) { container.appendChild(explainPair(order[0], entry, data, weights)); });
  }

  /* The page's address, with break opportunities after separators so it wraps between the
   * weights rather than inside a group's name. */
  function showAddress(link) {
    var href = location.href;
    link.href = href;
    link.replaceChildren();
    href.replace(/([,&?\/=])/g, "$1\n").split("\n").filter(Boolean).forEach(function (part, index) {
      if (index) link.appendChild(document.createElement("wbr"));
      link.appendChild(document.createTextNode(part));
    });
  }

  function sameWeights(data, a, b) {
    return data.groups.every(function (group) { return a[group.id] === b[group.id]; });
  }

  function render(state, announce) {
    var root = state.root;
    var data = state.data;
    var weights = state.weights;
    root.querySelectorAll(".guide-scorecard__group").forEach(function (row) {
      var group = row.getAttribute("data-group");
      row.querySelectorAll(".guide-scorecard__weight").forEach(function (button) {
        button.setAttribute("aria-pressed", String(+button.getAttribute("data-weight") === weights[group]));
      });
    });
    root.querySelectorAll(".guide-scorecard__preset").forEach(function (button) {
      var preset = (data.presets || []).filter(function (p) { return p.id === button.getAttribute("data-preset"); })[0];
      button.setAttribute("aria-pressed", String(!!preset && sameWeights(data, preset.weights, weights)));
    });
    var order = ranking(data, weights);
    var table = root.querySelector(".guide-scorecard__results");
    var wrapper = table.closest(".md-typeset__scrollwrap") || table;
    wrapper.hidden = order.length === 0;
    root.querySelector(".guide-scorecard__empty").hidden = order.length !== 0;
    var body = table.querySelector("tbody");
    var rows = {};
    body.querySelectorAll("tr[data-framework]").forEach(function (row) { rows[row.getAttribute("data-framework")] = row; });
    order.forEach(function (entry) {
      var row = rows[entry.framework.id];
      var tied = order.some(function (other) { return other !== entry && other.rank === entry.rank; });
      row.querySelector(".guide-scorecard__rank").textContent = entry.rank + (tied ? " (tied)" : "");
      row.querySelector(".guide-scorecard__score").textContent = shown(entry.score);
      row.querySelector(".guide-scorecard__fill").style.width = shown(entry.score) + "%";
      row.setAttribute("data-rank", String(entry.rank));
      row.setAttribute("data-score", onScale(entry.score).toFixed(4));
      body.appendChild(row);
    });
    explain(root.querySelector(".guide-scorecard__decides"), data, weights, order);
    showAddress(root.querySelector(".guide-scorecard__link"));
    var status = root.querySelector(".guide-scorecard__status");
    if (!announce) { status.textContent = ""; return; }
    status.textContent = order.length
      ? "Ranking: " + order.map(function (entry) { return entry.rank + ". " + entry.framework.name + " " + shown(entry.score); }).join("; ") + "."
      : "No ranking: every group is set to Ignore.";
  }

  function onClick(state, event) {
    var button = event.target.closest("button");
    if (!button || !state.root.contains(button)) return;
    if (button.classList.contains("guide-scorecard__weight")) {
      state.weights[button.closest(".guide-scorecard__group").getAttribute("data-group")] = +button.getAttribute("data-weight");
    } else if (button.classList.contains("guide-scorecard__preset")) {
      var preset = (state.data.presets || []).filter(function (p) { return p.id === button.getAttribute("data-preset"); })[0];
      if (!preset) return;
      state.data.groups.forEach(function (group) { state.weights[group.id] = preset.weights[group.id]; });
    } else if (button.hasAttribute("data-scorecard-reset")) {
      state.data.groups.forEach(function (group) { state.weights[group.id] = state.data["default"]; });
    } else {
      return;
    }
    history.replaceState(history.state, "", urlFor(state.data, state.weights));
    render(state, true);
  }

  function init() {
    var root = document.querySelector(".guide-scorecard[data-scorecard]");
    if (!root) { current = null; return; }
    if (current && current.root === root) return;
    var data;
    try { data = JSON.parse(root.getAttribute("data-scorecard")); } catch (error) { return; }
    var state = { root: root, data: data, pathname: location.pathname, weights: readWeights(data) };
    current = state;
    root.addEventListener("click", function (event) { onClick(state, event); });
    root.querySelector(".guide-scorecard__nojs").hidden = true;
    root.querySelector(".guide-scorecard__app").hidden = false;
    render(state, false);
  }

  window.addEventListener("popstate", function () {
    var state = current;
    if (!state || !document.body.contains(state.root) || location.pathname !== state.pathname) return;
    state.weights = readWeights(state.data);
    render(state, true);
  });

  window.guideScorecard = { ranking: ranking, contributions: contributions, scores: scores };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { init(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
