import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileProblems } from "../../scripts/library-compiler.js";
import { readLibraryFiles } from "../../scripts/read-library.js";
import type { Library } from "../model/clause.js";
import { builtinLibrary } from "./builtin.js";
import { checkLibrary } from "./check.js";

/**
 * Selection rules are library data, so a mistake in one is a library compile error naming the file,
 * the path and what was expected (with did-you-mean), never a run-time surprise.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const real = readLibraryFiles(root);

/** The compile problems after replacing `from` by `to` in one library file (which must contain `from`). */
function problemsAfter(file: string, from: string | RegExp, to: string): string[] {
  const text = real.get(file);
  if (text === undefined) throw new Error(`no file ${file}`);
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${String(from)} is not in ${file}`);
  const files = new Map(real);
  files.set(file, changed);
  return compileProblems(files);
}

const WAGES = "library/clauses/general-wages.md";
const CERT = "library/clauses/us-far-annual-certification.md";
const CONDITIONS = "library/conditions.yaml";

describe("compile errors in selection rules", () => {
  it("a mistyped condition field names the fields of that condition kind", () => {
    expect(problemsAfter(WAGES, "{ kind: risk, atLeast: medium }", "{ kind: risk, atleast: medium }")).toContainEqual(
      `${WAGES} selection.when[0].if.of[1].atleast: unknown field of a "risk" condition (expected kind, atLeast; did you mean "atLeast"?)`,
    );
  });

  it("a mistyped condition kind names every kind", () => {
    expect(problemsAfter(WAGES, "{ kind: risk, atLeast: medium }", "{ kind: risks, atLeast: medium }")).toEqual([
      expect.stringMatching(
        /general-wages\.md selection\.when\[0\]\.if\.of\[1\]\.kind: "risks" is not a condition kind \(expected one of always, all, any, not, count, regime, buyer-kind, category, flag, risk, selected, abroad, threshold, date, business-in, ref; did you mean "risk"\?\)/,
      ),
    ]);
  });

  it("a mistyped rule field names the rule's fields", () => {
    expect(problemsAfter(WAGES, "  whyNot:", "  whynot:")).toContainEqual(
      expect.stringMatching(
        /general-wages\.md selection\.whynot: unknown field \(expected id, label, gate, when, why, whyUnknown, whyNot, .*; did you mean "whyNot"\?\)/,
      ),
    );
  });

  it("a mistyped strength names the strengths", () => {
    expect(problemsAfter(WAGES, "strength: recommended", "strength: recommend")).toEqual([
      expect.stringMatching(
        /general-wages\.md selection\.when\[0\]\.strength: "recommend" is not allowed \(expected one of "mandatory", "policy", "recommended", "optional"\) \(did you mean "recommended"\?\)/,
      ),
    ]);
  });

  it("a mistyped flag or amount path names the paths", () => {
    expect(
      problemsAfter(CONDITIONS, "path: procurement.labour.migrantWorkers", "path: procurement.labour.migrantworkers"),
    ).toEqual([
      expect.stringMatching(
        /conditions\.yaml conditions\[\d+\] \(migrant-workers\)\.condition\.path: "procurement\.labour\.migrantworkers" is not allowed \(expected one of .*"supplier\.sme"\) \(did you mean "procurement\.labour\.migrantWorkers"\?\)/,
      ),
    ]);
    expect(
      problemsAfter(CONDITIONS, "amount: procurement.outsideBuyerCountryValue", "amount: procurement.outsideValue"),
    ).toEqual([
      expect.stringMatching(
        /condition\.of\[2\]\.amount: "procurement\.outsideValue" is not allowed \(expected one of "procurement\.value", .*\)/,
      ),
    ]);
  });

  it("an unknown clause id in a selected condition is an error with did-you-mean", () => {
    expect(
      problemsAfter(
        CERT,
        "{ kind: selected, clause: us-far-compliance-plan }",
        "{ kind: selected, clause: us-far-compliance-plans }",
      ),
    ).toEqual([
      `${CERT} selection.when[1].if.clause: the rule of clause "us-far-annual-certification" names the clause "us-far-compliance-plans", which the library does not have (expected the id of a clause of the library; did you mean "us-far-compliance-plan"?)`,
    ]);
  });

  it("an unknown dated parameter is an error with did-you-mean", () => {
    expect(
      problemsAfter(CONDITIONS, "param: us-compliance-plan-threshold", "param: us-compliance-plan-treshold"),
    ).toEqual([
      expect.stringMatching(
        /conditions\.yaml conditions\[\d+\] \(us-compliance-plan-required\)\.condition\.of\[2\]\.param: the named condition "us-compliance-plan-required" names the number parameter "us-compliance-plan-treshold", which the library does not have \(.*did you mean "us-compliance-plan-threshold"\?\)/,
      ),
    ]);
  });

  it("a date condition must name a date parameter (type: date), not a number one", () => {
    const FLR = "library/clauses/eu-flr-product-warranty.md";
    // The rule's branches share one date condition (a YAML anchor): each branch reports it.
    const problems = problemsAfter(FLR, "param: eu-flr-application-date", "param: gb-s54-turnover-threshold");
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems)
      expect(p).toMatch(
        /eu-flr-product-warranty\.md selection\.when\[\d+\]\.if.*\.param: .*names the date parameter \(type: date\) "gb-s54-turnover-threshold", which the library does not have \(expected one of ca-pspc-goods-date, eu-flr-application-date, gb-new-regime-date, gb-nhs-slavery-regulations-date\)/,
      );
  });

  it("an unknown named condition is an error with did-you-mean", () => {
    expect(problemsAfter(WAGES, "{ kind: ref, id: low-skilled-work }", "{ kind: ref, id: low-skilled }")).toEqual([
      expect.stringMatching(
        /general-wages\.md selection\.when\[0\]\.if\.of\[0\]\.id: the rule of clause "general-wages" names the named condition "low-skilled", which the library does not have \(expected one of .*low-skilled-work.*; did you mean "low-skilled-work"\?\)/,
      ),
    ]);
  });

  it("an unknown source key in a rule is an error with did-you-mean", () => {
    expect(
      problemsAfter(WAGES, "sources: [ risk-tiered-approach ]", "sources: [ risk-tiered-aproach ]"),
    ).toContainEqual(
      `${WAGES} selection.sources[0]: unknown source key "risk-tiered-aproach" (expected a key of library/sources.yaml; did you mean "risk-tiered-approach"?)`,
    );
  });

  it("a reason may use only the reason variables", () => {
    expect(problemsAfter(WAGES, "because {{because}}", "because {{becuase}}")).toEqual([
      expect.stringMatching(
        /general-wages\.md selection\.why: the rule of clause "general-wages" uses \{\{becuase\}\}, which a reason does not have \(expected \{\{because\}\}, \{\{strength\}\}, \{\{regime\}\}; did you mean "because"\?\)/,
      ),
    ]);
    // The clause-text syntax is not the reason syntax: one interpreter, `{{name}}` for every value.
    expect(problemsAfter(WAGES, "because {{because}}", "because {{params.because}}")).toEqual([
      expect.stringMatching(
        /general-wages\.md selection\.why: .*uses "params\.because".*a reason may use \{\{because\}\}, \{\{strength\}\}, \{\{regime\}\}/,
      ),
    ]);
    expect(problemsAfter(WAGES, "because {{because}}", 'because {{ref "general-housing"}}')).toEqual([
      expect.stringMatching(
        /general-wages\.md selection\.why: .*unknown helper "ref".*a reason may use \{\{because\}\}/,
      ),
    ]);
  });

  it("a mistyped parameter rule field, or a rule without why, is an error", () => {
    const file = "library/clauses/general-incident-notification.md";
    expect(problemsAfter(file, "    byRisk: { high: 24 }", "    byrisk: { high: 24 }")).toContainEqual(
      expect.stringMatching(/parameters\.notificationHours\.byrisk: unknown field .*did you mean "byRisk"\?/),
    );
    expect(problemsAfter(file, "    why: a high-risk procurement needs faster notification\n", "")).toEqual([
      `${file} parameters.notificationHours.why: clause "general-incident-notification" parameter "notificationHours" has a rule (byRisk or timing) but no why; say why the value is chosen`,
    ]);
  });

  it("rules that depend on each other in a loop are an error", () => {
    const file = "library/clauses/general-remedies-ladder.md";
    expect(
      problemsAfter(file, "    - if: { kind: always }", "    - if: { kind: selected, clause: general-remediation }"),
    ).toEqual([
      `library/clauses/general-remediation.md selection: the rule of clause "general-remediation" depends on itself through "selected" conditions: general-remediation → general-remedies-ladder → general-remediation`,
    ]);
  });

  it("a label that is a clause id is an error (the FAR label bug)", () => {
    const file = "library/clauses/us-far-flow-down.md";
    expect(problemsAfter(file, "label: the flow-down clause", "label: us-far-flow-down")).toEqual([
      `${file} selection.label: the rule of clause "us-far-flow-down" has the clause id "us-far-flow-down" as its label; the label is how reasons name the clause, in words (e.g. "the flow-down clause")`,
    ]);
  });
});

/** A mutable deep copy of the built-in library, broken by `mutate`. */
function broken(mutate: (lib: Library) => void): string[] {
  const lib = structuredClone(builtinLibrary()) as Library;
  mutate(lib);
  return checkLibrary(lib).map((i) => i.message);
}

const rule = (lib: Library, id: string) => {
  const r = lib.clauses.find((c) => c.id === id)?.selection;
  if (!r) throw new Error(`no rule for ${id}`);
  return r;
};

describe("checkLibrary: the rules across the library", () => {
  it("every built-in clause has a rule, and the built-in rules pass every check", () => {
    expect(
      builtinLibrary()
        .clauses.filter((c) => !c.selection)
        .map((c) => c.id),
    ).toEqual([]);
    expect(checkLibrary(builtinLibrary())).toEqual([]);
  });

  it("rejects two clauses with the same rule id", () => {
    const messages = broken((l) => {
      rule(l, "general-wages").id = "general-fees";
    });
    expect(messages).toEqual([
      expect.stringMatching(/selection\.id: the rule id "general-fees" is used by more than one clause/),
    ]);
  });

  it("rejects named conditions that refer to each other in a loop", () => {
    const messages = broken((l) => {
      const a = l.conditions.find((n) => n.id === "subcontracting");
      if (a) a.condition = { kind: "not", of: { kind: "ref", id: "subcontracting" } };
    });
    expect(messages).toEqual([
      expect.stringMatching(
        /conditions\[\d+\]\.condition: the named conditions refer to each other in a loop: subcontracting → subcontracting/,
      ),
    ]);
  });

  it("rejects a parameter timing that drives no obligation of its clause", () => {
    const messages = broken((l) => {
      const p = l.clauses.find((c) => c.id === "general-grievance-mechanism")?.parameters.responseDays;
      if (p?.type === "integer") p.timing = { field: "within.days" };
    });
    expect(messages).toEqual([
      expect.stringMatching(
        /parameters\.responseDays\.timing: clause "general-grievance-mechanism" parameter "responseDays" drives within\.days = \d+ .*but no obligation of the clause has that timing/,
      ),
    ]);
  });

  it("rejects a rule naming a regime the library does not describe", () => {
    const messages = broken((l) => {
      rule(l, "ilo-employer-pays").when = [
        { if: { kind: "regime", id: "ilo-fair-recruitment" }, strength: "optional" },
      ];
      l.regimes = l.regimes.filter((r) => r.id !== "ilo-fair-recruitment");
    });
    expect(messages).toContainEqual(
      expect.stringMatching(
        /selection\.when\[0\]\.if\.id: the rule of clause "ilo-employer-pays" names the regime "ilo-fair-recruitment"/,
      ),
    );
  });
});
