#!/usr/bin/env node
// Build Clean View: the WASM core (wasm-pack → pkg/), then dist/chrome, dist/firefox and a zip
// of each. Plain file copies, no bundler: the extension is plain ES modules.
//
//   node extension/build.mjs               full build
//   node extension/build.mjs --skip-wasm   reuse pkg/ (JS-only change)
//
// The e2e tests call buildPackages() with a test-only host permission into their own folder.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { makeManifest } from "./manifest.mjs";
import { iconPng } from "./icons.mjs";
import { zipDirectory } from "./zip.mjs";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const TARGETS = ["chrome", "firefox"];
const ICON_SIZES = [16, 32, 48, 96, 128];

/** The crate version from Cargo.toml: the extension ships with the core's version. */
export function crateVersion() {
  const toml = readFileSync(join(ROOT, "Cargo.toml"), "utf8");
  const m = /^\[package\][\s\S]*?^version\s*=\s*"([^"]+)"/m.exec(toml);
  if (!m) throw new Error("no version in Cargo.toml");
  return m[1].replace(/[-+].*$/, "");
}

/**
 * Rebuilding the standard library for the .wasm is what keeps it under the size budget
 * (BENCHMARKS.md): the prebuilt `std` carries panic messages, source locations, `Debug` code and
 * speed-tuned `core` routines that a page never needs, ~37 KB of the gzipped file. Cargo's
 * `-Z build-std` is unstable, so the stable compiler is told to accept it (`RUSTC_BOOTSTRAP=1`,
 * as Firefox and the Linux kernel do for their own unstable flags) rather than switching to a
 * nightly: the nightly on these machines (1.97.0-nightly 2026-05-19) miscompiles this crate for
 * wasm32 at `opt-level="z"` (a `<time>` that does not parse took the date of the one before it;
 * tests/wasm/parity.test.mjs catches that). It needs the toolchain's `rust-src` component
 * (`.ci/setup` installs it). The flags:
 *  - `-Cpanic=immediate-abort`: a panic traps at once instead of formatting a message nobody
 *    reads (the library never panics by design; the fuzz targets check that natively);
 *  - `-Zlocation-detail=none`: no file/line strings for the panics that remain as traps;
 *  - `-Zfmt-debug=none`: `{:?}` prints nothing; the library formats no user-visible text with
 *    `Debug` (only tests and the native CLI do, and they are not built this way);
 *  - `optimize_for_size`: `core`/`alloc` pick their small variants (sorting, formatting);
 *  - `core` itself at `opt-level=3` (a profile override only this build can name).
 * Without `rust-src` the build falls back to the prebuilt `std` and says so: same behaviour, a
 * larger file (`npm run size` then fails).
 */
function stdBuildOptions() {
  const r = spawnSync("rustup", ["component", "list", "--installed"], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0 || !/^rust-src\b/m.test(r.stdout ?? "")) {
    console.warn(
      "warning: the Rust toolchain has no rust-src component (run .ci/setup): building with the " +
        "prebuilt std, which makes the .wasm ~37 KB (gzipped) larger",
    );
    return { env: {}, cargoArgs: [] };
  }
  return {
    env: {
      RUSTC_BOOTSTRAP: "1",
      RUSTFLAGS: "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none",
    },
    cargoArgs: [
      "-Z",
      "build-std=std,panic_abort",
      "-Z",
      "build-std-features=optimize_for_size",
      // `core` at full speed (its `Chars::next`, `str::eq`, `trim` top the profile at "z"):
      // 0.95x the per-page time for 1.4 KB gzipped (BENCHMARKS.md). Given here, not in
      // Cargo.toml, because only a build that compiles the standard library has this package.
      "--config",
      "profile.wasm-release.package.core.opt-level=3",
    ],
  };
}

/**
 * `wasm-pack build --target web` in no-install mode (the exact wasm-bindgen-cli must be on
 * PATH; nothing is downloaded), without wasm-opt, with the size-tuned `wasm-release` cargo
 * profile (Cargo.toml), so the native `cargo build --release` keeps opt-level 3, and with the
 * standard library rebuilt for size (above).
 */
export function buildWasm({ profile = "wasm-release", outDir = "pkg" } = {}) {
  const std = stdBuildOptions();
  const env = { ...process.env, ...std.env, PATH: `${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
  const args = [
    "build", "--target", "web", "--profile", profile, "--mode", "no-install", "--no-opt",
    "--no-pack", "--no-typescript", "--out-dir", outDir, "--out-name", "cleanview",
  ];
  // The crate path must come before `--`, or wasm-pack reads the first cargo flag as the path.
  if (std.cargoArgs.length) args.push(".", "--", ...std.cargoArgs);
  const t0 = Date.now();
  const r = spawnSync("wasm-pack", args, { cwd: ROOT, env, stdio: "inherit" });
  if (r.error) throw new Error(`wasm-pack could not start (${r.error.message}); run .ci/setup`);
  if (r.status !== 0) throw new Error(`wasm-pack failed with status ${r.status}`);
  const wasm = join(ROOT, outDir, "cleanview_bg.wasm");
  const raw = readFileSync(wasm);
  console.log(
    `wasm: ${(raw.length / 1024).toFixed(0)} KB raw, ${(gzipSync(raw, { level: 9 }).length / 1024).toFixed(0)} KB gzip -9 (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
}

/**
 * Assemble one unpacked extension per browser under `outDir`.
 * @returns {{ chrome: string, firefox: string }} the unpacked directories
 */
export function buildPackages({ outDir = join(ROOT, "dist"), extraHostPermissions = [], zip = true } = {}) {
  const pkg = join(ROOT, "pkg");
  for (const f of ["cleanview.js", "cleanview_bg.wasm"]) {
    if (!existsSync(join(pkg, f))) throw new Error(`pkg/${f} is missing: run \`npm run build\` first`);
  }
  const version = crateVersion();
  const icons = Object.fromEntries(ICON_SIZES.map((s) => [s, iconPng(s)]));
  const dirs = {};
  mkdirSync(outDir, { recursive: true });
  for (const target of TARGETS) {
    const dir = join(outDir, target);
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(ROOT, "extension", "src"), dir, { recursive: true });
    mkdirSync(join(dir, "pkg"), { recursive: true });
    for (const f of ["cleanview.js", "cleanview_bg.wasm"]) cpSync(join(pkg, f), join(dir, "pkg", f));
    mkdirSync(join(dir, "icons"), { recursive: true });
    for (const [s, png] of Object.entries(icons)) writeFileSync(join(dir, "icons", `icon-${s}.png`), png);
    const manifest = makeManifest(target, { version, extraHostPermissions });
    writeFileSync(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    dirs[target] = dir;
    if (zip) {
      const zipPath = join(outDir, `cleanview-${target}-${version}.zip`);
      const size = zipDirectory(dir, zipPath);
      console.log(`${target}: ${dir}  +  ${zipPath} (${(size / 1024).toFixed(0)} KB)`);
    }
  }
  return dirs;
}

/** True when pkg/ is older than a Rust source or the manifest (used by the tests). */
export function wasmIsStale() {
  const wasm = join(ROOT, "pkg", "cleanview_bg.wasm");
  if (!existsSync(wasm)) return true;
  return statSync(join(ROOT, "Cargo.toml")).mtimeMs > statSync(wasm).mtimeMs;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const opt = (name) => {
      const i = process.argv.indexOf(`--${name}`);
      return i > 0 ? process.argv[i + 1] : undefined;
    };
    const profile = opt("profile");
    const outDir = opt("out-dir");
    if (!process.argv.includes("--skip-wasm")) buildWasm({ profile, outDir });
    // Another profile or folder is for measuring (twiggy); the packages use pkg/ as shipped.
    if (!profile && !outDir) buildPackages();
  } catch (e) {
    console.error(`build failed: ${e.message}`);
    process.exit(1);
  }
}
