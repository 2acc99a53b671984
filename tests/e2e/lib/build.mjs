// The extension build the e2e tests load: the real packages plus one host permission for the
// local test server (an extension page opened as a tab has no activeTab grant).

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, buildPackages, buildWasm } from "../../../extension/build.mjs";

export const TEST_TZ = "Asia/Tokyo";
export const OUT = join(ROOT, "test-output");

export function testBuild() {
  if (!existsSync(join(ROOT, "pkg", "cleanview_bg.wasm"))) buildWasm();
  const outDir = mkdtempSync(join(tmpdir(), "cleanview-ext-"));
  const dirs = buildPackages({ outDir, extraHostPermissions: ["http://127.0.0.1/*"], zip: false });
  return { ...dirs, cleanup: () => rmSync(outDir, { recursive: true, force: true }) };
}

export async function waitFor(fn, { timeout = 20000, interval = 100, what = "condition" } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      // One attempt may hang (an evaluate in a frame that is being torn down never settles):
      // bound each attempt so the loop keeps polling instead of stalling the whole test.
      last = await Promise.race([
        fn(),
        new Promise((_, reject) => setTimeout(() => reject(new Error("attempt timed out")), 5000)),
      ]);
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ""}`);
}
