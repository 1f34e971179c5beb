/**
 * Proof with real clients: LibreOffice opens every .docx and shows the numbers the Markdown shows;
 * pandoc reads the .docx back with its headings; markdown-it reads the Markdown (see markdown.test.ts).
 * Skipped only when the binary is absent and `CI` is not set.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Selection } from "@fairtender/core";
import { buildTenderPack, type PartNode, type TenderPack, type TopicNode } from "@fairtender/renderer";
import { type DocxOptions, toDocx } from "@fairtender/renderer/docx";
import { toMarkdown } from "@fairtender/renderer/markdown";
import MarkdownIt from "markdown-it";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plainText } from "../src/pack/labels.js";
import { scrub } from "../src/text/scrub.js";
import { unSelection, usSelection } from "./fixtures/selections.js";
import { clientAvailable, has, LABEL, realUn, realUs } from "./helpers.js";

const HOSTILE_BUYER = "<script>alert(1)</script> **Acme** | pipe # heading [x](y) مرحبا 🚀";

function hostileSelection(): Selection {
  // A selection from select() is frozen; a tool that edits one works on a copy (validated again).
  const sel = structuredClone(realUs());
  sel.profile.buyer.name = `${HOSTILE_BUYER}\u0007\u0000\uD800`;
  sel.profile.procurement.title = "1. Not a list\n# Not a heading & <b>not bold</b>";
  return sel;
}

interface Case {
  name: string;
  pack: TenderPack;
  options?: DocxOptions;
}

const cases = (): Case[] => [
  { name: "real-us-guidance", pack: buildTenderPack(realUs(), { edition: "guidance" }) },
  { name: "real-un-tender", pack: buildTenderPack(realUn()) },
  { name: "fixture-us-tender", pack: buildTenderPack(usSelection()) },
  { name: "fixture-un-guidance", pack: buildTenderPack(unSelection(), { edition: "guidance" }) },
  { name: "hostile", pack: buildTenderPack(hostileSelection()) },
  // a house template: pandoc's reference.docx supplies the styles and theme
  ...(has("pandoc")
    ? [
        {
          name: "real-un-house-styles",
          pack: buildTenderPack(realUn()),
          options: {
            referenceDocx: new Uint8Array(execFileSync("pandoc", ["--print-default-data-file", "reference.docx"])),
            theme: { pageSize: "Letter" as const },
          },
        },
      ]
    : []),
];

const topicsOf = (p: TenderPack) =>
  p.children
    .filter((c): c is PartNode => c.type === "part")
    .flatMap((x) => x.children.filter((c): c is TopicNode => c.type === "topic"));

/** Labels as the Markdown shows them: topic and clause headings, sub-clause numbers, item letters. */
function markdownLabels(md: string): string[] {
  const out: string[] = [];
  const tokens = new MarkdownIt().parse(md, {});
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "heading_open" && (t.tag === "h3" || t.tag === "h4"))
      out.push(tokens[i + 1]!.content.split(" ")[0]!);
    if (t.type === "inline") {
      const kids = (t.children ?? []).filter((k) => !(k.type === "text" && k.content === ""));
      const label = kids[0]?.type === "strong_open" ? (kids[1]?.content ?? "") : "";
      if (LABEL.test(label)) out.push(label);
    }
  }
  return out;
}

/** Labels as LibreOffice shows them: indented numbered paragraphs in the body (not the TOC or tables). */
function libreOfficeLabels(txt: string): string[] {
  return txt
    .split(/\r?\n/)
    .map((l) => /^\s+(A?\d+(?:\.\d+)*|\([a-z]+\))[\t ]/.exec(l)?.[1])
    .filter((l): l is string => l !== undefined);
}

const PDF_CASES = ["real-us-guidance", "hostile"];

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

describe.skipIf(!clientAvailable("soffice"))("LibreOffice opens every .docx", () => {
  const dir = mkdtempSync(join(tmpdir(), "fairtender-lo-"));
  const all = cases();
  const text = new Map<string, string>();
  beforeAll(async () => {
    for (const c of all) writeFileSync(join(dir, `${c.name}.docx`), await toDocx(c.pack, c.options));
    // One soffice run for every file, with a private profile (no clash with a running office).
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "txt:Text (encoded):UTF8",
        "--outdir",
        dir,
        ...all.map((c) => join(dir, `${c.name}.docx`)),
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
    for (const c of all) text.set(c.name, readFileSync(join(dir, `${c.name}.txt`), "utf8"));
    // And one run to PDF, for the page fields (a second batch: one output format per soffice run).
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        ...PDF_CASES.map((name) => join(dir, `${name}.docx`)),
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows the buyer, the clause headings and the numbers of the Markdown (parity)", () => {
    for (const c of all) {
      const txt = text.get(c.name)!;
      expect(txt, c.name).toContain(scrub(c.pack.meta.buyer));
      for (const t of topicsOf(c.pack)) {
        expect(txt, c.name).toMatch(new RegExp(`\\s${t.number.replace(".", "\\.")} ${t.title}`));
        for (const cl of t.children) expect(txt, `${c.name} ${cl.number}`).toContain(`${cl.number} ${cl.title}`);
      }
      const md = markdownLabels(toMarkdown(c.pack));
      expect(md.length, c.name).toBeGreaterThan(20);
      expect(libreOfficeLabels(txt), c.name).toEqual(md);
    }
  });

  it("resolves every cross-reference field to the number the pack computed", () => {
    for (const c of all) {
      const txt = norm(text.get(c.name)!);
      for (const t of topicsOf(c.pack)) {
        for (const cl of t.children) {
          for (const s of cl.children) {
            if (s.type !== "subclause" || !s.children.some((r) => r.type === "ref")) continue;
            expect(txt, `${c.name} ${s.number}`).toContain(norm(`${s.number} ${plainText(s.children)}`));
          }
        }
      }
    }
  });

  it.skipIf(!clientAvailable("pdftotext"))("lays out pages with the header and a computed Page X of Y footer", () => {
    for (const name of PDF_CASES) {
      const pdf = join(dir, `${name}.pdf`);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
      expect(pages, name).toBeGreaterThan(5);
      const first = execFileSync("pdftotext", ["-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" });
      const last = execFileSync("pdftotext", ["-f", String(pages), "-l", String(pages), pdf, "-"], {
        encoding: "utf8",
      });
      expect(first, name).toContain(`Page 1 of ${pages}`);
      expect(last, name).toContain(`Page ${pages} of ${pages}`);
      if (name === "real-us-guidance") expect(first).toContain("USAED-2026-0142");
    }
  });

  it("keeps hostile text literal", () => {
    const txt = text.get("hostile")!;
    expect(txt).toContain(HOSTILE_BUYER);
    expect(txt).toContain("1. Not a list # Not a heading & <b>not bold</b>");
  });
});

describe.skipIf(!clientAvailable("pandoc"))("pandoc reads the .docx back", () => {
  it("with the part, topic and clause headings intact", async () => {
    const pack = buildTenderPack(realUs());
    const dir = mkdtempSync(join(tmpdir(), "fairtender-pandoc-"));
    try {
      const file = join(dir, "pack.docx");
      writeFileSync(file, await toDocx(pack));
      const gfm = execFileSync("pandoc", ["-f", "docx", "-t", "gfm", file], { encoding: "utf8", timeout: 60_000 });
      // pandoc reads a numbered heading as a heading inside an ordered list item ("1.  ## Title")
      const headings = gfm
        .split("\n")
        .map((l) => /^(?:\s*\d+\.\s+)*(#{1,6} .*)$/.exec(l)?.[1])
        .filter((l): l is string => l !== undefined);
      const parts = pack.children.filter((c): c is PartNode => c.type === "part");
      const expected = parts.flatMap((p) => [
        `# ${p.label} — ${p.title}`,
        ...p.children
          .filter((c): c is TopicNode => c.type === "topic")
          .flatMap((t) => [`## ${t.title}`, ...t.children.map((c) => `### ${c.title}`)]),
      ]);
      expect(headings).toEqual(expected);
      expect(gfm).toContain(pack.meta.buyer);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
