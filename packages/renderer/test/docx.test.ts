import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildTenderPack, type PartNode, STYLE_NAMES, type TenderPack, type TopicNode } from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { packFiles } from "../src/docx/pack.js";
import { buildDocument } from "../src/docx/render.js";
import { unSelection, usSelection } from "./fixtures/selections.js";
import { golden } from "./golden.js";
import { clientAvailable, docxPart, parseXml, prettyXml, realUs } from "./helpers.js";

const topics = (p: TenderPack) =>
  p.children
    .filter((c): c is PartNode => c.type === "part")
    .flatMap((x) => x.children.filter((c): c is TopicNode => c.type === "topic"));

describe("toDocx", () => {
  const pack = buildTenderPack(realUs(), { edition: "guidance", issueDate: "2026-09-15" });
  let bytes: Uint8Array;
  let doc: string;
  beforeAll(async () => {
    bytes = await toDocx(pack);
    doc = docxPart(bytes, "word/document.xml");
  });

  it("returns a Uint8Array whose every XML part parses", () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    const files = unzipSync(bytes);
    expect(Object.keys(files)[0]).toBe("[Content_Types].xml");
    for (const [name, data] of Object.entries(files)) {
      if (name.endsWith(".xml") || name.endsWith(".rels")) expect(() => parseXml(strFromU8(data)), name).not.toThrow();
    }
  });

  it("is byte-identical across runs, with dates from the issue date", async () => {
    const again = await toDocx(buildTenderPack(realUs(), { edition: "guidance", issueDate: "2026-09-15" }));
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const core = docxPart(bytes, "docProps/core.xml");
    expect(core).toContain(">2026-09-15T00:00:00Z</dcterms:created>");
    expect(core).toContain(">2026-09-15T00:00:00Z</dcterms:modified>");
    // zip entry times: noon on the issue date (DOS date/time in the local header)
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const dosDate = view.getUint16(12, true);
    expect([(dosDate >> 9) + 1980, (dosDate >> 5) & 15, dosDate & 31]).toEqual([2026, 9, 15]);
  });

  it("reads the same parts through the public Packer when docx's internal compiler is not used", async () => {
    const p = buildTenderPack(realUs(), { edition: "guidance", issueDate: "2026-09-15" });
    // with a header logo, so the media part is compared too
    const png = new Uint8Array(readFileSync(new URL("../docs/word-page-1.png", import.meta.url)));
    const theme = { logo: { data: png, type: "png" as const, width: 40, height: 20 } };
    const viaCompiler = await packFiles(buildDocument(p, theme), true);
    const viaPacker = await packFiles(buildDocument(p, theme), false);
    expect(Object.keys(viaPacker)).toEqual(Object.keys(viaCompiler));
    expect(Object.keys(viaCompiler).filter((n) => n.startsWith("word/media/"))).toHaveLength(1);
    // docx stamps core.xml with the clock (toDocx then sets the issue date); every other part is equal
    const undated = (d: Uint8Array) =>
      strFromU8(d).replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, "<dcterms:$1><");
    for (const [name, data] of Object.entries(viaCompiler)) {
      expect(undated(viaPacker[name]!), name).toBe(undated(data));
    }
  });

  it("sets document properties: title, subject, keywords, creator, versions", () => {
    const core = docxPart(bytes, "docProps/core.xml");
    expect(core).toContain(`<dc:title>${pack.meta.title}</dc:title>`);
    expect(core).toContain("<dc:creator>Fairtender</dc:creator>");
    expect(core).toMatch(/<cp:keywords>[^<]*us-far[^<]*<\/cp:keywords>/);
    expect(core).toContain("<dc:subject>");
    const custom = docxPart(bytes, "docProps/custom.xml");
    expect(custom).toContain('name="FairtenderLibraryVersion"');
    expect(custom).toContain('name="FairtenderRendererVersion"');
  });

  it("defines every documented style, and uses only defined styles", () => {
    const styles = docxPart(bytes, "word/styles.xml");
    const defined = new Set([...styles.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]));
    for (const s of STYLE_NAMES) expect(defined.has(s.id), s.id).toBe(true);
    const used = new Set([...doc.matchAll(/<w:(?:p|tbl)Style w:val="([^"]+)"/g)].map((m) => m[1]!));
    const documented = new Set<string>(STYLE_NAMES.map((s) => s.id));
    for (const id of used) {
      expect(defined.has(id), `style ${id} used but not defined`).toBe(true);
      expect(documented.has(id), `style ${id} used but not in STYLE_NAMES`).toBe(true);
    }
  });

  it("numbers clauses with real multi-level numbering linked to the heading styles", () => {
    const numbering = docxPart(bytes, "word/numbering.xml");
    const styles = docxPart(bytes, "word/styles.xml");
    // the clause abstract numbering: 1 / 1.1 / 1.1.1 / (a), each level linked to its style
    const abs =
      /<w:abstractNum [^>]*>(?:(?!<\/w:abstractNum>)[\s\S])*<w:lvlText w:val="%1\.%2"\/>[\s\S]*?<\/w:abstractNum>/.exec(
        numbering,
      )![0];
    expect(abs).toContain('<w:multiLevelType w:val="multilevel"/>');
    for (const [lvl, style, text] of [
      ["0", "Heading2", "%1"],
      ["1", "Heading3", "%1.%2"],
      ["2", "ClauseText", "%1.%2.%3"],
      ["3", "ClauseItem", "(%4)"],
    ] as const) {
      expect(abs).toMatch(
        new RegExp(
          `<w:lvl w:ilvl="${lvl}"[^>]*><w:start w:val="1"/><w:numFmt w:val="[a-zA-Z]+"/><w:pStyle w:val="${style}"/><w:suff w:val="tab"/><w:lvlText w:val="${text.replace(/[().%]/g, "\\$&")}"/>`,
        ),
      );
    }
    // and the styles point back at the numbering
    const absId = /w:abstractNumId="(\d+)"/.exec(abs)![1];
    const numId = new RegExp(`<w:num w:numId="(\\d+)"><w:abstractNumId w:val="${absId}"/>`).exec(numbering)![1];
    for (const [style, lvl] of [
      ["Heading2", 0],
      ["Heading3", 1],
      ["ClauseText", 2],
      ["ClauseItem", 3],
    ] as const) {
      const def = new RegExp(`<w:style [^>]*w:styleId="${style}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)![0];
      expect(def, style).toContain(`<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
    }
    // provisions in Annex A use a separate numbering "A1", "A1.1": restarts there
    expect(numbering).toContain('<w:lvlText w:val="A%1.%2"/>');
  });

  it("bookmarks every clause heading (unique ids) and cross-references it by a complex REF field with the number cached", () => {
    const starts = [...doc.matchAll(/<w:bookmarkStart w:id="(\d+)" w:name="([^"]+)"\/>/g)];
    const clauseCount = topics(pack).flatMap((t) => t.children).length;
    expect(starts).toHaveLength(clauseCount);
    expect(new Set(starts.map((m) => m[1])).size).toBe(clauseCount);
    expect(new Set(starts.map((m) => m[2])).size).toBe(clauseCount);
    for (const m of starts) expect(m[2]!.length).toBeLessThanOrEqual(40);
    const numberOf = new Map(topics(pack).flatMap((t) => t.children.map((c) => [c.id, c.number] as const)));
    expect(doc).not.toContain("<w:fldSimple");
    const refs = [
      ...doc.matchAll(
        /<w:t xml:space="preserve">(?:clause|provision) <\/w:t><\/w:r><w:r><w:fldChar w:fldCharType="begin"\/><\/w:r><w:r><w:instrText xml:space="preserve"> REF (_Ref_[A-Za-z0-9_]+) \\h \\w <\/w:instrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r><w:r><w:fldChar w:fldCharType="end"\/><\/w:r>/g,
      ),
    ];
    expect(refs.length).toBeGreaterThan(5);
    const names = new Map(starts.map((m) => [m[2], true]));
    for (const [, name, cached] of refs) {
      expect(names.has(name), name).toBe(true);
      const id = [...numberOf.keys()].find((k) => `_Ref_${k.replace(/-/g, "_")}` === name);
      if (id) expect(cached).toBe(numberOf.get(id));
    }
  });

  it("pre-fills the table of contents field, and has a header and a Page X of Y footer", () => {
    expect(doc).toContain('<w:instrText xml:space="preserve"> TOC \\o &quot;1-3&quot; \\h \\z \\u </w:instrText>');
    const toc = doc.slice(doc.indexOf("TOC \\o"), doc.indexOf('w:fldCharType="end"', doc.indexOf("TOC \\o")));
    for (const t of topics(pack)) expect(toc).toContain(`${t.number}\t${t.title}`);
    expect(docxPart(bytes, "word/settings.xml")).toContain("<w:updateFields");
    const header = docxPart(bytes, "word/header1.xml");
    expect(header).toContain(pack.meta.reference!);
    const footer = docxPart(bytes, "word/footer1.xml");
    expect(footer).toMatch(/Page [\s\S]*PAGE[\s\S]*of [\s\S]*NUMPAGES/);
  });

  it("repeats table header rows and keeps rows together", () => {
    const tables = doc.match(/<w:tbl>/g)!.length;
    const headers = doc.match(/<w:tblHeader\/>/g)?.length ?? 0;
    expect(headers).toBe(tables - 2); // the title-block facts and the signature block have no header row
    expect(doc).toContain('<w:tblStyle w:val="PackTable"/>');
  });

  it("applies theme options through the styles", async () => {
    const themed = await toDocx(pack, {
      theme: { font: "Georgia", headingFont: "Verdana", fontSize: 12, colour: "#7A0019", pageSize: "Letter" },
    });
    const styles = docxPart(themed, "word/styles.xml");
    expect(styles).toContain('w:ascii="Georgia"');
    expect(styles).toContain('w:ascii="Verdana"');
    expect(styles).toContain('<w:sz w:val="24"/>');
    expect(styles).toContain('w:val="7A0019"');
    expect(docxPart(themed, "word/document.xml")).toContain('<w:pgSz w:w="12240" w:h="15840"');
  });

  it("adds a header logo when given", async () => {
    const png = readFileSync(new URL("../docs/word-page-1.png", import.meta.url));
    const withLogo = await toDocx(pack, {
      theme: { logo: { data: new Uint8Array(png), type: "png", width: 40, height: 20 } },
    });
    expect(Object.keys(unzipSync(withLogo)).some((n) => n.startsWith("word/media/"))).toBe(true);
  });

  it("uses the styles of a reference .docx and adds the styles it lacks", async () => {
    const files = unzipSync(bytes);
    const house = strFromU8(files["word/styles.xml"]!)
      // a house style sheet: a red Heading 1, and no Clause Text / Note styles
      .replace(/(<w:style [^>]*w:styleId="Heading1"[^>]*>[\s\S]*?<w:color w:val=")[0-9A-F]+/, "$1FF0000")
      .replace(/<w:style [^>]*w:styleId="(ClauseText|Note)"[^>]*>[\s\S]*?<\/w:style>/g, "")
      .replace(
        "</w:styles>",
        '<w:style w:type="paragraph" w:styleId="HouseOnly"><w:name w:val="House Only"/></w:style></w:styles>',
      );
    const reference = zipSync({ ...files, "word/styles.xml": strToU8(house) });
    const out = await toDocx(pack, { referenceDocx: reference });
    const styles = docxPart(out, "word/styles.xml");
    expect(styles).toContain('w:styleId="HouseOnly"');
    expect(styles).toMatch(/w:styleId="Heading1"[^>]*>[\s\S]*?<w:color w:val="FF0000"/);
    for (const s of STYLE_NAMES) expect(styles, s.id).toContain(`w:styleId="${s.id}"`);
    // no theme in the reference: none added
    expect(Object.keys(unzipSync(out))).not.toContain("word/theme/theme1.xml");
    await expect(toDocx(pack, { referenceDocx: new Uint8Array([1, 2, 3]) })).rejects.toMatchObject({
      code: "invalid-options",
      issues: [{ code: "invalid-format", path: ["options", "referenceDocx"] }],
    });
  });

  it("brings the reference's theme with its relationship and content type", async () => {
    const files = unzipSync(bytes);
    const theme =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="House"><a:themeElements/></a:theme>';
    const rels = strFromU8(files["word/_rels/document.xml.rels"]!).replace(
      "</Relationships>",
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/house.xml"/></Relationships>',
    );
    const reference = zipSync({
      ...files,
      "word/_rels/document.xml.rels": strToU8(rels),
      "word/theme/house.xml": strToU8(theme),
    });
    const out = await toDocx(pack, { referenceDocx: reference });
    expect(docxPart(out, "word/theme/theme1.xml")).toContain('name="House"');
    expect(docxPart(out, "word/_rels/document.xml.rels")).toMatch(/relationships\/theme" Target="theme\/theme1.xml"/);
    expect(docxPart(out, "[Content_Types].xml")).toContain('PartName="/word/theme/theme1.xml"');
    for (const part of ["word/_rels/document.xml.rels", "[Content_Types].xml"])
      expect(() => parseXml(docxPart(out, part))).not.toThrow();
  });

  it.skipIf(!clientAvailable("pandoc"))("works with pandoc's reference.docx as a house template", async () => {
    const reference = new Uint8Array(execFileSync("pandoc", ["--print-default-data-file", "reference.docx"]));
    const out = await toDocx(pack, { referenceDocx: reference });
    const styles = docxPart(out, "word/styles.xml");
    for (const s of STYLE_NAMES) expect(styles, s.id).toContain(`w:styleId="${s.id}"`);
    expect(() => parseXml(styles)).not.toThrow();
    expect(Object.keys(unzipSync(out))).toContain("word/theme/theme1.xml");
    // pandoc reads the result back with its headings
    const dir = mkdtempSync(join(tmpdir(), "fairtender-ref-"));
    try {
      writeFileSync(join(dir, "out.docx"), out);
      const gfm = execFileSync("pandoc", ["-f", "docx", "-t", "gfm", join(dir, "out.docx")], { encoding: "utf8" });
      expect(gfm).toMatch(/^# Part 3 — Contract clauses$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("never uses a Node-only API in the shipped source", () => {
    const walk = (dir: URL): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? walk(new URL(`${e.name}/`, dir))
          : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts")
            ? [new URL(e.name, dir).pathname]
            : [],
      );
    for (const file of walk(new URL("../src/", import.meta.url))) {
      const src = readFileSync(file, "utf8");
      expect(src, file).not.toMatch(/from "node:|require\(|\bBuffer\b|toBuffer|process\./);
    }
  });
});

describe("Word golden files (UPDATE_GOLDEN=1 to rewrite)", () => {
  it("US services abroad, tender edition (fixture)", async () => {
    const bytes = await toDocx(buildTenderPack(usSelection()));
    golden("us-services-abroad.tender.document.xml", prettyXml(docxPart(bytes, "word/document.xml")));
    golden("us-services-abroad.tender.numbering.xml", prettyXml(docxPart(bytes, "word/numbering.xml")));
  });
  it("UN/EU goods, guidance edition (fixture)", async () => {
    const bytes = await toDocx(buildTenderPack(unSelection(), { edition: "guidance" }));
    golden("un-eu-goods.guidance.document.xml", prettyXml(docxPart(bytes, "word/document.xml")));
  });
});
