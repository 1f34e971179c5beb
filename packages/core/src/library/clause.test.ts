import { describe, expect, it } from "vitest";
import type { ClauseInput } from "../model/clause.js";
import { builtinLibrary } from "./builtin.js";
import { parseClause, safeParseClause } from "./clause.js";

const own: ClauseInput = {
  id: "acme-living-wage",
  version: "1.0.0",
  title: "Living wage",
  topic: "wages",
  regimes: ["gb"],
  body: {
    subclauses: [{ text: 'Pay every {{term "worker"}} at least {{params.rate}}; see {{ref "general-wages"}}.' }],
  },
  parameters: { rate: { type: "string", description: "Hourly living wage", default: "GBP 12.60" } },
  sources: [
    {
      citation: "Acme policy 7",
      instrument: "Acme procurement policy",
      checked: "2026-11-01",
      confidence: "confirmed",
    },
  ],
  draftingNote: "Our own policy.",
  terms: ["worker"],
  related: ["general-wages"],
};

describe("parseClause", () => {
  it("returns the clause with defaults applied", () => {
    const c = parseClause(own, builtinLibrary());
    expect(c.kind).toBe("clause");
    expect(c.obligations).toEqual([]);
  });

  it("reports problems with paths relative to the clause, as invalid-clause", () => {
    const result = safeParseClause({ ...own, terms: [], related: [], version: "1" }, builtinLibrary());
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe("invalid-clause");
    expect(result.error.issues).toContainEqual(
      expect.objectContaining({ code: "invalid-format", path: ["version"], received: "1" }),
    );
    const fixedVersion = safeParseClause({ ...own, terms: [], related: [] }, builtinLibrary());
    expect(fixedVersion.success).toBe(false);
    if (fixedVersion.success) return;
    const messages = fixedVersion.error.issues.map((i) => i.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/^terms: clause "acme-living-wage" uses \{\{term "worker"\}\}/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^related: clause "acme-living-wage" refers to \{\{ref "general-wages"\}\}/),
    );
  });

  it("checks a changed built-in clause in place", () => {
    const wages = structuredClone(builtinLibrary().clauses.find((c) => c.id === "general-wages"));
    expect(parseClause(wages, builtinLibrary()).id).toBe("general-wages");
    const broken = { ...wages, body: { subclauses: [{ text: "{{params.nothing}}" }] } };
    expect(() => parseClause(broken, builtinLibrary())).toThrow(/does not declare the parameter "nothing"/);
  });
});
