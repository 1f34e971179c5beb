import type { Money } from "../model/common.js";

/* Money in the selection: amounts in words, and conversion with the profile's own exchange rates (never a guessed rate). */

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
