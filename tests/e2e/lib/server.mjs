// The local test web server: 127.0.0.1, random port. Serves the seed page at its real URL path
// (from ../shared, read-only, never copied), the test pages under /pages/, and a generated
// large page. `?csp=1` on any page adds `Content-Security-Policy: script-src 'self'`.

import { createServer } from "node:http";
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

export async function startServer() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
    if (url.searchParams.has("csp")) headers["content-security-policy"] = "script-src 'self'";
    try {
      let body;
      if (url.pathname === SEED_PATH) body = await readFile(SEED_FILE);
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
