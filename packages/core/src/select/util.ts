import type { Library } from "../model/clause.js";
import type { DatedValue, Money, Source } from "../model/common.js";
import type { TenderProfile } from "../model/profile.js";
import { fillLeaf, type LeafPath } from "../template/leaves.js";

/* ----------------------------------------------------------------------------------------------
 * Calendar arithmetic on ISO dates (UTC, no clock, no time zone).
 * -------------------------------------------------------------------------------------------- */

function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
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
  const t = new Date(Date.UTC(y, m - 1, d + days));
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

/* ----------------------------------------------------------------------------------------------
 * Money
 * -------------------------------------------------------------------------------------------- */

/** Formats an amount as people write it in a tender: `USD 550,000`, `GBP 36,000,000`, `USD 1,234.5`. */
export function formatMoney(amount: number, currency?: string): string {
  const [whole, frac] = String(Math.abs(amount)).split(".");
  const grouped = (whole ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const body = `${amount < 0 ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
  return currency ? `${currency} ${body}` : body;
}

/** The result of converting money into another currency with the profile's own rates. */
export type Conversion =
  | { ok: true; amount: number; pair?: string; rate?: number; inverse?: boolean }
  | { ok: false; from: string; to: string };

/**
 * Converts `money` into `to` with the profile's `exchangeRates` (`BASE/QUOTE`: 1 BASE = rate QUOTE).
 * Uses the direct pair, else the inverse pair; never guesses a rate (returns `ok: false`). The result
 * is rounded to the cent.
 */
export function convert(money: Money, to: string, rates: Readonly<Record<string, number>> | undefined): Conversion {
  if (money.currency === to) return { ok: true, amount: money.amount };
  const direct = `${money.currency}/${to}`;
  const inverse = `${to}/${money.currency}`;
  // Converted amounts are rounded to the cent, so that binary floating point (500,000 × 1.1 =
  // 550,000.0000000001) never pushes an amount over a threshold it only equals.
  const cents = (x: number) => Math.round(x * 100) / 100;
  const r = rates?.[direct];
  if (r !== undefined) return { ok: true, amount: cents(money.amount * r), pair: direct, rate: r };
  const i = rates?.[inverse];
  if (i !== undefined) return { ok: true, amount: cents(money.amount / i), pair: inverse, rate: i, inverse: true };
  return { ok: false, from: money.currency, to };
}

/* ----------------------------------------------------------------------------------------------
 * Date-effective parameters of the library
 * -------------------------------------------------------------------------------------------- */

/** The value of a library number parameter on a date, or `undefined` (no such parameter, a date parameter, or no period). */
export function datedValue(lib: Pick<Library, "parameters">, id: string, date: string): DatedValue | undefined {
  const p = lib.parameters.find((x) => x.id === id);
  if (!p || p.type === "date") return undefined;
  return p.values.find((v) => inPeriod(v, date));
}

/**
 * A legal date held as a library date parameter (`type: date`, value `YYYY-MM-DD`): the period in force
 * on `at`, else the next period after it, else the last one. `undefined` when there is no such date
 * parameter.
 */
export function datedDate(
  lib: Pick<Library, "parameters">,
  id: string,
  at: string,
): { date: string; source: Source } | undefined {
  const p = lib.parameters.find((x) => x.id === id);
  if (p?.type !== "date") return undefined;
  const v = p.values.find((x) => inPeriod(x, at)) ?? p.values.find((x) => x.effectiveFrom > at) ?? p.values.at(-1);
  return v && { date: v.value, source: v.source };
}

/** True when `date` falls within the (inclusive) period; an absent end is open. */
export function inPeriod(period: { effectiveFrom?: string; effectiveTo?: string }, date: string): boolean {
  return (
    (period.effectiveFrom === undefined || period.effectiveFrom <= date) &&
    (period.effectiveTo === undefined || date <= period.effectiveTo)
  );
}

/* ----------------------------------------------------------------------------------------------
 * Sentences
 * -------------------------------------------------------------------------------------------- */

/**
 * Fills a regime sentence of the library (a buyer entry's reason or warning, `regimes.yaml`), still
 * written in the clause-text syntax: `{{params.name}}` becomes `vars[name]`. Rule and annex reasons
 * use `fillText` (`{{name}}`). `owner` and `path` name the
 * sentence in a `template-error` (e.g. a variable with no value).
 */
export function fillSentence(
  owner: string,
  path: LeafPath,
  template: string,
  vars: Readonly<Record<string, string>>,
): string {
  return fillLeaf(owner, { path, text: template }, vars)
    .map((run) => (run.type === "text" ? run.value : run.id))
    .join("");
}

/* ----------------------------------------------------------------------------------------------
 * Stable collections
 * -------------------------------------------------------------------------------------------- */

/** A key that identifies a source citation (two sources with the same key are the same citation). */
export function sourceKey(s: Source): string {
  return [s.citation, s.provision ?? "", s.edition ?? ""].join("\u0000");
}

/** Sources without duplicates (by citation, provision and edition), first occurrence kept. */
export function uniqueSources(list: readonly Source[]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const s of list) {
    const k = sourceKey(s);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}

/** Values without duplicates, first occurrence kept. */
export function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

/** Code-unit comparison (not locale-dependent, so the order is the same in every engine). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
