// Dates, ages and counts as the reader sees them. Pure functions: the clock (`now`), the
// locale and the time zone are parameters, so the unit tests pin them.

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|z|[+-]\d{2}:?\d{2})?$/;
const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Read a date as the core gives it:
 * - RFC 3339 with an offset → `{ kind: "instant", date, pageOffsetMinutes }`
 * - `YYYY-MM-DD` → `{ kind: "day", year, month, day }`
 * - `YYYY-MM-DDTHH:MM[:SS]` without a zone → `{ kind: "floating", year, month, day, hour, minute }`
 * Anything else → null.
 */
export function parseCoreDate(value) {
  if (typeof value !== "string") return null;
  const v = value.trim();
  let m = BARE_DATE.exec(v);
  if (m) {
    const [year, month, day] = [+m[1], +m[2], +m[3]];
    if (!validDay(year, month, day)) return null;
    return { kind: "day", year, month, day };
  }
  m = RFC3339.exec(v);
  if (!m) return null;
  const [year, month, day, hour, minute] = [+m[1], +m[2], +m[3], +m[4], +m[5]];
  const second = m[6] ? +m[6] : 0;
  if (!validDay(year, month, day) || hour > 23 || minute > 59 || second > 60) return null;
  if (!m[8]) return { kind: "floating", year, month, day, hour, minute, second };
  let pageOffsetMinutes = 0;
  if (!/^z$/i.test(m[8])) {
    const sign = m[8][0] === "-" ? -1 : 1;
    const digits = m[8].slice(1).replace(":", "");
    pageOffsetMinutes = sign * (+digits.slice(0, 2) * 60 + +digits.slice(2, 4));
  }
  const ms =
    Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) -
    pageOffsetMinutes * 60_000 +
    (m[7] ? Math.round(parseFloat(m[7]) * 1000) : 0);
  return { kind: "instant", date: new Date(ms), pageOffsetMinutes };
}

function validDay(y, m, d) {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "+03:00" style offset from minutes east of UTC. */
export function formatOffset(minutes) {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(Math.round(minutes));
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Minutes east of UTC of `timeZone` (or the runtime's zone when undefined) at `date`. */
export function zoneOffsetMinutes(date, timeZone) {
  if (!timeZone) return -date.getTimezoneOffset();
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(date);
  const get = (t) => +parts.find((p) => p.type === t).value;
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/**
 * A date for display: `{ text, offset, iso, kind }`.
 * - instants are shown in the reader's zone with its offset: "Sat, 6 Sep 2025, 01:07", "UTC+09:00";
 * - a bare day is shown as a day, no time or offset;
 * - a time without a zone is shown as the page gave it, marked "time zone not stated".
 */
export function formatCoreDate(value, { locale, timeZone } = {}) {
  const p = parseCoreDate(value);
  if (!p) return null;
  if (p.kind === "instant") {
    const text = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(p.date);
    const offset = `UTC${formatOffset(zoneOffsetMinutes(p.date, timeZone))}`;
    return { kind: p.kind, text, offset, iso: p.date.toISOString(), date: p.date };
  }
  const utc = new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour ?? 12, p.minute ?? 0));
  const dayText = new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(utc);
  if (p.kind === "day") {
    return { kind: p.kind, text: dayText, offset: "", iso: value.trim(), date: utc };
  }
  const hm = `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
  return {
    kind: p.kind,
    text: `${dayText}, ${hm}`,
    offset: "time zone not stated",
    iso: value.trim(),
    date: utc,
  };
}

const UNITS = [
  ["year", 365.2425 * 86400],
  ["month", 30.436875 * 86400],
  ["week", 7 * 86400],
  ["day", 86400],
  ["hour", 3600],
  ["minute", 60],
];

/**
 * "2 years ago", "in 3 days", "just now": the age of `date` at `now`, in the largest unit that
 * fits. `dayOnly` (a bare date) never says hours or minutes: "today", "yesterday", "3 days ago".
 */
export function relativeAge(date, now, { locale = "en", dayOnly = false } = {}) {
  if (!(date instanceof Date) || !(now instanceof Date)) return "";
  const seconds = (date.getTime() - now.getTime()) / 1000;
  // "auto" only for days ("yesterday"); "last year" would be ambiguous, so years say "1 year ago".
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "always" });
  const rtfDay = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (dayOnly) {
    const days = Math.round(
      (Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) -
        Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) /
        86_400_000,
    );
    if (Math.abs(days) < 7) return rtfDay.format(days, "day");
  } else if (abs < 45) {
    return seconds <= 0 ? "just now" : rtf.format(Math.round(seconds), "second");
  }
  for (const [unit, size] of UNITS) {
    if (abs >= size * (unit === "minute" ? 1 : 0.95) || unit === "minute") {
      const n = Math.round(seconds / size) || Math.sign(seconds) || -1;
      return rtf.format(n, unit);
    }
  }
  return "";
}

/** Words for where a date came from, from the core's `source` key. */
export function sourceLabel(source) {
  if (typeof source !== "string" || !source) return "";
  const s = source.toLowerCase();
  if (s.startsWith("json-ld") || s.startsWith("jsonld") || s.startsWith("microdata") || s.startsWith("rdfa") || s.startsWith("schema"))
    return "structured data";
  if (s.startsWith("meta")) return "meta tag";
  if (s.startsWith("time") || s.startsWith("<time") || s.startsWith("abbr")) return "time element";
  if (s.startsWith("url")) return "page address";
  if (s.startsWith("text") || s.startsWith("byline")) return "page text";
  if (s.startsWith("attr") || s.startsWith("markup") || s.startsWith("class")) return "page markup";
  if (s.startsWith("sitemap") || s.startsWith("feed")) return "feed";
  return s.replace(/[:_-]+/g, " ").trim();
}

/** True when two core dates name the same instant (or day). */
export function sameMoment(a, b) {
  const pa = parseCoreDate(a);
  const pb = parseCoreDate(b);
  if (!pa || !pb) return a === b;
  if (pa.kind === "instant" && pb.kind === "instant") return Math.abs(pa.date - pb.date) < 60_000;
  return formatCoreDate(a, { timeZone: "UTC" })?.iso === formatCoreDate(b, { timeZone: "UTC" })?.iso;
}

/** "4 min read · 812 words" */
export function readingLine(minutes, words, locale = "en") {
  const nf = new Intl.NumberFormat(locale);
  const parts = [];
  if (Number.isFinite(minutes) && minutes > 0) parts.push(`${nf.format(minutes)} min read`);
  if (Number.isFinite(words)) parts.push(`${nf.format(words)} ${words === 1 ? "word" : "words"}`);
  return parts.join(" · ");
}

/** The language's name in English ("en" → "English"), or the tag when unknown. */
export function languageName(tag, locale = "en") {
  if (typeof tag !== "string" || !tag.trim()) return "";
  try {
    const dn = new Intl.DisplayNames([locale], { type: "language" });
    return dn.of(tag.trim()) || tag;
  } catch {
    return tag;
  }
}

/** Host name for display: "sputnikglobe.com" from a URL, "" when not a URL. */
export function hostOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}
