// One manifest source, two browsers. Pure: the unit tests call makeManifest() directly.

export const GECKO_ID = "cleanview@cleanview.invalid";

const ICON_SIZES = [16, 32, 48, 96, 128];

/** The permissions the extension asks for: no host permission for any site. */
export const PERMISSIONS = ["activeTab", "scripting", "storage", "downloads", "contextMenus", "clipboardWrite"];

/** Files a web page's document must be able to load from the extension. */
export const WEB_ACCESSIBLE = ["pkg/cleanview.js", "pkg/cleanview_bg.wasm", "reader.html"];

/**
 * @param {"chrome"|"firefox"} target
 * @param {{ version: string, extraHostPermissions?: string[] }} opts
 *   `extraHostPermissions` exists for the e2e test build only (an extension page opened as a
 *   tab has no activeTab grant); the shipped packages never set it.
 */
export function makeManifest(target, { version, extraHostPermissions = [] }) {
  if (target !== "chrome" && target !== "firefox") throw new Error(`unknown target ${target}`);
  if (!/^\d+(\.\d+){0,3}$/.test(version)) throw new Error(`bad version ${version}`);
  const icons = Object.fromEntries(ICON_SIZES.map((s) => [String(s), `icons/icon-${s}.png`]));
  const m = {
    manifest_version: 3,
    name: "Clean View",
    short_name: "Clean View",
    version,
    description:
      "Read any article without clutter: clean view, the exact publication time and Markdown export, all computed on your device.",
    icons,
    action: {
      default_title: "Clean View",
      default_popup: "popup.html",
      default_icon: { 16: icons[16], 32: icons[32], 48: icons[48] },
    },
    permissions: [...PERMISSIONS],
    commands: {
      "toggle-clean-view": {
        suggested_key: { default: "Alt+Shift+R" },
        description: "Toggle clean view",
      },
    },
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    web_accessible_resources: [{ resources: [...WEB_ACCESSIBLE], matches: ["<all_urls>"] }],
  };
  if (extraHostPermissions.length) m.host_permissions = [...extraHostPermissions];
  if (target === "chrome") {
    m.background = { service_worker: "background.js", type: "module" };
    m.minimum_chrome_version = "120";
  } else {
    m.background = { scripts: ["background.js"], type: "module" };
    m.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: "140.0",
        data_collection_permissions: { required: ["none"] },
      },
    };
  }
  return m;
}
