import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { type Selection, select } from "@fairtender/core";
import { strFromU8, unzipSync } from "fflate";
import MarkdownIt from "markdown-it";
import { xml2js } from "xml-js";
import { unProfile, usProfile } from "./fixtures/selections.js";

/** Real selections from the selection engine for the two reference profiles. */
export const realUs = (): Selection => select(usProfile);
export const realUn = (): Selection => select(unProfile);

/** The text of one part of a .docx package. */
export function docxPart(bytes: Uint8Array, name: string): string {
  const part = unzipSync(bytes)[name];
  if (!part) throw new Error(`no ${name} in the package`);
  return strFromU8(part);
}

/** Parses XML strictly (throws on malformed XML). */
export function parseXml(xml: string): unknown {
  return xml2js(xml, { compact: false });
}

/** A readable, stable indentation of an XML document (one element per line) for golden files. */
export function prettyXml(xml: string): string {
  const tokens = xml.replace(/^<\?xml[^>]*\?>/, "").match(/<[^>]+>|[^<]+/g) ?? [];
  let depth = 0;
  const lines: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.startsWith("</")) {
      depth--;
      lines.push(`${"  ".repeat(depth)}${t}`);
    } else if (t.startsWith("<") && !t.endsWith("/>")) {
      const text = tokens[i + 1];
      const close = tokens[i + 2];
      if (text !== undefined && !text.startsWith("<") && close?.startsWith("</")) {
        lines.push(`${"  ".repeat(depth)}${t}${text}${close}`);
        i += 2;
      } else {
        lines.push(`${"  ".repeat(depth)}${t}`);
        depth++;
      }
    } else if (t.startsWith("<")) {
      lines.push(`${"  ".repeat(depth)}${t}`);
    } else if (t.trim() !== "") {
      lines.push(`${"  ".repeat(depth)}${t}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

type MarkdownItInstance = ReturnType<typeof MarkdownIt>;

const md = new MarkdownIt();

/** The block structure markdown-it reads from a Markdown text. */
export function mdStructure(text: string) {
  const tokens = md.parse(text, {});
  const headings: Array<{ level: number; text: string }> = [];
  let tables = 0;
  let bulletLists = 0;
  let orderedLists = 0;
  let listItems = 0;
  let paragraphs = 0;
  let htmlBlocks = 0;
  let links = 0;
  let rows = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === "heading_open") headings.push({ level: Number(t.tag.slice(1)), text: tokens[i + 1]!.content });
    if (t.type === "table_open") tables++;
    if (t.type === "tr_open") rows++;
    if (t.type === "bullet_list_open") bulletLists++;
    if (t.type === "ordered_list_open") orderedLists++;
    if (t.type === "list_item_open") listItems++;
    if (t.type === "paragraph_open") paragraphs++;
    if (t.type === "html_block") htmlBlocks++;
    if (t.type === "inline") {
      for (const c of t.children ?? []) {
        if (c.type === "html_inline") htmlBlocks++;
        if (c.type === "link_open") links++;
      }
    }
  }
  return { headings, tables, rows, bulletLists, orderedLists, listItems, paragraphs, htmlBlocks, links };
}

/**
 * markdown-it configured as GitHub-flavoured renderers are: `linkify: true` (schemes, `//`, e-mail
 * addresses) and, in the second, fuzzy links (`example.com`, `www.`) and fuzzy IP addresses too.
 */
export const linkifyParsers: ReadonlyArray<{ name: string; parser: MarkdownItInstance }> = [
  { name: "markdown-it linkify", parser: new MarkdownIt({ linkify: true }) },
  {
    name: "markdown-it linkify, fuzzy links and IPs",
    parser: (() => {
      const p = new MarkdownIt({ linkify: true });
      p.linkify.set({ fuzzyLink: true, fuzzyIP: true, fuzzyEmail: true });
      return p;
    })(),
  },
];

/** What a reader sees: the links a parser makes and the visible text (one line per inline block). */
export function mdRead(text: string, parser: MarkdownItInstance): { links: string[]; text: string } {
  const links: string[] = [];
  let out = "";
  for (const t of parser.parse(text, {})) {
    if (t.type !== "inline") continue;
    for (const c of t.children ?? []) {
      if (c.type === "link_open") links.push(String(c.attrGet("href") ?? ""));
      if (c.type === "text" || c.type === "text_special" || c.type === "code_inline") out += c.content;
      if (c.type === "softbreak" || c.type === "hardbreak") out += " ";
    }
    out += "\n";
  }
  return { links, text: out };
}

/** What pandoc reads from documents as `format`: its links and its visible text, per document. */
export function pandocRead(documents: readonly string[], format: string): Array<{ links: string[]; text: string }> {
  // One pandoc run for all documents: each is its own top-level division, read from a JSON AST.
  const input = documents.map((d, i) => `::: {#doc-${i}}\n\n${d}\n:::\n`).join("\n");
  const ast = JSON.parse(
    execFileSync("pandoc", ["-f", `${format}+fenced_divs`, "-t", "json"], {
      input,
      encoding: "utf8",
      maxBuffer: 1 << 28,
    }),
  ) as { blocks: PandocNode[] };
  return ast.blocks
    .filter((b) => b.t === "Div")
    .map((div) => {
      const links: string[] = [];
      let text = "";
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) {
          for (const n of node) walk(n);
          return;
        }
        if (node === null || typeof node !== "object") return;
        const n = node as PandocNode;
        if (n.t === "Str") text += n.c as string;
        else if (n.t === "Space" || n.t === "SoftBreak" || n.t === "LineBreak") text += " ";
        else if (n.t === "Code") text += (n.c as [unknown, string])[1];
        else if (n.t === "Link") {
          links.push(((n.c as unknown[])[2] as [string, string])[0]);
          walk((n.c as unknown[])[1]);
        } else if (n.c !== undefined) walk(n.c);
        if (n.t === "Para" || n.t === "Plain" || n.t === "Header") text += "\n";
      };
      walk((div.c as unknown[])[1]);
      return { links, text };
    });
}

interface PandocNode {
  t: string;
  c?: unknown;
}

/** The sequence of element names in an HTML text (for structure comparisons). */
export function htmlTags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[0]);
}

/** True when a command can be run. */
export function has(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Real-client tests run when the binary is there; in CI (`CI` set) they always run, so a missing
 * binary fails them instead of skipping.
 */
export function clientAvailable(command: string): boolean {
  return Boolean(process.env.CI) || has(command);
}

/** Clause labels a document shows, in order: "1", "1.1", "1.1.1", "(a)", "A1.1". */
export const LABEL = /^(A?\d+(?:\.\d+)*|\([a-z]+\))$/;

/**
 * The ISO/IEC 29500 validator of the shared tools (`validate-docx`, xmllint + python3-lxml): from
 * `FAIRTENDER_VALIDATE_DOCX`, else `shared/tools/validate-docx` beside the repository.
 */
export const VALIDATE_DOCX =
  process.env.FAIRTENDER_VALIDATE_DOCX ??
  [
    new URL("../../../../shared/tools/validate-docx", import.meta.url).pathname,
    "/work/shared/tools/validate-docx",
  ].find((p) => existsSync(p)) ??
  "validate-docx";

/** The validator runs when it and xmllint are there; in CI always (a missing one then fails). */
export const validatorAvailable = (): boolean =>
  Boolean(process.env.CI) || (existsSync(VALIDATE_DOCX) && has("xmllint"));

/** Validates .docx files against the ISO/IEC 29500 transitional schemas; returns the report of failures ("" when all are valid). */
export function validateDocx(...files: string[]): string {
  try {
    execFileSync(VALIDATE_DOCX, files, { encoding: "utf8", stdio: "pipe", timeout: 120_000 });
    return "";
  } catch (e) {
    const out = (e as { stdout?: string }).stdout ?? String(e);
    return out || String(e);
  }
}

/** Converts files with LibreOffice headless (one run, a private profile in `dir`); returns the output paths. */
export function soffice(dir: string, files: string[], format: string, extension: string): string[] {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${join(dir, "lo-profile")}`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      dir,
      ...files,
    ],
    { stdio: "ignore", timeout: 180_000 },
  );
  return files.map((f) => join(dir, `${basename(f).replace(/\.[^.]+$/, "")}.${extension}`));
}
