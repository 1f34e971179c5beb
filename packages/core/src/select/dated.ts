import { commencementDate, contractEnd } from "../dates.js";
import type { Library } from "../model/clause.js";
import type { DatedValue, Source } from "../model/common.js";
import type { TenderProfile } from "../model/profile.js";
import type { DateBasis } from "../model/regime.js";
import type { RegimeId } from "../model/topics.js";

/*
 * What is in force when: the library's date-effective parameters (thresholds, legal dates) on a date,
 * and the window of days a regime's instruments and sources are read at (its date basis).
 */

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

/** The days a regime's instruments are read at: one day (`commencement`) or the contract term. */
export interface DateWindow {
  from: string;
  to: string;
}

/** The window of a date basis for this procurement (see `DateBasis`). */
export function dateWindow(profile: TenderProfile, basis: DateBasis): DateWindow {
  if (basis === "commencement") {
    const d = commencementDate(profile);
    return { from: d, to: d };
  }
  return { from: profile.procurement.startDate, to: contractEnd(profile) };
}

/** True when an instrument dated `effectiveFrom`/`effectiveTo` (inclusive, open when absent) is in force on some day of the window. */
export function inForce(s: Pick<Source, "effectiveFrom" | "effectiveTo">, w: DateWindow): boolean {
  return (
    (s.effectiveFrom === undefined || s.effectiveFrom <= w.to) &&
    (s.effectiveTo === undefined || s.effectiveTo >= w.from)
  );
}

/** The date basis sources of this regime are read at (`contract-period` for sources of no regime). */
export function dateBasisOf(lib: Pick<Library, "regimes">, regime: RegimeId | undefined): DateBasis {
  return (regime && lib.regimes.find((r) => r.id === regime)?.dateBasis) || "contract-period";
}
