// File names for exported articles: a readable slug of the title, safe on Windows, macOS,
// Linux, Android and in both browsers' downloads API (which reject some names outright).

const MAX_STEM = 80;

// Names Windows reserves whatever the extension (CON.md is as bad as CON).
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * A lower-case, hyphenated slug of `title`: letters and digits of any script are kept
 * (accents are folded to their base letter where one exists), everything else becomes one `-`.
 * Returns "" when nothing usable remains.
 */
export function slugify(title) {
  if (typeof title !== "string") return "";
  const folded = title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "") // combining marks left by NFKD: "é" → "e"
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .replace(/[łŁ]/g, "l")
    .replace(/['’‘`´]/g, "") // "Kim's" → "kims", not "kim-s"
    .toLowerCase();
  return folded
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** Cut `slug` to at most `max` characters (code points), at a hyphen when one is near. */
function cutSlug(slug, max) {
  const chars = Array.from(slug);
  if (chars.length <= max) return slug;
  let cut = chars.slice(0, max).join("");
  const hyphen = cut.lastIndexOf("-");
  if (hyphen >= max * 0.6) cut = cut.slice(0, hyphen);
  return cut.replace(/-+$/g, "");
}

/**
 * A file name for `title` ending in `.ext`, safe for every common file system:
 * no path separators, no characters Windows forbids (<>:"/\|?*), no control characters,
 * no leading dot or trailing dot/space, no reserved device names, at most ~80 characters
 * before the extension (well under the 255-byte limits even in 4-byte scripts).
 */
export function fileNameFor(title, ext = "md", fallback = "article") {
  let stem = cutSlug(slugify(title), MAX_STEM);
  if (!stem) stem = fallback;
  if (WINDOWS_RESERVED.test(stem)) stem = `${stem}-article`;
  return `${stem}.${ext}`;
}

/**
 * Make an arbitrary user- or page-supplied name safe as a download file name, keeping its
 * look (spaces, case) where it can. Used when no title exists and for defensive checks.
 */
export function sanitizeFileName(name, fallback = "article.md") {
  if (typeof name !== "string") return fallback;
  let s = name
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(/[<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s-]+/, "")
    .replace(/[.\s]+$/, "");
  const dot = s.lastIndexOf(".");
  const stem = dot > 0 ? s.slice(0, dot) : s;
  const ext = dot > 0 ? s.slice(dot) : "";
  let safeStem = Array.from(stem).slice(0, MAX_STEM).join("").replace(/[.\s]+$/, "");
  if (!safeStem) return fallback;
  if (WINDOWS_RESERVED.test(safeStem)) safeStem = `${safeStem}-file`;
  return safeStem + ext;
}
