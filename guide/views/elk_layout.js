/* Lays out graphs with ELK (the Eclipse Layout Kernel, npm package elkjs) for guide/views/flowlayout.py.
 * Reads {"graphs": [...], "fits": {"width": W, "height": H}} as JSON on standard input, lays the
 * graphs out in order and stops after the first one no larger than W x H; writes the laid-out
 * graphs as a JSON list on standard output. It only computes positions: no file is read or
 * written, nothing is fetched, and no text from the graphs is ever run. */
"use strict";

const ELK = require("elkjs/lib/elk.bundled.js");

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", async () => {
  try {
    const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const elk = new ELK();
    const laidOut = [];
    for (const graph of request.graphs) {
      const result = await elk.layout(graph);
      laidOut.push(result);
      if (result.width <= request.fits.width && result.height <= request.fits.height) break;
    }
    process.stdout.write(JSON.stringify(laidOut));
  } catch (error) {
    process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
    process.exitCode = 1;
  }
});
