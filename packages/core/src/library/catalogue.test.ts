import { describe, expect, it } from "vitest";
import { builtinLibrary } from "./builtin.js";
import { getClause } from "./get.js";

/**
 * The shared catalogue (the contract with the selection engine): every id with its kind, topic,
 * regimes and parameters. Regimes may gain entries, never lose them.
 */
const ALL = ["us-far", "gb", "eu", "au", "ca", "un"];
type Row = [
  id: string,
  kind: "clause" | "provision",
  topic: string,
  regimes: string[],
  params?: Record<string, unknown>,
];
const CATALOGUE: Row[] = [
  ["us-far-52-222-50", "clause", "prohibition", ["us-far"]],
  ["us-far-52-222-50-alt-i", "clause", "worker-awareness", ["us-far"]],
  ["us-far-52-222-56", "provision", "certification", ["us-far"]],
  ["us-far-compliance-plan", "clause", "compliance-plan", ["us-far"]],
  ["us-far-annual-certification", "clause", "certification", ["us-far"]],
  ["us-far-incident-reporting", "clause", "incident-reporting", ["us-far"]],
  ["us-far-cooperation", "clause", "audit", ["us-far"]],
  ["us-far-return-transport", "clause", "return-transport", ["us-far"]],
  ["us-far-housing", "clause", "housing", ["us-far"]],
  ["us-far-flow-down", "clause", "flow-down", ["us-far"]],
  ["us-far-work-documents", "clause", "recruitment", ["us-far"]],
  ["us-far-remedies", "clause", "exit", ["us-far"]],
  ["gb-modern-slavery-compliance", "clause", "prohibition", ["gb"]],
  ["gb-s54-statement", "clause", "transparency-statement", ["gb"]],
  ["gb-exclusion-declaration", "provision", "certification", ["gb"]],
  ["gb-supply-chain-declarations", "provision", "supply-chain-mapping", ["gb"]],
  ["gb-selection-questions", "provision", "certification", ["gb"]],
  ["gb-msat", "clause", "audit", ["gb"], { msatFrequencyMonths: ["integer", 12] }],
  ["gb-remedial-action-plan", "clause", "remediation", ["gb"], { remedialPlanDays: ["integer", 30] }],
  ["gb-termination", "clause", "exit", ["gb"]],
  ["eu-labour-law-compliance", "clause", "wages", ["eu"]],
  ["eu-exclusion-declaration", "provision", "certification", ["eu"]],
  ["eu-subcontracting-disclosure", "clause", "supply-chain-mapping", ["eu"]],
  ["eu-performance-conditions", "clause", "prohibition", ["eu"]],
  ["eu-csddd-contractual-assurance", "clause", "flow-down", ["eu"]],
  ["eu-csddd-verification", "clause", "audit", ["eu"]],
  ["eu-sme-fair-terms", "clause", "responsible-purchasing", ["eu"]],
  ["eu-flr-product-warranty", "clause", "prohibition", ["eu"]],
  ["eu-corrective-action-plan", "clause", "remediation", ["eu"], { correctiveActionDays: ["integer", 60] }],
  ["au-modern-slavery-statement", "clause", "transparency-statement", ["au"]],
  ["au-supply-chain-information", "clause", "supply-chain-mapping", ["au"]],
  ["ca-forced-labour-report", "clause", "transparency-statement", ["ca"]],
  ["ca-pspc-goods-warranty", "clause", "prohibition", ["ca"]],
  ["un-supplier-code", "clause", "prohibition", ["un"]],
  ["un-child-labour", "clause", "prohibition", ["un"]],
  ["un-sexual-exploitation", "clause", "commercial-sex", ["un"]],
  ["un-termination", "clause", "exit", ["un"]],
  ["general-recruitment-fees", "clause", "recruitment-fees", ALL, { feeRepaymentDays: ["integer", 90] }],
  ["general-identity-documents", "clause", "identity-documents", ALL],
  [
    "general-ethical-recruitment",
    "clause",
    "recruitment",
    ALL,
    { contractLanguages: ["string-list", ["the worker's own language"]] },
  ],
  ["general-wages", "clause", "wages", ALL],
  ["general-worker-awareness", "clause", "worker-awareness", ALL, { trainingFrequencyMonths: ["integer", 12] }],
  [
    "general-grievance-mechanism",
    "clause",
    "grievance",
    ALL,
    { grievanceLanguages: ["string-list", ["English"]], responseDays: ["integer", 30] },
  ],
  ["general-incident-notification", "clause", "incident-reporting", ALL, { notificationHours: ["integer", 72] }],
  [
    "general-audit-rights",
    "clause",
    "audit",
    ALL,
    { auditNoticeDays: ["integer", 10], auditFrequencyMonths: ["integer", 24] },
  ],
  ["general-supply-chain-mapping", "clause", "supply-chain-mapping", ALL, { mappingTiers: ["integer", 1] }],
  ["general-flow-down", "clause", "flow-down", ALL],
  ["general-remediation", "clause", "remediation", ALL],
  ["general-remedies-ladder", "clause", "exit", ALL, { cureDays: ["integer", 30] }],
  ["general-housing", "clause", "housing", ALL],
  ["aba-mcc2-responsible-purchasing", "clause", "responsible-purchasing", ["aba-mcc2"]],
  ["aba-mcc2-remediation-before-exit", "clause", "remediation", ["aba-mcc2"]],
  ["ilo-employer-pays", "clause", "recruitment-fees", ["ilo-fair-recruitment"]],
  ["ilo-forced-labour-indicators", "clause", "audit", ["ilo-fair-recruitment"]],
];

describe("the built-in library keeps the shared catalogue", () => {
  it.each(CATALOGUE)("%s", (id, kind, topic, regimes, params = {}) => {
    const c = getClause(builtinLibrary(), id);
    expect(c.kind).toBe(kind);
    expect(c.topic).toBe(topic);
    expect(c.regimes).toEqual(expect.arrayContaining(regimes));
    expect(c.version).toBe("1.0.0");
    const actual = Object.fromEntries(Object.entries(c.parameters).map(([k, p]) => [k, [p.type, p.default]]));
    expect(actual).toEqual(params);
  });

  it("has at least 50 clauses, all in the catalogue", () => {
    const ids = builtinLibrary().clauses.map((c) => c.id);
    expect(ids.length).toBeGreaterThanOrEqual(50);
    expect([...ids].sort()).toEqual(CATALOGUE.map((r) => r[0]).sort());
  });

  it("puts a remediation step in front of every exit clause", () => {
    const lib = builtinLibrary();
    for (const c of lib.clauses.filter((x) => x.topic === "exit")) {
      const text = JSON.stringify(c.body);
      const refersToRemediation =
        c.terms.includes("remediation") ||
        c.related.some((r) => lib.clauses.find((x) => x.id === r)?.topic === "remediation") ||
        c.obligations.some((o) => o.topic === "remediation");
      expect(refersToRemediation, c.id).toBe(true);
      expect(text, c.id).toMatch(/remed/i);
    }
  });

  it("gives every clause a drafting note and every obligation evidence and a source", () => {
    for (const c of builtinLibrary().clauses) {
      expect(c.draftingNote.length, c.id).toBeGreaterThan(80);
      for (const o of c.obligations) {
        expect(o.evidence.length, o.id).toBeGreaterThan(0);
        expect(o.sources.length, o.id).toBeGreaterThan(0);
      }
    }
  });

  it("flags the secondary and unconfirmed facts the clauses rest on in their drafting notes", () => {
    const note = (id: string) => getClause(builtinLibrary(), id).draftingNote;
    expect(note("us-far-52-222-56")).toMatch(/700,000[\s\S]*SECONDARY/);
    expect(note("us-far-52-222-50")).toMatch(/FAC 2025-06[\s\S]*UNCONFIRMED/);
    expect(note("au-modern-slavery-statement")).toMatch(/"at least"[\s\S]*"more\s+than"/);
    expect(note("eu-csddd-contractual-assurance")).toMatch(/Omnibus I[\s\S]*SECONDARY/);
  });
});
