// Clean View's content script: injected on demand (scripting.executeScript, activeTab) into the
// tab the reader asked about; never declared for all URLs. A classic script, so it guards
// against a second injection and keeps everything inside one function scope.
//
// It does three things:
// 1. the browser pre-pass: marks what the browser computes as invisible and copies values that
//    only live in the DOM, on an inert copy of the document (the page itself is not touched);
// 2. runs the WASM core here, or, when the page's CSP forbids WebAssembly in content scripts
//    (Chromium applies it; GitHub is such a site), sends the HTML to the background;
// 3. shows and hides the clean view: the page is hidden, not rebuilt, so DOM, scroll position,
//    focus and event listeners are exactly as they were when the reader goes back.

(() => {
  "use strict";
  if (globalThis.__cleanViewContent) return;
  const api = globalThis.browser ?? globalThis.chrome;
  const HIDDEN_ATTR = "data-cleanview-hidden";
  const EXTRACT_OPTIONS = { hidden_attribute: HIDDEN_ATTR, front_matter: true };

  // ---------- 1. pre-pass ----------

  /**
   * Is `el` invisible as rendered? Cheap checks first; `getComputedStyle` only for elements
   * that have boxes. Returns true for display:none (no box at all), visibility:hidden,
   * zero-size boxes that clip their content, and positioned boxes entirely off-screen.
   */
  function isHidden(el, docW, docH, phrasing) {
    // checkVisibility() covers display:none (also of ancestors), content-visibility:hidden
    // and, with visibilityProperty, visibility:hidden; it is much cheaper than a style read.
    if (hasCheckVisibility) {
      if (!el.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true })) return true;
    } else {
      const cs = getComputedStyle(el);
      if (cs.display === "none" || cs.visibility === "hidden" || cs.visibility === "collapse") return true;
    }
    if (phrasing) return false;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) {
      // A zero-size box hides its content only when it clips (collapsed containers of floats
      // or absolutely placed children are visible).
      const cs = getComputedStyle(el);
      return cs.overflow === "hidden" || cs.overflow === "clip";
    }
    const left = r.left + scrollX;
    const top = r.top + scrollY;
    // Off-screen: the whole box lies outside the document (e.g. left:-9999px overlays).
    if (left + r.width <= 0 || top + r.height <= 0 || left >= docW || top >= docH) {
      const pos = getComputedStyle(el).position;
      return pos === "absolute" || pos === "fixed";
    }
    return false;
  }

  const hasCheckVisibility = typeof Element.prototype.checkVisibility === "function";

  /** Elements whose visibility says nothing about the article (or that are never rendered):
   * their subtrees are skipped. */
  const SKIP = new Set([
    "head", "script", "style", "noscript", "template", "meta", "link", "title", "br", "wbr",
    "svg", "math", "source", "track", "option", "optgroup", "area", "map", "iframe",
    "object", "embed", "canvas", "video", "audio",
  ]);
  /** Phrasing elements: checked for display/visibility only; boxes are measured for blocks. */
  const PHRASING = new Set([
    "a", "span", "em", "strong", "b", "i", "u", "s", "code", "small", "sub", "sup", "abbr",
    "time", "cite", "q", "mark", "del", "ins", "kbd", "var", "samp", "label", "img", "font", "bdi",
    "bdo", "dfn", "data", "tt", "big", "strike", "nobr", "wbr", "br", "li", "td", "th", "tr",
  ]);

  /**
   * The document as HTML for the core, after the pre-pass. The live page is read, never
   * written: hidden marks and live image URLs go onto an inert copy (a document with no
   * browsing context, so its images do not load and nothing runs), which is then serialised.
   *
   * Cost (Chromium, 2 cores, 31k elements): one flat pass over getElementsByTagName("*"),
   * skipping hidden subtrees with contains(); one style/layout flush; boxes measured only for
   * non-phrasing elements. See tests/e2e (large page) for the measured figure.
   */
  function serialisePage() {
    const t0 = performance.now();
    const root = document.documentElement;
    const docW = Math.max(root.scrollWidth, innerWidth);
    const docH = Math.max(root.scrollHeight, innerHeight);
    const all = root.getElementsByTagName("*");
    const n = all.length;
    const hidden = []; // indices into `all`
    const imgs = [];
    let visited = 0;
    const skipSubtree = (el, i) => {
      while (i + 1 < n && el.contains(all[i + 1])) i++;
      return i;
    };
    for (let i = 0; i < n; i++) {
      const el = all[i];
      const tag = el.localName;
      visited++;
      if (SKIP.has(tag)) {
        i = skipSubtree(el, i);
        continue;
      }
      if (tag === "html" || tag === "body") continue;
      if (tag === "img") imgs.push(el);
      if (isHidden(el, docW, docH, PHRASING.has(tag))) {
        hidden.push(i);
        i = skipSubtree(el, i);
      }
    }
    const t1 = performance.now();

    // Live values that the markup does not hold: the image a lazy loader or srcset picked.
    const liveSrc = new Map();
    for (const img of imgs) {
      const cur = img.currentSrc;
      if (cur && !cur.startsWith("data:") && cur !== img.getAttribute("src")) liveSrc.set(img, cur);
    }

    // Map live → copy by document order: importNode keeps the order of elements exactly.
    const inert = document.implementation.createHTMLDocument("");
    const copy = inert.importNode(root, true);
    if (hidden.length || liveSrc.size) {
      const copied = copy.getElementsByTagName("*");
      for (const i of hidden) copied[i]?.setAttribute(HIDDEN_ATTR, "");
      if (liveSrc.size) {
        for (let i = 0; i < n; i++) {
          const src = liveSrc.get(all[i]);
          if (src) copied[i]?.setAttribute("src", src);
        }
      }
    }
    // Our own clean-view frame and style are not part of the page.
    for (const own of copy.querySelectorAll("[data-cleanview-own]")) own.remove();
    const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : "";
    const html = doctype + copy.outerHTML;
    const t2 = performance.now();
    return {
      html,
      stats: {
        elements: visited,
        hidden: hidden.length,
        live_images: liveSrc.size,
        prepass_ms: Math.round((t1 - t0) * 10) / 10,
        serialise_ms: Math.round((t2 - t1) * 10) / 10,
        bytes: html.length,
      },
    };
  }

  // ---------- 2. extraction ----------

  let wasmPromise = null;
  let wasmRefused = false;

  /** The WASM glue, loaded once. Rejects where the page's CSP forbids compilation. */
  function loadWasm() {
    if (!wasmPromise) {
      wasmPromise = (async () => {
        const mod = await import(api.runtime.getURL("pkg/cleanview.js"));
        await mod.default({ module_or_path: api.runtime.getURL("pkg/cleanview_bg.wasm") });
        return mod;
      })();
      wasmPromise.catch(() => {
        wasmRefused = true;
      });
    }
    return wasmPromise;
  }

  let lastArticle = null;

  async function extractArticle() {
    const { html, stats } = serialisePage();
    const url = location.href;
    const now = Date.now();
    const t0 = performance.now();
    let article;
    let via = "content script";
    let mod = null;
    if (!wasmRefused) {
      try {
        mod = await loadWasm();
      } catch {
        mod = null; // e.g. CompileError under the page's CSP (its message is empty in Chromium)
      }
    }
    if (mod) {
      article = mod.extract(html, url, now, EXTRACT_OPTIONS); // throws a readable Error
    } else {
      via = "background";
      const reply = await api.runtime.sendMessage({
        cv: "extract-html",
        html,
        url,
        now,
        options: EXTRACT_OPTIONS,
      });
      if (!reply) throw new Error("The extension's background did not answer.");
      if (!reply.ok) throw new Error(reply.error);
      article = reply.article;
    }
    stats.extract_ms = Math.round((performance.now() - t0) * 10) / 10;
    stats.via = via;
    lastArticle = article;
    return { article, stats };
  }

  // ---------- 3. clean view ----------

  let view = null; // { frame, style, scrollX, scrollY, focus, token, onKey }

  function isOpen() {
    return view !== null && view.frame.isConnected;
  }

  function openView(article) {
    if (isOpen()) return view.token;
    const token = crypto.randomUUID();
    const saved = {
      scrollX: scrollX,
      scrollY: scrollY,
      focus: document.activeElement,
    };
    // Both nodes are appended to <html>, after <body>, and removed on close: the page's own
    // nodes and attributes are never written, so its outerHTML comes back byte for byte.
    const style = document.createElement("style");
    style.setAttribute("data-cleanview-own", "");
    style.textContent =
      "html{overflow:hidden!important}" +
      "body{visibility:hidden!important}" +
      "@media print{body{display:none!important}}";
    const frame = document.createElement("iframe");
    frame.setAttribute("data-cleanview-own", "");
    frame.setAttribute("title", "Clean view");
    frame.setAttribute("allow", "");
    frame.style.cssText = [
      "all:initial",
      "position:fixed",
      "inset:0",
      "width:100vw",
      "height:100vh",
      "max-width:none",
      "max-height:none",
      "margin:0",
      "padding:0",
      "border:0",
      "display:block",
      "visibility:visible",
      "opacity:1",
      "z-index:2147483647",
      "background:#fff",
      "color-scheme:normal",
    ]
      .map((d) => `${d}!important`)
      .join(";");
    frame.src = `${api.runtime.getURL("reader.html")}#${token}`;
    lastArticle = article;
    view = { frame, style, token, ...saved, onKey: null };
    view.onKey = (e) => {
      if (e.key === "Escape" && !e.defaultPrevented) {
        e.stopPropagation();
        closeView();
      }
    };
    addEventListener("keydown", view.onKey, true);
    document.documentElement.append(style, frame);
    frame.addEventListener("load", () => frame.focus(), { once: true });
    return token;
  }

  function closeView() {
    if (!view) return false;
    const v = view;
    view = null;
    removeEventListener("keydown", v.onKey, true);
    v.frame.remove();
    v.style.remove();
    if (scrollX !== v.scrollX || scrollY !== v.scrollY) scrollTo(v.scrollX, v.scrollY);
    if (v.focus && v.focus !== document.body && v.focus.isConnected && typeof v.focus.focus === "function") {
      try {
        v.focus.focus({ preventScroll: true });
      } catch {
        /* focus is a nicety */
      }
    }
    return true;
  }

  async function toggleView() {
    if (isOpen()) {
      closeView();
      return { ok: true, open: false };
    }
    const { article, stats } = await extractArticle();
    const token = openView(article);
    return { ok: true, open: true, token, stats };
  }

  // ---------- messages ----------

  const handlers = {
    async extract() {
      const { article, stats } = await extractArticle();
      return { ok: true, article, stats, open: isOpen() };
    },
    async open() {
      if (isOpen()) return { ok: true, open: true, token: view.token };
      const { article, stats } = await extractArticle();
      return { ok: true, open: true, token: openView(article), stats };
    },
    async toggle() {
      return toggleView();
    },
    async close() {
      return { ok: true, open: false, closed: closeView() };
    },
    async state() {
      return { ok: true, open: isOpen() };
    },
    /** The reader frame asks (through the background) for the article it should show. */
    async "reader-data"(msg) {
      if (!isOpen() || msg.token !== view.token || !lastArticle) {
        return { ok: false, error: "This clean view is no longer open." };
      }
      return { ok: true, article: lastArticle };
    },
    /** Export: the Markdown with front matter, extracted fresh. */
    async markdown() {
      const { article } = await extractArticle();
      return { ok: true, title: article.title, markdown: article.markdown };
    },
  };

  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (!msg || typeof msg.cv !== "string" || !Object.hasOwn(handlers, msg.cv)) return false;
    if (sender.id !== api.runtime.id) return false;
    handlers[msg.cv](msg).then(sendResponse, (e) =>
      sendResponse({ ok: false, error: readable(e) }),
    );
    return true;
  });

  function readable(e) {
    const m = e && typeof e.message === "string" && e.message.trim();
    return m || String(e || "Unknown error");
  }

  globalThis.__cleanViewContent = { version: 1 };
})();
