/**
 * Cross-references survive converters nobody here wrote (issue 11, defect 4): pandoc and mammoth
 * read the cached result of a complex field, so every "clause 9.1" of the pack is in what they
 * make of the .docx (a `w:fldSimple` was dropped by both, number and all).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildTenderPack, type Inline, type PartNode, type TenderPack, type TopicNode } from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import mammoth from "mammoth";
import { beforeAll, describe, expect, it } from "vitest";
import { plainText } from "../src/pack/labels.js";
import { unSelection, usSelection } from "./fixtures/selections.js";
import { clientAvailable, realUn, realUs } from "./helpers.js";

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/** Every sub-clause and item of the pack whose text has a cross-reference, as plain text with its numbers. */
function referencing(pack: TenderPack): Array<{ where: string; text: string; numbers: string[] }> {
  const out: Array<{ where: string; text: string; numbers: string[] }> = [];
  const add = (where: string, runs: Inline[]) => {
    const numbers = runs.flatMap((r) => (r.type === "ref" && r.number !== null ? [r.number] : []));
    if (numbers.length > 0) out.push({ where, text: norm(plainText(runs)), numbers });
  };
  for (const part of pack.children.filter((c): c is PartNode => c.type === "part")) {
    for (const topic of part.children.filter((c): c is TopicNode => c.type === "topic")) {
      for (const clause of topic.children) {
        for (const c of clause.children) {
          if (c.type === "paragraph") add(clause.number, c.children);
          if (c.type !== "subclause") continue;
          add(c.number, c.children);
          for (const item of c.items) add(item.fullNumber, item.children);
        }
      }
    }
  }
  return out;
}

const cases = () => [
  { name: "us-tender", pack: buildTenderPack(realUs()) },
  { name: "un-guidance", pack: buildTenderPack(realUn(), { edition: "guidance" }) },
];

describe("cross-references in converters", () => {
  const docs = new Map<string, Uint8Array>();
  beforeAll(async () => {
    for (const c of cases()) docs.set(c.name, await toDocx(c.pack));
  });

  it("the packs have cross-references to check, each saying what it points at", () => {
    for (const c of cases()) {
      const refs = referencing(c.pack);
      expect(refs.length, c.name).toBeGreaterThan(3);
      for (const r of refs)
        for (const n of r.numbers)
          expect(r.text, r.where).toMatch(new RegExp(`(clause|provision) ${n.replace(/\./g, "\\.")}\\b`));
    }
  });

  it('does not name a reference twice when the clause text already does ("clauses {{ref a}} and {{ref b}}")', () => {
    const all: string[] = [];
    for (const sel of [usSelection(), unSelection()]) {
      const refs = referencing(buildTenderPack(sel));
      expect(refs.length).toBeGreaterThan(0);
      for (const r of refs) expect(r.text, r.where).not.toMatch(/\b(clauses?|provisions?) (clause|provision) /);
      all.push(...refs.map((r) => r.text));
    }
    expect(all.join(" ")).toMatch(/clauses \d+\.\d+ and \d+\.\d+/);
  });

  it("mammoth keeps every number", async () => {
    for (const c of cases()) {
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docs.get(c.name)!) });
      const text = norm(value);
      for (const r of referencing(c.pack)) expect(text, `${c.name} ${r.where}`).toContain(r.text);
    }
  });

  it.skipIf(!clientAvailable("pandoc"))("pandoc keeps every number", () => {
    const dir = mkdtempSync(join(tmpdir(), "fairtender-conv-"));
    try {
      for (const c of cases()) {
        const file = join(dir, `${c.name}.docx`);
        writeFileSync(file, docs.get(c.name)!);
        const plain = norm(
          execFileSync("pandoc", ["-f", "docx", "-t", "plain", "--wrap=none", file], {
            encoding: "utf8",
            timeout: 60_000,
          }),
        );
        for (const r of referencing(c.pack)) expect(plain, `${c.name} ${r.where}`).toContain(r.text);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
