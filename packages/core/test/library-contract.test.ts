/**
 * The contract between the built-in library and the selection rules: for representative tenders the
 * selected clauses never refer to a clause that was left out, and every term they use is defined.
 */
import { describe, expect, test } from "vitest";
import { builtinLibrary } from "../src/library/builtin.js";
import { lint } from "../src/lint.js";
import type { TenderProfileInput } from "../src/model/profile.js";
import { exampleProfiles } from "./examples.js";
import { AU_BUYER, CA_BUYER, EU_BUYER, merge, selectWith, UK_DEPARTMENT, UN_BUYER, US_AGENCY } from "./helpers.js";

const lib = builtinLibrary();
const structural = (p: TenderProfileInput) =>
  lint(selectWith(lib, p)).filter((f) => f.code === "dangling-reference" || f.code === "undefined-term");

const PROFILES: [string, TenderProfileInput][] = [
  ["US agency, domestic", merge(US_AGENCY, { procurement: { countries: ["US"] } })],
  [
    "US agency abroad, high risk, housing",
    merge(US_AGENCY, {
      procurement: {
        outsideBuyerCountryValue: { amount: 900_000, currency: "USD" },
        labour: { housingProvided: true, migrantWorkers: true, subcontracting: true },
      },
      risk: { level: "high", basis: "x" },
    }),
  ],
  ["UK department, low risk", UK_DEPARTMENT],
  [
    "UK department, high risk, subcontracting",
    merge(UK_DEPARTMENT, {
      risk: { level: "high", basis: "x" },
      procurement: { labour: { subcontracting: true, recruitmentAgencies: true } },
    }),
  ],
  [
    "German city, SME, subcontracting",
    merge(EU_BUYER, {
      supplier: { sme: true },
      procurement: { labour: { subcontracting: true }, startDate: "2028-01-01" },
    }),
  ],
  ["Australia", AU_BUYER],
  ["Canada", CA_BUYER],
  ["UN agency", UN_BUYER],
  [
    "every regime and module",
    merge(UK_DEPARTMENT, {
      regimes: ["gb", "us-far", "eu", "au", "ca", "un"],
      modules: ["aba-mcc2", "ilo-fair-recruitment"],
    }),
  ],
  ...exampleProfiles().map(([name, p]): [string, TenderProfileInput] => [`example ${name}`, p]),
];

describe("built-in library × selection rules", () => {
  test.each(PROFILES)("%s: no dangling references, no undefined terms", (_name, p) => {
    expect(structural(p)).toEqual([]);
  });

  // us-far-compliance-plan once referred to us-far-housing, which is selected only when housing is provided.
  test("US plan without housing: no dangling reference to the housing clause", () => {
    expect(
      structural(merge(US_AGENCY, { procurement: { outsideBuyerCountryValue: { amount: 900_000, currency: "USD" } } })),
    ).toEqual([]);
  });
});
