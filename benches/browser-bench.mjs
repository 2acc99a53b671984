#!/usr/bin/env node
// In-browser benchmark driver: `npm run bench:browser [-- --n 50 --runs 5]` (after `npm run build`).
// Serves www/ (www/serve.mjs), opens /bench.html in headless Debian Chromium (fresh profile, so
// the first WASM load is a real download + compile), waits for the result, prints a summary and
// writes bench-output/browser.json. A benchmark, not a test: nothing here asserts a time.

import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { ROOT, startWww } from "../www/serve.mjs";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const n = Number(arg("n", 50));
const runs = Number(arg("runs", 5));
const outFile = arg("out", join(ROOT, "bench-output", "browser.json"));

if (!existsSync(join(ROOT, "pkg", "cleanview_bg.wasm"))) {
  console.error("pkg/ is missing: run `npm run build` first");
  process.exit(1);
}

const server = await startWww({ port: 0 });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
});
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error(`[page] ${e.message}`));
  await page.goto(`${server.base}/bench.html?n=${n}&runs=${runs}`);
  // Polled with evaluate (CDP, outside the page's CSP, which forbids string eval).
  const deadline = Date.now() + 30 * 60_000;
  while (!(await page.evaluate(() => window.benchResult !== undefined))) {
    if (Date.now() > deadline) throw new Error("the benchmark page did not finish in 30 minutes");
    await new Promise((ok) => setTimeout(ok, 500));
  }
  const r = await page.evaluate("window.benchResult");
  if (r.error) throw new Error(r.error);
  r.browser = browser.version();
  r.date = new Date().toISOString();
  r.machine = `${cpus()[0]?.model ?? "?"} x${cpus().length}`;
  try {
    r.git = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
  } catch {
    r.git = null;
  }
  mkdirSync(join(outFile, ".."), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(r, null, 2)}\n`);
  const f = (x) => x.toFixed(2);
  console.log(`Chromium ${r.browser}, ${r.machine}, ${r.pages} pages x ${r.runs} runs (median per page)`);
  console.log(`WASM ${(r.wasm.bytes / 1024).toFixed(0)} KB: first use (download + compile + instantiate) ${f(r.wasm.first_use_ms)} ms; download ${f(r.wasm.download_ms)} ms; compile ${f(r.wasm.compile_ms)} ms`);
  console.log(`Clean View (outerHTML + extract): median ${f(r.cleanview.median_ms)} ms, p95 ${f(r.cleanview.p95_ms)} ms, total ${f(r.cleanview.total_ms)} ms`);
  const serialize = r.rows.reduce((sum, row) => sum + (row.serialize_ms ?? 0), 0);
  console.log(`  of which outerHTML: total ${f(serialize)} ms (${f((100 * serialize) / r.cleanview.total_ms)}%)`);
  console.log(`Readability.js (cloneNode + parse): median ${f(r.readability.median_ms)} ms, p95 ${f(r.readability.p95_ms)} ms, total ${f(r.readability.total_ms)} ms`);
  console.log(`ratio Clean View / Readability per page: median ${f(r.ratio.median)}, p95 ${f(r.ratio.p95)}, min ${f(r.ratio.min)}, max ${f(r.ratio.max)}`);
  console.log(`-> ${outFile}`);
} finally {
  await browser.close();
  await server.close();
}
