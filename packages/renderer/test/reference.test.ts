/**
 * Hostile reference documents (issue 10, item 5): each is built here, and each is refused with a
 * `ReferenceDocxError` whose `problem` says why, before anything of it reaches the output.
 */
import { buildTenderPack } from "@fairtender/renderer";
import { type ReferenceDocxError, type ReferenceProblem, toDocx } from "@fairtender/renderer/docx";
import { strToU8, unzipSync, type Zippable, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { readZip } from "../src/docx/zip.js";
import { docxPart, realUs } from "./helpers.js";

const pack = buildTenderPack(realUs());
let base: Record<string, Uint8Array>;
beforeAll(async () => {
  base = unzipSync(await toDocx(pack));
});

/** A reference made from a good package with some parts replaced (or, with `null`, removed). */
function reference(replace: Record<string, string | Uint8Array | null>): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of Object.entries(base)) if (!(name in replace)) files[name] = data;
  for (const [name, data] of Object.entries(replace)) {
    if (data !== null) files[name] = typeof data === "string" ? strToU8(data) : data;
  }
  return zipSync(files);
}

async function refusal(bytes: Uint8Array, limits?: Parameters<typeof toDocx>[1]): Promise<ReferenceDocxError> {
  try {
    await toDocx(pack, { referenceDocx: bytes, ...limits });
  } catch (e) {
    return e as ReferenceDocxError;
  }
  throw new Error("the reference was accepted");
}

const STYLES_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">';

function expectProblem(e: ReferenceDocxError, problem: ReferenceProblem, part?: string) {
  expect(e.name).toBe("FairtenderError");
  expect(e.code).toBe("invalid-options");
  expect(e.problem).toBe(problem);
  expect(e.part).toBe(part);
  expect(e.issues[0]!.path.slice(0, 2)).toEqual(["options", "referenceDocx"]);
  expect(e.message).toMatch(/^options\.referenceDocx cannot be used as a reference document: /);
  expect(e.message.length).toBeLessThan(400);
}

describe("a hostile reference document is refused", () => {
  it("a styles part that is not XML", async () => {
    const e = await refusal(reference({ "word/styles.xml": "this is not XML at all {}" }));
    expectProblem(e, "not-xml", "word/styles.xml");
    expect(e.issues[0]!.code).toBe("invalid-xml");
  });

  it("a DTD with an entity bomb (billion laughs)", async () => {
    const levels = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY l0 "lol">' : `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`,
    ).join("");
    const bomb = `<?xml version="1.0"?><!DOCTYPE w:styles [${levels}]>${STYLES_HEAD.replace(/^.*\n/, "")}<w:style w:styleId="X"><w:name w:val="&l9;"/></w:style></w:styles>`;
    const e = await refusal(reference({ "word/styles.xml": bomb }));
    expectProblem(e, "dtd", "word/styles.xml");
  });

  it("a SYSTEM entity naming a local file, in any part it reads", async () => {
    const xxe = (root: string) => `<?xml version="1.0"?><!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`;
    const styles = `${xxe("w:styles")}${STYLES_HEAD.replace(/^.*\n/, "")}<w:style w:styleId="X"><w:name w:val="&xxe;"/></w:style></w:styles>`;
    expectProblem(await refusal(reference({ "word/styles.xml": styles })), "dtd", "word/styles.xml");
    const numbering = `${xxe("w:numbering")}<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&xxe;</w:numbering>`;
    expectProblem(await refusal(reference({ "word/numbering.xml": numbering })), "dtd", "word/numbering.xml");
    // lower-case and spaced spellings are not a way round
    const sneaky = `<!doctype w:styles SYSTEM "file:///etc/passwd">${STYLES_HEAD.replace(/^.*\n/, "")}</w:styles>`;
    expectProblem(await refusal(reference({ "word/styles.xml": sneaky })), "dtd", "word/styles.xml");
  });

  it("an entity that no DTD declares", async () => {
    const styles = `${STYLES_HEAD}<w:style w:styleId="X"><w:name w:val="&xxe;"/></w:style></w:styles>`;
    expectProblem(await refusal(reference({ "word/styles.xml": styles })), "not-xml", "word/styles.xml");
  });

  it("2.5 kB of unclosed tags, without back-tracking", async () => {
    const unclosed = `${STYLES_HEAD}${'<w:style w:type="paragraph" w:styleId="a"><w:name w:val="x">'.repeat(40)}`;
    expect(unclosed.length).toBeGreaterThan(2500);
    const started = performance.now();
    const e = await refusal(reference({ "word/styles.xml": unclosed }));
    // Before, the style scanner's regular expressions took about 5 s on this input; a bound, not a figure.
    expect(performance.now() - started).toBeLessThan(2000);
    expectProblem(e, "not-xml", "word/styles.xml");
    const attrs = `${STYLES_HEAD}${'<w:style w:styleId="a" '.repeat(120)}`;
    expectProblem(await refusal(reference({ "word/styles.xml": attrs })), "not-xml", "word/styles.xml");
  });

  it("a zip bomb that declares its size", async () => {
    // 64 MiB of zeros packs to about 64 kB
    const bomb = reference({ "word/styles.xml": new Uint8Array(64 * 1024 * 1024 + 1) });
    expect(bomb.length).toBeLessThan(200_000);
    const e = await refusal(bomb);
    expectProblem(e, "too-large");
    expect(e.issues[0]!.code).toBe("too-big");
    expect(e.message).toContain("word/styles.xml");
  });

  it("a zip bomb whose headers lie about its size is cut off while inflating", async () => {
    const bomb = zipSync({ "word/styles.xml": new Uint8Array(8 * 1024 * 1024) });
    // set the declared uncompressed size (central directory, offset 24) to 1000 bytes
    const view = new DataView(bomb.buffer);
    const cd = view.getUint32(bomb.length - 22 + 16, true);
    view.setUint32(cd + 24, 1000, true);
    expect(() =>
      readZip(bomb, { maxParts: 10, maxTotalBytes: 1 << 30, maxPartBytes: 1 << 30 }, () => true),
    ).toThrowError(/unpacks to more bytes than it declares \(1000\)/);
  });

  it("too many parts, and a total over the limit", async () => {
    const many: Record<string, string | null> = {};
    for (let i = 0; i < 1001; i++) many[`customXml/item${i}.xml`] = "<a/>";
    expectProblem(await refusal(reference(many)), "too-many-parts");
    const big = await refusal(reference({ "word/media/big.bin": new Uint8Array(5000) }), {
      referenceLimits: { maxTotalBytes: 100_000 },
    });
    expectProblem(big, "too-large");
  });

  it("a package that is not a word-processing document, or not a zip", async () => {
    const types =
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
    const sheet = await refusal(reference({ "[Content_Types].xml": types }));
    expectProblem(sheet, "not-word-processing");
    expect(sheet.message).toContain("spreadsheet");
    expect(sheet.issues[0]!.code).toBe("unknown-document");
    expectProblem(await refusal(reference({ "word/styles.xml": null })), "not-word-processing");
    const wrongRoot = `<?xml version="1.0"?><html><body/></html>`;
    expectProblem(await refusal(reference({ "word/styles.xml": wrongRoot })), "not-word-processing", "word/styles.xml");
    expectProblem(await refusal(new Uint8Array([1, 2, 3])), "not-a-zip");
    expectProblem(await refusal(strToU8("PK\u0005\u0006 but not really a zip package at all")), "not-a-zip");
  });

  it("a good reference still works, and its styles arrive", async () => {
    const styles = docxPart(zipSync(base as Zippable), "word/styles.xml").replace(
      "</w:styles>",
      '<w:style w:type="paragraph" w:styleId="HouseOnly"><w:name w:val="House &amp; Co"/></w:style></w:styles>',
    );
    const out = await toDocx(pack, { referenceDocx: reference({ "word/styles.xml": styles }) });
    expect(docxPart(out, "word/styles.xml")).toContain('<w:name w:val="House &amp; Co"/>');
  });
});
