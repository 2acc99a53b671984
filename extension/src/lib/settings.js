// Reader settings: defaults, validation and persistence in storage.local.

export const SETTINGS_KEY = "readerSettings";

export const DEFAULTS = Object.freeze({
  font: "serif", // serif | sans | mono
  size: 20, // px
  width: 680, // px of text column
  lineHeight: 1.6,
  theme: "system", // light | dark | sepia | system
});

export const FONTS = ["serif", "sans", "mono"];
export const THEMES = ["light", "dark", "sepia", "system"];
export const SIZE = { min: 14, max: 32, step: 1 };
export const WIDTH = { min: 480, max: 1000, step: 40 };
export const LINE_HEIGHT = { min: 1.2, max: 2.2, step: 0.1 };

const clamp = (v, { min, max }, fallback) =>
  Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;

/** Settings with every field valid, whatever storage held. */
export function normalizeSettings(raw) {
  const s = raw && typeof raw === "object" ? raw : {};
  return {
    font: FONTS.includes(s.font) ? s.font : DEFAULTS.font,
    size: Math.round(clamp(Number(s.size), SIZE, DEFAULTS.size)),
    width: Math.round(clamp(Number(s.width), WIDTH, DEFAULTS.width)),
    lineHeight: Math.round(clamp(Number(s.lineHeight), LINE_HEIGHT, DEFAULTS.lineHeight) * 10) / 10,
    theme: THEMES.includes(s.theme) ? s.theme : DEFAULTS.theme,
  };
}

export async function loadSettings(storage) {
  try {
    const got = await storage.local.get(SETTINGS_KEY);
    return normalizeSettings(got && got[SETTINGS_KEY]);
  } catch {
    return { ...DEFAULTS };
  }
}

export async function saveSettings(storage, settings) {
  const s = normalizeSettings(settings);
  await storage.local.set({ [SETTINGS_KEY]: s });
  return s;
}
