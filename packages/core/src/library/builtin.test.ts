import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileLibrary, renderModule } from "../../scripts/library-compiler.js";
import { readLibraryFiles } from "../../scripts/read-library.js";
import { isFairtenderError } from "../errors.js";
import { SECTOR_IDS } from "../model/sectors.js";
import { builtinLibrary, checkLibrary, getClause } from "./index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

describe("builtinLibrary", () => {
  it("passes every self-check", () => {
    expect(checkLibrary(builtinLibrary())).toEqual([]);
  });

  it("is the committed compilation of library/ (run `npm run library` if this fails)", () => {
    const { library } = compileLibrary(readLibraryFiles(root));
    const committed = readFileSync(join(root, "src/library/builtin.generated.ts"), "utf8");
    expect(renderModule(library) === committed).toBe(true);
  });

  it("is frozen and cached", () => {
    const lib = builtinLibrary();
    expect(builtinLibrary()).toBe(lib);
    expect(Object.isFrozen(lib)).toBe(true);
    expect(Object.isFrozen(lib.clauses[0]?.body.subclauses)).toBe(true);
    expect(() => {
      (lib.clauses as unknown as unknown[]).push({});
    }).toThrow();
  });

  it("lists clauses sorted by id, each with a source and semver version", () => {
    const ids = builtinLibrary().clauses.map((c) => c.id);
    expect(ids).toEqual([...ids].sort());
    for (const c of builtinLibrary().clauses) {
      expect(c.sources.length, c.id).toBeGreaterThan(0);
      expect(c.version).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it("covers every sector id", () => {
    expect(
      builtinLibrary()
        .sectors.map((s) => s.id)
        .sort(),
    ).toEqual([...SECTOR_IDS].sort());
  });

  it("incorporates the FAR clauses by reference with their clause dates", () => {
    const lib = builtinLibrary();
    const inc = (id: string) => getClause(lib, id).incorporates.map((s) => `${s.citation} (${s.edition})`);
    // Each edition is listed; a selection keeps the one in force on the solicitation date (test/legal-c.test.ts).
    expect(inc("us-far-52-222-50")).toEqual(["FAR 52.222-50 (Nov 2021)", "FAR 52.222-50 (Oct 2025)"]);
    expect(inc("us-far-52-222-50-alt-i")).toEqual(["FAR 52.222-50 Alternate I (Mar 2015)"]);
    expect(inc("us-far-52-222-56")).toEqual([
      "FAR 52.222-56 (Mar 2015)",
      "FAR 52.222-56 (Oct 2020)",
      "FAR 52.222-56 (in force from 2025-10-01 (date unconfirmed))",
    ]);
  });

  it("holds the US compliance-plan threshold by date, with the 700,000 value marked secondary", () => {
    const p = builtinLibrary().parameters.find((x) => x.id === "us-compliance-plan-threshold");
    if (p?.type === "date") expect.unreachable();
    expect(p?.values.map((v) => [v.value, v.currency, v.effectiveFrom, v.effectiveTo ?? null, v.confidence])).toEqual([
      [500000, "USD", "2015-03-02", "2020-09-30", "confirmed"],
      [550000, "USD", "2020-10-01", "2025-09-30", "confirmed"],
      [700000, "USD", "2025-10-01", null, "secondary"],
    ]);
  });

  it("holds legal dates as ISO dates", () => {
    const p = builtinLibrary().parameters.find((x) => x.id === "eu-flr-application-date");
    expect(p?.type).toBe("date");
    expect(p?.values.map((v) => v.value)).toEqual(["2027-12-14"]);
  });

  it("dates the UK instruments: PPN 02/23 until 2025-02-23, PPN 009 and the Procurement Act from 2025-02-24", () => {
    const gb = builtinLibrary().regimes.find((r) => r.id === "gb");
    const by = (citation: string) => gb?.instruments.find((s) => s.citation === citation);
    expect(by("PPN 02/23")?.effectiveTo).toBe("2025-02-23");
    expect(by("PPN 009")?.effectiveFrom).toBe("2025-02-24");
    expect(by("Procurement Act 2023 Sch. 7")?.effectiveFrom).toBe("2025-02-24");
    expect(by("PCR 2015 reg. 57")?.effectiveTo).toBe("2025-02-23");
  });
});

describe("getClause", () => {
  it("returns a clause by id", () => {
    expect(getClause(builtinLibrary(), "general-wages").topic).toBe("wages");
  });

  it("throws unknown-clause with a did-you-mean", () => {
    try {
      getClause(builtinLibrary(), "general-wage");
      expect.unreachable();
    } catch (error) {
      expect(isFairtenderError(error) && error.code).toBe("unknown-clause");
      expect((error as Error).message).toContain('did you mean "general-wages"');
    }
  });
});
