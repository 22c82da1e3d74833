/* The cases tests/js/cases.py computes from the data (run once per test file). */
"use strict";
const { execFileSync } = require("node:child_process");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..", "..");
const python = process.env.PYTHON || path.join(ROOT, ".venv", "bin", "python");

module.exports = JSON.parse(execFileSync(python, [path.join(__dirname, "cases.py")], { cwd: ROOT, maxBuffer: 64 << 20 }));
