// The clean view: an extension page in a frame over the (hidden) page. Its CSP runs only this
// file; every metadata field is set as text; the article body is the core's sanitised
// `content_html`, passed once more through an inert-document guard.
//
// Why an extension page rather than a sandboxed `srcdoc` frame: a srcdoc frame without
// `allow-scripts` cannot run the settings UI (font, size, theme buttons, Esc, print), and with
// `allow-scripts` it would be the page's own origin-less document, reachable by the page.
// An extension page has its own origin (the page cannot read or script it), a CSP we control
// (`script-src 'self'`), and storage access for the settings. Both browsers load it in a frame
// because it is listed in web_accessible_resources.

import { describeArticle } from "./lib/article-view.js";
import { guardedFragment } from "./lib/html-guard.js";
import { DEFAULTS, LINE_HEIGHT, SETTINGS_KEY, SIZE, WIDTH, loadSettings, normalizeSettings, saveSettings } from "./lib/settings.js";

const api = globalThis.browser ?? globalThis.chrome;
// The page's own elements, looked up once before any article is inserted: an article keeps its
// ids (footnote anchors), and `getElementById` would return an article element named like
// ours ("source", "status") ahead of the frame's own one.
const ownElements = new Map(Array.from(document.querySelectorAll("[id]"), (el) => [el.id, el]));
const $ = (id) => ownElements.get(id);
const token = location.hash.slice(1);

// Every CSP violation in this frame is counted: the e2e XSS corpus asserts there are none,
// i.e. that nothing in an article even tried to run or load against the policy.
globalThis.__cspViolations = 0;
addEventListener("securitypolicyviolation", () => globalThis.__cspViolations++);
let settings = { ...DEFAULTS };

function applySettings(s) {
  settings = s;
  const root = document.documentElement;
  root.dataset.theme = s.theme;
  root.dataset.font = s.font;
  root.style.setProperty("--size", `${s.size}px`);
  root.style.setProperty("--measure", `${s.width}px`);
  root.style.setProperty("--leading", String(s.lineHeight));
  for (const b of document.querySelectorAll("[data-font]")) b.setAttribute("aria-pressed", String(b.dataset.font === s.font));
  for (const b of document.querySelectorAll("[data-theme-choice]")) b.setAttribute("aria-pressed", String(b.dataset.themeChoice === s.theme));
  $("size-down").disabled = s.size <= SIZE.min;
  $("size-up").disabled = s.size >= SIZE.max;
  $("width-down").disabled = s.width <= WIDTH.min;
  $("width-up").disabled = s.width >= WIDTH.max;
  $("lh-down").disabled = s.lineHeight <= LINE_HEIGHT.min;
  $("lh-up").disabled = s.lineHeight >= LINE_HEIGHT.max;
}

async function change(patch) {
  applySettings(normalizeSettings({ ...settings, ...patch }));
  try {
    await saveSettings(api.storage, settings);
  } catch {
    /* still applied for this view */
  }
}

function sameImage(a, b) {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.host === y.host && x.pathname === y.pathname;
  } catch {
    return false;
  }
}

function render(a) {
  const v = describeArticle(a, { now: new Date(), pageUrl: a.url });
  const root = document.documentElement;
  if (v.lang) root.lang = v.lang;
  root.dir = v.dir || "auto";
  document.title = v.title;
  $("title").textContent = v.title;
  $("site").textContent = v.site;
  if (v.favicon) {
    $("favicon").src = v.favicon;
    $("favicon").hidden = false;
    $("favicon").addEventListener("error", () => ($("favicon").hidden = true), { once: true });
  }
  $("byline").textContent = v.byline;
  $("byline").hidden = !v.byline;
  if (v.published) {
    $("when").textContent = v.published.text;
    $("when").dateTime = v.published.iso;
    $("when").title = v.published.source ? `From ${v.published.source}: ${a.published}` : a.published;
    $("when-offset").textContent = v.published.offset;
  } else {
    $("when-wrap").hidden = true;
  }
  $("reading").textContent = v.reading;
  $("reading").hidden = !v.reading;

  const content = $("content");
  content.replaceChildren(guardedFragment(a.content_html || ""));
  // A picture that cannot load (offline, hotlink protection) is hidden rather than shown as a
  // broken box with its alt text run into the prose.
  for (const img of content.querySelectorAll("img")) {
    img.addEventListener("error", () => {
      const fig = img.closest("figure");
      if (fig && !fig.querySelector("figcaption")) fig.hidden = true;
      else img.hidden = true;
    }, { once: true });
  }
  const firstImg = content.querySelector("img");
  if (v.image && !(firstImg && sameImage(firstImg.src, v.image))) {
    $("lead-img").src = v.image;
    $("lead-img").addEventListener("error", () => ($("lead").hidden = true), { once: true });
    $("lead").hidden = false;
  }
  if (!content.textContent.trim()) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = "Clean View found no article text on this page.";
    content.append(p);
  }
  const src = a.url || "";
  if (/^https?:/i.test(src)) {
    $("source").href = src;
    $("source").textContent = `Original: ${src}`;
  }
  $("status").hidden = true;
  $("reader").hidden = false;
}

function close() {
  api.runtime.sendMessage({ cv: "reader-close", token }).catch(() => {});
}

async function start() {
  applySettings(await loadSettings(api.storage));
  try {
    const reply = await api.runtime.sendMessage({ cv: "reader-get", token });
    if (!reply || !reply.ok) throw new Error(reply?.error || "No answer from the page.");
    render(reply.article);
  } catch (e) {
    $("status").textContent = `Could not show the article: ${(e && e.message) || e}`;
    $("status").classList.add("error");
  }
}

for (const b of document.querySelectorAll("[data-font]")) b.addEventListener("click", () => change({ font: b.dataset.font }));
for (const b of document.querySelectorAll("[data-theme-choice]")) b.addEventListener("click", () => change({ theme: b.dataset.themeChoice }));
$("size-down").addEventListener("click", () => change({ size: settings.size - SIZE.step }));
$("size-up").addEventListener("click", () => change({ size: settings.size + SIZE.step }));
$("width-down").addEventListener("click", () => change({ width: settings.width - WIDTH.step }));
$("width-up").addEventListener("click", () => change({ width: settings.width + WIDTH.step }));
$("lh-down").addEventListener("click", () => change({ lineHeight: settings.lineHeight - LINE_HEIGHT.step }));
$("lh-up").addEventListener("click", () => change({ lineHeight: settings.lineHeight + LINE_HEIGHT.step }));
$("print").addEventListener("click", () => window.print());
$("close").addEventListener("click", close);
addEventListener("keydown", (e) => {
  if (e.key === "Escape") {
    e.preventDefault();
    close();
  } else if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "p") {
    e.preventDefault(); // print the article, not the hidden page around it
    window.print();
  }
});
api.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && changes[SETTINGS_KEY]) applySettings(normalizeSettings(changes[SETTINGS_KEY].newValue));
});
start();
