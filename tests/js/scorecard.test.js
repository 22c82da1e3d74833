/* The scorecard's rule (docs/assets/javascripts/scorecard.js) against the methodology's, on the
 * real data's page JSON and a copy with a guaranteed tie. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const rule = require("../../docs/assets/javascripts/scorecard.js");
const { scorecard } = require("./cases.js");

const CLOSE = 1e-9;

test("the cases cover ties, zero weights and every preset", () => {
  const cases = scorecard.sets.flatMap((set) => set.cases);
  assert.ok(cases.some((c) => c.ranking.length === 0));
  assert.ok(cases.some((c) => new Set(c.ranking.map((r) => r.rank)).size < c.ranking.length));
  assert.ok(cases.length > 60);
});

for (const [n, set] of scorecard.sets.entries()) {
  test(`ranks, scores and shown scores as the methodology says (data set ${n + 1})`, () => {
    for (const { weights, ranking } of set.cases) {
      const got = rule.ranking(set.data, weights);
      assert.deepEqual(got.map((e) => [e.framework.id, e.rank]), ranking.map((e) => [e.id, e.rank]), JSON.stringify(weights));
      got.forEach((entry, i) => {
        assert.ok(Math.abs(entry.score - ranking[i].score) < CLOSE, `${entry.framework.id} ${JSON.stringify(weights)}`);
        assert.equal(rule.shown(entry.score), ranking[i].shown);
      });
    }
  });

  test(`group means, as the build's table shows them (data set ${n + 1})`, () => {
    for (const group of set.data.groups) {
      for (const framework of set.data.frameworks) {
        assert.equal(rule.shownMean(rule.groupMean(group, framework.id)), set.means[group.id][framework.id], `${group.id} ${framework.id}`);
      }
    }
  });

  test(`each group's share of a gap, largest first, as the lead sentence shows it (data set ${n + 1})`, () => {
    for (const { weights, group_shares: shares } of set.cases) {
      for (const [pair, want] of Object.entries(shares)) {
        const [a, b] = pair.split(" ");
        const got = rule.groupShares(set.data, weights, a, b);
        assert.deepEqual(got.map((item) => item.group.id), want.map((item) => item[0]), `${pair} ${JSON.stringify(weights)}`);
        got.forEach((item, i) => {
          assert.ok(Math.abs(item.value - want[i][1]) < CLOSE);
          assert.equal(rule.shown(Math.abs(item.value)), want[i][2]);
        });
      }
    }
  });

  test(`no scores when every group is ignored (data set ${n + 1})`, () => {
    const zero = Object.fromEntries(set.data.groups.map((g) => [g.id, 0]));
    assert.equal(rule.scores(set.data, zero), null);
    assert.deepEqual(rule.ranking(set.data, zero), []);
  });

  test(`each criterion's share of a gap, largest first (data set ${n + 1})`, () => {
    for (const { weights, contributions } of set.cases) {
      for (const [pair, want] of Object.entries(contributions)) {
        const [a, b] = pair.split(" ");
        const got = rule.contributions(set.data, weights, a, b);
        assert.deepEqual(got.map((item) => item.criterion.id), want.map((item) => item[0]), `${pair} ${JSON.stringify(weights)}`);
        got.forEach((item, i) => assert.ok(Math.abs(item.value - want[i][1]) < CLOSE));
      }
    }
  });

  test(`the shares add up to the gap between the two scores (data set ${n + 1})`, () => {
    for (const { weights } of set.cases) {
      const scores = rule.scores(set.data, weights);
      if (!scores) continue;
      for (const a of set.data.frameworks) {
        for (const b of set.data.frameworks) {
          const sum = rule.contributions(set.data, weights, a.id, b.id).reduce((total, item) => total + item.value, 0);
          assert.ok(Math.abs(sum - (scores[a.id] - scores[b.id])) < CLOSE);
        }
      }
    }
  });
}

test("?weights= reads what the build writes, and ignores junk", () => {
  const data = scorecard.sets[0].data;
  for (const { raw, weights } of [...scorecard.written, ...scorecard.junk]) {
    assert.deepEqual(rule.parseWeights(data, raw), weights, raw);
  }
});

test("?weights= written by the page is what the build writes, or nothing at the defaults", () => {
  const data = scorecard.sets[0].data;
  for (const { raw, weights } of scorecard.written) {
    const isDefault = data.groups.every((g) => weights[g.id] === data.default);
    assert.equal(rule.encodeWeights(data, weights), isDefault ? "" : raw);
  }
});

test("a value half way between two shown values rounds up, whatever floating point made of it", () => {
  for (let k = 1; k < 2000; k += 2) { // scores of k/20 points on the 0-100 scale: x.x5
    assert.equal(rule.shown((3 * k) / 2000), ((k + 1) / 20).toFixed(1), `${k}/20`);
  }
  for (let k = 1; k < 600; k += 2) { // group means of k/200 points: x.xx5
    assert.equal(rule.shownMean(k / 200), ((k + 1) / 200).toFixed(2), `${k}/200`);
  }
});
