import type { TenderProfile } from "./model/profile.js";

/*
 * Calendar arithmetic on ISO dates (UTC, no clock, no time zone), and the dates of a procurement.
 * Used by the selection (which instruments and thresholds apply) and by the obligations calendar.
 */

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * The UTC date of year `y`, month `m` (1–12) and day `d`, each of which may overflow. Unlike
 * `Date.UTC`, a year from 0 to 99 is that year, not 1900 + it.
 */
function utc(y: number, m: number, d: number): Date {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t;
}

function daysInMonth(y: number, m: number): number {
  return utc(y, m + 1, 0).getUTCDate();
}

/** Adds whole months; a day that does not exist in the target month is clamped (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return iso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Adds (or with a negative number subtracts) days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = utc(y, m, d + days);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * The last day of the contract term: start + `durationMonths` − 1 day. Without a duration the term is
 * taken to be the start date only (a rule that needs the term says so in its reason).
 */
export function contractEnd(profile: TenderProfile): string {
  const { startDate, durationMonths } = profile.procurement;
  return durationMonths ? addDays(addMonths(startDate, durationMonths), -1) : startDate;
}

/** The date UK regime rules are read at: the day the procurement commenced, or the start date. */
export function commencementDate(profile: TenderProfile): string {
  return profile.procurement.commencedOn ?? profile.procurement.startDate;
}
