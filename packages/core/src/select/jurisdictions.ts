import type { Library } from "../model/clause.js";
import type { TenderProfile } from "../model/profile.js";

/* Where the buyer is at home: the library's jurisdictions and country groups. */

/** True when the buyer's jurisdiction is one of `codes` (jurisdiction codes, or country-group ids). */
export function jurisdictionIn(
  lib: Pick<Library, "countryGroups">,
  codes: readonly string[],
  jurisdiction: string,
): boolean {
  return codes.some(
    (c) => c === jurisdiction || lib.countryGroups.some((g) => g.id === c && g.countries.includes(jurisdiction)),
  );
}

/**
 * True when a country is inside the buyer's own country, as the library's jurisdiction says (`home`):
 * for a US buyer the 50 States, DC and the outlying areas; for an EU institution the member states.
 * Undefined when the buyer has no home country (a UN organisation), so that no work counts as abroad.
 */
export function isBuyerCountry(
  profile: TenderProfile,
  country: string,
  lib: Pick<Library, "jurisdictions" | "countryGroups">,
): boolean | undefined {
  const code = profile.buyer.jurisdiction;
  const home = lib.jurisdictions.find((j) => j.code === code)?.home ?? [code];
  if (home === "none") return undefined;
  return jurisdictionIn(lib, home, country);
}
