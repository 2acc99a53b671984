// The local test web server: 127.0.0.1, random port. Serves the seed page at its real URL path
// (from ../shared, read-only, never copied), the test pages under /pages/, and a generated
// large page. `?csp=1` on any page adds `Content-Security-Policy: script-src 'self'`.

import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, "..", "..", "..");
export const SHARED = resolve(ROOT, "..", "shared");
export const SEED_PATH =
  "/20250905/kim-at-meeting-with-xi-says-north-korean-chinese-friendship-unbreakable-state-media-1122736223.html";
export const SEED_FILE = join(SHARED, "seed", "seed-article.html");
export const SEED_EXPECTED = join(SHARED, "seed", "seed-article.expected.json");
const PAGES = join(HERE, "..", "pages");

/** A page of `n` paragraphs in nested sections, with hidden and off-screen clutter. */
export function largePage(n) {
  const parts = ["<!doctype html><html lang=en><head><meta charset=utf-8><title>Large page</title></head><body><nav>"];
  for (let i = 0; i < 300; i++) parts.push(`<a href="/n/${i}">Navigation link ${i}</a> `);
  parts.push("</nav><article><h1>Large page</h1>");
  for (let i = 0; i < n; i++) {
    parts.push(
      `<section class="s${i % 7}"><p>Paragraph ${i} of a long article, with <a href="/l/${i}">a link</a> and <em>some</em> <strong>inline</strong> markup to make the tree deep enough.</p>` +
        (i % 50 === 0 ? `<div style="display:none">hidden block ${i}</div><div style="position:absolute;left:-9999px">off-screen ${i}</div>` : "") +
        (i % 20 === 0 ? `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/${i}.jpg" width="10" height="10" alt="">` : "") +
        "</section>",
    );
  }
  parts.push("</article></body></html>");
  return parts.join("");
}

// The XSS corpus page: every vector of tests/xss/vectors.txt between two known paragraphs of an
// article whose metadata fields all carry payloads. The same page tests/xss.rs builds (keep
// the two in step).
export const XSS_PAYLOAD = "window.__xss=(window.__xss||0)+1;top.postMessage(location.protocol,`*`)";
export function xssVectors() {
  const js = `javascript:${XSS_PAYLOAD}`;
  return readFileSync(join(ROOT, "tests", "xss", "vectors.txt"), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.replaceAll("JSURL", js).replaceAll("XSS", XSS_PAYLOAD));
}
export const xssBefore = (i) => `Harbour note ${i} before: the pilot boats left the inner basin at dawn and the tide turned early.`;
export const xssAfter = (i) => `Harbour note ${i} after: by noon the cranes on the north quay had unloaded every container.`;
const XSS_PROSE = [
  "The port authority published its annual report on Tuesday, and the figures surprised even the most optimistic observers of the regional shipping trade, who had expected a flat year.",
  "Container traffic rose by eleven percent, driven by new routes to the south and by a dredging project that finally allowed larger vessels to berth without waiting for the high tide.",
  "Dock workers, whose union negotiated a new agreement last spring, said the extra traffic had brought overtime but also longer shifts, and they asked for more staff before the winter season.",
  "Local businesses along the waterfront reported steady growth, with cafes and chandlers alike welcoming crews who now stay longer in port while their ships are loaded and inspected.",
];
export function xssCorpusPage() {
  const p = XSS_PAYLOAD;
  const title = "Record year for the harbour";
  const parts = [`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} &lt;img src=x onerror=${p}&gt; &amp; "quotes": colon --- end</title>
<meta name="author" content="&lt;b onmouseover=${p}&gt;Mallory&lt;/b&gt; &lt;script&gt;${p}&lt;/script&gt;">
<meta name="description" content="&lt;svg onload=${p}&gt; The harbour had a record year.">
<meta property="og:site_name" content="&lt;img src=x onerror=${p}&gt;Harbour Gazette">
<meta property="og:image" content="javascript:${p}">
<meta property="article:tag" content="&lt;script&gt;${p}&lt;/script&gt;">
<link rel="icon" href="javascript:${p}">
<link rel="canonical" href="javascript:${p}">
<script src="/pages/xss-corpus.js"></script>
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"<img src=x onerror=${p}> Harbour record: \\"quoted\\" --- end\\nline two","description":"<\\/script><script>${p}<\\/script>","image":"javascript:${p}","url":"javascript:${p}","datePublished":"2025-01-02T03:04:05Z","author":{"@type":"Person","name":"<script>${p}<\\/script>Eve"},"publisher":{"@type":"Organization","name":"<svg onload=${p}>","logo":{"@type":"ImageObject","url":"data:image/svg+xml,<svg onload=${p}>"}},"keywords":["<img src=x onerror=${p}>"]}
</script>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>${title}</h1>
<p class="byline">By Jo Harbour</p>
`];
  for (const t of XSS_PROSE.slice(0, 2)) parts.push(`<p>${t}</p>\n`);
  xssVectors().forEach((v, i) => parts.push(`<p>${xssBefore(i)}</p>\n${v}\n<p>${xssAfter(i)}</p>\n`));
  for (const t of XSS_PROSE.slice(2)) parts.push(`<p>${t}</p>\n`);
  parts.push("</article></main>\n<footer><p>Harbour Gazette, all rights reserved.</p></footer>\n</body>\n</html>\n");
  return parts.join("");
}

export async function startServer() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
    if (url.searchParams.has("csp")) headers["content-security-policy"] = "script-src 'self'";
    try {
      let body;
      if (url.pathname === SEED_PATH) body = await readFile(SEED_FILE);
      else if (url.pathname === "/gen/xss-corpus") body = xssCorpusPage();
      else if (url.pathname === "/gen/large") body = largePage(Math.min(Number(url.searchParams.get("n")) || 5000, 100000));
      else if (/^\/pages\/[a-z0-9-]+\.(html|js)$/.test(url.pathname)) {
        body = await readFile(join(PAGES, url.pathname.slice("/pages/".length)));
        if (url.pathname.endsWith(".js")) headers["content-type"] = "text/javascript; charset=utf-8";
      } else if (url.pathname === "/favicon.ico") {
        res.writeHead(204).end();
        return;
      } else {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, headers).end(body);
    } catch (e) {
      res.writeHead(500, { "content-type": "text/plain" }).end(String(e));
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const base = `http://127.0.0.1:${server.address().port}`;
  return { base, close: () => new Promise((ok) => server.close(ok)), server };
}
