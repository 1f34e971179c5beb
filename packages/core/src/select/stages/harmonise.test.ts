import { describe, expect, test } from "vitest";
import { citationText } from "../../cite.js";
import type { Obligation } from "../../model/clause.js";
import type { Source } from "../../model/common.js";
import type { SelectedClause } from "../../model/selection.js";
import type { RegimeId } from "../../model/topics.js";
import { harmonise } from "./harmonise.js";

/** A source; `regime` is the regime its library entry attributes it to (none for international standards). */
const src = (citation: string, more: { provision?: string; regime?: RegimeId } = {}): Source => ({
  citation,
  instrument: citation,
  ...more,
  checked: "2026-11-28",
  confidence: "confirmed",
});

function ob(id: string, over: Partial<Obligation>): Obligation {
  return {
    id,
    topic: "incident-reporting",
    party: "supplier",
    action: `Action ${id}`,
    timing: { kind: "ongoing" },
    evidence: [],
    flowsDown: { required: false },
    sources: [src(`Source ${id}`)],
    ...over,
  };
}

function clause(id: string, regimes: RegimeId[], obligations: Obligation[]): SelectedClause {
  return {
    id,
    version: "1.0.0",
    title: id,
    topic: obligations[0]?.topic ?? "prohibition",
    kind: "clause",
    regimes,
    strength: "mandatory",
    reasons: [{ rule: "r", text: "t", inputs: {}, sources: [] }],
    body: { subclauses: [] },
    parameters: {},
    sources: [],
    draftingNote: "n",
    terms: [],
    related: [],
    incorporates: [],
    obligations,
  };
}

const ALL: RegimeId[] = ["us-far", "gb", "eu", "au", "ca", "un"];

describe("harmonise", () => {
  test("the same duty from two regimes merges; the strictest time limit wins; nothing is lost", () => {
    const far = clause(
      "us-far-incident-reporting",
      ["us-far"],
      [
        ob("far-report", {
          action: "Report credible information to the CO and IG",
          timing: { kind: "on-event", event: "credible information", withinHours: 0 },
          evidence: ["Notification record"],
          sources: [src("FAR 52.222-50", { provision: "(d)", regime: "us-far" })],
        }),
      ],
    );
    const general = clause("general-incident-notification", ALL, [
      ob("general-notify", {
        action: "Notify the buyer",
        timing: { kind: "on-event", event: "becoming aware of an incident", withinHours: 72 },
        evidence: ["Incident log", "Notification record"],
        sources: [
          src("PPN 009", { regime: "gb" }),
          src("Directive (EU) 2024/1760", { provision: "Art. 14", regime: "eu" }),
        ],
      }),
    ]);
    const rows = harmonise([far, general], new Set<RegimeId>(["us-far", "gb"]));
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row?.timing).toEqual({
      kind: "on-event",
      event: "credible information or becoming aware of an incident",
      withinHours: 0,
    });
    expect(row?.timingText).toBe("Immediately after credible information or becoming aware of an incident");
    expect(row?.evidence).toEqual(["Notification record", "Incident log"]);
    expect(row?.mergedFrom).toEqual(["far-report", "general-notify"]);
    expect(row?.clauses).toEqual(["us-far-incident-reporting", "general-incident-notification"]);
    expect(row?.action).toBe("Report credible information to the CO and IG. Notify the buyer.");
    // Every citation kept in sources; satisfies shows those of the applicable regimes (us-far, gb) only.
    expect(row?.satisfies).toEqual([
      { regime: "us-far", citation: "FAR 52.222-50(d)", clause: "us-far-incident-reporting" },
      { regime: "gb", citation: "PPN 009", clause: "general-incident-notification" },
    ]);
    expect(row?.sources.map((s) => s.citation)).toEqual(["FAR 52.222-50", "PPN 009", "Directive (EU) 2024/1760"]);
  });

  test("a one-off certification and an annual one are different duties and stay apart", () => {
    const rows = harmonise(
      [
        clause(
          "c56",
          ["us-far"],
          [ob("pre", { topic: "certification", timing: { kind: "before-award" }, evidence: ["e"] })],
        ),
        clause(
          "cann",
          ["us-far"],
          [ob("annual", { topic: "certification", timing: { kind: "recurring", everyMonths: 12 }, evidence: ["e"] })],
        ),
        clause(
          "gbx",
          ["gb"],
          [ob("gbdecl", { topic: "certification", timing: { kind: "before-award" }, evidence: ["d"] })],
        ),
      ],
      new Set<RegimeId>(["us-far", "gb"]),
    );
    expect(rows.map((r) => [r.id, r.mergedFrom])).toEqual([
      ["certification-supplier-before-award", ["pre", "gbdecl"]],
      ["certification-supplier-recurring", ["annual"]],
    ]);
  });

  test("the most frequent recurrence, the shortest period and the widest flow-down win", () => {
    const rows = harmonise(
      [
        clause("a", ALL, [
          ob("audit-24", {
            topic: "audit",
            timing: { kind: "recurring", everyMonths: 24 },
            flowsDown: { required: false, tiers: 2 },
          }),
          ob("plan-30", { topic: "remediation", timing: { kind: "within", days: 30, from: "request" } }),
        ]),
        clause(
          "b",
          ["gb"],
          [
            ob("msat-12", {
              topic: "audit",
              timing: { kind: "recurring", everyMonths: 12, firstAfterMonths: 3 },
              flowsDown: { required: true, tiers: "all", agents: true },
            }),
            ob("plan-14", { topic: "remediation", timing: { kind: "within", days: 14, from: "request" } }),
          ],
        ),
      ],
      new Set<RegimeId>(["gb"]),
    );
    const audit = rows.find((r) => r.topic === "audit");
    expect(audit?.timing).toEqual({ kind: "recurring", everyMonths: 12, firstAfterMonths: 3 });
    expect(audit?.flowsDown).toEqual({ required: true, tiers: "all", agents: true });
    expect(rows.find((r) => r.topic === "remediation")?.timing).toEqual({ kind: "within", days: 14, from: "request" });
    // Topic order: audit before remediation (TOPICS order).
    expect(rows.map((r) => r.topic)).toEqual(["audit", "remediation"]);
  });

  test("a stated event limit beats 'without undue delay'; different parties never merge", () => {
    const rows = harmonise(
      [
        clause("a", ["un"], [ob("x", { timing: { kind: "on-event", event: "an incident" } })]),
        clause("b", ["un"], [ob("y", { timing: { kind: "on-event", event: "an incident", withinHours: 48 } })]),
        clause("c", ["un"], [ob("z", { party: "buyer", timing: { kind: "on-event", event: "an incident" } })]),
      ],
      new Set<RegimeId>(["un"]),
    );
    expect(rows.map((r) => [r.party, r.timing])).toEqual([
      ["supplier", { kind: "on-event", event: "an incident", withinHours: 48 }],
      ["buyer", { kind: "on-event", event: "an incident" }],
    ]);
  });

  test("citations read as lawyers write them", () => {
    expect(citationText({ citation: "FAR 52.222-50", provision: "(d)(1)" })).toBe("FAR 52.222-50(d)(1)");
    expect(citationText({ citation: "Directive 2014/24/EU Art. 18", provision: "Art. 18(2)" })).toBe(
      "Directive 2014/24/EU Art. 18(2)",
    );
    expect(citationText({ citation: "PPN 009" })).toBe("PPN 009");
    expect(citationText({ citation: "MSA 2015 s.54", provision: "s.54(2)" })).toBe("MSA 2015 s.54(2)");
    expect(citationText({ citation: "ILO C29", provision: "Art. 2(1)" })).toBe("ILO C29 Art. 2(1)");
  });
});

describe("harmonise: which regimes an obligation is shown to meet", () => {
  test("a UN tender's schedule does not claim FAR or UK rules, and the ILO principles are not filed under a regime", () => {
    const general = clause("general-recruitment-fees", ALL, [
      ob("fees", {
        topic: "recruitment-fees",
        sources: [
          src("FAR 52.222-50", { provision: "(b)(6)", regime: "us-far" }),
          src("ILO Fair Recruitment Principles", { regime: "ilo-fair-recruitment" }),
          src("PPN 009", { regime: "gb" }),
        ],
      }),
    ]);
    general.sources = [
      src("UN Supplier Code of Conduct", { regime: "un" }),
      src("FAR 52.222-50", { regime: "us-far" }),
    ];
    const rows = harmonise([general], new Set<RegimeId>(["un"]));
    // No obligation citation meets an applicable regime, so the clause's own UN citation is used.
    expect(rows[0]?.satisfies).toEqual([
      { regime: "un", citation: "UN Supplier Code of Conduct", clause: "general-recruitment-fees" },
    ]);
    // Nothing is lost: every obligation citation is still a source of the row.
    expect(rows[0]?.sources.map((s) => s.citation)).toEqual([
      "FAR 52.222-50",
      "ILO Fair Recruitment Principles",
      "PPN 009",
    ]);
  });

  test("a source of no regime counts for a single-regime clause's own regime", () => {
    const child = clause(
      "un-child-labour",
      ["un"],
      [ob("cl", { topic: "prohibition", sources: [src("CRC Art. 32")] })],
    );
    expect(harmonise([child], new Set<RegimeId>(["un"]))[0]?.satisfies).toEqual([
      { regime: "un", citation: "CRC Art. 32", clause: "un-child-labour" },
    ]);
  });

  test("good practice that no applicable regime names has an empty satisfies, and keeps its sources", () => {
    const general = clause("general-wages", ALL, [
      ob("w", { topic: "wages", sources: [src("ILO C131", { regime: "ilo-fair-recruitment" })] }),
    ]);
    const [row] = harmonise([general], new Set<RegimeId>(["au"]));
    expect(row?.satisfies).toEqual([]);
    expect(row?.sources.map((s) => s.citation)).toEqual(["ILO C131"]);
  });
});

test("an applicable regime the obligation does not cite is filled from the clause's own citations", () => {
  const general = clause("general-recruitment-fees", ALL, [
    ob("repay", {
      topic: "recruitment-fees",
      sources: [src("ILO Fair Recruitment Principles", { regime: "ilo-fair-recruitment" })],
    }),
  ]);
  general.sources = [
    src("PPN 009", { regime: "gb" }),
    src("ILO Fair Recruitment Principles", { regime: "ilo-fair-recruitment" }),
    src("FAR 52.222-50", { regime: "us-far" }),
  ];
  const [row] = harmonise([general], new Set<RegimeId>(["gb", "ilo-fair-recruitment"]));
  expect(row?.satisfies).toEqual([
    { regime: "ilo-fair-recruitment", citation: "ILO Fair Recruitment Principles", clause: "general-recruitment-fees" },
    { regime: "gb", citation: "PPN 009", clause: "general-recruitment-fees" },
  ]);
});
