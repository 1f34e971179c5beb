/**
 * Restyling that holds (issue 11, defects 1–3), checked with LibreOffice: a lawyer who inserts a
 * heading (here at the XML level, as Word does: a paragraph with the heading style and no numbering
 * of its own) gets the next number of its part, and everything after it renumbers, with our styles,
 * with pandoc's default reference.docx and with a firm template whose headings carry list numbering.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildTenderPack, type PartNode, type TopicNode } from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAvailable, docxPart, has, realUs, soffice, validateDocx, validatorAvailable } from "./helpers.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/**
 * A firm template: Heading 1 numbered "Article 1" through the template's list `numId 1` (which is
 * a bullet list in our numbering part), a house style on the same list, and the contents heading
 * based on Heading 1.
 */
async function firmTemplate(): Promise<Uint8Array> {
  const base = unzipSync(await toDocx(buildTenderPack(realUs())));
  const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="Article %1"/><w:lvlJc w:val="left"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:caps/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="006400"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Heading1"/></w:style><w:style w:type="paragraph" w:customStyle="1" w:styleId="HouseArticle"><w:name w:val="House Article"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
  const files: Zippable = { ...base, "word/numbering.xml": strToU8(numbering), "word/styles.xml": strToU8(styles) };
  return zipSync(files);
}

const para = (style: string, text: string) =>
  `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** The start offsets of the body paragraphs with this style. */
function paragraphsWithStyle(doc: string, style: string): number[] {
  const out: number[] = [];
  const mark = `<w:pStyle w:val="${style}"/>`;
  for (let i = doc.indexOf(mark); i >= 0; i = doc.indexOf(mark, i + 1)) out.push(doc.lastIndexOf("<w:p>", i));
  return out;
}

/**
 * Inserts, as a lawyer would: a topic heading before the second topic, a clause heading before the
 * second clause, and after Annex A's last provision a new annex topic with a provision under it.
 */
function insertHeadings(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  let doc = strFromU8(files["word/document.xml"]!);
  const annexB = doc.lastIndexOf("Annex B —"); // the heading, not its contents entry
  const beforeAnnexB = doc.lastIndexOf("<w:p>", doc.lastIndexOf('<w:pStyle w:val="Heading1"/>', annexB));
  const edits: Array<[number, string]> = [
    [paragraphsWithStyle(doc, "Heading2")[1]!, para("Heading2", "Inserted topic")],
    [paragraphsWithStyle(doc, "Heading3")[1]!, para("Heading3", "Inserted clause")],
    [beforeAnnexB, para("AnnexHeading2", "Inserted annex topic") + para("AnnexHeading3", "Inserted provision")],
  ];
  for (const [at, xml] of edits.sort((a, b) => b[0] - a[0])) doc = doc.slice(0, at) + xml + doc.slice(at);
  files["word/document.xml"] = strToU8(doc);
  return zipSync(files as Zippable);
}

/** "label title" pairs of the numbered body lines LibreOffice shows (indented; the contents list is not). */
function numberedLines(txt: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of txt.split(/\r?\n/)) {
    const m = /^\s+(A?\d+(?:\.\d+)?)\s+(.+)$/.exec(line);
    if (m) out.set(m[2]!.trim(), m[1]!);
  }
  return out;
}

const pack = buildTenderPack(realUs());
const contractTopics = (
  pack.children.find((c) => c.type === "part" && c.kind === "clauses") as PartNode
).children.filter((c): c is TopicNode => c.type === "topic");

describe.skipIf(!clientAvailable("soffice"))(
  "a heading inserted after a restyle is numbered and renumbers the rest",
  () => {
    const dir = mkdtempSync(join(tmpdir(), "fairtender-restyle-"));
    const names = ["ours", ...(has("pandoc") || process.env.CI ? ["pandoc"] : []), "firm"];
    const text = new Map<string, string>();
    const plain = new Map<string, string>();
    beforeAll(async () => {
      const references: Record<string, Uint8Array | undefined> = {
        ours: undefined,
        pandoc: names.includes("pandoc")
          ? new Uint8Array(execFileSync("pandoc", ["--print-default-data-file", "reference.docx"]))
          : undefined,
        firm: await firmTemplate(),
      };
      const files: string[] = [];
      for (const name of names) {
        const out = await toDocx(pack, { referenceDocx: references[name] });
        writeFileSync(join(dir, `${name}.docx`), out);
        writeFileSync(join(dir, `${name}-edited.docx`), insertHeadings(out));
        files.push(join(dir, `${name}.docx`), join(dir, `${name}-edited.docx`));
      }
      const outs = soffice(dir, files, "txt:Text (encoded):UTF8", "txt");
      for (const name of names) {
        plain.set(name, readFileSync(outs[files.indexOf(join(dir, `${name}.docx`))]!, "utf8"));
        text.set(name, readFileSync(outs[files.indexOf(join(dir, `${name}-edited.docx`))]!, "utf8"));
      }
    }, 300_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("numbers an inserted topic and clause in the contract clauses, and renumbers what follows", () => {
      const [t1, t2] = contractTopics;
      for (const name of names) {
        const before = numberedLines(plain.get(name)!);
        const after = numberedLines(text.get(name)!);
        // before the edit, the pack's own numbers
        expect(before.get(t2!.title), name).toBe("2");
        expect(before.get(t1!.children[1]!.title), name).toBe("1.2");
        // after: the inserted headings take the next numbers and the rest move down
        expect(after.get("Inserted clause"), name).toBe("1.2");
        expect(after.get(t1!.children[1]!.title), name).toBe("1.3");
        expect(after.get("Inserted topic"), name).toBe("2");
        expect(after.get(t2!.title), name).toBe("3");
        expect(after.get(t2!.children[0]!.title), name).toBe("3.1");
        const last = contractTopics[contractTopics.length - 1]!;
        expect(after.get(last.title), name).toBe(String(contractTopics.length + 1));
      }
    });

    it("numbers a heading inserted in Annex A in the annex's own numbering (A2, A2.1)", () => {
      for (const name of names) {
        const after = numberedLines(text.get(name)!);
        expect(after.get("Inserted annex topic"), name).toBe("A2");
        expect(after.get("Inserted provision"), name).toBe("A2.1");
      }
    });

    it("gives the parts and the contents heading no bullet and no template number (firm template)", () => {
      const txt = plain.get("firm")!;
      const headings = txt.split(/\r?\n/).filter((l) => /(Part \d|Schedule \d|Annex [A-Z]) —|^\W*Contents\s*$/.test(l));
      expect(headings.length).toBeGreaterThan(8);
      for (const h of headings) expect(h, JSON.stringify(h)).not.toMatch(/^\s*(•|Article|\d+\s)/);
    });
  },
);

describe("merging a numbered firm template", () => {
  it("brings the template's lists under new ids, so no style points at one of ours", async () => {
    const out = await toDocx(pack, { referenceDocx: await firmTemplate() });
    const numbering = docxPart(out, "word/numbering.xml");
    const styles = docxPart(out, "word/styles.xml");
    const numIdOf = (style: string) =>
      new RegExp(`w:styleId="${style}"[\\s\\S]*?</w:style>`).exec(styles)![0].match(/<w:numId w:val="(\d+)"\/>/)?.[1];
    const abstractOf = (numId: string) =>
      new RegExp(`<w:num w:numId="${numId}"[^>]*><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)![1]!;
    const definition = (absId: string) =>
      new RegExp(`<w:abstractNum w:abstractNumId="${absId}"[\\s\\S]*?</w:abstractNum>`).exec(numbering)![0];
    // the house style keeps the template's "Article %1" list, under an id that is not ours
    const house = numIdOf("HouseArticle")!;
    expect(house).not.toBe("1");
    expect(definition(abstractOf(house))).toContain('<w:lvlText w:val="Article %1"/>');
    // and the template's list no longer claims our headings
    expect(definition(abstractOf(house))).not.toContain('<w:pStyle w:val="Heading1"/>');
    // the pack's styles: parts unnumbered, topic headings on the clause numbering
    expect(numIdOf("Heading1")).toBeUndefined();
    expect(definition(abstractOf(numIdOf("Heading2")!))).toContain('<w:lvlText w:val="%1.%2"/>');
    expect(definition(abstractOf(numIdOf("AnnexHeading2")!))).toContain('<w:lvlText w:val="A%1.%2"/>');
    // the template's look arrives
    expect(styles).toMatch(/w:styleId="Heading2"[\s\S]*?<w:color w:val="006400"\/>/);
    // every numId a style names is defined
    for (const [, id] of styles.matchAll(/<w:numId w:val="(\d+)"\/>/g)) if (id !== "0") abstractOf(id!);
  });

  it("names the built-in headings as Word stores them, so python-docx finds styles['Heading 2']", async () => {
    // python-docx maps the UI name "Heading 2" to the stored name "heading 2" and looks that up
    const refs = [undefined, await firmTemplate()];
    if (has("pandoc"))
      refs.push(new Uint8Array(execFileSync("pandoc", ["--print-default-data-file", "reference.docx"])));
    for (const referenceDocx of refs) {
      const styles = docxPart(await toDocx(pack, { referenceDocx }), "word/styles.xml");
      for (const n of [1, 2, 3]) {
        const named = [...styles.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*><w:name w:val="([^"]+)"\/>/g)]
          .filter((m) => m[2] === `heading ${n}`)
          .map((m) => m[1]);
        expect(named, `heading ${n}`).toEqual([`Heading${n}`]);
      }
    }
  });

  it.skipIf(!validatorAvailable())("is valid against the ISO/IEC 29500 schemas, as is a pandoc restyle", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fairtender-valid-"));
    try {
      const files = [join(dir, "firm.docx")];
      writeFileSync(files[0]!, await toDocx(pack, { referenceDocx: await firmTemplate() }));
      if (has("pandoc") || process.env.CI) {
        const ref = new Uint8Array(execFileSync("pandoc", ["--print-default-data-file", "reference.docx"]));
        files.push(join(dir, "pandoc.docx"));
        writeFileSync(files[1]!, await toDocx(pack, { referenceDocx: ref }));
      }
      expect(validateDocx(...files)).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
