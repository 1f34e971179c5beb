import { describe, expect, test } from "vitest";
import { builtinLibrary } from "./library/builtin.js";
import { getClause } from "./library/get.js";
import type { Timing } from "./model/clause.js";
import * as wording from "./wording.js";

describe("wording", () => {
  test("timing in words", () => {
    const cases: [Timing, string][] = [
      [{ kind: "before-award" }, "Before contract award"],
      [{ kind: "at-signature" }, "At contract signature"],
      [{ kind: "within", days: 1, from: "start" }, "Within 1 day of the start date"],
      [{ kind: "within", days: 30, from: "request" }, "Within 30 days of a request"],
      [{ kind: "recurring", everyMonths: 12 }, "Every year from the start date"],
      [
        { kind: "recurring", everyMonths: 6, firstAfterMonths: 1 },
        "Every 6 months, first 1 month after the start date",
      ],
      [{ kind: "on-event", event: "an allegation" }, "Without undue delay after an allegation"],
      [
        { kind: "on-event", event: "a complaint is received", withinHours: 336 },
        "Within 14 days after a complaint is received",
      ],
      [{ kind: "on-event", event: "an allegation", withinHours: 24 }, "Within 24 hours after an allegation"],
      [{ kind: "ongoing" }, "Throughout the contract"],
    ];
    for (const [t, text] of cases) expect(wording.timingText(t)).toBe(text);
  });

  test("flow-down in words: one way of saying the tiers, as a cell and as a phrase", () => {
    expect(wording.flowDownTiers({ tiers: "all" })).toBe("all tiers");
    expect(wording.flowDownTiers({})).toBe("all tiers");
    expect(wording.flowDownTiers({ tiers: 1 })).toBe("1 tier below the supplier");
    expect(wording.flowDownTiers({ tiers: 3 })).toBe("3 tiers below the supplier");
    expect(wording.flowDownSummary({ required: false })).toBe("No");
    expect(wording.flowDownSummary({ required: true, tiers: "all", agents: true })).toBe("Yes, all tiers, and agents");
    expect(wording.flowDownSummary({ required: true, tiers: 2, agents: false })).toBe(
      "Yes, 2 tiers below the supplier",
    );
    expect(wording.flowDownText({ required: false })).toBe("does not flow down");
    expect(wording.flowDownText({ required: true, tiers: 1, agents: true })).toBe(
      "flows down to 1 tier below the supplier, and agents",
    );
  });

  test("strengths: name, label, meaning and counts", () => {
    expect(wording.strengthName("mandatory")).toBe("Mandatory");
    expect(wording.strengthLabel("mandatory")).toBe("Mandatory (required by law)");
    expect(wording.strengthLabel("policy")).toBe("Policy (binding policy for this buyer)");
    expect(wording.strengthLabel("optional")).toBe("Optional");
    expect(wording.strengthMeaning("recommended")).toBe("The risk or the regime's guidance calls for it");
    const clauses = [{ strength: "recommended" }, { strength: "mandatory" }, { strength: "recommended" }] as const;
    expect(wording.strengthCounts(clauses)).toBe("1 mandatory, 2 recommended");
    expect(wording.strengthCounts([])).toBe("");
  });

  test("cross-references and clause text previews", () => {
    expect(wording.referenceText("7.2", "general-remediation")).toBe("7.2");
    expect(wording.referenceText(null, "general-remediation")).toBe("[clause not included: general-remediation]");
    const lib = builtinLibrary();
    const clause = getClause(lib, "general-grievance-mechanism");
    const text = wording.clauseTextPreview(
      clause,
      'In {{params.grievanceLanguages}} within {{params.responseDays}} days, see {{ref "general-remediation"}} and {{term "worker"}}.',
      lib,
    );
    expect(text).toBe(
      "In [grievanceLanguages: English] within [responseDays: 30] days, see clause [general-remediation] and Worker.",
    );
  });
});
