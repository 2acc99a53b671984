import test from "node:test";
import assert from "node:assert/strict";
import { normalizeSettings, DEFAULTS, loadSettings, saveSettings, SETTINGS_KEY } from "../../extension/src/lib/settings.js";
import { describeArticle, safeHttpUrl } from "../../extension/src/lib/article-view.js";
import { iconPng } from "../../extension/icons.mjs";

test("settings are clamped and validated", () => {
  assert.deepEqual(normalizeSettings(undefined), DEFAULTS);
  assert.deepEqual(normalizeSettings({ font: "comic", size: 99, width: 10, lineHeight: "1.87", theme: "neon" }), {
    font: "serif", size: 32, width: 480, lineHeight: 1.9, theme: "system",
  });
  assert.equal(normalizeSettings({ theme: "sepia" }).theme, "sepia");
});

test("settings round-trip through a storage area", async () => {
  const data = {};
  const storage = { local: { get: async (k) => ({ [k]: data[k] }), set: async (o) => Object.assign(data, o) } };
  await saveSettings(storage, { font: "mono", theme: "dark" });
  assert.equal(data[SETTINGS_KEY].font, "mono");
  assert.equal((await loadSettings(storage)).theme, "dark");
  const broken = { local: { get: async () => { throw new Error("x"); } } };
  assert.deepEqual(await loadSettings(broken), DEFAULTS);
});

const seed = {
  title: "Kim at Meeting With Xi Says North Korean-Chinese Friendship Unbreakable - State Media",
  byline: null, authors: [], site_name: "Sputnik International",
  url: "https://sputnikglobe.com/20250905/x.html", lang: "en", dir: null,
  excerpt: "North Korean leader Kim Jong Un said…", image: "https://cdn.example/img.jpg", favicon: "javascript:alert(1)",
  tags: ["china", "china", " north korea "],
  published: "2025-09-05T16:07:00Z", published_source: { raw: "20250905T1607+0000", source: "json-ld:datePublished", confidence: 0.9 },
  modified: "2025-09-05T19:07:00+03:00", modified_source: null,
  content_html: "<p>x</p>", text: "x", markdown: "", word_count: 812, reading_minutes: 4, readerable: true,
};

test("what the popup shows for the seed", () => {
  const v = describeArticle(seed, { now: new Date("2027-10-01T00:00:00Z"), locale: "en-GB", timeZone: "UTC" });
  assert.equal(v.site, "Sputnik International");
  assert.match(v.published.text, /5 Sept? 2025, 16:07/);
  assert.equal(v.published.offset, "UTC+00:00");
  assert.equal(v.published.age, "2 years ago");
  assert.equal(v.published.source, "structured data");
  assert.equal(v.modified, null, "same instant as published: not shown twice");
  assert.equal(v.favicon, "", "only http(s) images");
  assert.deepEqual(v.tags, ["china", "north korea"]);
  assert.equal(v.reading, "4 min read · 812 words");
  assert.equal(v.langName, "English");
});

test("fallbacks: host as site, authors as byline, untitled", () => {
  const v = describeArticle({ ...seed, title: "", site_name: "", authors: ["A", "B"], url: "https://www.example.org/p", modified: "2025-09-06T00:00:00Z", dir: "rtl" },
    { now: new Date("2025-09-07T00:00:00Z"), timeZone: "UTC" });
  assert.equal(v.title, "Untitled page");
  assert.equal(v.site, "example.org");
  assert.equal(v.byline, "A, B");
  assert.equal(v.modified.age, "1 day ago");
  assert.equal(v.dir, "rtl");
  assert.equal(safeHttpUrl("data:image/png;base64,xx"), "");
});

test("icons are valid PNGs of the right size", () => {
  for (const s of [16, 48, 128]) {
    const png = iconPng(s);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.equal(png.readUInt32BE(16), s);
    assert.equal(png.readUInt32BE(20), s);
  }
});
