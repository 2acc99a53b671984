// Debian's firefox-esr through selenium-webdriver + geckodriver, the extension installed as a
// temporary add-on. Extension pages are opened from the privileged context (geckodriver runs
// with --allow-system-access); the add-on's UUID is pinned so its address is known.

import { Builder, By } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, homedir } from "node:os";
import { join } from "node:path";
import { existsSync } from "node:fs";
import { GECKO_ID } from "../../../extension/manifest.mjs";
import { TEST_TZ, waitFor } from "./build.mjs";

const UUID = "7d1c5e1a-3b1e-4c51-9f1e-c1ea4c1e0001";

function geckodriverPath() {
  for (const p of [process.env.GECKODRIVER, join(homedir(), ".cargo", "bin", "geckodriver"), "/usr/local/bin/geckodriver", "/usr/bin/geckodriver"]) {
    if (p && existsSync(p)) return p;
  }
  throw new Error("geckodriver not found: run .ci/setup");
}

export async function launchFirefox(extDir, { colorScheme = "light" } = {}) {
  const downloads = mkdtempSync(join(tmpdir(), "cv-firefox-dl-"));
  const options = new firefox.Options()
    .setBinary(process.env.FIREFOX_BIN || "/usr/bin/firefox-esr")
    .addArguments("-headless", "--width=1100", "--height=900")
    .setPreference("extensions.webextensions.uuids", JSON.stringify({ [GECKO_ID]: UUID }))
    .setPreference("browser.download.folderList", 2)
    .setPreference("browser.download.dir", downloads)
    .setPreference("browser.download.useDownloadDir", true)
    .setPreference("browser.download.always_ask_before_handling_new_types", false)
    .setPreference("browser.download.alwaysOpenPanel", false)
    .setPreference("browser.download.manager.showWhenStarting", false)
    .setPreference("browser.helperApps.neverAsk.saveToDisk", "text/markdown,text/plain,application/octet-stream")
    .setPreference("ui.systemUsesDarkTheme", colorScheme === "dark" ? 1 : 0)
    .setPreference("layout.css.prefers-color-scheme.content-override", colorScheme === "dark" ? 0 : 1)
    .setPreference("network.dns.localDomains", "")
    .setPreference("network.proxy.type", 0)
    .setPreference("datareporting.policy.dataSubmissionEnabled", false)
    .setPreference("browser.shell.checkDefaultBrowser", false);
  const service = new firefox.ServiceBuilder(geckodriverPath())
    .addArguments("--allow-system-access")
    .setEnvironment({ ...process.env, TZ: TEST_TZ, MOZ_CRASHREPORTER_DISABLE: "1" });
  const driver = await new Builder().forBrowser("firefox").setFirefoxOptions(options).setFirefoxService(service).build();
  await driver.manage().setTimeouts({ script: 30000, pageLoad: 60000 });
  await driver.installAddon(extDir, true);
  const base = `moz-extension://${UUID}`;
  let current = null;

  async function use(handle) {
    if (current !== handle) {
      await driver.switchTo().window(handle);
      current = handle;
    }
    await driver.switchTo().defaultContent();
  }
  async function evalIn(handle, expr) {
    await use(handle);
    return driver.executeScript(`return (${expr});`);
  }
  async function openPrivileged(url) {
    const before = new Set(await driver.getAllWindowHandles());
    await driver.setContext("chrome");
    await driver.executeScript(
      `gBrowser.selectedTab = gBrowser.addTab(arguments[0], { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });`,
      url,
    );
    await driver.setContext("content");
    const handle = await waitFor(async () => (await driver.getAllWindowHandles()).find((h) => !before.has(h)), { what: "new tab" });
    current = null;
    await use(handle);
    return handle;
  }
  async function inReader(handle, fn) {
    await use(handle);
    const frame = await driver.findElement(By.css("iframe[data-cleanview-own]"));
    await driver.switchTo().frame(frame);
    try {
      return await fn();
    } finally {
      await driver.switchTo().defaultContent();
    }
  }

  return {
    name: "firefox",
    driver,
    downloads,
    async open(url) {
      await driver.switchTo().newWindow("tab");
      current = await driver.getWindowHandle();
      await driver.get(url);
      return current;
    },
    evalPage: evalIn,
    async popup(targetUrl) {
      const h = await openPrivileged(`${base}/popup.html?url=${encodeURIComponent(targetUrl)}`);
      await waitFor(() => evalIn(h, `document.getElementById("app") && document.getElementById("app").dataset.state !== "loading"`), { what: "popup" });
      return h;
    },
    evalPopup: evalIn,
    async clickPopup(h, sel) {
      await use(h);
      await driver.findElement(By.css(sel)).click();
    },
    async readerFrame(h) {
      await waitFor(async () => {
        await use(h);
        if (!(await driver.findElements(By.css("iframe[data-cleanview-own]"))).length) return false;
        return inReader(h, () => driver.executeScript(`return !!document.getElementById("reader") && (!document.getElementById("reader").hidden || !!document.querySelector(".status.error"))`));
      }, { what: "clean view frame" });
      return h;
    },
    evalReader: (h, expr) => inReader(h, () => driver.executeScript(`return (${expr});`)),
    clickReader: (h, sel) => inReader(h, () => driver.findElement(By.css(sel)).click()),
    pressReader: (h, key) =>
      inReader(h, async () => {
        const keys = { Escape: "\uE00C" };
        await driver.findElement(By.css("body")).sendKeys(keys[key] ?? key);
      }),
    async readerGone(h) {
      await waitFor(() => evalIn(h, `!document.querySelector("iframe[data-cleanview-own]")`), { what: "clean view to close" });
    },
    async clickPage(h, sel) {
      await use(h);
      await driver.findElement(By.css(sel)).click();
    },
    async screenshot(h, file, selector) {
      await use(h);
      const { writeFileSync } = await import("node:fs");
      const data = selector
        ? await driver.findElement(By.css(selector)).takeScreenshot()
        : await driver.takeScreenshot();
      writeFileSync(file, Buffer.from(data, "base64"));
    },
    async close() {
      await driver.quit().catch(() => {});
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}
