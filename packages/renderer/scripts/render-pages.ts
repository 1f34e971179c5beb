/**
 * Renders pages of a real tender pack (.docx → LibreOffice → PDF → PNG) into docs/ for the README:
 * `docs/word-page-1.png` (cover and contents) and `docs/word-page-clauses.png` (first clause page).
 * Usage: `npm run docs:pages -w @fairtender/renderer` (needs soffice, pdftotext and pdftoppm).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { select } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import { usProfile } from "../test/fixtures/selections.js";

const dir = mkdtempSync(join(tmpdir(), "fairtender-pages-"));
try {
  const docx = join(dir, "tender-pack.docx");
  writeFileSync(docx, await toDocx(buildTenderPack(select(usProfile))));
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      docx,
    ],
    { stdio: "ignore" },
  );
  const pdf = join(dir, "tender-pack.pdf");
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1] ?? "1");
  let clausePage = 1;
  for (let p = 1; p <= pages; p++) {
    const text = execFileSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" });
    if (/^Part 3 — Contract clauses/m.test(text) && /^\s*1\.1\.1/m.test(text)) {
      clausePage = p;
      break;
    }
  }
  const docs = new URL("../docs/", import.meta.url).pathname;
  for (const [page, name] of [
    [1, "word-page-1.png"],
    [clausePage, "word-page-clauses.png"],
  ] as const) {
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      String(page),
      "-l",
      String(page),
      "-singlefile",
      pdf,
      join(dir, "page"),
    ]);
    copyFileSync(join(dir, "page.png"), join(docs, name));
    console.log(`docs/${name} ← page ${page} of ${pages}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
