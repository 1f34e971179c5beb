import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileLibrary, LibraryCompileError } from "../../scripts/library-compiler.js";
import { readLibraryFiles } from "../../scripts/read-library.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const real = readLibraryFiles(root);

function problemsOf(files: Map<string, string>): string[] {
  try {
    compileLibrary(files);
  } catch (error) {
    if (error instanceof LibraryCompileError) return error.problems.map((p) => `${p.file} ${p.field}: ${p.message}`);
    throw error;
  }
  return [];
}

function withFile(path: string, text: string): Map<string, string> {
  const files = new Map(real);
  files.set(path, text);
  return files;
}

/** The problems of the real library with one of its files edited. */
function problemsAfter(path: string, edit: (text: string) => string): string[] {
  return problemsOf(withFile(path, edit(real.get(path) ?? "")));
}

const clauseFile = (front: string, body: string) => `---\n${front}\n---\n${body}\n`;
const validFront = `id: acme-test
version: 1.0.0
title: Test
topic: wages
regimes: [gb]
sources: [ppn-009]
draftingNote: A test.
terms: [worker]`;

describe("compileLibrary", () => {
  it("compiles the real library without problems", () => {
    expect(problemsOf(real)).toEqual([]);
  });

  it("is deterministic whatever order the files are read in", () => {
    const shuffled = new Map([...real].reverse());
    expect(JSON.stringify(compileLibrary(shuffled).library)).toBe(JSON.stringify(compileLibrary(real).library));
  });

  it("reads intro, numbered sub-clauses, lettered items and continuation lines", () => {
    const files = withFile(
      "library/clauses/acme-test.md",
      clauseFile(
        validFront,
        `First paragraph
continues here.

Second paragraph.

1. One {{term "worker"}}
   continued.
   - item a
     continued a
   - item b
2) Two`,
      ),
    );
    const clause = compileLibrary(files).library.clauses.find((c) => c.id === "acme-test");
    expect(clause?.body).toEqual({
      intro: "First paragraph continues here.\n\nSecond paragraph.",
      subclauses: [
        { text: 'One {{term "worker"}} continued.', items: ["item a continued a", "item b"] },
        { text: "Two" },
      ],
    });
    expect(clause?.sources[0]?.citation).toBe("PPN 009");
    expect(clause?.sources[0]?.checked).toBe("2026-11-28");
  });

  it("names the file and the key of an unknown source, with a did-you-mean", () => {
    const files = withFile(
      "library/clauses/acme-test.md",
      clauseFile(validFront.replace("[ppn-009]", "[ppn-0009]"), "1. Text."),
    );
    expect(problemsOf(files)).toContainEqual(
      expect.stringContaining('library/clauses/acme-test.md sources[0]: unknown source key "ppn-0009"'),
    );
    expect(problemsOf(files).join("\n")).toContain('did you mean "ppn-009"');
  });

  it("resolves keyed sources with overrides", () => {
    const front = validFront.replace("[ppn-009]", '[{ key: far-52-222-50, provision: "(b)(6)" }]');
    const clause = compileLibrary(
      withFile("library/clauses/acme-test.md", clauseFile(front, "1. T.")),
    ).library.clauses.find((c) => c.id === "acme-test");
    expect(clause?.sources[0]).toMatchObject({ citation: "FAR 52.222-50", provision: "(b)(6)", edition: "Nov 2021" });
  });

  it("names the file and field of a schema error", () => {
    const files = withFile(
      "library/clauses/acme-test.md",
      clauseFile(validFront.replace("topic: wages", "topic: wage"), "1. T."),
    );
    expect(problemsOf(files)).toContainEqual(
      expect.stringMatching(/^library\/clauses\/acme-test\.md topic: "wage" is not allowed/),
    );
  });

  it("requires the id to match the file name", () => {
    const files = withFile("library/clauses/acme-other.md", clauseFile(validFront, "1. T."));
    expect(problemsOf(files)).toContainEqual(
      expect.stringContaining('library/clauses/acme-other.md id: is "acme-test", expected "acme-other"'),
    );
  });

  it("maps self-check problems back to the clause file", () => {
    const files = withFile("library/clauses/acme-test.md", clauseFile(validFront, 'See {{ref "nowhere"}}.'));
    expect(problemsOf(files)).toContainEqual(
      expect.stringContaining('library/clauses/acme-test.md body: clause "acme-test" refers to {{ref "nowhere"}}'),
    );
  });

  it("rejects Markdown it cannot map to the clause structure, naming the line", () => {
    const files = withFile("library/clauses/acme-test.md", clauseFile(validFront, "# Heading\n\n1. T."));
    expect(problemsOf(files)).toContainEqual(expect.stringMatching(/acme-test\.md line 1[0-9]: only plain paragraphs/));
    const after = withFile("library/clauses/acme-test.md", clauseFile(validFront, "1. T.\n\nTrailing text."));
    expect(problemsOf(after)).toContainEqual(expect.stringContaining("text after the numbered list must be indented"));
  });

  it("rejects missing front matter and invalid YAML", () => {
    expect(problemsOf(withFile("library/clauses/acme-test.md", "1. T."))).toContainEqual(
      expect.stringContaining("expected YAML front matter"),
    );
    expect(problemsOf(withFile("library/clauses/acme-test.md", clauseFile("id: [unclosed", "1. T.")))).toContainEqual(
      expect.stringContaining("is not valid YAML"),
    );
  });

  it("names a table file and entry with a bad dated parameter", () => {
    const params =
      real.get("library/parameters.yaml")?.replace("effectiveTo: 2020-09-30", "effectiveTo: 2020-13-30") ?? "";
    expect(problemsOf(withFile("library/parameters.yaml", params))).toContainEqual(
      expect.stringMatching(
        /library\/parameters\.yaml parameters\[\d+\] \(us-compliance-plan-threshold\)\.values\[0\]\.effectiveTo: "2020-13-30" is not a real calendar date/,
      ),
    );
  });

  it("expands regimes: all to every regime (not module) of regimes.yaml, in its order", () => {
    const files = withFile(
      "library/clauses/acme-test.md",
      clauseFile(validFront.replace("regimes: [gb]", "regimes: all"), "1. T."),
    );
    const { library } = compileLibrary(files);
    const expected = library.regimes.filter((r) => r.kind === "regime").map((r) => r.id);
    expect(library.clauses.find((c) => c.id === "acme-test")?.regimes).toEqual(expected);
    expect(expected).toEqual(["us-far", "gb", "eu", "de", "au", "ca", "un", "norway"]);
  });

  it("keeps the file order of regimes and jurisdictions (the document order)", () => {
    const { library } = compileLibrary(real);
    expect(library.regimes.map((r) => r.id)).toEqual([
      "us-far",
      "gb",
      "eu",
      "de",
      "au",
      "ca",
      "un",
      "norway",
      "aba-mcc2",
      "ilo-fair-recruitment",
    ]);
    expect(library.jurisdictions.slice(0, 6).map((j) => j.code)).toEqual(["US", "GB", "AU", "CA", "UN", "EU"]);
  });

  it("names sources.yaml and the key of a source attributed to an unknown regime, with a did-you-mean", () => {
    const sources = real.get("library/sources.yaml")?.replace("    regime: us-far\n", "    regime: us-fa\n") ?? "";
    expect(problemsOf(withFile("library/sources.yaml", sources))).toContainEqual(
      'library/sources.yaml sources.far-52-222-50.regime: unknown regime "us-fa" (expected an id of library/regimes.yaml; did you mean "us-far"?)',
    );
  });

  it("checks a source's editions: no gap or overlap, the last open-ended, cited only in lists", () => {
    const real50 = real.get("library/sources.yaml") ?? "";
    const gap = real50.replace(
      "        effectiveFrom: 2025-10-01\n        url: https://www.acquisition.gov/far/52.222-50",
      "        effectiveFrom: 2025-10-02\n        url: https://www.acquisition.gov/far/52.222-50",
    );
    expect(gap).not.toBe(real50);
    expect(problemsOf(withFile("library/sources.yaml", gap))).toContainEqual(
      "library/sources.yaml sources.far-52-222-50.editions[1].effectiveFrom: is 2025-10-02, expected 2025-10-01 (the day after the previous edition ends: editions must not overlap or leave a gap)",
    );
    const params = (real.get("library/parameters.yaml") ?? "").replace(
      "source: far-navigator-700k",
      "source: far-52-222-50",
    );
    expect(problemsOf(withFile("library/parameters.yaml", params))).toContainEqual(
      expect.stringMatching(/source "far-52-222-50" has editions .*only be cited in a list of sources/),
    );
  });

  it("maps a regime problem to regimes.yaml and a group problem to jurisdictions.yaml", () => {
    const regimes = real.get("library/regimes.yaml")?.replace("jurisdictions: [GB]", "jurisdictions: [GBR]") ?? "";
    expect(problemsOf(withFile("library/regimes.yaml", regimes))).toContainEqual(
      expect.stringMatching(/^library\/regimes\.yaml regimes\[1\] \(gb\)\.buyers\[0\]\.jurisdictions\[0\]: /),
    );
    const jurisdictions =
      real.get("library/jurisdictions.yaml")?.replace("countries: [AS,", "countries: [XX, AS,") ?? "";
    expect(problemsOf(withFile("library/jurisdictions.yaml", jurisdictions))).toContainEqual(
      expect.stringMatching(
        /^library\/jurisdictions\.yaml groups\[1\] \(us-outlying-areas\)\.countries\[0\]: "XX" is not an ISO 3166-1/,
      ),
    );
  });

  it("reports a missing table", () => {
    const files = new Map(real);
    files.delete("library/sectors.yaml");
    expect(problemsOf(files)).toContainEqual(expect.stringContaining("library/sectors.yaml : is missing"));
  });
});

describe("clauseToMarkdown", () => {
  it("round-trips every built-in clause through the Markdown format", async () => {
    const { clauseToMarkdown, namedSources } = await import("../../scripts/clause-to-markdown.js");
    const named = namedSources();
    const { library } = compileLibrary(real);
    const files = new Map(real);
    for (const c of library.clauses) files.set(`library/clauses/${c.id}.md`, clauseToMarkdown(c, named));
    expect(JSON.stringify(compileLibrary(files).library)).toBe(JSON.stringify(library));
  });
});

describe("compileLibrary: annexes and the pack's wording", () => {
  const annexes = real.get("library/annexes.yaml") ?? "";
  const pack = real.get("library/pack.yaml") ?? "";

  it("names the file, the annex and the field for a schema problem or an unknown source key", () => {
    const problems = problemsOf(
      withFile(
        "library/annexes.yaml",
        annexes
          .replace("layout: questionnaire", "layout: questionaire")
          .replace("[ilo-fair-recruitment]", "[ilo-fair-recruitmen]"),
      ),
    );
    expect(problems.some((p) => p.startsWith("library/annexes.yaml annexes[2] (questionnaire).layout:"))).toBe(true);
    expect(problems).toContainEqual(expect.stringContaining('unknown source key "ilo-fair-recruitmen"'));
    expect(problems).toContainEqual(expect.stringContaining('did you mean "ilo-fair-recruitment"'));
  });

  it("maps a library check of the wording back to pack.yaml", () => {
    const problems = problemsOf(
      withFile("library/pack.yaml", pack.replace("what {{buyer}} requires", "what {{buyers}} requires")),
    );
    expect(problems).toContainEqual(expect.stringMatching(/^library\/pack\.yaml wording\[0\] \(scope-intro\)\.text: /));
  });
});

describe("compileLibrary: the warnings' wording", () => {
  it("names warnings.yaml, the warning and the field for an unknown source key or sentence, or a value it cannot place", () => {
    const problems = problemsAfter("library/warnings.yaml", (t) =>
      t.replace("key: csddd-art-10", "key: csddd-art10").replace("mandatory: >-", "mandatry: >-"),
    );
    expect(problems).toContainEqual(expect.stringContaining('did you mean "csddd-art-10"'));
    expect(problems).toContainEqual(
      expect.stringMatching(/^library\/warnings\.yaml warnings\[0\] \(sme-proportionality\)\.text\.mandatry: /),
    );
    const misnamed = problemsAfter("library/warnings.yaml", (t) =>
      t.replace(/(other: >-\s+\{\{title\}\}.*?)\{\{burden\}\}/, "$1{{burdn}}"),
    );
    expect(misnamed).toContainEqual(
      expect.stringMatching(
        /^library\/warnings\.yaml warnings\[0\] \(sme-proportionality\)\.text\.other: .*places \{\{burdn\}\}.*did you mean "burden"/,
      ),
    );
  });
});

describe("compileLibrary: the risk model", () => {
  it("reads the weights, bands and factor sources of risk.yaml's model", () => {
    const { model } = compileLibrary(real).library.risk;
    expect(model.bands).toEqual({ medium: 2, high: 4 });
    expect(model.factors.sector.weight).toEqual({ high: 2, medium: 1, low: 0 });
    expect(model.factors.subcontracting.source).toMatchObject({
      citation: "PPN 02/23 / PPN 009 modern slavery guidance, Table 1",
      provision: "business / supply-chain model",
    });
  });

  it("names risk.yaml and the field of a mistyped factor, bands that run backwards or an unknown source key", () => {
    const problems = problemsAfter("library/risk.yaml", (t) =>
      t
        .replace("migrantWorkers:", "migrantWorker:")
        .replace("bands: { medium: 2, high: 4 }", "bands: { medium: 5, high: 4 }")
        .replace("key: ppn-risk-factors, provision: supplier", "key: ppn-risk-factor, provision: supplier"),
    );
    expect(problems).toContainEqual(
      'library/risk.yaml model.factors.migrantWorker: unknown field (did you mean "migrantWorkers"?)',
    );
    expect(problems).toContainEqual(
      "library/risk.yaml model.bands.high: 4 is below medium (the high band cannot start before the medium one)",
    );
    expect(problems).toContainEqual(
      expect.stringContaining(
        'library/risk.yaml model.factors.workAbroad.source: unknown source key "ppn-risk-factor" (expected a key of library/sources.yaml; did you mean "ppn-risk-factors"?)',
      ),
    );
  });
});
