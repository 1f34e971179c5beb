/** Helpers both importers use: countries, jurisdictions, dates and durations, and classification results. */
import type { Library } from "@fairtender/core";
import { rowFor } from "./classify.js";
import { COUNTRY_TABLE } from "./data/tables.generated.js";
import type { ClassificationReport, ProfileBuilder, SourceRef } from "./report.js";

const BY_ALPHA2 = new Map(COUNTRY_TABLE.countries.map((c) => [c.alpha2, c]));
const BY_ALPHA3 = new Map(COUNTRY_TABLE.countries.map((c) => [c.alpha3, c]));
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase();
const BY_NAME = new Map<string, string>();
for (const c of COUNTRY_TABLE.countries) {
  for (const n of [c.name, ...(c.aliases ?? [])]) BY_NAME.set(fold(n), c.alpha2);
}

/** The alpha-2 code of an ISO 3166-1 alpha-2 or alpha-3 code (any case), or undefined. */
export function countryCode(code: string): string | undefined {
  const c = code.trim().toUpperCase();
  if (c.length === 2) return BY_ALPHA2.has(c) ? c : undefined;
  if (c.length === 3) return BY_ALPHA3.get(c)?.alpha2;
  return undefined;
}

/** The alpha-2 code of a country name matched exactly (ignoring case and accents) against the table, or of a code. */
export function countryFromName(name: string): string | undefined {
  return BY_NAME.get(fold(name)) ?? countryCode(name);
}

/** The buyer jurisdiction of the library with this code (a country, or `EU`), or undefined when the library has none. */
export function jurisdictionOf(code: string, library: Library): string | undefined {
  return library.jurisdictions.some((j) => j.code === code) ? code : undefined;
}

/** Whether a regime's buyers take a buyer in `code`: named directly, or as a country of a named country group. */
function takes(library: Library, jurisdictions: readonly string[], code: string): boolean {
  return jurisdictions.some(
    (x) => x === code || (library.countryGroups.find((g) => g.id === x)?.countries.includes(code) ?? false),
  );
}

/**
 * Whether a buyer in `code` is under a regime of the library that EU institutions (jurisdiction
 * `EU`) are under: true for `EU` and the EU member states in the built-in library, false for a buyer
 * outside the EU, whose regimes do not follow from an EU directive cited in its notice.
 */
export function underEuRegime(code: string, library: Library): boolean {
  return library.regimes.some(
    (r) =>
      r.buyers.some((b) => takes(library, b.jurisdictions, "EU")) &&
      r.buyers.some((b) => takes(library, b.jurisdictions, code)),
  );
}

/**
 * The buyer jurisdictions of the library as a phrase: the codes outside country groups, then each
 * group (`US, GB, AU, CA, UN, EU, NO or a code of the EU member states such as AT`).
 */
export function jurisdictionList(library: Library): string {
  const groupOf = (code: string) => library.countryGroups.find((g) => g.countries.includes(code));
  const plain = library.jurisdictions.filter((j) => !groupOf(j.code)).map((j) => j.code);
  const groups: string[] = [];
  for (const g of library.countryGroups) {
    const first = library.jurisdictions.find((j) => groupOf(j.code) === g);
    if (first) groups.push(`a code of the ${g.name} such as ${first.code}`);
  }
  const all = [...plain, ...groups];
  return all.length <= 1 ? (all[0] ?? "none") : `${all.slice(0, -1).join(", ")} or ${all.at(-1)}`;
}

/** The `YYYY-MM-DD` date an ISO date or date-time starts with (taken as written, no time-zone shift). */
export function datePart(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return m?.[1];
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** The last day of a contract of `months` months starting on `start`. */
export function endOfMonths(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

/**
 * Whole months from `start` to `end` when the period is exactly N months: ending on the same day of
 * the month N months later, or the day before it (a contract 2026-09-01 to 2027-08-31 is 12 months).
 */
export function wholeMonths(start: string, end: string): number | undefined {
  if (end <= start) return undefined;
  for (let n = 1; n <= 600; n++) {
    const same = addMonths(start, n);
    if (same === end || addDays(same, -1) === end) return n;
    if (same > addDays(end, 1)) return undefined;
  }
  return undefined;
}

/** Whole months a day count stands for: a multiple of 30 days (the eForms-to-OCDS month) or of 365 days (a year). */
export function monthsOfDays(days: number): number | undefined {
  if (!Number.isInteger(days) || days <= 0) return undefined;
  if (days % 365 === 0) return (days / 365) * 12;
  if (days % 30 === 0) return days / 30;
  return undefined;
}

/** Days between two dates, counting both ends (a contract 2026-09-01 to 2026-09-30 lasts 30 days). */
export function daysInclusive(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** Sets sectors, commodities and the labour facts the classification table gives, with their sources. */
export function applyClassifications(b: ProfileBuilder, reports: ClassificationReport[]): void {
  b.classifications.push(...reports);
  const found = reports.filter((r) => r.status === "mapped" || r.status === "no-sector");
  const unmapped = reports.filter((r) => r.status !== "mapped" && r.status !== "no-sector");
  const refs = (rs: ClassificationReport[]): SourceRef[] => rs.map((r) => ({ path: r.path, value: r.code }));
  const tail = unmapped.length
    ? ` ${unmapped.length} code(s) could not be mapped (${unique(unmapped.map((r) => r.code)).join(", ")}): see report.classifications and supply the sectors they stand for.`
    : "";
  if (reports.length === 0) {
    b.unknown("procurement.sectors", "The source gives no classification code (CPV or UNSPSC) to map.");
    b.unknown("procurement.commodities", "The source gives no classification code that names a commodity.");
    return;
  }
  const sectorRows = found.filter((r) => r.sectors.length > 0);
  if (sectorRows.length > 0) {
    b.set(
      "procurement.sectors",
      unique(sectorRows.flatMap((r) => r.sectors)),
      refs(sectorRows),
      `From the classification codes through data/cpv-sectors.yaml (rows ${unique(sectorRows.map((r) => `${r.row?.scheme} ${r.row?.code}`)).join(", ")}).${tail}`,
    );
  } else {
    b.unknown(
      "procurement.sectors",
      found.length > 0
        ? `The codes map to no Fairtender sector (${unique(found.map((r) => `${r.row?.scheme} ${r.row?.code}`)).join(", ")}).${tail}`
        : `No classification code could be mapped.${tail}`,
      refs(reports),
    );
  }
  const commodityRows = found.filter((r) => r.commodities.length > 0);
  if (commodityRows.length > 0) {
    b.set(
      "procurement.commodities",
      unique(commodityRows.flatMap((r) => r.commodities)),
      refs(commodityRows),
      "Goods the classification codes themselves name (data/cpv-sectors.yaml); add any others supplied or used.",
    );
  } else {
    b.unknown("procurement.commodities", "No classification code names a commodity on the US DOL List of Goods.");
  }
  const agency = found.filter((r) => rowFor(r)?.labour?.recruitmentAgencies);
  if (agency.length > 0) {
    b.set(
      "procurement.labour.recruitmentAgencies",
      true,
      refs(agency),
      `The buyer buys the placement or supply of personnel (${unique(agency.map((r) => `${r.row?.scheme} ${r.row?.code}`)).join(", ")}): the workers are recruited through an agency.`,
    );
  }
}

/**
 * Sets `procurement.durationMonths` from the periods that give a whole number of months (the longest
 * when lots differ, and the note says so). Returns false when none does, for the caller to say why.
 */
export function setLongestDuration(
  b: ProfileBuilder,
  periods: readonly { months?: number | undefined; refs: SourceRef[]; note?: string | undefined }[],
): boolean {
  const durations = periods.filter((p) => p.months);
  if (durations.length === 0) return false;
  const longest = durations.reduce((a, c) => ((c.months as number) > (a.months as number) ? c : a));
  const distinct = new Set(durations.map((d) => d.months));
  b.set(
    "procurement.durationMonths",
    longest.months,
    durations.flatMap((d) => d.refs),
    distinct.size > 1
      ? `The lots run for different periods; the longest (${longest.months} months) is used.`
      : (longest.note as string),
  );
  return true;
}
