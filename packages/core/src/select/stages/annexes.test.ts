import { describe, expect, it } from "vitest";
import { merge, UK_DEPARTMENT, US_AGENCY } from "../../../test/helpers.js";
import { builtinLibrary } from "../../library/builtin.js";
import type { Library } from "../../model/clause.js";
import type { RiskLevel } from "../../model/profile.js";
import type { SelectedAnnex, Selection } from "../../model/selection.js";
import { select } from "../select.js";
import { selectAnnexes } from "./annexes.js";

const US_ABROAD = merge(US_AGENCY, {
  procurement: { labour: { recruitmentAgencies: true, migrantWorkers: true, housingProvided: true } },
});

function annex<L extends SelectedAnnex["layout"]>(s: Selection, layout: L) {
  return s.annexes.find((a) => a.layout === layout) as Extract<SelectedAnnex, { layout: L }> | undefined;
}

const withRisk = (level: RiskLevel) => select(merge(UK_DEPARTMENT, { risk: { level, basis: "Buyer's assessment." } }));

describe("the annex stage", () => {
  it("selects the library's annexes in document order; the compliance plan only with its clause", () => {
    const us = select(US_ABROAD);
    expect(us.clauses.map((c) => c.id)).toContain("us-far-compliance-plan");
    expect(us.annexes.map((a) => a.id)).toEqual([
      "declaration",
      "compliance-plan",
      "questionnaire",
      "flow-down",
      "instruments",
    ]);
    const plan = annex(us, "plan");
    expect(plan?.reasons[0]?.rule).toBe("annex.compliance-plan");
    expect(plan?.reasons[0]?.text).toMatch(
      /^The compliance plan template is added because Trafficking in persons compliance plan is included \(\w+\)\.$/,
    );

    const uk = select(UK_DEPARTMENT);
    expect(uk.annexes.map((a) => a.id)).toEqual(["declaration", "questionnaire", "flow-down", "instruments"]);
  });

  it("sets out the five minimum elements of the compliance plan with their citations; the housing element follows the profile", () => {
    const plan = annex(select(US_ABROAD), "plan");
    expect(plan?.entries.map((e) => (e.kind === "plan-element" ? e.citation : e.kind))).toEqual(
      ["(i)", "(ii)", "(iii)", "(iv)", "(v)"].map((x) => `FAR 52.222-50(h)(3)${x}`),
    );
    const housing = plan?.entries[3];
    expect(housing?.kind === "plan-element" && housing.title).toBe("Housing plan");
    expect(housing?.reasons[0]?.text).toContain("procurement.labour.housingProvided = true");
    expect(housing?.reasons[0]?.inputs).toEqual({ "procurement.labour.housingProvided": true });

    const noHousing = select(merge(US_ABROAD, { procurement: { labour: { housingProvided: false } } }));
    const other = annex(noHousing, "plan")?.entries[3];
    expect(other?.id).toBe("housing-if-provided");
    expect(other?.kind === "plan-element" && other.title).toMatch(/^Housing plan \(only if/);
  });

  it("adds the FAR 52.222-56 undertaking (certified before award) only when its provision is selected, referring to it by id", () => {
    const us = select(US_ABROAD);
    const cert = annex(us, "declaration")?.entries.find((e) => e.id === "far-52-222-56-before-award");
    expect(cert?.kind === "declaration" && cert.text).toContainEqual({ type: "ref", clause: "us-far-52-222-56" });
    expect(cert?.reasons[0]?.rule).toBe("annex.declaration.far-52-222-56-before-award");
    expect(
      annex(select(UK_DEPARTMENT), "declaration")?.entries.some((e) => e.id === "far-52-222-56-before-award"),
    ).toBe(false);
  });

  it("declares no obligation sentences (the provisions are set out above the lines), and flows down those that flow down", () => {
    const us = select(US_ABROAD);
    const declared = annex(us, "declaration")?.entries.flatMap((e) => (e.kind === "obligation" ? [e.obligation] : []));
    expect(declared).toEqual([]);
    const flowing = annex(us, "flow-down")?.entries.flatMap((e) => (e.kind === "obligation" ? [e.obligation] : []));
    expect(flowing).toEqual(us.obligations.filter((o) => o.flowsDown.required).map((o) => o.id));
    expect(flowing?.length).toBeGreaterThan(0);
  });

  it("asks more questions as the risk rises, each with why", () => {
    const counts = (["low", "medium", "high"] as const).map((level) => {
      const q = annex(withRisk(level), "questionnaire");
      return q?.entries.length;
    });
    expect(counts).toEqual([3, 6, 10]);
    const high = annex(withRisk("high"), "questionnaire");
    expect(high?.text.intro).toEqual([
      {
        type: "text",
        value:
          "Selection-stage questions for a high-risk procurement. Answer each question; attach evidence where asked.",
      },
    ]);
    expect(high?.entries[9]?.reasons[0]?.text).toBe(
      "Asked at high risk, because the risk is high (the buyer's own assessment).",
    );
    expect(high?.entries[0]?.reasons[0]?.rule).toBe("annex.questionnaire.policy");
    expect(high?.entries[0]?.reasons[0]?.sources[0]?.citation).toBe("Principles to Guide Government Action (2018)");
  });

  it("fills the pack's wording with the profile's values, and refers to annexes by id", () => {
    const uk = select(merge(UK_DEPARTMENT, { supplier: { name: "Acme Cleaning Ltd" } }));
    expect(uk.wording.find((w) => w.id === "scope-intro")?.text[0]).toMatchObject({
      type: "text",
      value: expect.stringContaining("what Department for Education requires of the supplier"),
    });
    const declaration = annex(uk, "declaration");
    expect(declaration?.text.lead).toEqual([{ type: "text", value: "The supplier Acme Cleaning Ltd declares that:" }]);
    expect(annex(select(UK_DEPARTMENT), "declaration")?.text.lead[0]).toMatchObject({
      value: "The supplier [name of supplier] declares that:",
    });
    const last = declaration?.entries.at(-1);
    expect(last?.kind === "declaration" && last.text).toContainEqual({ type: "annex", annex: "questionnaire" });
  });

  it("reads the annexes of the library given: none when it has none", () => {
    const base = select(UK_DEPARTMENT);
    const lib: Library = { ...builtinLibrary(), annexes: [], wording: [] };
    expect(selectAnnexes(base, lib)).toEqual({ annexes: [], wording: [], warnings: [] });
    const own: Library = {
      ...builtinLibrary(),
      annexes: builtinLibrary().annexes.filter((a) => a.layout === "questionnaire"),
    };
    expect(selectAnnexes(base, own).annexes.map((a) => a.id)).toEqual(["questionnaire"]);
  });
});
