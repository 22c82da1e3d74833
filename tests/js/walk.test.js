/* The walk's path format (docs/assets/javascripts/walk.js) on every path of the real decision tree. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const format = require("../../docs/assets/javascripts/walk.js");
const { walk } = require("./cases.js");

test("every path through the tree is written as the build writes it", () => {
  assert.ok(walk.paths.length > 1);
  for (const { steps, raw } of walk.paths) assert.equal(format.encode(steps), raw);
  assert.equal(new Set(walk.paths.map((p) => p.raw)).size, walk.paths.length);
});

test("every path reads back to its steps and its outcome", () => {
  for (const { steps, raw, node } of walk.paths) assert.deepEqual(format.follow(walk.data, raw), { steps, node });
});

test("reading stops at the first step that does not fit the tree", () => {
  for (const { raw, steps, node } of walk.stops) assert.deepEqual(format.follow(walk.data, raw), { steps, node }, raw);
});
