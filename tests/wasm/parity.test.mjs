// The shipped .wasm must say exactly what the native build says. Every other Rust test runs the
// native build, so a difference only the WebAssembly compiler introduces would go unseen: one did
// (a nightly rustc miscompiled this crate for wasm32 at opt-level "z", see extension/build.mjs).
// This runs pkg/cleanview_bg.wasm (built as shipped) and `cleanview batch` over the Readability
// and WCXB corpora with the same clock and compares every key of every page's JSON.
//
//   npm run test:wasm        (after `npm run build`; builds the native CLI if needed)

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { ROOT } from "../../extension/build.mjs";

const CORPORA = ["readability", "wcxb-dev/html"].map((c) => resolve(ROOT, "..", "shared", "corpus", c));
// A fixed clock in the corpora's past (2023-11-14T22:13:20Z): later dates on the pages must be
// rejected as future ones, a path a page read today rarely takes.
const NOW_MS = 1_700_000_000_000;

function nativeResults() {
  const build = spawnSync("cargo", ["build", "--release", "--quiet", "--bin", "cleanview"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  assert.equal(build.status, 0, "cargo build --release failed");
  const dir = mkdtempSync(join(tmpdir(), "cv-parity-"));
  try {
    const out = join(dir, "native.jsonl");
    const now = new Date(NOW_MS).toISOString();
    const bin = join(ROOT, "target", "release", "cleanview");
    const r = spawnSync(bin, ["batch", ...CORPORA, "--out", out, "--now", now, "--quiet"], {
      encoding: "utf8",
    });
    assert.equal(r.status, 0, `cleanview batch failed: ${r.stderr}`);
    return readFileSync(out, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function loadWasm() {
  const wasm = join(ROOT, "pkg", "cleanview_bg.wasm");
  assert.ok(existsSync(wasm), "pkg/cleanview_bg.wasm is missing: run `npm run build` first");
  const m = await import(join(ROOT, "pkg", "cleanview.js"));
  m.initSync({ module: readFileSync(wasm) });
  return m;
}

test("the .wasm extracts every corpus page exactly as the native build", { timeout: 600_000 }, async () => {
  for (const c of CORPORA) assert.ok(existsSync(c), `${c} is missing (the corpora live in ../shared)`);
  const rows = nativeResults();
  const { extract } = await loadWasm();
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let compared = 0;
  const differences = [];
  for (const row of rows) {
    const { file, error, ...native } = row;
    let bytes = readFileSync(resolve(file));
    if (file.endsWith(".gz")) bytes = gunzipSync(bytes);
    let html;
    try {
      html = utf8.decode(bytes);
    } catch {
      continue; // the CLI decodes legacy encodings; the browser hands the .wasm a string
    }
    let wasm;
    try {
      wasm = extract(html, undefined, NOW_MS, undefined);
    } catch (e) {
      wasm = { error: e.message };
    }
    compared++;
    if (error !== undefined || wasm.error !== undefined) {
      if (error === undefined || wasm.error === undefined) differences.push(`${file}: error ${error} vs ${wasm.error}`);
      continue;
    }
    const keys = [...new Set([...Object.keys(native), ...Object.keys(wasm)])];
    const differ = keys.filter((k) => JSON.stringify(native[k]) !== JSON.stringify(wasm[k]));
    if (differ.length) {
      const k = differ[0];
      differences.push(
        `${file}: ${differ.join(", ")}; ${k}: native ${JSON.stringify(native[k])?.slice(0, 120)}, wasm ${JSON.stringify(wasm[k])?.slice(0, 120)}`,
      );
    }
  }
  console.log(`compared ${compared} pages; ${differences.length} differ`);
  assert.ok(compared > 1500, `only ${compared} pages compared`);
  assert.deepEqual(differences.slice(0, 10), [], `${differences.length} pages differ`);
});
