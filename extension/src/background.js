// Clean View's background: Chrome's module service worker, Firefox's event page (same file).
//
// - Runs the WASM core on HTML a content script sends when the page's CSP forbids WebAssembly
//   there (Chromium applies the page CSP to content-script WASM). The extension's own CSP
//   (`'wasm-unsafe-eval'`) applies here.
// - The keyboard command and the context menu: inject the content script into the active tab
//   (the gesture grants activeTab) and toggle the clean view or export Markdown.
// - Relays between the clean-view frame and the content script of its tab.
//
// Chrome's service worker allows no dynamic import() and no top-level await: the glue is
// imported statically and initialised at load; handlers await `ready`.

import init, { extract } from "./pkg/cleanview.js";
import { fileNameFor } from "./lib/filename.js";

const api = globalThis.browser ?? globalThis.chrome;
const ready = init({ module_or_path: api.runtime.getURL("pkg/cleanview_bg.wasm") });
// An unhandled rejection would only be noise; the handlers report the failure in words.
ready.catch(() => {});

/** Inject the content script (idempotent: it guards against a second run). */
async function injectContent(tabId) {
  await api.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ["content.js"] });
}

async function toTab(tabId, msg) {
  await injectContent(tabId);
  const reply = await api.tabs.sendMessage(tabId, msg, { frameId: 0 });
  if (!reply) throw new Error("The page did not answer.");
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}

/** Save `text` as a download named `filename`; a data: URL where no blob URLs exist (SW). */
async function downloadText(text, filename) {
  let url;
  let revoke = () => {};
  if (typeof URL.createObjectURL === "function") {
    url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
    revoke = () => setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } else {
    url = `data:text/markdown;charset=utf-8,${encodeURIComponent(text)}`;
  }
  try {
    return await api.downloads.download({ url, filename, saveAs: false, conflictAction: "uniquify" });
  } finally {
    revoke();
  }
}

async function exportMarkdown(tabId) {
  const { title, markdown } = await toTab(tabId, { cv: "markdown" });
  return downloadText(markdown, fileNameFor(title));
}

async function activeTabId(tab) {
  if (tab && tab.id >= 0) return tab.id;
  const [t] = await api.tabs.query({ active: true, currentWindow: true });
  if (!t) throw new Error("No active tab.");
  return t.id;
}

function report(where, e) {
  console.warn(`Clean View: ${where}: ${e && e.message ? e.message : e}`);
}

// ---------- messages ----------

/** Clean-view frames waiting for their article: token → tab id. */
const frames = new Map();

const handlers = {
  /** From a content script whose page forbids WASM: run the core here. */
  async "extract-html"(msg) {
    await ready.catch(() => {
      throw new Error("The extension's WebAssembly core could not start.");
    });
    const article = extract(String(msg.html ?? ""), msg.url ?? undefined, Number(msg.now) || undefined, msg.options);
    return { ok: true, article };
  },
  /** From the clean-view frame: its article, fetched from the content script of its tab. */
  async "reader-get"(msg, sender) {
    const tabId = sender.tab?.id ?? frames.get(msg.token);
    if (tabId === undefined) throw new Error("The clean view lost its tab.");
    frames.set(msg.token, tabId);
    const reply = await api.tabs.sendMessage(tabId, { cv: "reader-data", token: msg.token }, { frameId: 0 });
    if (!reply) throw new Error("The page did not answer.");
    return reply;
  },
  /** From the clean-view frame: close it (the close button or Esc inside the frame). */
  async "reader-close"(msg, sender) {
    const tabId = sender.tab?.id ?? frames.get(msg.token);
    frames.delete(msg.token);
    if (tabId === undefined) throw new Error("The clean view lost its tab.");
    return api.tabs.sendMessage(tabId, { cv: "close" }, { frameId: 0 });
  },
  /** From the popup: a download it cannot keep alive itself (it may close first). */
  async download(msg) {
    const id = await downloadText(String(msg.text ?? ""), fileNameFor(msg.title));
    return { ok: true, id };
  },
};

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!msg || typeof msg.cv !== "string" || !Object.hasOwn(handlers, msg.cv)) return false;
  if (sender.id !== api.runtime.id) return false;
  handlers[msg.cv](msg, sender).then(sendResponse, (e) =>
    sendResponse({ ok: false, error: (e && e.message) || String(e) }),
  );
  return true;
});

// ---------- keyboard command and context menu ----------

api.commands.onCommand.addListener(async (command, tab) => {
  if (command !== "toggle-clean-view") return;
  try {
    await toTab(await activeTabId(tab), { cv: "toggle" });
  } catch (e) {
    report("toggle", e);
  }
});

api.runtime.onInstalled.addListener(async () => {
  try {
    await api.contextMenus.removeAll();
    api.contextMenus.create({ id: "cv-clean-view", title: "Clean view", contexts: ["page", "selection"] });
    api.contextMenus.create({ id: "cv-export", title: "Export as Markdown", contexts: ["page", "selection"] });
  } catch (e) {
    report("menus", e);
  }
});

api.contextMenus.onClicked.addListener(async (info, tab) => {
  try {
    const tabId = await activeTabId(tab);
    if (info.menuItemId === "cv-clean-view") await toTab(tabId, { cv: "toggle" });
    else if (info.menuItemId === "cv-export") await exportMarkdown(tabId);
  } catch (e) {
    report(String(info.menuItemId), e);
  }
});
