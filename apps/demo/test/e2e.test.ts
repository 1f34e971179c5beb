/**
 * The demo page in a real browser (Debian's Chromium through playwright-core), against the BUILT page
 * served from 127.0.0.1. Skipped only when Chromium is absent and `CI` is not set; in CI it must run.
 */

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { safeParseProfile } from "@fairtender/core";
import { unzipSync } from "fflate";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { US_FEDERAL_EXAMPLE } from "../src/example.js";
import {
  buildIfStale,
  CHROMIUM,
  captureScreenshot,
  fillUsFederalServicesAbroad,
  launchChromium,
  SINGLE_FILE,
  serveDist,
  waitForState,
} from "./harness.js";

const run = existsSync(CHROMIUM) || Boolean(process.env.CI);
const workDir = mkdtempSync(join(tmpdir(), "fairtender-demo-e2e-"));
/** LibreOffice reads the .docx back; required in CI, skipped locally when it is not installed. */
const hasLibreOffice = Boolean(process.env.CI) || spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;

/** The text LibreOffice reads from a .docx (a private profile, so no user settings are touched). */
function libreOfficeText(bytes: Uint8Array, name: string): string {
  const input = join(workDir, name);
  writeFileSync(input, bytes);
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${pathToFileURL(join(workDir, "lo-profile")).href}`,
      "--headless",
      "--convert-to",
      "txt:Text",
      "--outdir",
      workDir,
      input,
    ],
    { stdio: "pipe", timeout: 90_000 },
  );
  return readFileSync(input.replace(/\.docx$/, ".txt"), "utf8");
}

/**
 * A new context and page that record every request the page makes and count page errors, console
 * errors and Content Security Policy violations (e.g. code evaluated from a string) as errors.
 */
async function watchedPage(
  browser: Browser,
  requests: string[],
  pageErrors: string[],
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  // CI runs every workspace's tests at once on two cores, LibreOffice and the CLI's processes among
  // them: a page can take far longer than Playwright's default 30 s to answer there.
  context.setDefaultTimeout(90_000);
  context.on("request", (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(
        `CSP violation: ${e.violatedDirective} (${e.blockedURI || "inline"}) at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    );
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
  return { context, page };
}

describe.skipIf(!run)("the demo page in Chromium", () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let context: BrowserContext;
  let page: Page;
  /** Every URL the page asked for, to prove nothing leaves the machine. */
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    buildIfStale();
    ({ url, server } = await serveDist());
    browser = await launchChromium();
    ({ context, page } = await watchedPage(browser, requests, pageErrors));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
    rmSync(workDir, { recursive: true, force: true });
  });

  it("shows a validation error next to its field in plain words, the CLI's own message behind Details", async () => {
    await page.goto(url);
    await waitForState(page, "incomplete");
    // Untouched fields do not shout at a user who has not started.
    expect(await page.locator(".field-error").count()).toBe(0);
    // Leaving a required field empty: what to do, in the form's words.
    await page.getByLabel("Buyer name").focus();
    await page.getByLabel("Buyer name").blur();
    await expect
      .poll(() => page.locator('[data-paths="buyer.name"] .field-error-text').textContent())
      .toBe("Enter the buyer's name");
    expect(await page.locator(".field-error").count()).toBe(1);

    await fillUsFederalServicesAbroad(page, "100,000");
    const countries = page.getByLabel("Countries where the goods are made or the work is done");
    await countries.fill("PH, XX");
    await countries.blur();

    const field = page.locator('[data-paths="procurement.countries"]');
    const error = field.locator(".field-error");
    await expect.poll(() => error.count()).toBe(1);

    // In plain words, without the field path; the CLI's own message (with the path) behind "Details".
    const profile = structuredClone(US_FEDERAL_EXAMPLE) as { procurement: { countries: string[] } };
    profile.procurement.countries = ["PH", "XX"];
    const parsed = safeParseProfile(profile);
    expect(parsed.success).toBe(false);
    const expected = parsed.success ? "" : parsed.error.issues[0]!.message;
    expect(expected).toMatch(/^procurement\.countries\[1\]: "XX" /);
    const plain = "Enter countries as two-letter codes, like PH or MY: “XX” is not one";
    expect((await error.locator(".field-error-text").textContent())?.trim()).toBe(plain);
    expect(await error.locator(".error-details").getAttribute("open")).toBeNull();
    expect(await error.locator(".error-details p").isVisible()).toBe(false);
    await error.locator(".error-details summary").click();
    expect((await error.locator(".error-details p").textContent())?.trim()).toBe(expected);

    // The control says it is invalid and points at the message.
    expect(await countries.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await countries.getAttribute("aria-describedby")) ?? "";
    expect(describedBy.split(" ")).toContain(await error.getAttribute("id"));

    // The results pane lists the problem, in the same plain words, as a link to the field.
    await waitForState(page, "incomplete");
    await expect.poll(() => page.locator("#results .issue-link").allTextContents()).toEqual([plain]);

    // Fixing it clears the error.
    await countries.fill("PH, QA");
    await countries.blur();
    await expect.poll(() => error.count()).toBe(0);
    expect(await countries.getAttribute("aria-invalid")).toBeNull();
    await expect.poll(() => page.locator("#countries-names").textContent()).toBe("Philippines · Qatar");
  });

  it("selects the FAR compliance plan only when the value abroad exceeds the threshold the page states", async () => {
    await page.goto(url);
    await fillUsFederalServicesAbroad(page, "100,000");
    await waitForState(page, "selected");

    // Live risk with its factors.
    expect(["Low", "Medium", "High"]).toContain((await page.locator("#risk-level").textContent())?.trim());
    expect(await page.locator(".factors li").count()).toBeGreaterThan(0);

    const abroad = page.getByLabel("Value supplied or performed outside the buyer's country");
    const selected = (id: string) => page.locator(`#selected-clauses [data-clause-id="${id}"]`).count();
    const excluded = (id: string) => page.locator(`#excluded-clauses [data-clause-id="${id}"]`).count();
    /** The threshold as the page's own reason for leaving 52.222-56 out states it. */
    const thresholdOnPage = async (entered: number): Promise<number> => {
      const text =
        (await page.locator('#excluded-clauses [data-clause-id="us-far-52-222-56"] .reasons').textContent()) ?? "";
      const amounts = [...text.matchAll(/USD\s?([\d,]+(?:\.\d+)?)/g)].map((m) => Number(m[1]!.replace(/,/g, "")));
      const threshold = amounts.find((a) => a !== entered);
      expect(threshold, `a threshold in: ${text}`).toBeDefined();
      return threshold!;
    };
    const FAR = ["us-far-52-222-56", "us-far-compliance-plan"];

    for (const [startDate, known] of [
      ["2026-10-01", 700_000],
      ["2024-06-01", 550_000],
    ] as const) {
      await page.getByLabel("Contract start date").fill(startDate);
      await abroad.fill("100,000");
      // Below: both left out, each with a reason.
      for (const id of FAR) {
        await expect.poll(() => excluded(id), { message: `${id} left out below the threshold` }).toBe(1);
        expect(await selected(id)).toBe(0);
      }
      const threshold = await thresholdOnPage(100_000);
      // library/parameters.yaml us-compliance-plan-threshold: 550,000 to 2025-09-30 (sources.yaml
      // fac-2021-01), then 700,000 (far-navigator-700k, secondary).
      expect(threshold).toBe(known);
      // Just above: both mandatory.
      await abroad.fill(String(threshold + 1));
      for (const id of FAR) {
        await expect.poll(() => selected(id), { message: `${id} selected above ${threshold}` }).toBe(1);
        expect(await page.locator(`#selected-clauses [data-clause-id="${id}"]`).getAttribute("data-strength")).toBe(
          "mandatory",
        );
      }
      // Exactly at the threshold does not exceed it.
      await abroad.fill(String(threshold));
      for (const id of FAR) await expect.poll(() => selected(id), { message: `${id} at ${threshold}` }).toBe(0);
    }
    // COTS-only acquisitions need neither, whatever the value.
    await abroad.fill("3,000,000");
    await expect.poll(() => selected("us-far-compliance-plan")).toBe(1);
    await page.getByLabel("Only commercially available off-the-shelf (COTS) items").check();
    await expect.poll(() => selected("us-far-52-222-56")).toBe(0);
  });

  it("switches edition and downloads the pack as Word, Markdown and a calendar", async () => {
    await page.goto(url);
    await fillUsFederalServicesAbroad(page, "3,100,000");
    await waitForState(page, "selected");
    const frame = page.frameLocator("#preview");
    await expect
      .poll(() => frame.locator("h1").textContent())
      .toBe("Embassy facilities maintenance and cleaning services");
    expect(await page.locator("#preview").getAttribute("sandbox")).toBe("");
    const tenderHtml = await page.locator("#preview").getAttribute("srcdoc");
    const titles = (await page.locator("#selected-clauses .clause-title").allTextContents()).map((t) => t.trim());
    expect(titles.length).toBeGreaterThan(5);

    // The Word renderer is a separate chunk, fetched only when a .docx is asked for.
    const docxChunk = (r: string) => /\/assets\/docx-[\w-]+\.js$/.test(r);
    expect(requests.filter(docxChunk)).toEqual([]);

    // Word, tender edition: a real .docx that LibreOffice reads, with every clause heading and the buyer.
    const [docx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Word .docx" }).click(),
    ]);
    expect(docx.suggestedFilename()).toBe("SAQMMA-26-R-0142-tender.docx");
    expect(requests.filter(docxChunk)).toHaveLength(1);
    const docxBytes = readFileSync((await docx.path())!);
    const entries = unzipSync(new Uint8Array(docxBytes));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml"]));
    const documentXml = new TextDecoder().decode(entries["word/document.xml"]);
    expect(documentXml).toContain("US Department of State, Bureau of Overseas Buildings");
    if (hasLibreOffice) {
      const text = libreOfficeText(docxBytes, "tender.docx");
      expect(text).toContain("US Department of State, Bureau of Overseas Buildings");
      for (const title of titles) expect(text, `clause heading "${title}"`).toContain(title);
    }

    // Guidance edition: the preview changes, and the downloads follow the switch.
    await page.getByText("Guidance", { exact: true }).click();
    await expect.poll(() => page.locator("#preview").getAttribute("srcdoc")).not.toBe(tenderHtml);
    const guidanceHtml = (await page.locator("#preview").getAttribute("srcdoc")) ?? "";
    expect(guidanceHtml.length).toBeGreaterThan((tenderHtml ?? "").length);
    const [md] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Markdown .md" }).click(),
    ]);
    expect(md.suggestedFilename()).toBe("SAQMMA-26-R-0142-guidance.md");
    const markdown = readFileSync((await md.path())!, "utf8");
    for (const title of titles) expect(markdown).toContain(title);

    const [ics] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Obligations .ics" }).click(),
    ]);
    expect(ics.suggestedFilename()).toBe("SAQMMA-26-R-0142-obligations.ics");
    const calendar = readFileSync((await ics.path())!, "utf8");
    expect(calendar.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(calendar).toContain("BEGIN:VEVENT");
    expect(calendar.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
  });

  it("takes the README screenshot at 1280×900", async () => {
    const path = join(workDir, "screenshot.png");
    await captureScreenshot(browser, url, path);
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 900]);
  });

  it("opens a YAML profile through the file input and fills the form", async () => {
    await page.goto(url);
    const file = {
      ...US_FEDERAL_EXAMPLE,
      supplier: { annualTurnover: { amount: 52000000, currency: "USD" }, sme: false, employees: 420 },
      procurment: { note: "a misspelt field" },
    };
    await page.locator("#import-file").setInputFiles({
      name: "embassy.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from(stringifyYaml(file)),
    });
    await expect
      .poll(() => page.getByLabel("Buyer name").inputValue())
      .toBe("US Department of State, Bureau of Overseas Buildings");
    expect(await page.getByLabel("Jurisdiction").inputValue()).toBe("US");
    expect(await page.getByLabel("Category").inputValue()).toBe("services");
    expect(await page.getByLabel("Estimated total value").inputValue()).toBe("4,200,000");
    expect(await page.getByLabel("Countries where the goods are made or the work is done").inputValue()).toBe("PH, QA");
    expect(await page.getByLabel("Cleaning").isChecked()).toBe(true);
    expect(await page.getByLabel("Logistics").isChecked()).toBe(false);
    expect(await page.getByLabel("Migrant workers are expected").isChecked()).toBe(true);
    expect(await page.getByLabel("The supplier or a subcontractor provides housing for workers").isChecked()).toBe(
      false,
    );
    expect(await page.getByLabel("Contract start date").inputValue()).toBe("2026-10-01");
    expect(await page.getByLabel("Supplier's annual turnover, if known").inputValue()).toBe("52,000,000");

    // A field the form cannot show is reported at the top, with the CLI's message; the rest is kept.
    const summary = page.locator("#summary");
    await expect.poll(() => summary.isVisible()).toBe(true);
    const text = (await summary.textContent()) ?? "";
    expect(text).toContain("procurment: unknown field");
    expect(text).toContain("supplier.employees");

    // Saving gives back what was opened (the misspelt field included, so nothing is lost).
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Save .yaml" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("SAQMMA-26-R-0142.profile.yaml");
    const saved = parseYaml(readFileSync((await download.path())!, "utf8"));
    expect(saved).toEqual(file);
    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Save .json" }).click(),
    ]);
    expect(json.suggestedFilename()).toBe("SAQMMA-26-R-0142.profile.json");
    expect(JSON.parse(readFileSync((await json.path())!, "utf8"))).toEqual(file);
  });

  it("reports a file that is not a profile without losing the form", async () => {
    await page.goto(url);
    await page.getByRole("button", { name: "US federal services abroad" }).click();
    await page.locator("#import-file").setInputFiles({
      name: "broken.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from("buyer: [unclosed"),
    });
    await expect.poll(() => page.locator("#summary").textContent()).toContain("broken.yaml could not be read");
    expect(await page.getByLabel("Reference").inputValue()).toBe("SAQMMA-26-R-0142");
  });

  it("opens a file with a top-level constructor, toString or __proto__ key (issue 10, item 14)", async () => {
    for (const key of ["constructor", "toString", "__proto__"]) {
      await page.goto(url);
      const text = JSON.stringify(US_FEDERAL_EXAMPLE).replace(/^\{/, `{${JSON.stringify(key)}:{"x":1},`);
      await page.locator("#import-file").setInputFiles({
        name: `${key}.json`,
        mimeType: "application/json",
        buffer: Buffer.from(text),
      });
      await expect.poll(() => page.getByLabel("Reference").inputValue(), { message: key }).toBe("SAQMMA-26-R-0142");
      const summary = (await page.locator("#summary").textContent()) ?? "";
      expect(summary, key).not.toContain("could not be read");
      expect(summary, key).toContain(`${key}: unknown field`);
    }
  });

  it("takes a fixed seed of hostile values in every text field without an exception or injected markup", async () => {
    const seed = [
      "\u0000\u0001\u0002\u001f",
      "\u202eevil\u202c",
      "\u2066isolate\u2069\u200b\u200d",
      "\ufffe\uffff",
      "x".repeat(200_000),
      "<script>window.__xss=1</script>",
      '<img src=x onerror="window.__xss=1">',
      '"><svg onload="window.__xss=1">',
      "javascript:window.__xss=1",
      "{{constructor}}",
      "{{#each this}}{{/each}}",
      "__proto__",
      "constructor",
      "toString",
      "&lt;b&gt;&amp;",
      "]]><!--",
      "\r\n\t",
      "' OR 1=1 --",
      '=HYPERLINK("http://example.invalid")',
      "@SUM(1+1)",
      "👩🏽‍🏭".repeat(1000),
      "\ud800",
      "NaN",
      "-1",
      "1e309",
      "9".repeat(400),
      "2026-02-30",
      "PH, XX, <b>",
      "a\u0301\u0301\u0301\u0301",
      "</textarea></style></script><iframe src=javascript:window.__xss=1>",
    ];
    expect(seed).toHaveLength(30);
    await page.goto(url);
    await page.getByRole("button", { name: "US federal services abroad" }).click();
    await waitForState(page, "selected");
    const errorsBefore = pageErrors.length;
    const fields = ["Buyer name", "Title", "Reference", "Estimated total value", "Duration in months"];
    for (const [i, value] of seed.entries()) {
      const label = fields[i % fields.length]!;
      const field = page.getByLabel(label, { exact: label === "Title" });
      await field.fill(value);
      await field.blur();
      await page.waitForFunction(() => document.getElementById("results")?.dataset.state !== undefined);
      await page.waitForTimeout(300);
      const state = await page.evaluate(() => ({
        xss: (window as unknown as { __xss?: number }).__xss,
        injected: document.querySelectorAll(
          "main img, main svg:not([aria-hidden]) , main script, main iframe:not(#preview)",
        ).length,
        resultsState: document.getElementById("results")?.dataset.state,
      }));
      expect(state.xss, `seed ${i}`).toBeUndefined();
      expect(state.injected, `seed ${i}`).toBe(0);
      expect(["incomplete", "selected", "failed"], `seed ${i}`).toContain(state.resultsState);
      // The preview frame stays sandboxed (no scripts) whatever the text.
      expect(await page.locator("#preview").getAttribute("sandbox")).toBe("");
      await page.getByRole("button", { name: "US federal services abroad" }).click();
    }
    expect(pageErrors.slice(errorsBefore)).toEqual([]);
  });

  it("works from the keyboard alone", async () => {
    await page.goto(url);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the tender profile");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("form-heading");

    await page.getByRole("button", { name: "US federal services abroad" }).focus();
    await page.keyboard.press("Enter");
    await waitForState(page, "selected");

    // A sector ticks with the space bar and the clauses follow.
    const before = await page.locator("#risk-factors").textContent();
    await page.getByLabel("Fishing").focus();
    await page.keyboard.press("Space");
    expect(await page.getByLabel("Fishing").isChecked()).toBe(true);
    await expect.poll(() => page.locator("#risk-factors").textContent()).not.toBe(before);

    // The edition switch is a radio group: arrow keys move it.
    await page.frameLocator("#preview").locator("h1").waitFor();
    const tenderHtml = await page.locator("#preview").getAttribute("srcdoc");
    await page.locator("#edition-tender").focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.locator("#edition-guidance").isChecked()).toBe(true);
    await expect.poll(() => page.locator("#preview").getAttribute("srcdoc")).not.toBe(tenderHtml);

    // US-only questions are shown for US buyers only.
    const cots = page.getByLabel("Only commercially available off-the-shelf (COTS) items");
    expect(await cots.isVisible()).toBe(true);
    await page.getByLabel("Jurisdiction").selectOption("GB");
    await expect.poll(() => cots.isVisible()).toBe(false);
  });

  it("fits a narrow screen without sideways scrolling", async () => {
    const narrow = await context.newPage();
    try {
      await narrow.setViewportSize({ width: 390, height: 844 });
      await narrow.goto(url);
      await narrow.getByRole("button", { name: "US federal services abroad" }).click();
      const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      // Every control keeps an accessible name.
      const unnamed = await narrow.evaluate(() =>
        [...document.querySelectorAll("input, select, textarea")]
          .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute("aria-label"))
          .map((el) => el.id || el.getAttribute("name")),
      );
      expect(unnamed).toEqual([]);
    } finally {
      await narrow.close();
    }
  });

  it("has no serious or critical accessibility problem (axe-core), filled or empty", async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
    const violations = async () => {
      // Evaluated through the DevTools protocol, which the page's policy does not govern.
      await page.evaluate(axe);
      return page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (c: unknown) => Promise<{ violations: unknown[] }> } }).axe;
        const result = await axe.run({ resultTypes: ["violations"] });
        return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
    };
    await page.goto(url);
    await waitForState(page, "incomplete");
    expect(await violations()).toEqual([]);
    await page.getByRole("button", { name: "US federal services abroad" }).click();
    await waitForState(page, "selected");
    await page.locator("#excluded > summary").click();
    expect(await violations()).toEqual([]);
    // With errors showing.
    await page.getByLabel("Buyer name").fill("");
    await page.getByLabel("Buyer name").blur();
    await waitForState(page, "incomplete");
    expect(await violations()).toEqual([]);
  });

  it("explains the high-risk sector marker and keeps every checkbox square", async () => {
    await page.goto(url);
    expect(await page.locator("#sectors-hint").textContent()).toContain("high risk");
    // Screen readers hear the words, not the dot.
    expect(
      await page.getByRole("checkbox", { name: "Fishing and seafood (high-risk sector)", exact: true }).count(),
    ).toBe(1);
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>("input[type=checkbox]")]
        .filter((b) => b.offsetParent !== null)
        .map((b) => {
          const r = b.getBoundingClientRect();
          return { id: b.id, w: Math.round(r.width), h: Math.round(r.height) };
        }),
    );
    expect(boxes.length).toBeGreaterThan(10);
    for (const b of boxes) expect(b, b.id).toEqual({ id: b.id, w: 18, h: 18 });
  });

  it("serves a Content Security Policy that forbids connections and evaluating strings as code", async () => {
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain("unsafe-eval");
  });

  it("never contacts anything but the page's own origin, and logs no errors", () => {
    const origin = new URL(url).origin;
    const outside = requests.filter((r) => !r.startsWith(`${origin}/`) && !/^(blob|data|about):/.test(r));
    expect(requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe.skipIf(!run)("the single-file page from file://, with no server", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let url: string;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    buildIfStale("single");
    url = pathToFileURL(SINGLE_FILE).href;
    browser = await launchChromium();
    ({ context, page } = await watchedPage(browser, requests, pageErrors));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it("is one HTML file whose policy allows its inline script and styles by hash only", () => {
    const html = readFileSync(SINGLE_FILE, "utf8");
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toMatch(/script-src 'sha256-[\w+/]+=*'(;|$)/);
    // Nothing to load: every src and href is inline data or a fragment.
    expect(
      [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((v) => !/^(data:|#)/.test(v!)),
    ).toEqual([]);
  });

  it("selects, previews and downloads the pack as Word and Markdown from file://", async () => {
    await page.goto(url);
    await waitForState(page, "incomplete");
    await page.getByRole("button", { name: "US federal services abroad" }).click();
    await waitForState(page, "selected");
    await expect
      .poll(() => page.frameLocator("#preview").locator("h1").textContent())
      .toBe("Embassy facilities maintenance and cleaning services");
    // The preview's styles apply under the policy (its hash is listed): the renderer's serif font.
    expect(
      await page
        .frameLocator("#preview")
        .locator("body")
        .evaluate((b) => getComputedStyle(b).fontFamily),
    ).toMatch(/Georgia/);
    // The page's own stylesheet applies too.
    expect(await page.locator(".masthead").evaluate((m) => getComputedStyle(m).display)).not.toBe("inline");

    const [docx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Word .docx" }).click(),
    ]);
    expect(docx.suggestedFilename()).toBe("SAQMMA-26-R-0142-tender.docx");
    const entries = unzipSync(new Uint8Array(readFileSync((await docx.path())!)));
    const documentXml = new TextDecoder().decode(entries["word/document.xml"]);
    expect(documentXml).toContain("US Department of State, Bureau of Overseas Buildings");
    const [md] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Markdown .md" }).click(),
    ]);
    expect(readFileSync((await md.path())!, "utf8")).toContain("Embassy facilities maintenance and cleaning services");
  });

  it("opens a YAML profile from file:// (the YAML reader is inside the file)", async () => {
    await page.goto(url);
    await page.locator("#import-file").setInputFiles({
      name: "un.yaml",
      mimeType: "text/yaml",
      buffer: Buffer.from(readFileSync(new URL("../../../examples/profiles/un-multi-regime.yaml", import.meta.url))),
    });
    await expect.poll(() => page.getByLabel("Jurisdiction").inputValue()).toBe("UN");
    await waitForState(page, "selected");
  });

  it("asks for nothing but the file itself, and logs no errors or policy violations", () => {
    const outside = requests.filter((r) => r !== url && !/^(blob|data|about):/.test(r));
    expect(requests).toContain(url);
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
