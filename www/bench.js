// In-browser benchmark: Clean View's WASM extract against Readability.js on the same documents.
// Results land in window.benchResult (read by benches/browser-bench.mjs) and on the page.

import init, { extract } from "/pkg/cleanview.js";

const params = new URLSearchParams(location.search);
const N = Number(params.get("n") || 50);
const RUNS = Math.max(1, Number(params.get("runs") || 5));
const out = document.getElementById("out");
const status = document.getElementById("status");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

function cleanView(doc, url) {
  const t0 = performance.now();
  const html = doc.documentElement.outerHTML;
  const t1 = performance.now();
  const a = extract(html, url, Date.now(), undefined);
  const t2 = performance.now();
  return { ms: t2 - t0, serializeMs: t1 - t0, chars: a.text.length };
}

function readability(doc) {
  const t0 = performance.now();
  // eslint-disable-next-line no-undef
  const a = new Readability(doc.cloneNode(true)).parse();
  return { ms: performance.now() - t0, chars: a?.textContent?.length ?? 0 };
}

async function run() {
  // First use: download (from the local server, no cache) + compile + instantiate, streaming,
  // as the extension does; then the same without the download, from bytes already in memory.
  const wasmUrl = "/pkg/cleanview_bg.wasm";
  const t0 = performance.now();
  await init({ module_or_path: wasmUrl });
  const firstUse = performance.now() - t0;
  const t1 = performance.now();
  const bytes = await fetch(wasmUrl, { cache: "no-store" }).then((r) => r.arrayBuffer());
  const download = performance.now() - t1;
  const t2 = performance.now();
  await WebAssembly.compile(bytes);
  const compileOnly = performance.now() - t2;

  const pages = (await fetch("/bench/pages.json").then((r) => r.json())).slice(0, N);
  const rows = [];
  for (const [i, p] of pages.entries()) {
    status.textContent = `page ${i + 1}/${pages.length}: ${p.name}`;
    const html = await fetch(p.path).then((r) => r.text());
    const doc = new DOMParser().parseFromString(html, "text/html");
    // One warm-up each (JIT, caches), then alternating timed runs.
    cleanView(doc, p.url);
    readability(doc);
    const cv = [];
    const ser = [];
    const rd = [];
    let cvChars = 0;
    let rdChars = 0;
    for (let r = 0; r < RUNS; r++) {
      const a = cleanView(doc, p.url);
      const b = readability(doc);
      cv.push(a.ms);
      ser.push(a.serializeMs);
      rd.push(b.ms);
      cvChars = a.chars;
      rdChars = b.chars;
    }
    const row = { name: p.name, bytes: p.bytes, cleanview_ms: median(cv), serialize_ms: median(ser), readability_ms: median(rd), cvChars, rdChars };
    row.ratio = row.cleanview_ms / Math.max(row.readability_ms, 1e-3);
    rows.push(row);
    await new Promise((r) => setTimeout(r, 0));
  }
  const cvAll = rows.map((r) => r.cleanview_ms);
  const rdAll = rows.map((r) => r.readability_ms);
  const ratios = rows.map((r) => r.ratio);
  const result = {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    pages: rows.length,
    runs: RUNS,
    wasm: { bytes: bytes.byteLength, first_use_ms: firstUse, download_ms: download, compile_ms: compileOnly },
    cleanview: { median_ms: median(cvAll), p95_ms: quantile(cvAll, 0.95), total_ms: cvAll.reduce((a, b) => a + b, 0) },
    readability: { median_ms: median(rdAll), p95_ms: quantile(rdAll, 0.95), total_ms: rdAll.reduce((a, b) => a + b, 0) },
    ratio: { median: median(ratios), p95: quantile(ratios, 0.95), min: Math.min(...ratios), max: Math.max(...ratios) },
    rows,
  };
  out.textContent = JSON.stringify(result, null, 2);
  status.textContent = "done";
  window.benchResult = result;
}

run().catch((e) => {
  status.textContent = `failed: ${e.message || e}`;
  window.benchResult = { error: String(e.stack || e) };
});
