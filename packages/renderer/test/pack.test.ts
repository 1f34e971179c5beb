import { readFileSync } from "node:fs";
import { type Issue, isFairtenderError, type Selection, TOPICS } from "@fairtender/core";
import {
  buildTenderPack,
  type ClauseNode,
  type PartNode,
  RENDERER_VERSION,
  STYLE_NAMES,
  type TableNode,
  type TenderPack,
  type TopicNode,
} from "@fairtender/renderer";
import { describe, expect, it } from "vitest";
import { unSelection, usSelection } from "./fixtures/selections.js";
import { realUn, realUs } from "./helpers.js";

const parts = (p: TenderPack) => p.children.filter((c): c is PartNode => c.type === "part");
const part = (p: TenderPack, id: string) => parts(p).find((x) => x.id === id)!;
const topics = (p: PartNode) => p.children.filter((c): c is TopicNode => c.type === "topic");
const clauses = (p: PartNode): ClauseNode[] => topics(p).flatMap((t) => t.children);
const tables = (p: PartNode) => p.children.filter((c): c is TableNode => c.type === "table");
const allText = (node: unknown): string => JSON.stringify(node);

describe("buildTenderPack: validation", () => {
  it("rejects a selection that does not match the schema, with every problem as an issue", () => {
    const bad = { ...usSelection(), libraryVersion: "one", clauses: [{ id: "Not An Id" }] } as unknown as Selection;
    try {
      buildTenderPack(bad);
      expect.unreachable();
    } catch (e) {
      expect(isFairtenderError(e)).toBe(true);
      const err = e as { code: string; issues: Issue[] };
      expect(err.code).toBe("invalid-selection");
      expect(err.issues.map((i) => i.path)).toContainEqual(["libraryVersion"]);
      expect(err.issues.some((i) => i.path[0] === "clauses" && i.path[1] === 0)).toBe(true);
    }
  });

  it("rejects bad options with the option named", () => {
    expect(() => buildTenderPack(usSelection(), { issueDate: "2026-02-30" })).toThrowError(/options.issueDate/);
    expect(() => buildTenderPack(usSelection(), { edition: "draft" as "tender" })).toThrowError(/options.edition/);
    expect(() => buildTenderPack(usSelection(), { documentVersion: " " })).toThrowError(/options.documentVersion/);
    try {
      buildTenderPack(usSelection(), { edition: "draft" as "tender" });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({
        code: "invalid-options",
        issues: [{ code: "unknown-value", path: ["options", "edition"], received: "draft" }],
      });
    }
  });

  it("accepts JSON from another tool (the selection round-tripped through JSON)", () => {
    const json = JSON.parse(JSON.stringify(realUs())) as Selection;
    expect(buildTenderPack(json)).toEqual(buildTenderPack(realUs()));
  });
});

describe("buildTenderPack: the document model", () => {
  it("is plain JSON and deterministic", () => {
    const a = buildTenderPack(realUs(), { edition: "guidance" });
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(buildTenderPack(realUs(), { edition: "guidance" })).toEqual(a);
  });

  it("dates the pack from the procurement start date, not the clock, unless told", () => {
    const sel = realUs();
    expect(buildTenderPack(sel).meta.issueDate).toBe(sel.profile.procurement.startDate);
    const pack = buildTenderPack(sel, { issueDate: "2026-07-15", documentVersion: "2.1" });
    expect(pack.meta).toMatchObject({
      issueDate: "2026-07-15",
      documentVersion: "2.1",
      rendererVersion: RENDERER_VERSION,
    });
    const title = pack.children[0]!;
    expect(title.type).toBe("titleBlock");
    expect(allText(title)).toContain("2026-07-15");
    expect(allText(title)).toContain(sel.profile.buyer.name);
    expect(allText(title)).toContain(sel.libraryVersion);
  });

  it("keeps RENDERER_VERSION equal to the package version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(RENDERER_VERSION).toBe(pkg.version);
  });

  it("groups contract clauses by topic in core's TOPICS order and numbers them 1, 1.1, 1.1.1, (a)", () => {
    const sel = realUs();
    const pack = buildTenderPack(sel);
    const body = part(pack, "clauses");
    const ts = topics(body);
    const order = TOPICS.map((t) => t.id as string);
    expect(ts.map((t) => order.indexOf(t.id))).toEqual([...ts.map((t) => order.indexOf(t.id))].sort((a, b) => a - b));
    ts.forEach((t, i) => {
      expect(t.number).toBe(String(i + 1));
      t.children.forEach((c, j) => {
        expect(c.number).toBe(`${i + 1}.${j + 1}`);
        const subs = c.children.filter((x) => x.type === "subclause");
        subs.forEach((s, k) => {
          expect(s.number).toBe(`${c.number}.${k + 1}`);
          s.items.forEach((item, l) => {
            expect(item.number).toBe(`(${"abcdefghijklmnopqrstuvwxyz"[l]})`);
            expect(item.fullNumber).toBe(`${s.number}${item.number}`);
          });
        });
      });
    });
    // every selected contract clause appears once
    expect(
      clauses(body)
        .map((c) => c.id)
        .sort(),
    ).toEqual(
      sel.clauses
        .filter((c) => c.kind === "clause")
        .map((c) => c.id)
        .sort(),
    );
  });

  it("puts solicitation provisions in Annex A, numbered A1, A1.1", () => {
    const pack = buildTenderPack(realUs());
    expect(clauses(part(pack, "clauses")).some((c) => c.kind === "provision")).toBe(false);
    const annexA = part(pack, "annex-declaration");
    expect(annexA.label).toBe("Annex A");
    const provs = clauses(annexA);
    expect(provs.map((c) => c.id)).toContain("us-far-52-222-56");
    for (const c of provs) expect(c.number).toMatch(/^A\d+\.\d+$/);
  });

  it("renders cross-references as the computed number, and a missing clause as a visible marker", () => {
    const pack = buildTenderPack(unSelection());
    const body = clauses(part(pack, "clauses"));
    const numberOf = new Map(
      [...body, ...clauses(part(pack, "annex-declaration"))].map((c) => [c.id, c.number] as const),
    );
    const refs = JSON.stringify(pack).match(/\{"type":"ref","target":"[a-z0-9-]+","number":(null|"[^"]+")\}/g) ?? [];
    expect(refs.length).toBeGreaterThan(5);
    for (const r of refs) {
      const { target, number } = JSON.parse(r) as { target: string; number: string | null };
      expect(number).toBe(numberOf.get(target) ?? null);
    }
    expect(refs.some((r) => r.includes('"target":"gb-termination","number":null'))).toBe(true);
  });

  it("defines only the selection's terms, sorted, each with its source", () => {
    const sel = realUs();
    const defs = tables(part(buildTenderPack(sel), "definitions"))[0]!;
    const terms = defs.children.map((r) => allText(r.children[0]));
    expect(defs.children).toHaveLength(sel.definitions.length);
    const names = sel.definitions.map((d) => d.term).sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
    names.forEach((n, i) => {
      expect(terms[i]).toContain(JSON.stringify(n).slice(1, -1));
    });
    for (const row of defs.children) expect(allText(row.children[2]).length).toBeGreaterThan(20);
  });

  it("builds the obligations schedule with computed clause numbers and every regime satisfied", () => {
    const sel = realUs();
    const pack = buildTenderPack(sel);
    const schedule = tables(part(pack, "schedule-obligations"))[0]!;
    expect(schedule.header).toEqual([
      "No.",
      "Obligation",
      "Timing",
      "Evidence",
      "Flows down",
      "Clause",
      "Regimes satisfied",
    ]);
    expect(schedule.children).toHaveLength(sel.obligations.length);
    const numbers = new Map(
      [...clauses(part(pack, "clauses")), ...clauses(part(pack, "annex-declaration"))].map((c) => [c.id, c.number]),
    );
    sel.obligations.forEach((o, i) => {
      const row = schedule.children[i]!.children;
      expect(allText(row[0])).toContain(`"${i + 1}"`);
      for (const id of o.clauses) expect(allText(row[5])).toContain(`"number":"${numbers.get(id)}"`);
      for (const s of o.satisfies) expect(allText(row[6])).toContain(s.citation);
    });
    const crosswalk = tables(part(pack, "crosswalk"))[0]!;
    expect(crosswalk.children).toHaveLength(sel.obligations.length);
  });

  it("generates the annexes from the same selection", () => {
    const us = buildTenderPack(realUs());
    const labels = parts(us).map((p) => p.label);
    expect(labels).toEqual([
      "Part 1",
      "Part 2",
      "Part 3",
      "Schedule 1",
      "Schedule 2",
      "Annex A",
      "Annex B",
      "Annex C",
      "Annex D",
      "Annex E",
    ]);
    // FAR 52.222-56: the apparent successful offeror's undertaking to certify before award, with the provision's number
    const decl = allText(part(us, "annex-declaration"));
    expect(decl).toContain("before award, give the contracting officer the certification required by FAR 52.222-56");
    expect(decl).toContain("Signature");
    // compliance plan with the five FAR minimum elements
    const plan = tables(part(us, "annex-compliance-plan"))[0]!;
    expect(plan.children.map((r) => allText(r.children[3]!.children))).toEqual(
      ["(i)", "(ii)", "(iii)", "(iv)", "(v)"].map((x) => `[{"type":"text","value":"FAR 52.222-50(h)(3)${x}"}]`),
    );
    // questionnaire grows with the risk level
    const q = tables(part(us, "annex-questionnaire"))[0]!;
    expect(q.children.length).toBe(10);
    // flow-down annex lists exactly the obligations that flow down
    const flow = tables(part(us, "annex-flow-down"))[0]!;
    expect(flow.children).toHaveLength(realUs().obligations.filter((o) => o.flowsDown.required).length);
    // instruments: FAR 52.222-50 with its date
    const inst = allText(part(us, "annex-instruments"));
    expect(inst).toContain("FAR 52.222-50");

    // No compliance plan selected → no plan annex, letters close up; no FAR certification
    const un = buildTenderPack(realUn());
    expect(parts(un).map((p) => p.label)).toEqual([
      "Part 1",
      "Part 2",
      "Part 3",
      "Schedule 1",
      "Schedule 2",
      "Annex A",
      "Annex B",
      "Annex C",
      "Annex D",
    ]);
    expect(allText(part(un, "annex-declaration"))).not.toContain("FAR 52.222-56");
  });

  it("adds drafting notes, reasons, exclusions and lint findings only in the guidance edition", () => {
    const sel = unSelection();
    const tender = buildTenderPack(sel);
    const guidance = buildTenderPack(sel, { edition: "guidance" });
    expect(allText(tender)).not.toContain("Drafting note");
    expect(parts(tender).some((p) => p.kind === "guidance")).toBe(false);
    const g = part(guidance, "guidance");
    expect(allText(guidance)).toContain("Drafting note");
    expect(allText(guidance)).toContain("Why selected");
    expect(allText(g)).toContain("eu-flr-product-warranty");
    // core's lint finds the reference to a clause that is not selected
    expect(allText(g)).toContain("dangling-reference");
  });

  it("documents a style for every style the Word backend uses", () => {
    expect(new Set(STYLE_NAMES.map((s) => s.id)).size).toBe(STYLE_NAMES.length);
  });
});
