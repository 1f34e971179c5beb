/**
 * A value from the profile never changes the document's structure, in any format: it is literal text.
 * Property tests over hostile strings in every profile string field the pack prints.
 */
import { DEFAULT_LIMITS, type Selection } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import { toHtml } from "@fairtender/renderer/html";
import { toMarkdown } from "@fairtender/renderer/markdown";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { oneLine } from "../src/text/scrub.js";
import {
  clientAvailable,
  docxPart,
  htmlTags,
  linkifyParsers,
  mdRead,
  mdStructure,
  pandocRead,
  parseXml,
  realUs,
} from "./helpers.js";

interface Values {
  buyer: string;
  title: string;
  reference: string;
  supplier: string;
  basis: string;
}

const base = realUs();

function withValues(v: Values): Selection {
  const sel = structuredClone(base);
  sel.profile.buyer.name = v.buyer;
  sel.profile.procurement.title = v.title;
  sel.profile.procurement.reference = v.reference;
  sel.profile.supplier = { ...sel.profile.supplier, name: v.supplier };
  sel.risk.basis = v.basis;
  return sel;
}

const NASTY = [
  "<script>alert(1)</script>",
  "**Acme**",
  "| pipe | table |",
  "# heading",
  "1. list",
  "- item",
  "> quote",
  "[link](javascript:alert(1))",
  "![img](x.png)",
  "`code` ``` fence",
  "    indented code",
  "line\n\n# injected heading\n\n| a | b |\n|---|---|",
  "&amp; &lt;b&gt; &#60;",
  "\u0000\u0001\u0007\u001b[31m\u007f\u0085",
  "\uD800 lone \uDFFF surrogates",
  "مرحبا بالعالم \u202Eevil\u202C",
  "emoji 🚀👩🏽‍⚖️",
  "{{buyer}} {{{x}}} {{#each a}}",
  "\"quotes\" 'single'",
  "</w:t></w:r><w:p>",
  "]]><!-- -->",
  "\\ backslash \\* \\",
  "___ *** ---",
  "===",
  "<w:p/>",
];

/** What GitHub-flavoured renderers turn into links: URLs, `www.` and e-mail addresses, domains, IPs. */
const LINKS = [
  "https://evil.example/x?y=1&z=2#f",
  "http://localhost:8080/",
  "HtTpS://MiXeD.CaSe.example",
  "ftp://files.example.net/a.zip",
  "www.example.com",
  "WWW.EXAMPLE.ORG/path_(x)",
  "www.1.2",
  "mailto:buyer@example.gov",
  "xmpp:x@y.example",
  "buyer@example.gov",
  "first.last+tag@sub.example.co.uk",
  "//localhost/a",
  "//example.com/x",
  "example.com",
  "acme.co.uk Ltd",
  "10.0.0.1",
  "192.168.1.254:80/admin",
  "пример.рф",
  "xn--80ak6aa92e.com",
  "🚀.com",
  "(www.example.com)",
  "*www.example.com*",
  "_a@b.co_",
  "~https://x.example~",
  "<https://x.example>",
  "<a@b.example>",
  "[x](https://x.example)",
  "javascript:alert(1)",
  "data:text/html,<b>x</b>",
  "file:///etc/passwd",
  "tel:+1-555-0100",
  "https\\://escaped.example",
];

const link = fc
  .tuple(
    fc.constantFrom("", " ", "(", "*", "_", "~", '"', "'", ":", "<"),
    fc.oneof(
      fc.constantFrom(...LINKS),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.emailAddress(),
      fc.domain(),
      fc.domain().map((d) => `www.${d}`),
      fc.ipV4(),
    ),
    fc.constantFrom("", " ", ")", "*", "_", ".", ",", "!", ">", "\n"),
  )
  .map(([before, l, after]) => `${before}${l}${after}`);

const hostile = fc
  .oneof(
    fc.constantFrom(...NASTY),
    link,
    fc.array(link, { minLength: 2, maxLength: 3 }).map((a) => a.join(" ")),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(..."*_#|[]<>`\\-+=.!&;:\n\r\t 1aé\u0000\uD800"), maxLength: 30 }),
    fc.array(fc.constantFrom(...NASTY), { minLength: 1, maxLength: 4 }).map((a) => a.join(" ")),
  )
  .map((s) => `x ${s}`); // the schema trims and requires a non-empty value; a space, so a link can start

const values = fc.record({ buyer: hostile, title: hostile, reference: hostile, supplier: hostile, basis: hostile });
const neutral: Values = { buyer: "Buyer", title: "Title", reference: "REF-1", supplier: "Supplier", basis: "Basis" };
/** As long as core's limits let a text be (`DEFAULT_LIMITS.textLength`). */
const LONG = "Ab*|<#".repeat(17_000).slice(0, DEFAULT_LIMITS.textLength);
const norm = (s: string) => s.replace(/\s+/g, " ").trim();

function mdShape(md: string) {
  const s = mdStructure(md);
  return { ...s, headings: s.headings.map((h) => h.level) };
}

function docxShape(xml: string) {
  parseXml(xml);
  return {
    paragraphs: (xml.match(/<w:p[ >]/g) ?? []).length,
    tables: (xml.match(/<w:tbl>/g) ?? []).length,
    rows: (xml.match(/<w:tr[ >]/g) ?? []).length,
    fields: (xml.match(/<w:fldSimple /g) ?? []).length,
  };
}

describe("hostile profile values stay literal text", () => {
  const pack0 = buildTenderPack(withValues(neutral));
  const md0 = mdShape(toMarkdown(pack0));
  const html0 = htmlTags(toHtml(pack0));

  it("Markdown: markdown-it reads the same headings, tables, lists and no HTML or link", () => {
    fc.assert(
      fc.property(values, (v) => {
        const md = toMarkdown(buildTenderPack(withValues(v)));
        expect(mdShape(md)).toEqual(md0);
      }),
      { numRuns: 60 },
    );
  });

  /** Every value is in the visible text as the profile has it (on one line, spaces collapsed). */
  // Zero-width and bidirectional controls are not visible text (core strips them from identifiers): compare without them.
  const INVISIBLE = /[\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;
  const expectVisible = (text: string, v: Values, where: string) => {
    const seen = norm(text.replace(INVISIBLE, ""));
    for (const [field, value] of Object.entries(v))
      expect(seen, `${where}: ${field}`).toContain(norm(oneLine(value).replace(INVISIBLE, "")));
  };

  it("Markdown: linkify-enabled parsers make no link of a value, and show the value unchanged", () => {
    for (const { name, parser } of linkifyParsers) {
      expect(mdRead(toMarkdown(pack0), parser).links, name).toEqual([]);
    }
    fc.assert(
      fc.property(values, (v) => {
        const md = toMarkdown(buildTenderPack(withValues(v)));
        for (const { name, parser } of linkifyParsers) {
          const read = mdRead(md, parser);
          expect(read.links, name).toEqual([]);
          expectVisible(read.text, v, name);
        }
      }),
      { numRuns: 80 },
    );
  });

  it.skipIf(!clientAvailable("pandoc"))(
    "Markdown: pandoc -f gfm makes no link of a value, and shows it unchanged",
    () => {
      const samples = [
        { ...neutral, buyer: `x ${LINKS.slice(0, 16).join(" ")}`, title: `x ${LINKS.slice(16).join(" ")}` },
        ...fc.sample(values, { numRuns: 24, seed: 10 }),
      ];
      const read = pandocRead(
        [pack0, ...samples.map((v) => buildTenderPack(withValues(v)))].map((p) => toMarkdown(p)),
        "gfm",
      );
      expect(read).toHaveLength(samples.length + 1);
      expect(read[0]!.links).toEqual([]);
      samples.forEach((v, i) => {
        expect(read[i + 1]!.links, JSON.stringify(v)).toEqual([]);
        expectVisible(read[i + 1]!.text, v, `pandoc gfm ${JSON.stringify(v)}`);
      });
    },
  );

  it("HTML: the same tag sequence, no script", () => {
    fc.assert(
      fc.property(values, (v) => {
        const html = toHtml(buildTenderPack(withValues(v)));
        expect(htmlTags(html)).toEqual(html0);
        expect(html).not.toMatch(/<script/i);
      }),
      { numRuns: 60 },
    );
  });

  it("Word: the XML parses and has the same paragraphs, tables, rows and fields", async () => {
    const shape0 = docxShape(docxPart(await toDocx(pack0), "word/document.xml"));
    await fc.assert(
      fc.asyncProperty(values, async (v) => {
        const bytes = await toDocx(buildTenderPack(withValues(v)));
        expect(docxShape(docxPart(bytes, "word/document.xml"))).toEqual(shape0);
        for (const part of ["word/header1.xml", "docProps/core.xml", "docProps/custom.xml"]) {
          expect(() => parseXml(docxPart(bytes, part))).not.toThrow();
        }
      }),
      { numRuns: 8 },
    );
  });

  it("a value over core's text limit is refused before anything is rendered", () => {
    const over = "x".repeat(DEFAULT_LIMITS.textLength + 1);
    expect(() =>
      buildTenderPack(withValues({ buyer: over, title: "T", reference: "R", supplier: "S", basis: "B" })),
    ).toThrow(/profile\.buyer\.name: text of 10,001 characters is longer than the limit of 10,000/);
  });

  it("a value as long as core's text limit in every field is literal in every format", async () => {
    const v: Values = { buyer: LONG, title: LONG, reference: LONG, supplier: LONG, basis: LONG };
    const pack = buildTenderPack(withValues(v));
    expect(mdShape(toMarkdown(pack))).toEqual(md0);
    expect(htmlTags(toHtml(pack))).toEqual(html0);
    const shape0 = docxShape(docxPart(await toDocx(pack0), "word/document.xml"));
    expect(docxShape(docxPart(await toDocx(pack), "word/document.xml"))).toEqual(shape0);
  });
});
