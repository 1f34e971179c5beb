/** Names people read for the codes a profile uses. */

import { BUYER_KINDS, CURRENCY_CODES, JURISDICTIONS, SECTOR_IDS } from "@fairtender/core";

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/** `PH` → `Philippines`; `undefined` for a code the browser does not know. */
export function countryName(code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  try {
    return regionNames.of(code);
  } catch {
    return undefined;
  }
}

const JURISDICTION_NAMES: Record<string, string> = {
  US: "United States (federal)",
  GB: "United Kingdom",
  AU: "Australia",
  CA: "Canada",
  UN: "United Nations system",
  EU: "European Union institutions",
};

/** The jurisdictions, named, in the order of the model; EU member states sorted by name after the rest. */
export function jurisdictionOptions(): { value: string; label: string }[] {
  const main = JURISDICTIONS.filter((j) => JURISDICTION_NAMES[j]).map((j) => ({
    value: j,
    label: JURISDICTION_NAMES[j]!,
  }));
  const members = JURISDICTIONS.filter((j) => !JURISDICTION_NAMES[j])
    .map((j) => ({ value: j, label: `${countryName(j) ?? j} (EU member state)` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return [...main, ...members];
}

const KIND_NAMES: Record<(typeof BUYER_KINDS)[number], string> = {
  "federal-executive-agency": "Federal executive agency (US)",
  "central-government": "Central government",
  "local-government": "Local government",
  "nhs-body": "NHS body (UK)",
  "un-agency": "UN agency",
  other: "Other public buyer",
};

/** The buyer kinds, named. */
export function buyerKindOptions(): { value: string; label: string }[] {
  return BUYER_KINDS.map((k) => ({ value: k, label: KIND_NAMES[k] }));
}

const COMMON_CURRENCIES = ["USD", "EUR", "GBP", "AUD", "CAD", "CHF"];

/** Currencies: the common ones first, then every ISO 4217 code. */
export function currencyOptions(): { value: string; label: string; group: string }[] {
  const common = COMMON_CURRENCIES.map((c) => ({ value: c, label: c, group: "Common" }));
  const rest = CURRENCY_CODES.filter((c) => !COMMON_CURRENCIES.includes(c)).map((c) => ({
    value: c,
    label: c,
    group: "All currencies",
  }));
  return [...common, ...rest];
}

const ACRONYMS: Record<string, string> = { ppe: "PPE", it: "IT" };

/** A readable name for a sector id when the library's own name is not at hand: `it-services` → `IT services`. */
export function sectorFallbackName(id: string): string {
  const words = id.split("-").map((w) => ACRONYMS[w] ?? w);
  const first = words[0] ?? id;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...words.slice(1)].join(" ");
}

/** The sector ids a profile may name. */
export const SECTORS: readonly string[] = SECTOR_IDS;
