import type { Issue } from "../errors.js";
import type { Library } from "../model/clause.js";
import { JurisdictionCode } from "../model/common.js";
import { RegimeIdSchema } from "../model/topics.js";
import { issueAt } from "../validate/issues.js";
import { suggest } from "../validate/suggest.js";

/** The library tables a profile's ids are checked against. */
export type IdTables = Pick<Library, "regimes" | "jurisdictions" | "countryGroups">;

function didYouMean(value: string, candidates: readonly string[]): string {
  const hits = suggest(value, candidates);
  return hits.length ? ` (did you mean ${hits.map((h) => JSON.stringify(h)).join(" or ")}?)` : "";
}

/** "US, GB, AU, CA, UN, EU or a code of the EU member states such as AT", from the library's jurisdictions. */
function expectedJurisdictions(lib: IdTables): string {
  const grouped = (code: string) => lib.countryGroups.find((g) => g.countries.includes(code));
  const plain = lib.jurisdictions.filter((j) => !grouped(j.code)).map((j) => j.code);
  const groups: string[] = [];
  for (const g of lib.countryGroups) {
    const first = lib.jurisdictions.find((j) => grouped(j.code) === g);
    if (first) groups.push(`a code of the ${g.name} such as ${first.code}`);
  }
  const all = [...plain, ...groups];
  return all.length <= 1 ? (all[0] ?? "none") : `${all.slice(0, -1).join(", ")} or ${all.at(-1)}`;
}

/**
 * The ids of a profile that the library does not know: `buyer.jurisdiction` (a jurisdiction of
 * `jurisdictions.yaml`) and every id in `regimes` and `modules` (a regime or module of `regimes.yaml`),
 * each with a "did you mean". Values whose shape is already wrong are left to the profile schema.
 * Reads the raw (unparsed) input, so that these problems are reported together with the schema's.
 */
export function profileIdIssues(input: unknown, lib: IdTables): Issue[] {
  const out: Issue[] = [];
  if (input === null || typeof input !== "object") return out;
  const raw = input as { buyer?: { jurisdiction?: unknown }; regimes?: unknown; modules?: unknown };
  const jurisdiction = raw.buyer?.jurisdiction;
  const codes = lib.jurisdictions.map((j) => j.code);
  if (
    typeof jurisdiction === "string" &&
    JurisdictionCode.safeParse(jurisdiction).success &&
    !codes.includes(jurisdiction)
  ) {
    const expected = expectedJurisdictions(lib);
    out.push(
      issueAt(
        "unknown-jurisdiction",
        ["buyer", "jurisdiction"],
        `${JSON.stringify(jurisdiction)} is not a supported jurisdiction (expected ${expected})${didYouMean(jurisdiction, codes)}`,
        { received: jurisdiction, expected },
      ),
    );
  }
  const ids = lib.regimes.map((r) => r.id);
  const expectedIds = `one of ${ids.map((x) => JSON.stringify(x)).join(", ")}`;
  for (const field of ["regimes", "modules"] as const) {
    const list = raw[field];
    if (!Array.isArray(list)) continue;
    list.forEach((id: unknown, i) => {
      if (typeof id !== "string" || !RegimeIdSchema.safeParse(id).success || ids.includes(id)) return;
      out.push(
        issueAt(
          "unknown-regime",
          [field, i],
          `${JSON.stringify(id)} is not a regime or module of the library (expected ${expectedIds})${didYouMean(id, ids)}`,
          { received: id, expected: expectedIds },
        ),
      );
    });
  }
  return out;
}

/** Candidates for a "did you mean" on a profile field, from the library: jurisdiction codes and regime ids. */
export function profileIdCandidates(field: string | undefined, lib: IdTables): readonly string[] | undefined {
  if (field === "jurisdiction") return lib.jurisdictions.map((j) => j.code);
  if (field === "regimes" || field === "modules") return lib.regimes.map((r) => r.id);
  return undefined;
}
