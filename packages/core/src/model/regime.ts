import * as z from "zod";
import { CountryCode, CurrencyCode, Id, JurisdictionCode, Source } from "./common.js";
import { BuyerKind } from "./profile.js";
import { RegimeIdSchema } from "./topics.js";

/** A named set of countries that regimes and jurisdictions refer to, e.g. the EU member states. */
export const CountryGroup = z
  .object({
    id: Id,
    /** The group, e.g. `EU member states`. */
    name: z.string().min(1),
    /** One member, e.g. `EU member state` (tools write "Austria (EU member state)"). */
    member: z.string().min(1),
    countries: z.array(CountryCode).min(1),
    note: z.string().min(1).optional(),
    sources: z.array(Source).optional(),
  })
  .strict()
  .meta({ id: "CountryGroup" });
export type CountryGroup = z.infer<typeof CountryGroup>;

/** A buyer jurisdiction: a profile's `buyer.jurisdiction` names one by its code. */
export const Jurisdiction = z
  .object({
    code: JurisdictionCode,
    name: z.string().min(1),
    /** The currency such a buyer usually tenders in: a default offered by forms, never a conversion. */
    currency: CurrencyCode,
    /**
     * Where work counts as done inside the buyer's country (country codes and group ids); the
     * jurisdiction's own code when absent; `none` when the buyer has no home country (a UN
     * organisation), so that no work counts as abroad.
     */
    home: z.union([z.literal("none"), z.array(z.string().min(1)).min(1)]).optional(),
    note: z.string().min(1).optional(),
    sources: z.array(Source).optional(),
  })
  .strict()
  .meta({ id: "Jurisdiction" });
export type Jurisdiction = z.infer<typeof Jurisdiction>;

/** The values a regime sentence may place: the buyer's jurisdiction code and its kind. */
export const REGIME_SENTENCE_VALUES = ["jurisdiction", "kind"] as const;

/**
 * Buyers that bring a regime in: a buyer jurisdiction (a code, or the id of a country group: a buyer
 * whose jurisdiction is one of the group's countries) and, optionally, the buyer kinds. Sentences are
 * plain templates (filled by `fillText`, like reasons): `{{jurisdiction}}` is the buyer's jurisdiction
 * code, `{{kind}}` its kind (or "not given").
 */
export const RegimeBuyers = z
  .object({
    jurisdictions: z.array(z.string().min(1)).min(1),
    /** Only buyers of these kinds; every kind when absent. */
    kinds: z.array(BuyerKind).min(1).optional(),
    /** Why the regime applies, e.g. "the buyer is in the United Kingdom (buyer.jurisdiction = GB)". */
    reason: z.string().min(1),
    /** A buyer in these jurisdictions whose kind is not listed: why the regime does not apply, and a warning. */
    otherKinds: z
      .object({
        reason: z.string().min(1),
        warning: z
          .object({ code: Id, message: z.string().min(1) })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type RegimeBuyers = z.infer<typeof RegimeBuyers>;

/**
 * Which date a regime's instruments (and the sources attributed to it) are read at. `commencement`:
 * the day the procurement commenced (`procurement.commencedOn ?? startDate`), e.g. the UK switch to the
 * Procurement Act 2023 turns on it. `contract-period`: every instrument in force on any day of the
 * contract term (start date to start + duration), so that an instrument starting mid-contract, such
 * as the EU Forced Labour Regulation, is listed.
 */
export const DateBasis = z.enum(["commencement", "contract-period"]);
export type DateBasis = z.infer<typeof DateBasis>;

/**
 * A regime whose legal framework switches on a date held in the library (a date parameter read at the
 * regime's date basis): the regime's reason then says which framework applies.
 */
export const RegimeFramework = z
  .object({
    /** A date parameter of the library (`type: date`), e.g. `gb-new-regime-date`. */
    param: z.string().min(1),
    /** The framework on or after the date. */
    from: z.string().min(1),
    /** The framework before it. */
    before: z.string().min(1),
  })
  .strict();
export type RegimeFramework = z.infer<typeof RegimeFramework>;

/**
 * A legal regime or a buyer-choice module. The order of the library's regimes is the document order
 * of a tender pack.
 */
export const Regime = z
  .object({
    id: RegimeIdSchema,
    name: z.string().min(1),
    /** `regime`: brought in by the buyer (or named in `profile.regimes`); `module`: a buyer choice. */
    kind: z.enum(["regime", "module"]),
    description: z.string().min(1),
    /** The buyers that bring the regime in (none for a module: it applies only when a profile names it). */
    buyers: z.array(RegimeBuyers).default([]),
    dateBasis: DateBasis.default("contract-period"),
    framework: RegimeFramework.optional(),
    /** The instruments the regime uses, each in force on its source's dates. */
    instruments: z.array(Source).min(1),
  })
  .strict()
  .meta({ id: "Regime" });
export type Regime = z.output<typeof Regime>;
export type RegimeInput = z.input<typeof Regime>;
