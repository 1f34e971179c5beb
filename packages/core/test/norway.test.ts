/**
 * Norway, added as library data only (library/regimes.yaml `norway`, jurisdictions.yaml `NO`,
 * sources.yaml `no-loa-s5`, `no-loa-2025-amendment`, `no-transparency-act`, parameters.yaml
 * `no-transparency-*-threshold`, and two clause files). These scenarios check the law those entries
 * encode; the last test proves that the commit adding Norway changed no TypeScript.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinLibrary, select } from "../src/index.js";
import type { TenderProfileInput } from "../src/model/profile.js";
import { merge } from "./helpers.js";

const MUNICIPALITY: TenderProfileInput = {
  buyer: { name: "Bergen kommune", jurisdiction: "NO", kind: "local-government" },
  procurement: {
    title: "Nitrile gloves for care homes",
    category: "goods",
    value: { amount: 9_000_000, currency: "NOK" },
    startDate: "2026-09-01",
    durationMonths: 24,
    countries: ["MY"],
    sectors: ["ppe"],
  },
  supplier: {
    name: "Hansker AS",
    businessIn: ["NO"],
    annualTurnover: { amount: 120_000_000, currency: "NOK" },
    totalAssets: { amount: 40_000_000, currency: "NOK" },
    employees: 80,
  },
};
const no = (over: unknown) => merge(MUNICIPALITY, over);
const clause = (s: ReturnType<typeof select>, id: string) => s.clauses.find((c) => c.id === id);
const excluded = (s: ReturnType<typeof select>, id: string) => s.excluded.find((c) => c.id === id);

describe("Norway (no-loa-s5, no-transparency-act)", () => {
  it("a Norwegian buyer brings in the norway regime, with its name, reason and instruments from the library", () => {
    const s = select(MUNICIPALITY);
    expect(s.regimes.map((r) => r.id)).toEqual(["norway"]);
    const r = s.regimes[0]!;
    expect(r.name).toBe("Norway (Public Procurement Act s.5; Transparency Act)");
    expect(r.reasons[0]).toMatch(/buyer\.jurisdiction = NO/);
    expect(r.instruments.map((i) => i.citation)).toEqual([
      "Public Procurement Act (LOA) s.5",
      "Prop. 147 L (2024-2025); Innst. 38 L (2025-2026)",
      "Transparency Act (apenhetsloven)",
    ]);
    expect(builtinLibrary().jurisdictions.find((j) => j.code === "NO")).toMatchObject({
      name: "Norway",
      currency: "NOK",
    });
  });

  it("LOA s.5: a risky procurement gets the human rights clause as recommended, citing s.5, never as mandatory", () => {
    const c = clause(select(MUNICIPALITY), "no-human-rights-requirements");
    expect(c?.strength).toBe("recommended");
    expect(c?.reasons[0]?.text).toMatch(/LOA\) s\.5 requires the buyer to have suitable routines/);
    expect(c?.reasons[0]?.text).toMatch(/does not prescribe this clause/);
    expect(c?.reasons[0]?.sources.map((x) => x.citation)).toContain("Public Procurement Act (LOA) s.5");
  });

  it("LOA s.5: at low risk the clause is left out, and the reason says the routines should record why", () => {
    const s = select(
      no({
        procurement: {
          title: "Legal advice",
          category: "services",
          countries: ["NO"],
          sectors: ["professional-services"],
        },
      }),
    );
    expect(s.risk.level).toBe("low");
    const x = excluded(s, "no-human-rights-requirements");
    expect(x?.reasons[0]?.text).toMatch(/not included: the risk is low.*routines should still record why/);
  });

  it("the 2025-2026 amendment (secondary) is cited only for contracts running from 2026-07-01", () => {
    const before = select(no({ procurement: { startDate: "2025-01-01", durationMonths: 12 } }));
    const cites = (s: ReturnType<typeof select>) =>
      clause(s, "no-human-rights-requirements")?.sources.map((x) => x.citation) ?? [];
    expect(cites(before)).toEqual(["Public Procurement Act (LOA) s.5"]);
    expect(cites(select(MUNICIPALITY))).toContain("Prop. 147 L (2024-2025); Innst. 38 L (2025-2026)");
    expect(
      builtinLibrary()
        .clauses.find((c) => c.id === "no-human-rights-requirements")
        ?.draftingNote.includes("UNCONFIRMED"),
    ).toBe(true);
  });

  it("Transparency Act: a Norwegian supplier exceeding two of three thresholds gets the clause as mandatory", () => {
    const c = clause(select(MUNICIPALITY), "no-transparency-act-account");
    expect(c?.strength).toBe("mandatory");
    expect(c?.reasons[0]?.text).toMatch(/NOK 120,000,000\) exceeds NOK 70,000,000/);
    expect(c?.obligations.map((o) => o.id)).toEqual(["no-publish-account", "no-answer-information-requests"]);
    expect(c?.obligations[1]?.timing).toMatchObject({ kind: "on-event", withinHours: 21 * 24 });
  });

  it("Transparency Act: one threshold exceeded is not enough; sizes not given make it recommended", () => {
    const small = select(no({ supplier: { annualTurnover: { amount: 20_000_000, currency: "NOK" }, employees: 20 } }));
    expect(excluded(small, "no-transparency-act-account")?.reasons[0]?.text).toMatch(
      /not included: .*public interest entity, or a\s+foreign enterprise liable to tax in Norway, may be covered/,
    );
    const unknown = select(
      no({ supplier: { annualTurnover: undefined, totalAssets: undefined, employees: undefined } }),
    );
    expect(clause(unknown, "no-transparency-act-account")?.strength).toBe("recommended");
  });

  it("Transparency Act: a supplier with no business in Norway is not caught by the clause's rule", () => {
    const s = select(no({ supplier: { businessIn: ["SE"] } }));
    expect(excluded(s, "no-transparency-act-account")?.reasons[0]?.text).toMatch(/Norway/);
  });

  it("cross-regime clauses (regimes: all) serve Norway too, and other buyers do not get the Norwegian clauses", () => {
    const s = select(MUNICIPALITY);
    expect(clause(s, "general-grievance-mechanism")?.regimes).toContain("norway");
    const uk = select(merge(MUNICIPALITY, { buyer: { jurisdiction: "GB", kind: "central-government" } }));
    expect(uk.clauses.some((c) => c.regimes.length === 1 && c.regimes[0] === "norway")).toBe(false);
  });
});

// The commit that added Norway is found by the clause file it created; it must touch only the library,
// the files `npm run library` generates from it, and tests.
const repo = new URL("../../../", import.meta.url).pathname;
const inGit = existsSync(`${repo}.git`);
describe.skipIf(!inGit && !process.env.CI)("Norway was added without TypeScript changes", () => {
  it("the commit adding it touches only packages/core/library, generated files and tests", () => {
    const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { encoding: "utf8" }).trim();
    const shallow = git("rev-parse", "--is-shallow-repository") === "true";
    const commit = git(
      "log",
      "--format=%H",
      "--diff-filter=A",
      "--",
      "packages/core/library/clauses/no-transparency-act-account.md",
    )
      .split("\n")
      .pop();
    if (shallow && !commit) return; // a shallow clone without that commit: nothing to check
    expect(commit, "the commit that added library/clauses/no-transparency-act-account.md").toMatch(/^[0-9a-f]{40}$/);
    const files = git("show", "--format=", "--name-only", commit as string)
      .split("\n")
      .filter(Boolean);
    const allowed = (f: string) =>
      f.startsWith("packages/core/library/") ||
      f === "packages/core/src/library/builtin.generated.ts" ||
      f.startsWith("packages/core/schema/") ||
      /^(packages|apps)\/[^/]+\/test\//.test(f) ||
      /\.test\.ts$/.test(f);
    expect(files.filter((f) => !allowed(f))).toEqual([]);
  });
});
