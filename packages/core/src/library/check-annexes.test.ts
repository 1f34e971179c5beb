import { describe, expect, it } from "vitest";
import type { Library } from "../model/clause.js";
import { builtinLibrary } from "./builtin.js";
import { checkLibrary } from "./check.js";

/** A mutable deep copy of the built-in library, broken by `mutate`. */
function broken(mutate: (lib: Library) => void): string[] {
  const lib = structuredClone(builtinLibrary()) as Library;
  mutate(lib);
  return checkLibrary(lib).map((i) => i.message);
}

function annex<L extends Library["annexes"][number]["layout"]>(lib: Library, layout: L) {
  const a = lib.annexes.find((x) => x.layout === layout);
  if (!a) throw new Error(`no ${layout} annex`);
  return a as Extract<Library["annexes"][number], { layout: L }>;
}

describe("checkLibrary: annexes and the pack's wording", () => {
  it("the built-in library has its annexes and wording, in document order", () => {
    const lib = builtinLibrary();
    expect(lib.annexes.map((a) => a.id)).toEqual([
      "declaration",
      "compliance-plan",
      "questionnaire",
      "flow-down",
      "instruments",
    ]);
    expect(lib.wording.map((w) => w.id)).toEqual([
      "scope-intro",
      "provisions-note",
      "definitions-intro",
      "clauses-intro",
    ]);
    expect(checkLibrary(lib)).toEqual([]);
  });

  it("fails a reference to a clause the library does not have, with did-you-mean", () => {
    const m = broken((l) => {
      const plan = annex(l, "plan");
      plan.text.intro = 'See clause {{ref "us-far-compliance-plann"}}.';
    });
    expect(m).toContainEqual(
      'annexes[1].text.intro: annex "compliance-plan" refers to {{ref "us-far-compliance-plann"}}, which is not a clause in the library (did you mean "us-far-compliance-plan"?)',
    );
  });

  it("fails a reference to an unknown annex and a value the engine does not fill in", () => {
    const m = broken((l) => {
      const d = annex(l, "declaration");
      const entry = d.entries.find((e) => e.id === "true-and-complete");
      if (entry && "text" in entry) entry.text = 'Answers to Annex {{annex "questionaire"}} by {{suplier}}.';
    });
    expect(m).toContainEqual(
      expect.stringContaining('which is not an annex of the library (did you mean "questionnaire"?)'),
    );
    expect(m).toContainEqual(
      expect.stringContaining(
        'annex "declaration" entry "true-and-complete" places {{suplier}}, which the engine does not fill in (expected {{buyer}}, {{title}}, {{supplier}}, {{level}}) (did you mean "supplier"?)',
      ),
    );
  });

  it("gives each problem a stable code and an array path", () => {
    const lib = structuredClone(builtinLibrary()) as Library;
    annex(lib, "questionnaire").text.intro = 'Annex {{annex "flowdown"}} for {{levl}}: {{ref "gb-msatt"}}.';
    expect(checkLibrary(lib).map(({ code, path, received }) => ({ code, path, received }))).toEqual([
      { code: "unknown-annex", path: ["annexes", 2, "text", "intro"], received: "flowdown" },
      { code: "unknown-wording-value", path: ["annexes", 2, "text", "intro"], received: "levl" },
      { code: "unknown-clause", path: ["annexes", 2, "text", "intro"], received: "gb-msatt" },
    ]);
  });

  it("fails wording that is not a valid template, or uses clause-text placeholders", () => {
    const m = broken((l) => {
      const w = l.wording[0];
      if (w) w.text = "{{#if buyer}}x{{/if}}";
      const q = annex(l, "questionnaire");
      q.text.intro = "{{params.level}} risk";
    });
    expect(m).toContainEqual(expect.stringMatching(/^wording\[0\]\.text: wording "scope-intro" uses a block/));
    expect(m).toContainEqual(
      expect.stringContaining('annexes[2].text.intro: annex "questionnaire" uses "params.level"'),
    );
  });

  it("fails a reason template with any value but {{because}}", () => {
    const m = broken((l) => {
      annex(l, "plan").why = "Added because {{becuase}}.";
    });
    expect(m).toContainEqual(expect.stringContaining('annexes[1].why: annex "compliance-plan" places {{becuase}}'));
  });

  it("fails a condition naming a clause, named condition or dated parameter the library does not have", () => {
    const m = broken((l) => {
      annex(l, "plan").when = { kind: "not", of: { kind: "selected", clause: "us-far-compliance" } };
      const q = annex(l, "questionnaire").entries[3];
      if (q) q.when = { kind: "any", of: [{ kind: "ref", id: "recruitment-agency" }] };
    });
    expect(m).toContainEqual(
      'annexes[1].when.of.clause: annex "compliance-plan" names the clause "us-far-compliance", which the library does not have (expected the id of a clause of the library; did you mean "us-far-compliance-plan"?)',
    );
    expect(m).toContainEqual(
      expect.stringMatching(
        /^annexes\[2\]\.entries\[3\]\.when\.of\[0\]\.id: annex "questionnaire" entry "risk-assessment" names the named condition "recruitment-agency", which the library does not have .*did you mean "recruitment-agencies"/,
      ),
    );
  });

  it("fails duplicate ids of annexes, entries and wording", () => {
    const m = broken((l) => {
      const q = annex(l, "questionnaire");
      const first = q.entries[0];
      if (first) q.entries.push({ ...first });
      const second = l.annexes[1];
      if (second) second.id = "declaration";
      const w = l.wording[0];
      if (w) l.wording.push({ ...w });
    });
    expect(m).toContainEqual(expect.stringContaining('annex id "declaration" is used more than once'));
    expect(m).toContainEqual(expect.stringContaining('annex "questionnaire" has the entry id "policy" more than once'));
    expect(m).toContainEqual(expect.stringContaining('wording id "scope-intro" is used more than once'));
  });

  it("fails an entry without sources and an obligations entry that says nothing about which", () => {
    const m = broken((l) => {
      const f = annex(l, "flow-down");
      const e = f.entries[0];
      if (e) {
        e.sources = [];
        delete e.flowsDown;
      }
    });
    expect(m).toContainEqual(expect.stringMatching(/^annexes\[3\]\.entries\[0\]\.sources: .*at least 1 item/));
    expect(m).toContainEqual(expect.stringContaining("give timing (a list of timing kinds) or flowsDown: true"));
  });
});

describe("checkLibrary: the warnings' wording", () => {
  it("the built-in library words the SME proportionality warning, with sources", () => {
    const lib = builtinLibrary();
    expect(lib.warnings.map((w) => w.id)).toEqual(["sme-proportionality"]);
    expect(lib.warnings[0]?.sources.map((s) => s.citation)).toContain("PPN 009");
  });

  it("fails an unknown warning id or sentence, a value its id does not have, a duplicate and a missing warning", () => {
    const unknown = broken((l) => {
      Object.assign(l.warnings[0] ?? {}, { id: "sme-proportionalty" });
    });
    expect(unknown).toContainEqual(expect.stringMatching(/^warnings\[0\]\.id: .*expected "sme-proportionality"/));
    const sentence = broken((l) => {
      Object.assign(l.warnings[0]?.text ?? {}, { mandatry: "x" });
    });
    expect(sentence).toContainEqual(
      expect.stringMatching(/^warnings\[0\]\.text\.mandatry: .*did you mean "mandatory"/),
    );

    const m = broken((l) => {
      const sme = l.warnings[0];
      if (!sme) throw new Error("no SME warning");
      sme.text.other = "{{title}} asks for {{burdn}}.";
      l.warnings = [sme, { ...sme }];
    });
    expect(m).toContainEqual(
      'warnings[0].text.other: warning "sme-proportionality" places {{burdn}}, which the engine does not fill in (expected {{title}}, {{strength}}, {{burden}}) (did you mean "burden"?)',
    );
    expect(m).toContainEqual(
      expect.stringContaining('warnings[1].id: warning "sme-proportionality" is worded more than once'),
    );
    const missing = broken((l) => {
      l.warnings = [];
    });
    expect(missing).toContainEqual(
      expect.stringMatching(
        /^warnings: the rule of clause "[a-z-]+" has an smeBurden, so the library must word the warning "sme-proportionality"/,
      ),
    );
  });
});
