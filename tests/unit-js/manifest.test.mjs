import test from "node:test";
import assert from "node:assert/strict";
import { makeManifest, PERMISSIONS, GECKO_ID } from "../../extension/manifest.mjs";

const ALLOWED = new Set(["activeTab", "scripting", "storage", "downloads", "contextMenus", "clipboardWrite"]);

for (const target of ["chrome", "firefox"]) {
  test(`${target} manifest`, () => {
    const m = makeManifest(target, { version: "1.2.3" });
    assert.equal(m.manifest_version, 3);
    assert.equal(m.version, "1.2.3");
    for (const p of m.permissions) assert.ok(ALLOWED.has(p), p);
    assert.deepEqual(m.permissions, PERMISSIONS);
    assert.equal(m.host_permissions, undefined, "no host permission in the shipped manifest");
    assert.equal(m.content_scripts, undefined, "content script is injected on demand only");
    assert.match(m.content_security_policy.extension_pages, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(m.content_security_policy.extension_pages, /'unsafe-inline'|'unsafe-eval'|http/);
    for (const s of ["16", "32", "48", "128"]) assert.equal(m.icons[s], `icons/icon-${s}.png`);
    assert.equal(m.action.default_popup, "popup.html");
    assert.equal(m.commands["toggle-clean-view"].suggested_key.default, "Alt+Shift+R");
    const war = m.web_accessible_resources[0].resources;
    for (const f of ["pkg/cleanview.js", "pkg/cleanview_bg.wasm", "reader.html"]) assert.ok(war.includes(f), f);
  });
}

test("Chrome: service worker, no gecko settings", () => {
  const m = makeManifest("chrome", { version: "0.1.0" });
  assert.deepEqual(m.background, { service_worker: "background.js", type: "module" });
  assert.equal(m.browser_specific_settings, undefined);
});

test("Firefox: background scripts and gecko settings", () => {
  const m = makeManifest("firefox", { version: "0.1.0" });
  assert.deepEqual(m.background, { scripts: ["background.js"], type: "module" });
  assert.equal(m.background.service_worker, undefined);
  assert.equal(m.browser_specific_settings.gecko.id, GECKO_ID);
  assert.deepEqual(m.browser_specific_settings.gecko.data_collection_permissions, { required: ["none"] });
  assert.equal(m.browser_specific_settings.gecko.id, "cleanview@cleanview.invalid");
});

test("test builds may add a host permission; bad input is refused", () => {
  const m = makeManifest("chrome", { version: "0.1.0", extraHostPermissions: ["http://127.0.0.1/*"] });
  assert.deepEqual(m.host_permissions, ["http://127.0.0.1/*"]);
  assert.throws(() => makeManifest("safari", { version: "0.1.0" }));
  assert.throws(() => makeManifest("chrome", { version: "v1" }));
});
