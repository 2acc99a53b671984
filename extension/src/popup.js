// The toolbar popup: inject the content script into the active tab (activeTab grant), extract,
// show what the page is. Every page-derived value is set with textContent or as an image URL
// checked to be http(s); nothing from the page becomes HTML here.
//
// `?tab=<id>` (or `?url=<address>`) targets a given tab instead of the active one, for when the
// popup is opened as a tab, as the e2e tests do; it then stays open after "Clean view".

import { describeArticle } from "./lib/article-view.js";
import { fileNameFor } from "./lib/filename.js";
import { loadSettings } from "./lib/settings.js";

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

// Counted for the e2e XSS corpus, which asserts that no page value ever tries to run here.
globalThis.__cspViolations = 0;
addEventListener("securitypolicyviolation", () => globalThis.__cspViolations++);
const params = new URLSearchParams(location.search);
const asTab = params.has("tab") || params.has("url");

let tabId = null;
let article = null;

function setState(state) {
  $("app").dataset.state = state;
  $("loading").hidden = state !== "loading";
  $("error").hidden = state !== "error";
  $("card").hidden = state !== "ready";
  $("actions").hidden = state === "loading" || (state === "error" && tabId === null);
}

function showError(message) {
  $("error-message").textContent = message;
  setState("error");
}

function status(text, kind = "") {
  const el = $("status");
  el.textContent = text;
  el.dataset.kind = kind;
}

function show(el, on) {
  el.hidden = !on;
}

function render(a) {
  const v = describeArticle(a, { now: new Date(), pageUrl: a.url });
  document.title = `Clean View – ${v.title}`;
  $("title").textContent = v.title;
  if (v.dir) $("title").dir = v.dir;
  if (v.lang) $("title").lang = v.lang;
  $("site").textContent = v.site;
  const fav = $("favicon");
  if (v.favicon) {
    fav.src = v.favicon;
    fav.hidden = false;
    $("favicon-fallback").hidden = true;
    fav.addEventListener("error", () => {
      fav.hidden = true;
      $("favicon-fallback").hidden = false;
    }, { once: true });
  }
  $("favicon-fallback").textContent = (v.site || "?").trim().charAt(0).toUpperCase();
  $("lang").textContent = v.langName || v.lang;
  $("lang").title = v.lang ? `Language: ${v.langName} (${v.lang})` : "";
  show($("lang"), Boolean(v.lang));
  show($("not-article"), !v.readerable);
  $("byline").textContent = v.byline;
  show($("byline"), Boolean(v.byline));

  show($("published-row"), Boolean(v.published));
  show($("no-date-row"), !v.published);
  if (v.published) {
    const p = v.published;
    $("published").textContent = p.text;
    $("published").dateTime = p.iso;
    $("published").title = `As the page gives it: ${a.published}`;
    $("published-offset").textContent = p.offset;
    $("published-age").textContent = p.age;
    $("published-source").textContent = p.source ? ` · from ${p.source}` : "";
  }
  show($("modified-row"), Boolean(v.modified));
  if (v.modified) {
    $("modified").textContent = v.modified.text;
    $("modified").dateTime = v.modified.iso;
    $("modified-offset").textContent = v.modified.offset;
    $("modified-age").textContent = v.modified.age;
  }
  $("reading").textContent = v.reading;
  show($("reading"), Boolean(v.reading));

  if (v.image) {
    const img = $("image");
    img.src = v.image;
    img.addEventListener("error", () => show($("image-wrap"), false), { once: true });
    show($("image-wrap"), true);
  }
  $("excerpt").textContent = v.excerpt;
  show($("excerpt"), Boolean(v.excerpt));
  const tags = $("tags");
  tags.replaceChildren(
    ...v.tags.map((t) => {
      const li = document.createElement("li");
      li.textContent = t;
      return li;
    }),
  );
  show(tags, v.tags.length > 0);
  setState("ready");
}

/** Send `msg` to the content script of the target tab, injecting it first. */
async function ask(msg) {
  await api.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ["content.js"] });
  const reply = await api.tabs.sendMessage(tabId, msg, { frameId: 0 });
  if (!reply) throw new Error("The page did not answer.");
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}

function explain(e) {
  const m = (e && e.message) || String(e);
  if (/cannot be scripted|cannot access|extensions gallery|missing host permission|not allowed|privileged|Cannot access contents/i.test(m)) {
    return "Browser pages, the add-on stores and some built-in viewers are off limits to extensions.";
  }
  if (/Receiving end does not exist|Could not establish connection/i.test(m)) {
    return "The page is still loading or was closed. Try again in a moment.";
  }
  return m;
}

async function targetTab() {
  if (params.has("tab")) {
    const id = Number(params.get("tab"));
    if (!Number.isInteger(id)) throw new Error("Invalid tab id.");
    return api.tabs.get(id);
  }
  if (params.has("url")) {
    // Only tabs the extension may read report their URL: in practice the e2e test build,
    // which has a host permission for its local server.
    const want = params.get("url");
    const tab = (await api.tabs.query({})).find((t) => t.url === want);
    if (!tab) throw new Error("No tab shows that page.");
    return tab;
  }
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  if (!tab) throw new Error("No active tab.");
  return tab;
}

async function start() {
  applyTheme(await loadSettings(api.storage));
  let tab;
  try {
    tab = await targetTab();
  } catch (e) {
    showError(explain(e));
    return;
  }
  if (tab.url && !/^https?:/i.test(tab.url) && !/^file:/i.test(tab.url)) {
    showError("Clean View works on web pages (http and https). This is a browser page.");
    return;
  }
  tabId = tab.id;
  try {
    const reply = await ask({ cv: "extract" });
    article = reply.article;
    render(article);
    // What the extraction cost (pre-pass, serialisation, WASM) and where the WASM ran.
    $("app").dataset.via = reply.stats?.via ?? "";
    $("app").dataset.stats = JSON.stringify(reply.stats ?? {});
    if (reply.open) $("btn-clean").textContent = "Close clean view";
  } catch (e) {
    showError(explain(e));
    // Clean view may still work after a transient failure; exports need an article.
    $("btn-export").disabled = true;
    $("btn-copy").disabled = true;
  }
}

function applyTheme(settings) {
  document.documentElement.dataset.theme = settings.theme;
}

function markdown() {
  if (!article) throw new Error("No article to export.");
  return article.markdown;
}

async function onClean() {
  const btn = $("btn-clean");
  btn.disabled = true;
  try {
    const reply = await ask({ cv: "toggle" });
    btn.textContent = reply.open ? "Close clean view" : "Clean view";
    if (!asTab) window.close();
  } catch (e) {
    status(explain(e), "error");
  } finally {
    btn.disabled = false;
  }
}

async function onExport() {
  try {
    const name = fileNameFor(article?.title);
    // The background starts the download: a popup may close before a blob URL is read.
    const reply = await api.runtime.sendMessage({ cv: "download", text: markdown(), title: article?.title });
    if (!reply?.ok) throw new Error(reply?.error || "The download did not start.");
    status(`Saved ${name}`, "ok");
  } catch (e) {
    status(explain(e), "error");
  }
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Not focused (e.g. opened as a background tab): fall back to a selection copy, which
    // the clipboardWrite permission allows.
  }
  const ta = document.createElement("textarea");
  ta.value = text;
  ta.setAttribute("readonly", "");
  ta.style.cssText = "position:fixed;left:-9999px;top:0;opacity:0";
  document.body.append(ta);
  ta.select();
  const ok = document.execCommand("copy");
  ta.remove();
  if (!ok) throw new Error("The clipboard refused the text.");
}

async function onCopy() {
  try {
    await copyText(markdown());
    status("Markdown copied to the clipboard", "ok");
  } catch (e) {
    status(explain(e), "error");
  }
}

$("btn-clean").addEventListener("click", onClean);
$("btn-export").addEventListener("click", onExport);
$("btn-copy").addEventListener("click", onCopy);
start();
