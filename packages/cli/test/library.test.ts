import { builtinLibrary, TenderProfile } from "@fairtender/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cli, packageDir } from "./helpers.js";

describe("fairtender clauses", () => {
  it("list prints one line per library clause and the count", async () => {
    const lib = builtinLibrary();
    const run = await cli(["clauses", "list"], packageDir);
    expect(run.status).toBe(0);
    for (const c of lib.clauses) expect(run.stdout).toMatch(new RegExp(`^${c.id}\\s+${c.topic}\\s+${c.kind}\\s`, "m"));
    expect(run.stdout).toContain(`${lib.clauses.length} clauses (library ${lib.version})`);
  });

  it("list filters by regime and topic", async () => {
    const lib = builtinLibrary();
    const run = await cli(["clauses", "list", "--regime", "us-far", "--topic", "certification", "--json"], packageDir);
    expect(run.status).toBe(0);
    const ids = (JSON.parse(run.stdout) as { id: string }[]).map((c) => c.id).sort();
    const expected = lib.clauses
      .filter((c) => c.regimes.includes("us-far") && c.topic === "certification")
      .map((c) => c.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected);
  });

  it("an unknown regime or topic is a usage error with a suggestion", async () => {
    const run = await cli(["clauses", "list", "--regime", "us-fr"], packageDir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown regime \"us-fr\" (did you mean 'us-far'?)");
    expect((await cli(["clauses", "list", "--topic", "grievances"], packageDir)).stderr).toContain("'grievance'");
    expect((await cli(["clauses", "lst"], packageDir)).stderr).toContain("did you mean 'list'?");
  });

  it("show prints the text with parameters, sources, drafting note and obligations", async () => {
    const clause = builtinLibrary().clauses.find((c) => c.id === "general-recruitment-fees")!;
    const run = await cli(["clauses", "show", clause.id], packageDir);
    expect(run.status).toBe(0);
    const out = run.stdout.replace(/\s+/g, " ");
    expect(out).toContain(clause.title);
    expect(out).toContain(`version ${clause.version}`);
    expect(out).toContain("[feeRepaymentDays: 90]"); // the parameter, with its default, in the text
    expect(out).toContain("feeRepaymentDays = 90 (days");
    for (const s of clause.sources) expect(out).toContain(s.citation);
    expect(out).toContain(clause.draftingNote.replace(/\s+/g, " "));
    for (const o of clause.obligations) expect(out).toContain(o.action.replace(/\s+/g, " "));
    expect(run.stdout).not.toContain("{{"); // no raw template syntax
  });

  it("show of an unknown id suggests the closest and exits 1", async () => {
    const run = await cli(["clauses", "show", "general-wage"], packageDir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('did you mean "general-wages"');
  });
});

describe("fairtender schema", () => {
  it("prints the profile JSON Schema by default, matching the zod model", async () => {
    const run = await cli(["schema"], packageDir);
    expect(run.status).toBe(0);
    type Obj = { properties?: Record<string, unknown>; $ref?: string; $defs?: Record<string, Obj> };
    const schema = JSON.parse(run.stdout) as Obj & { $schema: string };
    expect(schema.$schema).toContain("2020-12");
    const root = (s: Obj): Obj => (s.$ref ? root(s.$defs![s.$ref.replace("#/$defs/", "")]!) : s);
    const printed = root(schema);
    const generated = z.toJSONSchema(TenderProfile, { io: "input" }) as Obj;
    expect(Object.keys(printed.properties!).sort()).toEqual([
      "buyer",
      "exchangeRates",
      "modules",
      "procurement",
      "regimes",
      "risk",
      "supplier",
    ]);
    expect(Object.keys(printed.properties!).sort()).toEqual(
      Object.keys(root({ ...generated, $defs: generated.$defs ?? {} }).properties!).sort(),
    );
  });

  it.each(["profile", "clause", "obligation", "selection", "library"])("prints the %s schema", async (name) => {
    const run = await cli(["schema", name], packageDir);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty("$schema");
  });

  it("an unknown schema name is a usage error with a suggestion", async () => {
    const run = await cli(["schema", "selections"], packageDir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("did you mean 'selection'?");
  });
});
