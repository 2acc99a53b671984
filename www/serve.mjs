#!/usr/bin/env node
// The static server of the demo and benchmark pages: `npm run www` (after `npm run build`).
//
//   /                  www/index.html, the playground; /bench.html the in-browser benchmark
//   /pkg/…             the WASM package the extension ships (pkg/, built by `npm run build`;
//                      CLEANVIEW_PKG=other-dir serves another build, to compare profiles)
//   /samples.json      the sample pages; /samples/<id>.html one of them, read from ../shared
//                      (read-only shared data, served in place, never copied into the repo)
//   /bench/pages.json  the benchmark's page list; /corpus/readability/<name>.html a corpus page
//   /vendor/Readability.js  Mozilla's Readability.js from node_modules (benchmark only)
//
// Everything is sent with `cache-control: no-store`, so a first load really loads.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const WWW = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(WWW, "..");
export const SHARED = resolve(ROOT, "..", "shared");
const READABILITY = join(SHARED, "corpus", "readability");
const READABILITY_URL = "http://fakehost/test/page.html";
// Another build of the package to serve as /pkg/ (e.g. pkg-opt3 to compare profiles).
const PKG = resolve(ROOT, process.env.CLEANVIEW_PKG || "pkg");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
};

/** The bundled samples: the seed page and a handful of Readability corpus pages. */
export const SAMPLES = [
  {
    id: "seed",
    label: "Seed: Sputnik news article (the page this project started from)",
    file: join(SHARED, "seed", "seed-article.html"),
    url: "https://sputnikglobe.com/20250905/kim-at-meeting-with-xi-says-north-korean-chinese-friendship-unbreakable-state-media-1122736223.html",
  },
  ...[
    ["nytimes-1", "New York Times article"],
    ["bbc-1", "BBC News article"],
    ["wikipedia", "Wikipedia article"],
    ["lemonde-1", "Le Monde article (French)"],
    ["rtl-1", "Right-to-left article (Arabic)"],
    ["mathjax", "Page with MathJax formulas"],
    ["ars-1", "Ars Technica article"],
  ].map(([name, label]) => ({
    id: name,
    label: `${label} — Readability corpus: ${name}`,
    file: join(READABILITY, name, "source.html"),
    url: READABILITY_URL,
  })),
].filter((s) => existsSync(s.file));

/**
 * About `n` Readability corpus pages spread evenly over the range of sizes (sorted by size,
 * every k-th), for the in-browser benchmark.
 */
export function benchPages(n = 50) {
  if (!existsSync(READABILITY)) return [];
  const all = readdirSync(READABILITY)
    .filter((name) => existsSync(join(READABILITY, name, "source.html")))
    .map((name) => ({ name, bytes: statSync(join(READABILITY, name, "source.html")).size }))
    .sort((a, b) => a.bytes - b.bytes || a.name.localeCompare(b.name));
  if (all.length <= n) return all;
  const picked = [];
  for (let i = 0; i < n; i++) picked.push(all[Math.round((i * (all.length - 1)) / (n - 1))]);
  return picked.map((p) => ({ ...p, path: `/corpus/readability/${p.name}.html`, url: READABILITY_URL }));
}

async function route(pathname) {
  if (pathname === "/") pathname = "/index.html";
  let m;
  if ((m = /^\/([a-z0-9-]+\.(?:html|js|css|svg))$/.exec(pathname))) {
    const file = join(WWW, m[1]);
    return existsSync(file) ? { file } : null;
  }
  if ((m = /^\/pkg\/(cleanview\.js|cleanview_bg\.wasm)$/.exec(pathname))) {
    return { file: join(PKG, m[1]) };
  }
  if (pathname === "/vendor/Readability.js") {
    return { file: join(ROOT, "node_modules", "@mozilla", "readability", "Readability.js") };
  }
  if (pathname === "/samples.json") {
    const list = SAMPLES.map(({ id, label, url }) => ({ id, label, url, path: `/samples/${id}.html` }));
    return { body: JSON.stringify(list), type: TYPES[".json"] };
  }
  if ((m = /^\/samples\/([a-z0-9-]+)\.html$/.exec(pathname))) {
    const s = SAMPLES.find((x) => x.id === m[1]);
    return s ? { file: s.file } : null;
  }
  if (pathname === "/bench/pages.json") {
    return { body: JSON.stringify(benchPages(50)), type: TYPES[".json"] };
  }
  if ((m = /^\/corpus\/readability\/([a-z0-9-]+)\.html$/.exec(pathname))) {
    const file = join(READABILITY, m[1], "source.html");
    return existsSync(file) ? { file } : null;
  }
  return null;
}

/** Start the server; `port` 0 picks a free one. Resolves to `{ base, close }`. */
export async function startWww({ port = 0, host = "127.0.0.1" } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url, "http://localhost");
      const r = await route(pathname);
      if (!r) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      let body = r.body;
      let type = r.type;
      if (r.file) {
        if (!(await stat(r.file).catch(() => null))) {
          const hint = r.file.startsWith(PKG) ? " (run `npm run build` first)" : "";
          res.writeHead(404, { "content-type": "text/plain" }).end(`missing: ${r.file}${hint}`);
          return;
        }
        body = await readFile(r.file);
        type = TYPES[extname(r.file)] ?? "application/octet-stream";
      }
      res.writeHead(200, { "content-type": type, "cache-control": "no-store" }).end(body);
    } catch (e) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(e));
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, ok);
  });
  const base = `http://${host}:${server.address().port}`;
  return { base, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(ROOT, "pkg", "cleanview_bg.wasm"))) {
    console.error("pkg/ is missing: run `npm run build` first");
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 8080);
  const { base } = await startWww({ port });
  console.log(`Clean View playground: ${base}/   benchmark: ${base}/bench.html   (Ctrl-C stops)`);
}
