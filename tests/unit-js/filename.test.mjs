import test from "node:test";
import assert from "node:assert/strict";
import { slugify, fileNameFor, sanitizeFileName } from "../../extension/src/lib/filename.js";

test("slug of the seed title", () => {
  assert.equal(
    fileNameFor("Kim at Meeting With Xi Says North Korean-Chinese Friendship Unbreakable - State Media"),
    "kim-at-meeting-with-xi-says-north-korean-chinese-friendship-unbreakable-state.md",
  );
});

test("slugify folds accents and apostrophes, keeps other scripts", () => {
  assert.equal(slugify("Crème brûlée: l’été à Paris"), "creme-brulee-lete-a-paris");
  assert.equal(slugify("Kim's   visit!!"), "kims-visit");
  assert.equal(slugify("Straße & Søren Łódź"), "strasse-soren-lodz");
  assert.equal(slugify("Привет, мир"), "привет-мир");
  assert.equal(slugify("東京の天気 2025"), "東京の天気-2025");
  assert.equal(slugify("مرحبا بالعالم"), "مرحبا-بالعالم");
  assert.equal(slugify(""), "");
  assert.equal(slugify(null), "");
});

test("file names are safe on every OS", () => {
  const evil = [
    '../../etc/passwd', 'a/b\\c', 'CON', 'con', 'nul', 'LPT1', '  .hidden', 'trailing dots...',
    'what?*<>|:"', '\u0000\u0007ctl', '\u202eexe.md', '', '....', '-', 'a'.repeat(500),
  ];
  for (const t of evil) {
    const name = fileNameFor(t);
    assert.match(name, /\.md$/, t);
    assert.doesNotMatch(name, /[<>:"/\\|?*\u0000-\u001f\u202e]/u, t);
    assert.doesNotMatch(name, /^[.\s-]/, t);
    assert.ok(!/^(con|prn|aux|nul|com\d|lpt\d)\.md$/i.test(name), `${t} → ${name}`);
    assert.ok(Buffer.byteLength(name) <= 255, t);
  }
  assert.equal(fileNameFor("CON"), "con-article.md");
  assert.equal(fileNameFor(""), "article.md");
  assert.equal(fileNameFor("!!!"), "article.md");
});

test("long titles are cut at a word boundary", () => {
  const name = fileNameFor("word ".repeat(60));
  assert.ok(name.length <= 84, name);
  assert.match(name, /^word(-word)*\.md$/);
});

test("4-byte scripts stay under the 255-byte limit", () => {
  const name = fileNameFor("𝒜".repeat(200) + " 𐍈".repeat(100));
  assert.ok(Buffer.byteLength(name, "utf8") <= 255);
});

test("sanitizeFileName keeps the look of a name", () => {
  assert.equal(sanitizeFileName("My Notes: Part 1/2.md"), "My Notes- Part 1-2.md");
  assert.equal(sanitizeFileName("  ..secret  "), "secret");
  assert.equal(sanitizeFileName("NUL.md"), "NUL-file.md");
  assert.equal(sanitizeFileName("...", "x.md"), "x.md");
  assert.equal(sanitizeFileName(42), "article.md");
});
