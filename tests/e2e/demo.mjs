// `npm run demo`: the built packages on the bundled seed page, headless, in Chromium and
// Firefox. Writes the popup and clean-view screenshots and the exported Markdown to
// test-output/demo/<browser>/ and prints where.

import { mkdirSync, readFileSync, existsSync, copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { startServer, SEED_PATH } from "./lib/server.mjs";
import { testBuild, waitFor, OUT } from "./lib/build.mjs";
import { launchChromium } from "./lib/chromium.mjs";
import { launchFirefox } from "./lib/firefox.mjs";
import { fileNameFor } from "../../extension/src/lib/filename.js";

const outRoot = join(OUT, "demo");
const build = testBuild();
const server = await startServer();
const url = `${server.base}${SEED_PATH}`;
let failed = false;

for (const [name, launch, dir] of [["chromium", launchChromium, build.chrome], ["firefox", launchFirefox, build.firefox]]) {
  const out = join(outRoot, name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let b;
  try {
    b = await launch(dir);
    const page = await b.open(url);
    const popup = await b.popup(url);
    await b.screenshot(popup, join(out, "popup.png"), "body");
    const title = await b.evalPopup(popup, `document.getElementById("title").textContent`);
    await b.clickPopup(popup, "#btn-export");
    const md = fileNameFor(title === "Untitled page" ? "" : title);
    const dl = join(b.downloads, md);
    await waitFor(() => existsSync(dl) && readFileSync(dl).length > 0, { what: md });
    copyFileSync(dl, join(out, md));
    await b.clickPopup(popup, "#btn-clean");
    const frame = await b.readerFrame(page);
    await b.clickReader(frame, '[data-theme-choice="light"]');
    await b.screenshot(page, join(out, "clean-view-light.png"));
    await b.clickReader(frame, '[data-theme-choice="dark"]');
    await b.screenshot(page, join(out, "clean-view-dark.png"));
    await b.clickReader(frame, '[data-theme-choice="system"]');
    console.log(`${name}: ${out}/ {popup.png, clean-view-light.png, clean-view-dark.png, ${md}}`);
  } catch (e) {
    failed = true;
    console.error(`${name}: demo failed: ${e.message}`);
  } finally {
    await b?.close();
  }
}
await server.close();
build.cleanup();
process.exit(failed ? 1 : 0);
