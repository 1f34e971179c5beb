/**
 * Shared by the browser test and the screenshot script: build the page when the build is stale, serve
 * `dist/` on 127.0.0.1 (ephemeral port), and start Debian's Chromium without a network of its own.
 */

import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";

/** The demo app's folder. */
export const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(APP_DIR, "dist");
const REPO = resolve(APP_DIR, "../..");

/** Where Debian puts Chromium (never downloaded by the tests). */
export const CHROMIUM = process.env.FAIRTENDER_CHROMIUM ?? "/usr/bin/chromium";

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist") continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** The single-file build: the whole page in one HTML file, to open from `file://`. */
export const SINGLE_FILE = join(APP_DIR, "dist-single", "fairtender-demo.html");

/**
 * Builds the page with Vite unless its output is newer than every source it is built from: the
 * served build (`dist/index.html`) by default, the single file with `mode` `"single"`.
 */
export function buildIfStale(mode: "served" | "single" = "served"): void {
  const output = mode === "single" ? SINGLE_FILE : join(DIST, "index.html");
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  const sources = [
    join(APP_DIR, "src"),
    join(APP_DIR, "build"),
    join(APP_DIR, "public"),
    join(APP_DIR, "index.html"),
    join(APP_DIR, "vite.config.ts"),
    join(REPO, "packages/core/src"),
    join(REPO, "packages/renderer/src"),
    join(REPO, "packages/adapters/src"),
  ];
  if (built > 0 && sources.every((s) => newestMtime(s) < built)) return;
  // Resolve Vite as Node does (npm may hoist it to the repository root), and run its bin with this Node.
  const vitePkg = createRequire(join(APP_DIR, "package.json")).resolve("vite/package.json");
  const viteBin = join(dirname(vitePkg), "bin/vite.js");
  execFileSync(
    process.execPath,
    [viteBin, "build", "--logLevel", "warn", ...(mode === "single" ? ["--mode", "single"] : [])],
    { cwd: APP_DIR, stdio: "inherit" },
  );
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
};

/** Serves the built page from 127.0.0.1 on a free port. Close the server when done. */
export async function serveDist(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(DIST, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(DIST + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, server };
}

/** Starts headless Chromium with its background networking switched off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Waits for the page's debounced update to settle on a state (`incomplete`, `selected`, `failed`). */
export async function waitForState(page: Page, state: string): Promise<void> {
  await page.waitForFunction((s) => document.getElementById("results")?.dataset.state === s, state);
}

/** Fills the form by hand, as a user would: a US federal services contract performed abroad. */
export async function fillUsFederalServicesAbroad(page: Page, abroad: string): Promise<void> {
  await page.getByLabel("Buyer name").fill("US Department of State, Bureau of Overseas Buildings");
  await page.getByLabel("Jurisdiction").selectOption("US");
  await page.getByLabel("Kind of buyer").selectOption("federal-executive-agency");
  await page.getByLabel("Title", { exact: true }).fill("Embassy facilities maintenance and cleaning services");
  await page.getByLabel("Reference").fill("SAQMMA-26-R-0142");
  await page.getByLabel("Category").selectOption("services");
  await page.getByLabel("Estimated total value").fill("4,200,000");
  await page.getByLabel("Value supplied or performed outside the buyer's country").fill(abroad);
  await page.getByLabel("Countries where the goods are made or the work is done").fill("PH, qa");
  await page.locator("#countries-names", { hasText: "Qatar" }).waitFor();
  await page.getByLabel("Cleaning").check();
  await page.getByLabel("Construction").check();
  await page.getByLabel("Workers are hired through recruitment or labour agencies").check();
  await page.getByLabel("Migrant workers are expected").check();
  await page.getByLabel("The supplier is expected to subcontract").check();
  await page.getByLabel("Contract start date").fill("2026-10-01");
  await page.getByLabel("Duration in months").fill("36");
  await page.getByLabel("Duration in months").blur();
}

/** The screenshot in the README: the worked example, filled, at 1280×900. */
export const SCREENSHOT = join(APP_DIR, "docs", "screenshot.png");

/** Opens the page at 1280×900, fills in the worked example and saves a screenshot to `path`. */
export async function captureScreenshot(browser: Browser, url: string, path = SCREENSHOT): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  try {
    await page.goto(url);
    await page.getByRole("button", { name: "US federal services abroad" }).click();
    await waitForState(page, "selected");
    await page.frameLocator("#preview").locator("h1").waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path, fullPage: false });
  } finally {
    await page.close();
  }
}
