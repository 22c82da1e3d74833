/* Runs the site's own scripts for guide/views/sitescripts.py, so that the build prints what the
 * reader's browser computes: the scorecard's rule (scorecard.js) and the walk's path format
 * (walk.js), loaded from the paths given as arguments. Reads one request as JSON on standard
 * input and writes the answer as JSON on standard output:
 *
 *   {"scorecard": {"data": <the scorecard's page data>, "weightings": [<weights>, ...]},
 *    "paths": [[[<question id>, <answer index>], ...], ...]}
 *
 * gives each group's mean points as shown; for each weighting, its ?weights= value, its ranking
 * with the scores as shown, and the leader's lead over the runner-up, group by group; and each
 * path's ?path= value. It computes only: no file is read
 * or written besides the two scripts, nothing is fetched, and no text from the request is run. */
"use strict";

const [scorecardScript, walkScript] = process.argv.slice(2);
const rule = require(scorecardScript);
const walk = require(walkScript);

function lead(data, weights, order) {
  if (order.length < 2) return null;
  const [leader, other] = order;
  const shares = rule.groupShares(data, weights, leader.framework.id, other.framework.id);
  const points = (item) => ({ group: item.group.id, points: rule.shown(Math.abs(item.value)) });
  return {
    leader: leader.framework.id,
    other: other.framework.id,
    gap: rule.shown(leader.score - other.score),
    adds: shares.filter((item) => item.value > 0).map(points),
    takes: shares.filter((item) => item.value < 0).map(points),
  };
}

function scorecard({ data, weightings }) {
  return {
    means: Object.fromEntries(data.groups.map((group) => [
      group.id, Object.fromEntries(data.frameworks.map((f) => [f.id, rule.shownMean(rule.groupMean(group, f.id))])),
    ])),
    weightings: weightings.map((weights) => {
      const order = rule.ranking(data, weights);
      return {
        value: rule.encodeWeights(data, weights),
        ranking: order.map((entry) => ({ framework: entry.framework.id, rank: entry.rank, score: rule.shown(entry.score) })),
        lead: lead(data, weights, order),
      };
    }),
  };
}

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  try {
    const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    process.stdout.write(JSON.stringify({
      scorecard: request.scorecard ? scorecard(request.scorecard) : null,
      paths: (request.paths || []).map((steps) => walk.encode(steps)),
    }));
  } catch (error) {
    process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
    process.exitCode = 1;
  }
});
