/** Names people read for the codes a profile uses. */

import { BUYER_KINDS, builtinLibrary, CURRENCY_CODES, SECTOR_IDS } from "@fairtender/core";

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

/**
 * The buyer jurisdictions of the library, named as the library names them: those in no country group
 * in library order, then the members of a group (e.g. "Austria (EU member state)") sorted by name.
 */
export function jurisdictionOptions(): { value: string; label: string }[] {
  const lib = builtinLibrary();
  const groupOf = (code: string) => lib.countryGroups.find((g) => g.countries.includes(code));
  const main = lib.jurisdictions.filter((j) => !groupOf(j.code)).map((j) => ({ value: j.code, label: j.name }));
  const members = lib.jurisdictions
    .filter((j) => groupOf(j.code))
    .map((j) => ({ value: j.code, label: `${j.name} (${groupOf(j.code)?.member})` }))
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
