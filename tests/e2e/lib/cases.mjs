// The end-to-end cases, run against one browser through an adapter (chromium.mjs, firefox.mjs)
// with the same interface. Values asserted are the real expected ones from the seed's
// expected.json; no wall-clock time is asserted (the browser runs in a pinned time zone).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, readdirSync, existsSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { startServer, SEED_PATH, SEED_EXPECTED, xssVectors, xssBefore, xssAfter } from "./server.mjs";
import { testBuild, waitFor, OUT } from "./build.mjs";
import { fileNameFor } from "../../../extension/src/lib/filename.js";

const expected = JSON.parse(readFileSync(SEED_EXPECTED, "utf8"));
const T = { timeout: 180_000 };

function assertInOrder(text, needles, what) {
  let at = -1;
  for (const n of needles) {
    const i = text.indexOf(n, at + 1);
    assert.ok(i > at, `${what}: "${n}" missing or out of order`);
    at = i;
  }
}

const POPUP_FIELDS = `(() => {
  const t = (id) => { const el = document.getElementById(id); return el && !el.hidden && !el.closest("[hidden]") ? el.textContent.trim() : null; };
  const app = document.getElementById("app");
  return {
    state: app.dataset.state, via: app.dataset.via || "", stats: app.dataset.stats || "{}",
    title: t("title"), site: t("site"), byline: t("byline"),
    published: t("published"), publishedIso: document.getElementById("published").getAttribute("datetime"),
    offset: t("published-offset"), age: t("published-age"), source: t("published-source"),
    reading: t("reading"), notArticle: t("not-article"), error: t("error-message"),
    status: t("status"), visibleText: document.body.innerText.trim(),
    cleanButton: !document.getElementById("btn-clean").closest("[hidden]") && !document.getElementById("btn-clean").disabled,
    xss: window.__xss ?? null,
  };
})()`;

export function defineSuite(name, launch) {
  let server;
  let build;
  let b;
  const out = join(OUT, "e2e", name);

  before(async () => {
    mkdirSync(out, { recursive: true });
    build = testBuild();
    server = await startServer();
    b = await launch(build[name === "chromium" ? "chrome" : "firefox"]);
  }, { timeout: 300_000 });

  after(async () => {
    await b?.close();
    await server?.close();
    build?.cleanup();
  });

  // Every case opens its own tab; a fragment tells the popup which one (same path, same page).
  let n = 0;
  const unique = (url) => `${url}#case-${++n}`;
  const seedUrl = () => unique(`${server.base}${SEED_PATH}`);

  test(`${name}: popup shows title, site and the publication time of the seed`, T, async () => {
    const url = seedUrl();
    await b.open(url);
    const popup = await b.popup(url);
    const f = await b.evalPopup(popup, POPUP_FIELDS);
    await b.screenshot(popup, join(out, "popup.png"), "body");
    assert.equal(f.state, "ready", f.error ?? "");
    assert.equal(f.title, expected.title);
    assert.equal(f.site, expected.site_name);
    // 2025-09-05T16:07Z, shown in the reader's zone (Asia/Tokyo in the tests) with its offset.
    assert.ok(f.publishedIso, "the popup shows a publication time");
    assert.equal(new Date(f.publishedIso).toISOString(), new Date(expected.published).toISOString());
    assert.match(f.published, /\b01:07\b/);
    assert.match(f.published, /\b6\b/);
    assert.equal(f.offset, "UTC+09:00");
    assert.match(f.age, /ago$/);
    assert.match(f.source, /^\s*· from .+/);
    assert.ok(f.cleanButton);
    console.log(`${name} seed extraction: ${f.stats}`);
  });

  test(`${name}: clean view shows the article without clutter and restores the page exactly`, T, async () => {
    const url = seedUrl();
    const page = await b.open(url);
    await b.evalPage(page, `window.scrollTo(0, 300)`);
    const before = await b.evalPage(page, `document.documentElement.outerHTML`);
    const scrollBefore = await b.evalPage(page, `window.scrollY`);
    const popup = await b.popup(url);
    await b.clickPopup(popup, "#btn-clean");
    const frame = await b.readerFrame(page);
    const text = await b.evalReader(frame, `document.getElementById("reader").innerText`);
    assert.equal(await b.evalReader(frame, `document.getElementById("title").textContent`), expected.title);
    assertInOrder(text, expected.paragraph_order, "paragraph order");
    for (const s of expected.text_must_contain) assert.ok(text.includes(s), `missing: ${s}`);
    for (const s of expected.text_must_not_contain) assert.ok(!text.includes(s), `clutter: ${s}`);
    await b.screenshot(page, join(out, "clean-view-light.png"));
    await b.clickReader(frame, '[data-theme-choice="dark"]');
    await waitFor(() => b.evalReader(frame, `document.documentElement.dataset.theme === "dark"`), { what: "dark theme" });
    await b.screenshot(page, join(out, "clean-view-dark.png"));
    await b.clickReader(frame, '[data-theme-choice="sepia"]');
    await b.screenshot(page, join(out, "clean-view-sepia.png"));
    await b.clickReader(frame, '[data-theme-choice="system"]');
    await b.pressReader(frame, "Escape");
    await b.readerGone(page);
    assert.equal(await b.evalPage(page, `document.documentElement.outerHTML`), before);
    assert.equal(await b.evalPage(page, `window.scrollY`), scrollBefore);
  });

  test(`${name}: a page's button keeps its click handler after clean view`, T, async () => {
    const url = unique(`${server.base}/pages/button.html`);
    const page = await b.open(url);
    await b.evalPage(page, `window.scrollTo(0, 700)`);
    const before = await b.evalPage(page, `document.documentElement.outerHTML`);
    const scrollBefore = await b.evalPage(page, `window.scrollY`);
    assert.ok(scrollBefore > 0);
    const popup = await b.popup(url);
    await b.clickPopup(popup, "#btn-clean");
    const frame = await b.readerFrame(page);
    const text = await b.evalReader(frame, `document.getElementById("content").innerText`);
    assert.ok(text.includes("keepers of the northern lights"), "article text in clean view");
    await b.clickReader(frame, "#close");
    await b.readerGone(page);
    assert.equal(await b.evalPage(page, `document.documentElement.outerHTML`), before);
    assert.equal(await b.evalPage(page, `window.scrollY`), scrollBefore);
    await b.clickPage(page, "#counter-btn");
    await waitFor(() => b.evalPage(page, `document.getElementById("count").textContent === "1"`), { what: "click handler" });
    // Toggling from the popup again works too (the action "again").
    const popup2 = await b.popup(url);
    await b.clickPopup(popup2, "#btn-clean");
    await b.readerFrame(page);
    await b.clickPopup(popup2, "#btn-clean");
    await b.readerGone(page);
  });

  test(`${name}: Export Markdown writes <slug>.md with YAML front matter and the article`, T, async () => {
    const url = seedUrl();
    await b.open(url);
    const popup = await b.popup(url);
    await b.clickPopup(popup, "#btn-export");
    const name = fileNameFor(expected.title);
    const file = await waitFor(() => {
      const f = join(b.downloads, name);
      return existsSync(f) && readFileSync(f, "utf8").length > 0 ? f : null;
    }, { timeout: 30000, what: `download ${name} (have: ${readdirSync(b.downloads).join(", ")})` });
    const md = readFileSync(file, "utf8");
    copyFileSync(file, join(out, name));
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(md);
    assert.ok(m, "front matter block");
    const fm = yaml.load(m[1]);
    assert.equal(fm.title, expected.title);
    assert.equal(new Date(fm.published).toISOString(), new Date(expected.published).toISOString());
    for (const s of expected.text_must_contain) assert.ok(m[2].includes(s), `body missing: ${s}`);
  });

  test(`${name}: a page with CSP script-src 'self' still works`, T, async () => {
    const url = unique(`${server.base}${SEED_PATH}?csp=1`);
    const page = await b.open(url);
    const popup = await b.popup(url);
    const f = await b.evalPopup(popup, POPUP_FIELDS);
    assert.equal(f.state, "ready", f.error ?? "");
    console.log(`${name} CSP page: WASM ran in the ${f.via}`);
    assert.equal(f.title, expected.title);
    await b.clickPopup(popup, "#btn-clean");
    const frame = await b.readerFrame(page);
    const text = await b.evalReader(frame, `document.getElementById("content").innerText`);
    assert.ok(text.includes(expected.text_must_contain[0]));
    await b.pressReader(frame, "Escape");
    await b.readerGone(page);
  });

  test(`${name}: script payloads run nowhere (page, popup, clean view)`, T, async () => {
    const url = unique(`${server.base}/pages/xss.html`);
    const page = await b.open(url);
    assert.equal(await b.evalPage(page, `window.__xssSeen`), 0, "the page itself is inert");
    const popup = await b.popup(url);
    const f = await b.evalPopup(popup, POPUP_FIELDS);
    assert.ok(f.state === "ready" || f.state === "error", f.state);
    await b.screenshot(popup, join(out, "popup-xss.png"), "body");
    await b.clickPopup(popup, "#btn-clean");
    const frame = await b.readerFrame(page);
    await new Promise((r) => setTimeout(r, 1500)); // give any payload time to fire
    assert.equal(await b.evalReader(frame, `window.__xss ?? null`), null, "clean view ran a payload");
    assert.equal(await b.evalReader(frame, `document.querySelectorAll("#content script, #content iframe, #content [onerror], #content [onload], #content a[href^='javascript']").length`), 0);
    assert.equal((await b.evalPopup(popup, POPUP_FIELDS)).xss, null, "popup ran a payload");
    assert.equal(await b.evalPopup(popup, `document.querySelectorAll("#title *, #site *, #byline *, #excerpt *, #tags li *").length`), 0, "fields are text only");
    assert.equal(await b.evalPage(page, `window.__xss ?? null`), null, "page ran a payload");
    assert.equal(await b.evalPage(page, `window.__xssSeen`), 0, "a payload reported from some frame");
    await b.pressReader(frame, "Escape");
    await b.readerGone(page);
  });

  // The XSS corpus (tests/xss/vectors.txt) in one article page, with and without a page CSP.
  // Without one, the hostile page runs its own payloads (its business: they report "http:",
  // or "about:"/"data:" from its own frames);
  // nothing may run in an extension context, report a CSP violation there, or lose a paragraph.
  // With `script-src 'self'` the page runs none either, so its flag stays unset too.
  const nVectors = xssVectors().length;
  for (const csp of [false, true]) {
    test(`${name}: XSS corpus, ${nVectors} vectors${csp ? ", page CSP" : ""}: nothing runs in popup or clean view`, T, async () => {
      const url = unique(`${server.base}/gen/xss-corpus${csp ? "?csp=1" : ""}`);
      const page = await b.open(url);
      await new Promise((r) => setTimeout(r, 500));
      const before = await b.evalPage(page, `document.documentElement.outerHTML`);
      const popup = await b.popup(url);
      const f = await b.evalPopup(popup, POPUP_FIELDS);
      assert.equal(f.state, "ready", f.error ?? "");
      assert.ok(f.title.includes("<img src=x onerror="), `the title shows its payload as text: ${f.title}`);
      await b.clickPopup(popup, "#btn-clean");
      const frame = await b.readerFrame(page);
      await new Promise((r) => setTimeout(r, 1500)); // give any payload time to fire
      const r = await b.evalReader(frame, `(() => {
        const c = document.getElementById("content");
        const all = [...c.querySelectorAll("*")];
        return {
          xss: window.__xss ?? null,
          csp: window.__cspViolations,
          text: c.innerText,
          fieldKids: document.querySelectorAll("#title *, #site *, #byline *").length,
          active: c.querySelectorAll("script, iframe, frame, object, embed, form, input, button, svg, math annotation-xml, style, link, base, meta, template, [style], [srcdoc], [ping], [formaction], [srcset]").length,
          handlers: all.filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith("on"))).map((e) => e.outerHTML.slice(0, 120)),
          badUrls: all.flatMap((e) => ["href", "src", "cite"].map((n) => e.getAttribute(n)).filter((u) => u !== null && !/^(https?:|mailto:|tel:|#)/i.test(u.trim()))),
          images: [...document.querySelectorAll("img[src]")].filter((i) => i.getAttribute("referrerpolicy") !== "no-referrer" && !i.hidden).map((i) => i.src),
          // An article id equal to one of the frame's own ("source") must not capture it.
          ownSource: [...document.querySelectorAll('[id="source"]')].filter((e) => !c.contains(e)).map((e) => e.textContent.startsWith("Original:")),
        };
      })()`);
      assert.deepEqual(r.ownSource, [true], "the frame's own footer link lost to an article id");
      assert.equal(r.xss, null, "a payload ran in the clean view");
      assert.equal(r.csp, 0, "a CSP violation was reported in the clean view");
      assert.equal(r.fieldKids, 0, "metadata is text only in the clean view");
      assert.equal(r.active, 0, "active element or attribute in the clean view");
      assert.deepEqual(r.handlers, [], "event handler attribute in the clean view");
      assert.deepEqual(r.badUrls, [], "non-http(s) URL in the clean view");
      const lost = [];
      for (let i = 0; i < nVectors; i++) {
        for (const want of [xssBefore(i), xssAfter(i)]) if (!r.text.includes(want)) lost.push(want);
      }
      assert.deepEqual(lost, [], "paragraphs lost in the clean view");
      const p = await b.evalPopup(popup, `({ xss: window.__xss ?? null, csp: window.__cspViolations, kids: document.querySelectorAll("#title *, #site *, #byline *, #excerpt *, #tags li *").length })`);
      assert.deepEqual(p, { xss: null, csp: 0, kids: 0 }, "popup");
      const pg = await b.evalPage(page, `({ xss: window.__xss ?? null, reports: window.__xssReports })`);
      // The page's own frames (srcdoc, data: documents) report "about:"/"data:"; an extension
      // context would report chrome-extension: or moz-extension:.
      assert.deepEqual(pg.reports.filter((x) => /extension:$/.test(x)), [], "a payload ran in an extension context");
      if (csp) assert.deepEqual(pg, { xss: null, reports: [] }, "the page under CSP ran a payload");
      console.log(`${name} XSS corpus${csp ? " (page CSP)" : ""}: ${nVectors} vectors, ${r.text.length} chars shown, page ran its own payloads ${pg.reports.length} times`);
      await b.pressReader(frame, "Escape");
      await b.readerGone(page);
      assert.equal(await b.evalPage(page, `document.documentElement.outerHTML`), before, "page restored exactly");
    });
  }

  test(`${name}: a non-article page degrades gracefully`, T, async () => {
    for (const p of ["search", "login"]) {
      const url = unique(`${server.base}/pages/${p}.html`);
      const page = await b.open(url);
      const popup = await b.popup(url);
      const f = await b.evalPopup(popup, POPUP_FIELDS);
      if (p === "search") await b.screenshot(popup, join(out, "popup-not-article.png"), "body");
      assert.ok(f.visibleText.length > 20, "never a blank popup");
      assert.equal(f.state, "ready", f.error ?? "");
      assert.ok(f.notArticle, `${p}: says it is not an article`);
      assert.ok(f.cleanButton, "still offers clean view");
      await b.clickPopup(popup, "#btn-clean");
      const frame = await b.readerFrame(page);
      assert.ok(await b.evalReader(frame, `document.body.innerText.trim().length > 0`));
      await b.pressReader(frame, "Escape");
      await b.readerGone(page);
    }
  });

  test(`${name}: the pre-pass stays cheap on a large page`, T, async () => {
    const url = unique(`${server.base}/gen/large?n=6000`);
    await b.open(url);
    const popup = await b.popup(url);
    const f = await b.evalPopup(popup, POPUP_FIELDS);
    assert.equal(f.state, "ready", f.error ?? "");
    const stats = JSON.parse(f.stats);
    console.log(`${name} large page: ${JSON.stringify(stats)}`);
    writeFileSync(join(out, "prepass-large-page.json"), JSON.stringify(stats, null, 2));
    assert.ok(stats.elements > 20000, "walked the page");
    assert.ok(stats.hidden >= 200, "marked hidden and off-screen blocks");
  });
}
