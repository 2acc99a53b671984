import test from "node:test";
import assert from "node:assert/strict";
import {
  parseCoreDate, formatCoreDate, formatOffset, zoneOffsetMinutes, relativeAge, sourceLabel,
  sameMoment, readingLine, languageName, hostOf,
} from "../../extension/src/lib/format.js";

test("parses the three shapes the core emits", () => {
  const i = parseCoreDate("2025-09-05T19:07:00+03:00");
  assert.equal(i.kind, "instant");
  assert.equal(i.date.toISOString(), "2025-09-05T16:07:00.000Z");
  assert.equal(i.pageOffsetMinutes, 180);
  assert.equal(parseCoreDate("2025-09-05T16:07:00Z").date.toISOString(), "2025-09-05T16:07:00.000Z");
  assert.equal(parseCoreDate("2025-09-05T12:07:00.250-04:00").date.toISOString(), "2025-09-05T16:07:00.250Z");
  assert.equal(parseCoreDate("2025-09-05T21:37+05:30").date.toISOString(), "2025-09-05T16:07:00.000Z");
  assert.deepEqual(parseCoreDate("2025-09-05"), { kind: "day", year: 2025, month: 9, day: 5 });
  assert.equal(parseCoreDate("2025-09-05T16:07:00").kind, "floating");
  for (const bad of ["", "yesterday", "2025-02-30", "2025-13-01", "2025-09-05T25:00:00Z", null, 5]) {
    assert.equal(parseCoreDate(bad), null, String(bad));
  }
});

test("offsets", () => {
  assert.equal(formatOffset(0), "+00:00");
  assert.equal(formatOffset(180), "+03:00");
  assert.equal(formatOffset(-270), "-04:30");
  assert.equal(formatOffset(345), "+05:45");
  const d = new Date("2025-09-05T16:07:00Z");
  assert.equal(zoneOffsetMinutes(d, "UTC"), 0);
  assert.equal(zoneOffsetMinutes(d, "Asia/Tokyo"), 540);
  assert.equal(zoneOffsetMinutes(d, "America/New_York"), -240); // EDT
  assert.equal(zoneOffsetMinutes(new Date("2025-01-05T16:07:00Z"), "America/New_York"), -300);
  assert.equal(zoneOffsetMinutes(d, "Asia/Kolkata"), 330);
});

test("the seed's instant in the reader's zone, with the reader's offset", () => {
  const utc = formatCoreDate("2025-09-05T16:07:00Z", { locale: "en-GB", timeZone: "UTC" });
  assert.match(utc.text, /^Fri,? 5 Sept? 2025, 16:07$/);
  assert.equal(utc.offset, "UTC+00:00");
  assert.equal(utc.iso, "2025-09-05T16:07:00.000Z");
  const tokyo = formatCoreDate("2025-09-05T19:07:00+03:00", { locale: "en-GB", timeZone: "Asia/Tokyo" });
  assert.match(tokyo.text, /^Sat,? 6 Sept? 2025, 01:07$/);
  assert.equal(tokyo.offset, "UTC+09:00");
  const ny = formatCoreDate("2025-09-05T16:07:00Z", { locale: "en-US", timeZone: "America/New_York" });
  assert.match(ny.text, /Fri, Sep 5, 2025, 12:07/);
  assert.equal(ny.offset, "UTC-04:00");
});

test("a bare day has no time and no offset; a zoneless time says so", () => {
  const day = formatCoreDate("2025-09-05", { locale: "en-GB", timeZone: "Pacific/Auckland" });
  assert.match(day.text, /^Fri,? 5 Sept? 2025$/);
  assert.equal(day.offset, "");
  assert.equal(day.kind, "day");
  const floating = formatCoreDate("2025-09-05T16:07:00", { locale: "en-GB", timeZone: "Asia/Tokyo" });
  assert.match(floating.text, /^Fri,? 5 Sept? 2025, 16:07$/);
  assert.equal(floating.offset, "time zone not stated");
});

test("relative age", () => {
  const now = new Date("2027-10-01T12:00:00Z");
  const d = (s) => new Date(s);
  assert.equal(relativeAge(d("2025-09-05T16:07:00Z"), now), "2 years ago");
  assert.equal(relativeAge(d("2026-09-20T16:07:00Z"), now), "1 year ago");
  assert.equal(relativeAge(d("2027-07-01T12:00:00Z"), now), "3 months ago");
  assert.equal(relativeAge(d("2027-09-17T12:00:00Z"), now), "2 weeks ago");
  assert.equal(relativeAge(d("2027-09-28T12:00:00Z"), now), "3 days ago");
  assert.equal(relativeAge(d("2027-10-01T07:00:00Z"), now), "5 hours ago");
  assert.equal(relativeAge(d("2027-10-01T11:50:00Z"), now), "10 minutes ago");
  assert.equal(relativeAge(d("2027-10-01T11:59:40Z"), now), "just now");
  assert.equal(relativeAge(d("2027-10-04T12:00:00Z"), now), "in 3 days");
  assert.equal(relativeAge("nope", now), "");
});

test("relative age of a bare day speaks in days", () => {
  const now = new Date(2027, 9, 1, 9, 0); // local 1 Oct 2027 09:00
  assert.equal(relativeAge(new Date(Date.UTC(2027, 9, 1, 12)), now, { dayOnly: true }), "today");
  assert.equal(relativeAge(new Date(Date.UTC(2027, 8, 30, 12)), now, { dayOnly: true }), "yesterday");
  assert.equal(relativeAge(new Date(Date.UTC(2025, 8, 5, 12)), now, { dayOnly: true }), "2 years ago");
});

test("where a date came from, in words", () => {
  assert.equal(sourceLabel("json-ld:datePublished"), "structured data");
  assert.equal(sourceLabel("microdata:datePublished"), "structured data");
  assert.equal(sourceLabel("meta:article:published_time"), "meta tag");
  assert.equal(sourceLabel("time[datetime]"), "time element");
  assert.equal(sourceLabel("url"), "page address");
  assert.equal(sourceLabel("text"), "page text");
  assert.equal(sourceLabel("something_else"), "something else");
  assert.equal(sourceLabel(undefined), "");
});

test("same moment across offsets", () => {
  assert.ok(sameMoment("2025-09-05T16:07:00Z", "2025-09-05T19:07:00+03:00"));
  assert.ok(!sameMoment("2025-09-05T16:07:00Z", "2025-09-05T17:07:00Z"));
  assert.ok(sameMoment("2025-09-05", "2025-09-05"));
});

test("reading line, language names, hosts", () => {
  assert.equal(readingLine(4, 812), "4 min read · 812 words");
  assert.equal(readingLine(0, 1), "1 word");
  assert.equal(readingLine(12, 2400), "12 min read · 2,400 words");
  assert.equal(languageName("en"), "English");
  assert.equal(languageName("ar"), "Arabic");
  assert.equal(languageName(""), "");
  assert.equal(hostOf("https://www.example.com/a"), "example.com");
  assert.equal(hostOf("nope"), "");
});
