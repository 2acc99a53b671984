// The playground: the extension's WASM package, run on pasted HTML or a bundled sample.
// Page-derived values reach the DOM only through textContent, and the article only through a
// sandboxed frame (no scripts, opaque origin) whose own CSP also forbids script.

import init, { extract, version } from "/pkg/cleanview.js";

const $ = (id) => document.getElementById(id);
const FRAME_CSP = "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; media-src *";
const FRAME_STYLE = `
  body { font: 17px/1.6 Georgia, serif; color: #222; max-width: 40em; margin: 1.2em auto; padding: 0 1em; }
  img, video, svg { max-width: 100%; height: auto; }
  pre { overflow: auto; background: #f4f4f4; padding: 0.6em; font-size: 0.85em; }
  table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.2em 0.4em; }
  blockquote { margin-left: 0; padding-left: 1em; border-left: 3px solid #ccc; color: #444; }`;

let markdownName = "article.md";

function escapeAttr(s) {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A file name from the title: letters, digits and dashes, at most 80 characters. */
export function slug(title) {
  const s = (title || "article")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return `${s || "article"}.md`;
}

function showError(msg) {
  $("error").textContent = msg;
  $("error").hidden = !msg;
}

function row(dl, name, value) {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
  const dt = document.createElement("dt");
  dt.textContent = name;
  const dd = document.createElement("dd");
  dd.textContent = Array.isArray(value) ? value.join(", ") : String(value);
  dd.dataset.field = name;
  dl.append(dt, dd);
}

function dateSource(src) {
  return src ? `${src.source} (“${src.raw}”, confidence ${src.confidence.toFixed(2)})` : null;
}

function render(a, ms) {
  const dl = $("meta");
  dl.replaceChildren();
  row(dl, "title", a.title);
  row(dl, "byline", a.byline);
  row(dl, "authors", a.authors);
  row(dl, "site", a.site_name);
  row(dl, "url", a.url);
  row(dl, "published", a.published);
  row(dl, "published source", dateSource(a.published_source));
  row(dl, "modified", a.modified);
  row(dl, "modified source", dateSource(a.modified_source));
  row(dl, "language", a.lang);
  row(dl, "direction", a.dir);
  row(dl, "excerpt", a.excerpt);
  row(dl, "image", a.image);
  row(dl, "tags", a.tags);
  row(dl, "words", a.word_count);
  row(dl, "reading time", `${a.reading_minutes} min`);
  row(dl, "readerable", a.readerable ? "yes" : "no");
  $("timing").textContent = `extracted in ${ms.toFixed(1)} ms`;

  const dir = a.dir === "rtl" ? "rtl" : "ltr";
  const lang = a.lang ? ` lang="${escapeAttr(a.lang)}"` : "";
  const title = a.title ? `<h1>${escapeAttr(a.title)}</h1>` : "";
  $("view").srcdoc =
    `<!doctype html><html dir="${dir}"${lang}><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">` +
    `<style>${FRAME_STYLE}</style></head><body>${title}${a.content_html}</body></html>`;
  $("markdown").textContent = a.markdown;
  markdownName = slug(a.title);
  $("output").hidden = false;
  document.body.dataset.state = "done";
}

function run() {
  showError("");
  const html = $("html").value;
  const url = $("url").value.trim() || undefined;
  try {
    const t0 = performance.now();
    const article = extract(html, url, Date.now(), { front_matter: true });
    render(article, performance.now() - t0);
  } catch (e) {
    $("output").hidden = true;
    document.body.dataset.state = "error";
    showError(e.message || String(e));
  }
}

async function pickSample(samples) {
  const s = samples.find((x) => x.id === $("sample").value);
  if (!s) return;
  document.body.dataset.state = "loading";
  const res = await fetch(s.path);
  if (!res.ok) {
    showError(`Could not load the sample (${res.status}).`);
    return;
  }
  $("html").value = await res.text();
  $("url").value = s.url;
  run();
}

async function main() {
  const t0 = performance.now();
  await init({ module_or_path: "/pkg/cleanview_bg.wasm" });
  $("status").textContent = `core ${version()} ready (loaded in ${(performance.now() - t0).toFixed(0)} ms)`;
  $("status").classList.add("ready");
  $("run").disabled = false;
  $("input").addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  $("download").addEventListener("click", () => {
    const blob = new Blob([$("markdown").textContent], { type: "text/markdown;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = markdownName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  const samples = await fetch("/samples.json").then((r) => r.json());
  for (const s of samples) {
    const opt = document.createElement("option");
    opt.value = s.id;
    opt.textContent = s.label;
    $("sample").append(opt);
  }
  $("sample").addEventListener("change", () => pickSample(samples).catch((e) => showError(String(e))));
  document.body.dataset.state = "ready";
}

main().catch((e) => {
  $("status").textContent = "";
  showError(`The WebAssembly core could not load: ${e.message || e}`);
  document.body.dataset.state = "error";
});
