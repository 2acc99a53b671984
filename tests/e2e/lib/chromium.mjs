// Debian's Chromium through playwright-core, with the unpacked extension loaded.

import { chromium } from "playwright-core";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEST_TZ, waitFor } from "./build.mjs";

export async function launchChromium(extDir, { colorScheme = "light" } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "cv-chromium-"));
  const downloads = mkdtempSync(join(tmpdir(), "cv-chromium-dl-"));
  // Downloads go to `downloads` under the names the extension gives them: the profile's own
  // download directory, and (below) DevTools' download override turned back to "default".
  mkdirSync(join(profile, "Default"), { recursive: true });
  writeFileSync(
    join(profile, "Default", "Preferences"),
    JSON.stringify({ download: { default_directory: downloads, prompt_for_download: false, directory_upgrade: true } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_BIN || "/usr/bin/chromium",
    headless: false,
    colorScheme,
    viewport: { width: 1100, height: 800 },
    env: { ...process.env, TZ: TEST_TZ },
    args: [
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
      `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`,
    ],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 30000 }));
  const extId = new URL(sw.url()).host;
  const base = `chrome-extension://${extId}`;

  const page0 = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page0);
  await cdp.send("Browser.setDownloadBehavior", { behavior: "default" });

  const s = {
    name: "chromium",
    context,
    downloads,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: "load" });
      return page;
    },
    evalPage: (page, expr) => page.evaluate(expr),
    async popup(targetUrl) {
      const page = await context.newPage();
      await page.goto(`${base}/popup.html?url=${encodeURIComponent(targetUrl)}`);
      await waitFor(() => page.evaluate(`document.getElementById("app").dataset.state !== "loading"`), { what: "popup" });
      return page;
    },
    evalPopup: (popup, expr) => popup.evaluate(expr),
    clickPopup: (popup, sel) => popup.click(sel),
    async readerFrame(page) {
      return waitFor(async () => {
        const f = page.frames().find((fr) => fr.url().startsWith(`${base}/reader.html`));
        if (!f) return null;
        const shown = await f.evaluate(`!document.getElementById("reader").hidden || !!document.querySelector(".status.error")`);
        return shown ? f : null;
      }, { what: "clean view frame" });
    },
    evalReader: (frame, expr) => frame.evaluate(expr),
    async clickReader(frame, sel) {
      // Clicking ✕ removes the frame that holds the button, and headless Chromium then does
      // not always acknowledge the click: Playwright waited out its 30 s once (CI, loaded
      // machine) although the clean view had closed. A click that has not returned after 5 s
      // counts as done once the frame is gone; otherwise it is waited for as usual (never
      // repeated, so a button that toggles is not pressed twice).
      const click = frame.click(sel);
      const settled = await Promise.race([
        click.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 5000)),
      ]);
      if (settled) return;
      if (frame.isDetached()) {
        click.catch(() => {});
        return;
      }
      await click;
    },
    async pressReader(frame, key) {
      // A real key press in the frame: bring its tab to the front, focus inside the frame, press.
      // Headless Chromium sometimes never settles one of these calls; each try is bounded and
      // the press is repeated (on the focused close button) while the frame is still there.
      const page = frame.page();
      const bounded = (p) => Promise.race([p, new Promise((r) => setTimeout(r, 5000))]).catch(() => {});
      for (let i = 0; i < 3; i++) {
        await bounded(page.bringToFront());
        await bounded(frame.focus("#close"));
        await bounded(i === 0 ? page.keyboard.press(key) : frame.press("#close", key));
        const open = await bounded(page.evaluate(`!!document.querySelector("iframe[data-cleanview-own]")`));
        if (open === false) return;
        await new Promise((r) => setTimeout(r, 1000));
      }
    },
    async readerGone(page) {
      await waitFor(() => page.evaluate(`!document.querySelector("iframe[data-cleanview-own]")`), { what: "clean view to close" });
    },
    clickPage: (page, sel) => page.click(sel),
    async screenshot(page, file, selector) {
      // caret "initial": playwright's default caret hiding writes style="" onto the page's
      // inputs, which would break the exact-restore check.
      if (selector) await page.locator(selector).screenshot({ path: file, caret: "initial", animations: "disabled" });
      else await page.screenshot({ path: file, caret: "initial" });
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    },
  };
  return s;
}
