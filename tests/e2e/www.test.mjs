// End-to-end test of the www/ playground in headless Chromium: load the page, pick the seed
// sample, check the metadata (title, the publication instant and its source), the Markdown and
// the clean view are shown, download the .md; pasted hostile HTML runs no script.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ROOT, buildWasm } from "../../extension/build.mjs";
import { startWww } from "../../www/serve.mjs";
import { SEED_EXPECTED } from "./lib/server.mjs";
import { waitFor } from "./lib/build.mjs";

const expected = JSON.parse(readFileSync(SEED_EXPECTED, "utf8"));
const T = { timeout: 120_000 };
let server;
let browser;
let page;
let downloads;
const dialogs = [];

before(async () => {
  if (!existsSync(join(ROOT, "pkg", "cleanview_bg.wasm"))) buildWasm();
  server = await startWww({ port: 0 });
  downloads = mkdtempSync(join(tmpdir(), "cv-www-dl-"));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || "/usr/bin/chromium",
    headless: true,
    downloadsPath: downloads,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
  });
  page = await browser.newPage({ acceptDownloads: true });
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (downloads) rmSync(downloads, { recursive: true, force: true });
});

const field = (name) => page.evaluate((n) => document.querySelector(`#meta dd[data-field="${n}"]`)?.textContent ?? null, name);

test("the playground loads the WASM core", T, async () => {
  await page.goto(`${server.base}/`);
  await waitFor(() => page.evaluate(`document.body.dataset.state === "ready"`), { what: "WASM core" });
  assert.match(await page.textContent("#status"), /core \d+\.\d+\.\d+ ready/);
  const options = await page.$$eval("#sample option", (os) => os.map((o) => o.value));
  assert.ok(options.includes("seed"), `samples: ${options}`);
  assert.ok(options.length >= 5, "the seed and a handful of other samples");
});

test("picking the seed sample shows metadata, publication time and Markdown", T, async () => {
  await page.selectOption("#sample", "seed");
  await waitFor(() => page.evaluate(`document.body.dataset.state === "done"`), { what: "extraction" });
  assert.equal(await page.inputValue("#url"), expected.url);
  assert.equal(await field("title"), expected.title);
  assert.equal(await field("site"), expected.site_name);
  const published = await field("published");
  assert.ok(published, "a publication time is shown");
  assert.equal(new Date(published).toISOString(), new Date(expected.published).toISOString());
  assert.match(await field("published source"), /\S+ \(“.+”, confidence \d\.\d\d\)/);

  const md = await page.textContent("#markdown");
  assert.ok(md.startsWith("---\n"), "YAML front matter first");
  assert.ok(md.includes(expected.title), "title in the Markdown");
  for (const needle of expected.text_must_contain) {
    assert.ok(md.includes(needle.slice(0, 40)), `Markdown has: ${needle.slice(0, 40)}`);
  }

  // The clean view: a sandboxed frame without scripts, holding the article.
  assert.equal(await page.getAttribute("#view", "sandbox"), "");
  const frame = page.frames().find((f) => f !== page.mainFrame());
  assert.ok(frame, "clean view frame");
  const text = await waitFor(async () => {
    const t = await frame.evaluate(() => document.body?.innerText ?? "");
    return t.length > 200 ? t : null;
  }, { what: "clean view text" });
  assert.ok(text.includes(expected.title));
});

test("Download .md saves the Markdown shown", T, async () => {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download")]);
  assert.match(download.suggestedFilename(), /^[a-z0-9-]+\.md$/);
  const saved = readFileSync(await download.path(), "utf8");
  assert.equal(saved, await page.textContent("#markdown"));
});

test("pasted hostile HTML runs no script and errors are shown in words", T, async () => {
  await page.selectOption("#sample", "");
  await page.fill("#url", "");
  await page.fill(
    "#html",
    `<html><head><title>Hostile</title></head><body><article><h1>Hostile</h1>
     <p>Some paragraph text long enough to be the article, with an image below it.</p>
     <img src=x onerror="alert('xss-img')"><script>alert('xss-script')</script>
     <a href="javascript:alert('xss-link')">link</a><svg onload="alert('xss-svg')"></svg></article></body></html>`,
  );
  await page.click("#run");
  await waitFor(() => page.evaluate(`document.body.dataset.state === "done"`), { what: "extraction" });
  assert.equal(await field("title"), "Hostile");
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, []);

  await page.fill("#html", "   ");
  await page.click("#run");
  await waitFor(() => page.evaluate(`document.body.dataset.state === "error"`), { what: "error state" });
  assert.match(await page.textContent("#error"), /empty/);
});

test("the WASM API checks its options and clock and says what is wrong", T, async () => {
  const results = await page.evaluate(async () => {
    const { extract } = await import("/pkg/cleanview.js");
    const html = "<html><body><article><p>One short paragraph of text.</p></article></body></html>";
    const run = (url, now, options) => {
      try {
        const a = extract(html, url, now, options);
        return { ok: true, markdown: a.markdown, text: a.text };
      } catch (e) {
        return { ok: false, message: String(e.message) };
      }
    };
    return {
      none: run(undefined, undefined, undefined),
      nulls: run(null, null, null),
      unsetFields: run("https://example.org/a", Date.now(), { hidden_attribute: undefined, max_nodes: null }),
      noFrontMatter: run("https://example.org/a", 0, { front_matter: false }),
      frontMatter: run("https://example.org/a", 0, { front_matter: true }),
      unknown: run(null, null, { frontmatter: true }),
      wrongType: run(null, null, { max_nodes: "many" }),
      wrongBool: run(null, null, { front_matter: 1 }),
      notObject: run(null, null, "front_matter"),
      array: run(null, null, [true]),
      zeroLimit: run(null, null, { max_nodes: 0 }),
      tinyInput: run(null, null, { max_input_bytes: 10 }),
      badClock: run(null, Number.NaN, undefined),
      farClock: run(null, 1e300, undefined),
    };
  });
  for (const k of ["none", "nulls", "unsetFields", "noFrontMatter", "frontMatter"]) {
    assert.equal(results[k].ok, true, `${k}: ${results[k].message}`);
    assert.match(results[k].text, /One short paragraph/, k);
  }
  assert.ok(results.frontMatter.markdown.startsWith("---\n"), "front matter on request");
  assert.ok(!results.noFrontMatter.markdown.startsWith("---\n"), "no front matter when off");
  const fails = {
    unknown: /unknown field `frontmatter`/,
    wrongType: /`max_nodes` must be a number/,
    wrongBool: /`front_matter` must be true or false/,
    notObject: /expected an object/,
    array: /expected an object/,
    zeroLimit: /max_nodes must be a positive number/,
    tinyInput: /./,
    badClock: /Invalid clock value/,
    farClock: /Invalid clock value/,
  };
  for (const [k, re] of Object.entries(fails)) {
    assert.equal(results[k].ok, false, `${k} should fail`);
    assert.match(results[k].message, re, k);
  }
});
