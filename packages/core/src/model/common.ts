import * as z from "zod";
import { COUNTRY_CODES, CURRENCY_CODES } from "./codes.js";

const currencySet: ReadonlySet<string> = new Set(CURRENCY_CODES);
const countrySet: ReadonlySet<string> = new Set(COUNTRY_CODES);

/** A calendar date written `YYYY-MM-DD` (ISO 8601), checked to be a real day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected a date written YYYY-MM-DD" })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { error: "is not a real calendar date", params: { code: "invalid-date", expected: "a real calendar date" } },
  )
  .meta({ description: "Calendar date, YYYY-MM-DD", examples: ["2026-09-01"] });
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * The range of a procurement's dates (a profile's `startDate` and `commencedOn`): from 1900-01-01 to
 * 2200-12-31. With the longest term (`durationMonths` at most 600), every date an obligations
 * calendar lays out is a four-digit year that iCalendar and spreadsheets read.
 */
export const PROCUREMENT_DATES: Readonly<{ from: string; to: string }> = Object.freeze({
  from: "1900-01-01",
  to: "2200-12-31",
});

const inRange = `a date from ${PROCUREMENT_DATES.from} to ${PROCUREMENT_DATES.to}`;

/** A procurement date: an {@link IsoDate} within {@link PROCUREMENT_DATES}. */
export const ProcurementDate = IsoDate.refine((s) => !/^\d{4}-/.test(s) || s >= PROCUREMENT_DATES.from, {
  error: `is before ${PROCUREMENT_DATES.from} (expected ${inRange})`,
  params: { code: "too-small", expected: inRange },
})
  .refine((s) => !/^\d{4}-/.test(s) || s <= PROCUREMENT_DATES.to, {
    error: `is after ${PROCUREMENT_DATES.to} (expected ${inRange})`,
    params: { code: "too-big", expected: inRange },
  })
  .meta({
    description: `Calendar date, YYYY-MM-DD, from ${PROCUREMENT_DATES.from} to ${PROCUREMENT_DATES.to}`,
    pattern: "^(19\\d{2}|2[01]\\d{2}|2200)-\\d{2}-\\d{2}$",
    examples: ["2026-09-01"],
  });

/** An ISO 4217 currency code in capitals, e.g. `USD`. */
export const CurrencyCode = z
  .string()
  .refine((s) => currencySet.has(s), {
    error: 'is not an ISO 4217 code (expected e.g. "USD")',
    params: { code: "unknown-currency", expected: "an ISO 4217 currency code" },
  })
  .meta({ description: "ISO 4217 alphabetic currency code", examples: ["USD", "GBP", "EUR"] });

/** An ISO 3166-1 alpha-2 country code in capitals, e.g. `PH`. */
export const CountryCode = z
  .string()
  .refine((s) => countrySet.has(s), {
    error: 'is not an ISO 3166-1 alpha-2 country code (expected e.g. "PH")',
    params: { code: "unknown-country", expected: "an ISO 3166-1 alpha-2 country code" },
  })
  .meta({ description: "ISO 3166-1 alpha-2 country code", examples: ["US", "PH", "GB"] });

/**
 * A code of the library (a jurisdiction, a regime): its shape checked here, with the issue `code`
 * that a value the library does not have gets too, so that a mistyped and an unknown value read the
 * same; the pattern is kept for the JSON Schema.
 */
function libraryCode(
  pattern: string,
  problem: { error: string; code: string; expected: string },
  meta: { description: string; examples?: string[] },
) {
  const re = new RegExp(pattern);
  return z
    .string()
    .refine((s) => re.test(s), { error: problem.error, params: { code: problem.code, expected: problem.expected } })
    .meta({ ...meta, pattern });
}

/**
 * A buyer jurisdiction code: two capital letters (`US`, `GB`, `UN`, `EU`, `DE`), optionally with an
 * ISO 3166-2 subdivision (`US-CA`). Which codes exist is the library's business (`jurisdictions.yaml`).
 */
export const JurisdictionCode = libraryCode(
  "^[A-Z]{2}(-[A-Z0-9]{1,3})?$",
  {
    error: 'is not a supported jurisdiction (expected a code such as "US", "GB", "EU" or "DE")',
    code: "unknown-jurisdiction",
    expected: "a jurisdiction code of the library, such as US, GB, EU or DE",
  },
  { description: "Buyer jurisdiction code (a jurisdiction of the library)", examples: ["US", "GB", "DE"] },
);

/**
 * Schema of a regime or buyer-choice module id: its shape only (kebab-case, `us-far`, `gb`); which ids
 * exist is the library's business (`regimes.yaml`, checked by `select()` with a "did you mean").
 */
export const RegimeIdSchema = libraryCode(
  "^[a-z0-9]+(-[a-z0-9]+)*$",
  {
    error: 'is not a regime id (expected a lower-case kebab-case id such as "gb")',
    code: "unknown-regime",
    expected: "a regime or module id of the library, such as us-far or gb",
  },
  { description: "Regime or buyer-choice module id (an id of the library's regimes)" },
);

/** An amount of money in a named currency. Amounts are major units (dollars, pounds), not cents. */
export const Money = z
  .object({
    amount: z.number().finite().nonnegative(),
    currency: CurrencyCode,
  })
  .strict()
  .meta({ id: "Money", description: "An amount in major units of an ISO 4217 currency" });
export type Money = z.infer<typeof Money>;

/** A semantic version `MAJOR.MINOR.PATCH` (no pre-release tags in the clause library). */
export const SemVer = z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, {
  error: 'expected a semantic version such as "1.0.0"',
});

/**
 * How well a fact is established, in three marks:
 * `confirmed` (read in the primary text or an official page), `secondary` (law-firm note, tracker:
 * probably right, verify), `unconfirmed` (not seen in any source read; must be said in the drafting note).
 */
export const Confidence = z.enum(["confirmed", "secondary", "unconfirmed"]);
export type Confidence = z.infer<typeof Confidence>;

/**
 * A legal or policy source that a clause, obligation, rule or parameter rests on. `regime` and the
 * effective dates come from the library's source entry (`library/sources.yaml`) or are written on an
 * inline source: they say which regime a citation meets and when the instrument is in force, so that
 * a selection cites only instruments in force for the procurement.
 */
export const Source = z
  .object({
    /** Usual short citation, matchable by tools: `FAR 52.222-50`, `PPN 009`, `Directive 2014/24/EU Art. 57`. */
    citation: z.string().min(1),
    /**
     * The regime or module a citation of this source meets (a regime id of the library), e.g. `gb`
     * for PPN 009. Absent for sources of no one regime (international standards, soft law).
     */
    regime: RegimeIdSchema.optional(),
    /** First day the instrument is in force (inclusive); in force since before any procurement when absent. */
    effectiveFrom: IsoDate.optional(),
    /** Last day the instrument is in force (inclusive); still in force when absent. */
    effectiveTo: IsoDate.optional(),
    /** The instrument's full name. */
    instrument: z.string().min(1),
    /** Article, section, paragraph or sub-clause within the instrument, e.g. `(h)(3)`. */
    provision: z.string().min(1).optional(),
    /** Version or date of the instrument as cited, e.g. `Nov 2021` for a FAR clause date. */
    edition: z.string().min(1).optional(),
    /**
     * When a selection reads the source's period, overriding its regime's `dateBasis`:
     * `commencement` for a clause edition, which is fixed by the solicitation (the edition in force
     * the day the procurement commenced), whatever the contract term. The library compiler sets it on
     * every edition of a source with `editions:` in `library/sources.yaml`.
     */
    dateBasis: z.enum(["commencement", "contract-period"]).optional(),
    url: z.url().optional(),
    /** When the source was last checked by the library's editors. */
    checked: IsoDate,
    confidence: Confidence,
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((s) => !s.effectiveFrom || !s.effectiveTo || s.effectiveFrom <= s.effectiveTo, {
    path: ["effectiveTo"],
    error: "is before effectiveFrom (an instrument cannot end before it starts)",
    params: { code: "invalid-period", expected: "a date on or after effectiveFrom" },
  })
  .meta({ id: "Source" });
export type Source = z.infer<typeof Source>;

/** The period and provenance every value of a dated parameter carries. */
const periodFields = {
  /** First day the value applies (inclusive). */
  effectiveFrom: IsoDate,
  /** Last day the value applies (inclusive); open-ended when absent. */
  effectiveTo: IsoDate.optional(),
  source: Source,
  confidence: Confidence,
};

/**
 * One value of a number parameter that changes over time (a threshold, a count). A parameter is always
 * a list of these, never a constant: e.g. the US compliance-plan threshold moved from USD 500,000 to
 * 550,000 on 2020-10-01.
 */
export const DatedValue = z
  .object({
    value: z.number().finite(),
    currency: CurrencyCode.optional(),
    ...periodFields,
  })
  .strict()
  .meta({ id: "DatedValue" });
export type DatedValue = z.infer<typeof DatedValue>;

/**
 * One value of a date parameter: a legal date (an application date, the day a new regime starts),
 * written as an ISO date, e.g. `2027-12-14` for the day Regulation (EU) 2024/3015 applies from.
 */
export const DatedDateValue = z
  .object({
    value: IsoDate,
    ...periodFields,
  })
  .strict()
  .meta({ id: "DatedDateValue" });
export type DatedDateValue = z.infer<typeof DatedDateValue>;

type Period = { effectiveFrom: string; effectiveTo?: string | undefined };

/** Periods run forwards, in date order, and only the last may be open-ended. */
function checkPeriods(values: readonly Period[], ctx: z.core.$RefinementCtx<unknown>): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!v) continue;
    if (v.effectiveTo && v.effectiveTo < v.effectiveFrom) {
      ctx.addIssue({
        code: "custom",
        path: ["values", i, "effectiveTo"],
        message: `ends (${v.effectiveTo}) before it starts (${v.effectiveFrom})`,
        params: { code: "invalid-period", expected: `a date on or after ${v.effectiveFrom}` },
      });
    }
    const next = values[i + 1];
    if (next) {
      if (!v.effectiveTo) {
        ctx.addIssue({
          code: "custom",
          path: ["values", i, "effectiveTo"],
          message: "only the last period may be open-ended",
          params: { code: "invalid-period", expected: "an end date" },
        });
      } else if (next.effectiveFrom <= v.effectiveTo) {
        ctx.addIssue({
          code: "custom",
          path: ["values", i + 1, "effectiveFrom"],
          message: `overlaps the previous period, which ends ${v.effectiveTo}`,
          params: { code: "invalid-period", expected: `a date after ${v.effectiveTo}` },
        });
      }
    }
  }
}

const parameterId = z.string().regex(/^[a-z][a-z0-9-]*$/);

/**
 * A parameter whose value depends on the date: non-overlapping, ordered periods. `type` says what the
 * values are: `number` (the default: an amount, with a currency where it is money, or a count) or
 * `date` (a legal date written `YYYY-MM-DD`, read by the `date` condition of the selection rules).
 */
export const DatedParameter = z
  .discriminatedUnion("type", [
    z
      .object({
        id: parameterId,
        /** `number` when absent. */
        type: z.literal("number").optional(),
        description: z.string().min(1),
        unit: z.string().min(1).optional(),
        /**
         * The day the value is read on: `contract-period` (the default) the contract's start date;
         * `commencement` the day the procurement commenced (`procurement.commencedOn`, else
         * `startDate`), for a threshold the solicitation states, such as the FAR compliance-plan
         * threshold of the clause edition in force when the solicitation is issued.
         */
        readAt: z.enum(["commencement", "contract-period"]).optional(),
        values: z.array(DatedValue).min(1),
      })
      .strict(),
    z
      .object({
        id: parameterId,
        type: z.literal("date"),
        description: z.string().min(1),
        values: z.array(DatedDateValue).min(1),
      })
      .strict(),
  ])
  .superRefine((p, ctx) => checkPeriods(p.values, ctx))
  .meta({ id: "DatedParameter" });
export type DatedParameter = z.infer<typeof DatedParameter>;

/** Identifier used for clauses, obligations, terms, sectors and rules: lower-case kebab-case. */
export const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "expected a lower-case kebab-case id" });
