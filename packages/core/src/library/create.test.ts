import { describe, expect, it } from "vitest";
import type { ClauseInput } from "../model/clause.js";
import { builtinLibrary } from "./builtin.js";
import { createLibrary, safeCreateLibrary } from "./create.js";
import { getClause } from "./get.js";

const own: ClauseInput = {
  id: "acme-living-wage",
  version: "1.0.0",
  title: "Living wage",
  topic: "wages",
  regimes: ["gb"],
  body: { subclauses: [{ text: 'The Supplier must pay every {{term "worker"}} at least {{params.rate}} per hour.' }] },
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
};

describe("createLibrary", () => {
  it("adds an organisation's own clause, validated like the built-in ones", () => {
    const lib = createLibrary(builtinLibrary(), { clauses: [own], version: "1.1.0" });
    expect(getClause(lib, "acme-living-wage").kind).toBe("clause");
    expect(lib.version).toBe("1.1.0");
    expect(lib.clauses.length).toBe(builtinLibrary().clauses.length + 1);
    expect(Object.isFrozen(lib)).toBe(true);
  });

  it("refuses to replace a built-in clause unless asked, naming the id", () => {
    const clash = { ...own, id: "general-wages" };
    const result = safeCreateLibrary(builtinLibrary(), { clauses: [clash] });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.code).toBe("invalid-library");
      expect(result.error.message).toContain('already has a clause "general-wages"');
      expect(result.error.message).toContain("override: true");
      expect(result.error.issues).toEqual([
        expect.objectContaining({ code: "already-in-base", path: ["clauses", 0, "id"], received: "general-wages" }),
      ]);
    }
    const replaced = createLibrary(builtinLibrary(), { clauses: [clash] }, { override: true });
    expect(getClause(replaced, "general-wages").title).toBe("Living wage");
  });

  it("runs every self-check on the merged library", () => {
    const bad = {
      ...own,
      terms: [],
      body: { subclauses: [{ text: 'See {{ref "acme-missing"}} and {{params.rate}}.' }] },
    };
    const result = safeCreateLibrary(builtinLibrary(), { clauses: [bad] });
    expect(result.success).toBe(false);
    if (!result.success) {
      const text = result.error.issues.map((i) => i.message).join("\n");
      expect(text).toContain('refers to {{ref "acme-missing"}}, which is not a clause in the library');
    }
  });

  it("reports schema errors with the field path", () => {
    const result = safeCreateLibrary(builtinLibrary(), { clauses: [{ ...own, topic: "wage" as never }] });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.message).toMatch(/clauses\[\d+\]\.topic: "wage" is not allowed/);
  });

  it("throws with createLibrary", () => {
    expect(() =>
      createLibrary(builtinLibrary(), { definitions: [structuredClone(builtinLibrary().definitions[0]!)] }),
    ).toThrow(/already has a definition/);
  });

  it("replaces the risk tables only with override", () => {
    const risk = structuredClone(builtinLibrary().risk);
    risk.countryRisk.countries = [{ country: "PH", band: "medium" }];
    expect(safeCreateLibrary(builtinLibrary(), { risk }).success).toBe(false);
    expect(createLibrary(builtinLibrary(), { risk }, { override: true }).risk.countryRisk.countries).toEqual([
      { country: "PH", band: "medium" },
    ]);
  });
});

describe("createLibrary: annexes and the pack's wording", () => {
  const source = own.sources[0] as NonNullable<ClauseInput["sources"]>[number];
  const questionnaire = {
    id: "acme-questions",
    layout: "questionnaire" as const,
    title: "Acme supplier questions",
    why: "Acme asks its own questions in every pack.",
    sources: [source],
    text: { intro: "Answer for {{supplier}}." },
    entries: [{ id: "wage", kind: "question" as const, text: "Do you pay the living wage?", sources: [source] }],
  };

  it("adds an organisation's annex after the built-in ones, checked like them", () => {
    const lib = createLibrary(builtinLibrary(), { annexes: [questionnaire] });
    expect(lib.annexes.map((a) => a.id).at(-1)).toBe("acme-questions");
    const bad = safeCreateLibrary(builtinLibrary(), {
      annexes: [{ ...questionnaire, text: { intro: 'See {{ref "acme-nothing"}}.' } }],
    });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.message).toContain('refers to {{ref "acme-nothing"}}, which is not a clause');
  });

  it("replaces built-in wording only when asked", () => {
    const wording = [{ id: "clauses-intro", text: "The supplier must comply with these clauses.", sources: [source] }];
    const clash = safeCreateLibrary(builtinLibrary(), { wording });
    expect(clash.success).toBe(false);
    if (!clash.success) expect(clash.error.message).toContain('already has a piece of wording "clauses-intro"');
    const lib = createLibrary(builtinLibrary(), { wording }, { override: true });
    expect(lib.wording.find((w) => w.id === "clauses-intro")?.text).toBe(
      "The supplier must comply with these clauses.",
    );
  });
});
