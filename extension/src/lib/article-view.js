// What the popup and the clean view show about an article, computed once from the core's
// Article. Pure: `now`, locale and time zone are parameters.

import { formatCoreDate, relativeAge, sameMoment, sourceLabel, readingLine, languageName, hostOf } from "./format.js";

/**
 * @param {object} a the core's Article
 * @param {{ now: Date, locale?: string, timeZone?: string, pageUrl?: string }} ctx
 */
export function describeArticle(a, { now, locale, timeZone, pageUrl } = {}) {
  const url = a.url || pageUrl || "";
  const site = (a.site_name || "").trim() || hostOf(url);
  const published = a.published ? formatCoreDate(a.published, { locale, timeZone }) : null;
  const modified =
    a.modified && !(a.published && sameMoment(a.published, a.modified))
      ? formatCoreDate(a.modified, { locale, timeZone })
      : null;
  const age = (d) => (d ? relativeAge(d.date, now, { dayOnly: d.kind !== "instant" }) : "");
  const byline = (a.byline || "").trim() || (a.authors || []).filter(Boolean).join(", ");
  return {
    title: (a.title || "").trim() || "Untitled page",
    hasTitle: Boolean((a.title || "").trim()),
    site,
    byline,
    published: published && {
      ...published,
      age: age(published),
      source: sourceLabel(a.published_source?.source),
    },
    modified: modified && { ...modified, age: age(modified) },
    reading: readingLine(a.reading_minutes, a.word_count),
    excerpt: (a.excerpt || "").trim(),
    image: safeHttpUrl(a.image),
    favicon: safeHttpUrl(a.favicon),
    tags: [...new Set((a.tags || []).map((t) => String(t).trim()).filter(Boolean))].slice(0, 12),
    lang: (a.lang || "").trim(),
    langName: languageName(a.lang),
    dir: a.dir === "rtl" ? "rtl" : a.dir === "ltr" ? "ltr" : "",
    readerable: a.readerable !== false,
  };
}

/** Only http(s) URLs may become an image source in extension pages. */
export function safeHttpUrl(u) {
  if (typeof u !== "string" || !u) return "";
  try {
    const url = new URL(u);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : "";
  } catch {
    return "";
  }
}
