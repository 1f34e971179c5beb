import type { Library } from "../src/model/clause.js";
import type { TenderProfileInput } from "../src/model/profile.js";
import type { SelectedClause, Selection } from "../src/model/selection.js";
import { runSelection } from "../src/select/pipeline.js";
import { parseProfile } from "../src/validate/profile.js";

type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Deep merge for test profiles: objects merge, everything else (arrays too) replaces, `undefined` deletes. */
export function merge<T>(base: T, over: unknown): T {
  if (!isPlain(base) || !isPlain(over)) return (over === undefined ? base : over) as T;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) delete out[k];
    else out[k] = k in out ? merge(out[k], v) : v;
  }
  return out as T;
}

/** Runs the engine on a raw profile with a given library. */
export function selectWith(lib: Library, profile: unknown): Selection {
  return runSelection(parseProfile(profile), lib);
}

export function clause(s: Selection, id: string): SelectedClause | undefined {
  return s.clauses.find((c) => c.id === id);
}

export function strengthOf(s: Selection, id: string): string | undefined {
  return clause(s, id)?.strength;
}

export const US_AGENCY: TenderProfileInput = {
  buyer: { name: "US Department of State", jurisdiction: "US", kind: "federal-executive-agency" },
  procurement: {
    title: "Guard services at an embassy",
    category: "services",
    value: { amount: 5_000_000, currency: "USD" },
    startDate: "2024-06-01",
    durationMonths: 24,
    countries: ["PH"],
  },
};

export const UK_DEPARTMENT: TenderProfileInput = {
  buyer: { name: "Department for Education", jurisdiction: "GB", kind: "central-government" },
  procurement: {
    title: "Office cleaning",
    category: "services",
    value: { amount: 2_000_000, currency: "GBP" },
    startDate: "2025-06-01",
    durationMonths: 36,
    countries: ["GB"],
  },
};

export const EU_BUYER: TenderProfileInput = {
  buyer: { name: "Stadt Köln", jurisdiction: "DE", kind: "local-government" },
  procurement: {
    title: "Workwear",
    category: "goods",
    value: { amount: 800_000, currency: "EUR" },
    startDate: "2026-01-01",
    durationMonths: 12,
    countries: ["DE"],
  },
};

export const AU_BUYER: TenderProfileInput = {
  buyer: { name: "Department of Finance", jurisdiction: "AU", kind: "central-government" },
  procurement: {
    title: "IT hardware",
    category: "goods",
    value: { amount: 3_000_000, currency: "AUD" },
    startDate: "2026-03-01",
    durationMonths: 24,
  },
};

export const CA_BUYER: TenderProfileInput = {
  buyer: { name: "PSPC", jurisdiction: "CA", kind: "central-government" },
  procurement: {
    title: "Uniforms",
    category: "goods",
    value: { amount: 1_000_000, currency: "CAD" },
    startDate: "2026-03-01",
    durationMonths: 24,
  },
};

export const UN_BUYER: TenderProfileInput = {
  buyer: { name: "UNICEF Supply Division", jurisdiction: "UN", kind: "un-agency" },
  procurement: {
    title: "Water pumps",
    category: "goods",
    value: { amount: 900_000, currency: "USD" },
    startDate: "2026-02-01",
    durationMonths: 12,
    countries: ["DK"],
  },
};
