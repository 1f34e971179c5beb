import { describe, expect, it } from "vitest";
import { formatPath, ISSUE_CODES } from "../errors.js";
import type { Library } from "../model/clause.js";
import { builtinLibrary } from "./builtin.js";
import { checkLibrary } from "./check.js";

/** A mutable deep copy of the built-in library, broken by `mutate`. */
function broken(mutate: (lib: Library) => void): Library {
  const lib = structuredClone(builtinLibrary()) as Library;
  mutate(lib);
  return lib;
}

function clause(lib: Library, id: string) {
  const c = lib.clauses.find((x) => x.id === id);
  if (!c) throw new Error(`no clause ${id}`);
  return c;
}

function messages(lib: unknown): string[] {
  return checkLibrary(lib).map((i) => i.message);
}

describe("checkLibrary", () => {
  it("accepts the built-in library", () => {
    expect(messages(builtinLibrary())).toEqual([]);
  });

  it("fails a clause with no source", () => {
    const lib = broken((l) => {
      clause(l, "general-wages").sources = [];
    });
    expect(messages(lib).join("\n")).toMatch(/clauses\[\d+\]\.sources: .*at least 1 item/);
  });

  it("fails an obligation with no source", () => {
    const lib = broken((l) => {
      const o = clause(l, "general-wages").obligations[0];
      if (o) o.sources = [];
    });
    expect(messages(lib).join("\n")).toMatch(/obligations\[0\]\.sources/);
  });

  it("fails an obligation with no evidence", () => {
    const lib = broken((l) => {
      const o = clause(l, "general-wages").obligations[0];
      if (o) o.evidence = [];
    });
    expect(messages(lib)).toContainEqual(
      expect.stringContaining('obligation "gen-pay-wages" (clause "general-wages") lists no evidence'),
    );
  });

  it("fails a term used in the text but not defined", () => {
    const lib = broken((l) => {
      const c = clause(l, "general-wages");
      c.body.subclauses[0] = { text: 'The Supplier must respect {{term "living-wage"}}.' };
      c.terms.push("living-wage");
    });
    const m = messages(lib);
    expect(m).toContainEqual(expect.stringContaining('lists the term "living-wage", which no definition defines'));
  });

  it("fails a term used in the text but not listed in terms", () => {
    const lib = broken((l) => {
      clause(l, "general-wages").body.subclauses[0] = { text: 'The Supplier must pay {{term "forced-labour"}}.' };
    });
    expect(messages(lib)).toContainEqual(
      expect.stringContaining('uses {{term "forced-labour"}} but does not list "forced-labour" in terms'),
    );
  });

  it("fails a dangling cross-reference, with a did-you-mean", () => {
    const lib = broken((l) => {
      const c = clause(l, "general-remedies-ladder");
      c.body.subclauses[0] = { text: 'See {{ref "general-remediaton"}} and {{params.cureDays}} days.' };
    });
    expect(messages(lib)).toContainEqual(
      expect.stringContaining(
        'refers to {{ref "general-remediaton"}}, which is not a clause in the library (did you mean "general-remediation"?)',
      ),
    );
  });

  it("fails a reference that is not listed in related, and a related id that does not exist", () => {
    const lib = broken((l) => {
      const c = clause(l, "general-remedies-ladder");
      c.related = ["no-such-clause"];
    });
    const m = messages(lib);
    expect(m).toContainEqual(
      expect.stringContaining(
        'refers to {{ref "general-remediation"}} but does not list "general-remediation" in related',
      ),
    );
    expect(m).toContainEqual(
      expect.stringContaining('lists related clause "no-such-clause", which is not in the library'),
    );
  });

  it("fails an undeclared parameter and an unused declared one", () => {
    const lib = broken((l) => {
      const c = clause(l, "general-remedies-ladder");
      c.body.subclauses[0] = { text: 'Within {{params.cureDay}} days, see {{ref "general-remediation"}}.' };
    });
    const m = messages(lib);
    expect(m).toContainEqual(
      expect.stringContaining(
        'uses {{params.cureDay}} but does not declare the parameter "cureDay" (did you mean "cureDays"?)',
      ),
    );
    expect(m).toContainEqual(
      expect.stringContaining('declares the parameter "cureDays" but its text never uses {{params.cureDays}}'),
    );
  });

  it("fails a parameter default outside its range", () => {
    const lib = broken((l) => {
      const p = clause(l, "general-remedies-ladder").parameters.cureDays;
      if (p?.type === "integer") p.default = 0;
    });
    expect(messages(lib)).toContainEqual(expect.stringContaining("default 0 is below the minimum 1"));
  });

  it("fails duplicate clause, obligation and definition ids", () => {
    const lib = broken((l) => {
      const first = l.clauses[0];
      if (first) l.clauses.push(structuredClone(first));
      const def = l.definitions[0];
      if (def) l.definitions.push(structuredClone(def));
    });
    const m = messages(lib).join("\n");
    expect(m).toMatch(/clause id ".*" is used more than once/);
    expect(m).toMatch(/obligation id ".*" .*is already used at/);
    expect(m).toMatch(/definition id ".*" is used more than once/);
  });

  it("fails a version that is not semver", () => {
    const lib = broken((l) => {
      clause(l, "general-wages").version = "1.0";
    });
    expect(messages(lib).join("\n")).toMatch(/version: "1\.0" expected a semantic version/);
  });

  it("fails a clause that ends before it starts", () => {
    const lib = broken((l) => {
      const c = clause(l, "general-wages");
      c.effectiveFrom = "2026-01-01";
      c.effectiveTo = "2025-01-01";
    });
    expect(messages(lib)).toContainEqual(expect.stringContaining("ends (2025-01-01) before it starts (2026-01-01)"));
  });

  it("fails a threshold whose dates overlap or run backwards", () => {
    const overlap = broken((l) => {
      const p = l.parameters.find((x) => x.id === "us-compliance-plan-threshold");
      if (p?.values[1]) p.values[1].effectiveFrom = "2020-09-01";
    });
    expect(messages(overlap).join("\n")).toMatch(/overlaps/);
    const backwards = broken((l) => {
      const p = l.parameters.find((x) => x.id === "us-compliance-plan-threshold");
      if (p?.values[0]) p.values[0].effectiveTo = "2014-01-01";
    });
    expect(messages(backwards).join("\n")).toMatch(/ends \(2014-01-01\) before it starts \(2015-03-02\)/);
  });

  it("fails thresholds out of date order even when they do not overlap", () => {
    const lib = broken((l) => {
      const p = l.parameters.find((x) => x.id === "us-compliance-plan-threshold");
      if (p) p.values.reverse();
    });
    expect(messages(lib).length).toBeGreaterThan(0);
  });

  it("fails a missing sector", () => {
    const lib = broken((l) => {
      l.sectors = l.sectors.filter((s) => s.id !== "fishing");
    });
    expect(messages(lib)).toContainEqual(expect.stringContaining('sector "fishing"'));
  });

  it("fails a clause naming a regime the library does not describe", () => {
    const lib = broken((l) => {
      l.regimes = l.regimes.filter((r) => r.id !== "un");
    });
    const m = messages(lib);
    expect(m).toContainEqual(expect.stringContaining('names regime "un", which the library does not describe'));
  });

  it("fails a regime whose buyers name an unknown jurisdiction or group, with a did-you-mean", () => {
    const lib = broken((l) => {
      const eu = l.regimes.find((r) => r.id === "eu");
      if (eu) eu.buyers = [{ jurisdictions: ["eu-member-state"], reason: "the buyer is in {{jurisdiction}}" }];
    });
    expect(messages(lib)).toContainEqual(
      expect.stringContaining(
        'regimes[2].buyers[0].jurisdictions[0]: regime "eu": "eu-member-state" is neither a jurisdiction nor a country group of the library (did you mean "eu-member-states"?)',
      ),
    );
  });

  it("fails a module that names buyers, a framework that is not a date parameter and an unknown sentence name", () => {
    const lib = broken((l) => {
      const [aba, gb] = [l.regimes.find((r) => r.id === "aba-mcc2"), l.regimes.find((r) => r.id === "gb")];
      if (aba) aba.buyers = [{ jurisdictions: ["US"], reason: "the buyer chose it" }];
      if (gb?.framework) gb.framework.param = "gb-s54-turnover-threshold";
      if (gb?.buyers[0]) gb.buyers[0].reason = "the buyer is in {{country}}";
    });
    const m = messages(lib);
    expect(m).toContainEqual(expect.stringContaining('module "aba-mcc2" names buyers'));
    expect(m).toContainEqual(
      expect.stringContaining(
        '"gb-s54-turnover-threshold" is not a date parameter of the library (it is a number parameter)',
      ),
    );
    expect(m).toContainEqual(
      expect.stringContaining(
        "{{country}} is not a name the sentence can use (expected {{jurisdiction}} and {{kind}})",
      ),
    );
  });

  it("fails a regime sentence in the clause-text syntax ({{params.kind}}) or with a helper: it is a plain template", () => {
    const lib = broken((l) => {
      const us = l.regimes.find((r) => r.id === "us-far")?.buyers[0];
      if (us?.otherKinds) {
        us.otherKinds.reason = "buyer.kind is {{params.kind}}";
        if (us.otherKinds.warning) us.otherKinds.warning.message = 'see {{ref "us-far-compliance-plan"}}';
      }
    });
    const issues = checkLibrary(lib).filter((i) => i.path[0] === "regimes");
    expect(issues.map((i) => [i.code, formatPath(i.path)])).toEqual([
      ["invalid-template", "regimes[0].buyers[0].otherKinds.reason"],
      ["invalid-template", "regimes[0].buyers[0].otherKinds.warning.message"],
    ]);
    expect(issues[0]?.message).toContain('uses "params.kind"');
    expect(issues[0]?.message).toContain("(a regime sentence may use {{jurisdiction}} and {{kind}})");
    expect(issues[1]?.message).toContain('calls an unknown helper "ref"');
  });

  it("fails a jurisdiction whose home is neither a country nor a group, and a duplicate code", () => {
    const lib = broken((l) => {
      const us = l.jurisdictions.find((j) => j.code === "US");
      if (us) us.home = ["US", "us-outlying-area"];
      l.jurisdictions.push({ code: "GB", name: "Britain again", currency: "GBP" });
    });
    const m = messages(lib);
    expect(m).toContainEqual(
      expect.stringContaining(
        '"us-outlying-area" is neither a country code nor a country group of the library (did you mean "us-outlying-areas"?)',
      ),
    );
    expect(m).toContainEqual(expect.stringContaining('jurisdiction "GB" is described more than once'));
  });

  it("fails a source attributed to a regime the library does not describe, or to another regime than its user", () => {
    const lib = broken((l) => {
      const s = clause(l, "general-wages").sources[0];
      if (s) s.regime = "us-fr";
      const gb = l.regimes.find((r) => r.id === "gb");
      const ins = gb?.instruments[0];
      if (ins) ins.regime = "eu";
    });
    const m = messages(lib);
    expect(m).toContainEqual(
      expect.stringMatching(
        /clauses\[\d+\]\.sources\[0\]\.regime: .* is attributed to regime "us-fr", which the library does not describe \(did you mean "us-far"\?\)/,
      ),
    );
    expect(m).toContainEqual(
      expect.stringContaining(
        'regime "gb" uses Modern Slavery Act 2015 s.54, which its source attributes to regime "eu"',
      ),
    );
  });

  it("fails a source that ends before it starts", () => {
    const lib = broken((l) => {
      const s = clause(l, "general-wages").sources[0];
      if (s) Object.assign(s, { effectiveFrom: "2025-01-01", effectiveTo: "2024-01-01" });
    });
    expect(messages(lib).join("\n")).toMatch(/sources\[0\]\.effectiveTo: .*is before effectiveFrom/);
  });

  it("fails a template that uses anything but params, ref and term", () => {
    for (const text of [
      "{{#if params.x}}a{{/if}}",
      "{{lookup params 'x'}}",
      "{{> partial}}",
      "{{{params.cureDays}}}",
      "{{constructor}}",
    ]) {
      const lib = broken((l) => {
        clause(l, "general-wages").body.subclauses[0] = { text };
      });
      expect(messages(lib).join("\n"), text).toMatch(
        /clauses\[\d+\]\.body\.subclauses\[0\]\.text: clause "general-wages" /,
      );
    }
  });

  it("fails an undefined term inside a definition", () => {
    const lib = broken((l) => {
      l.definitions[0]?.terms.push("nothing-here");
    });
    expect(messages(lib)).toContainEqual(
      expect.stringContaining('uses the term "nothing-here", which no definition defines'),
    );
  });
});

describe("checkLibrary issues are data", () => {
  const issueOf = (lib: Library, code: string) => checkLibrary(lib).find((i) => i.code === code);
  const index = (id: string) => builtinLibrary().clauses.findIndex((c) => c.id === id);

  it("gives each self-check its own code, the path as keys and indexes, and what was received and expected", () => {
    const wages = index("general-wages");
    expect(
      issueOf(
        broken((l) => {
          clause(l, "general-wages").terms.push("living-wage");
        }),
        "unknown-term",
      ),
    ).toMatchObject({
      path: ["clauses", wages, "terms", clause(builtinLibrary() as Library, "general-wages").terms.length],
      received: "living-wage",
    });
    const ladder = index("general-remedies-ladder");
    const params = broken((l) => {
      clause(l, "general-remedies-ladder").body.subclauses[0] = { text: "Within {{params.cureDay}} days." };
    });
    expect(issueOf(params, "unknown-parameter")).toMatchObject({
      path: ["clauses", ladder, "parameters"],
      received: "cureDay",
    });
    expect(issueOf(params, "unused-parameter")).toMatchObject({
      path: ["clauses", ladder, "parameters", "cureDays"],
    });
    expect(
      issueOf(
        broken((l) => {
          const first = l.clauses[0];
          if (first) l.clauses.push(structuredClone(first));
        }),
        "duplicate-id",
      ),
    ).toMatchObject({ path: ["clauses", builtinLibrary().clauses.length, "id"] });
    expect(
      issueOf(
        broken((l) => {
          clause(l, "general-wages").related.push("general-wage");
        }),
        "unknown-clause",
      )?.message,
    ).toMatch(/^clauses\[\d+\]\.related\[\d+\]: .*\(did you mean "general-wages"\?\)$/);
    expect(
      issueOf(
        broken((l) => {
          clause(l, "general-wages").body.subclauses[0] = { text: "{{#if params.x}}a{{/if}}" };
        }),
        "invalid-template",
      ),
    ).toMatchObject({ path: ["clauses", wages, "body", "subclauses", 0, "text"] });
    expect(
      issueOf(
        broken((l) => {
          const o = clause(l, "general-wages").obligations[0];
          if (o) o.evidence = [];
        }),
        "missing-evidence",
      ),
    ).toMatchObject({ path: ["clauses", wages, "obligations", 0, "evidence"] });
  });

  it("gives the rule checks their own codes, each documented", () => {
    const wages = index("general-wages");
    const lib = broken((l) => {
      const rule = clause(l, "general-wages").selection;
      if (!rule) throw new Error("general-wages has no rule");
      rule.label = "general-wages";
      rule.when = [{ if: { kind: "selected", clause: "general-wage" }, strength: "recommended" }];
      rule.whyNot = "Not included: {{becuase}}.";
    });
    const issues = checkLibrary(lib);
    expect(issues.map((i) => [i.code, i.path])).toEqual(
      expect.arrayContaining([
        ["unknown-clause", ["clauses", wages, "selection", "when", 0, "if", "clause"]],
        ["invalid-label", ["clauses", wages, "selection", "label"]],
        ["unknown-variable", ["clauses", wages, "selection", "whyNot"]],
      ]),
    );
    for (const i of issues) expect(Object.keys(ISSUE_CODES), i.message).toContain(i.code);
  });
});
