import * as z from "zod";
import { hasVisibleCharacter, stripSpoofing } from "../text.js";
import { CountryCode, CurrencyCode, JurisdictionCode, Money, ProcurementDate } from "./common.js";
import { SECTOR_IDS } from "./sectors.js";
import { RegimeIdSchema } from "./topics.js";

const sectorSet: ReadonlySet<string> = new Set(SECTOR_IDS);

/**
 * A text value people read (a name, a title): trimmed, not empty, and with at least one visible
 * character (not only controls, format characters, white space or noncharacters such as U+FFFE).
 * `what` names the value in the message: "Enter a buyer name with at least one visible character".
 */
function visibleText(what: string) {
  return z
    .string()
    .trim()
    .min(1, { error: "must not be empty" })
    .refine((s) => s === "" || hasVisibleCharacter(s), {
      error: `has no visible character (enter ${what} with at least one visible character)`,
      params: { code: "invisible-text", expected: "text with at least one visible character" },
    });
}

export const BUYER_KINDS = [
  "federal-executive-agency",
  "central-government",
  "local-government",
  "nhs-body",
  "un-agency",
  "other",
] as const;
export const BuyerKind = z.enum(BUYER_KINDS);
export type BuyerKind = z.infer<typeof BuyerKind>;

export const RiskLevel = z.enum(["low", "medium", "high"]);
export type RiskLevel = z.infer<typeof RiskLevel>;

const SectorRef = z
  .string()
  .refine((s) => sectorSet.has(s), {
    error: "is not a known sector",
    params: { code: "unknown-sector", expected: "a sector of the library" },
  })
  .meta({ description: "Sector id from the library's sector list", enum: [...SECTOR_IDS] });

/** `BASE/QUOTE`: one unit of BASE is worth `rate` units of QUOTE, e.g. `{ "GBP/USD": 1.27 }`. */
const ExchangeRateKey = z
  .string()
  .regex(/^[A-Z]{3}\/[A-Z]{3}$/, { error: 'is not a currency pair written "BASE/QUOTE" (expected e.g. "GBP/USD")' })
  .refine(
    (k) => {
      const [a, b] = k.split("/");
      return CurrencyCode.safeParse(a).success && CurrencyCode.safeParse(b).success && a !== b;
    },
    {
      error: "names a currency that is not an ISO 4217 code",
      params: { code: "unknown-currency", expected: "two different ISO 4217 currency codes" },
    },
  );

export const Labour = z
  .object({
    /** Workers are hired through recruitment or labour agencies. */
    recruitmentAgencies: z.boolean().optional(),
    /** Migrant workers (not nationals of the country of work) are expected. */
    migrantWorkers: z.boolean().optional(),
    /** The work is largely low-skilled. */
    lowSkilled: z.boolean().optional(),
    /** The supplier is expected to subcontract part of the work or supply. */
    subcontracting: z.boolean().optional(),
    /** The supplier or a subcontractor provides or arranges housing for workers. */
    housingProvided: z.boolean().optional(),
  })
  .strict();

export const Buyer = z
  .object({
    name: visibleText("a buyer name"),
    /** Where the buyer sits: a jurisdiction code of the library (`US`, `GB`, `UN`, `EU`, `DE`...); picks the regimes. */
    jurisdiction: JurisdictionCode,
    kind: BuyerKind.optional(),
  })
  .strict();

export const Procurement = z
  .object({
    title: visibleText("a title"),
    /** The buyer's reference for the procurement; bidirectional controls and zero-width characters are removed. */
    reference: z.string().overwrite(stripSpoofing).pipe(visibleText("a reference")).optional(),
    category: z.enum(["goods", "services", "works"]),
    /** Estimated total contract value. */
    value: Money,
    /** The part supplied or performed outside the buyer's country (for the US: outside the United States). */
    outsideBuyerCountryValue: Money.optional(),
    /** The acquisition is entirely commercially available off-the-shelf (COTS) items (FAR 52.222-50(a)). */
    commercialOffTheShelf: z.boolean().optional(),
    /**
     * The contracting officer has been told of US directives or notices on trafficking (e.g. general
     * orders, off-limits lists) that apply at the place of performance abroad (FAR 22.1705(a)(2), Alternate I).
     */
    usDirectivesApply: z.boolean().optional(),
    sectors: z.array(SectorRef).default([]),
    /** Commodities supplied or used, free text matched against the DOL list, e.g. `cotton`, `polysilicon`. */
    commodities: z.array(visibleText("a commodity")).default([]),
    /** Where goods are made or the work is done. */
    countries: z.array(CountryCode).default([]),
    labour: Labour.default({}),
    /** Contract start date: picks date-effective rules and thresholds. */
    startDate: ProcurementDate,
    /** The day the procurement was started (notice published); defaults to `startDate`. */
    commencedOn: ProcurementDate.optional(),
    durationMonths: z.number().int().positive().max(600).optional(),
  })
  .strict();

export const Supplier = z
  .object({
    name: visibleText("a supplier name").optional(),
    /** Group turnover / consolidated revenue for the last financial year. */
    annualTurnover: Money.optional(),
    totalAssets: Money.optional(),
    employees: z.number().int().nonnegative().optional(),
    sme: z.boolean().optional(),
    /** Countries where the supplier carries on business (for UK s.54, Australian and Canadian reporting). */
    businessIn: z.array(CountryCode).optional(),
  })
  .strict();

/** What a buyer tells us about a procurement. The input to risk assessment and clause selection. */
export const TenderProfile = z
  .object({
    buyer: Buyer,
    procurement: Procurement,
    supplier: Supplier.optional(),
    /** Override the regimes derived from the buyer (and add buyer-choice modules such as `aba-mcc2`). */
    regimes: z.array(RegimeIdSchema).min(1).optional(),
    /** Buyer-choice modules added to the derived regimes, e.g. `[aba-mcc2, ilo-fair-recruitment]`. */
    modules: z.array(RegimeIdSchema).optional(),
    /** `{ "GBP/USD": 1.27 }`: used only to test thresholds set in another currency; never guessed. */
    exchangeRates: z.record(ExchangeRateKey, z.number().finite().positive()).optional(),
    /** The buyer's own risk assessment, which overrides the computed level and is recorded as the basis. */
    risk: z
      .object({ level: RiskLevel, basis: visibleText("the basis of the assessment") })
      .strict()
      .optional(),
  })
  .strict()
  .meta({ id: "TenderProfile", title: "Fairtender tender profile" });

/** A validated tender profile (defaults applied). */
export type TenderProfile = z.output<typeof TenderProfile>;
/** What a caller may pass in: optional lists may be omitted. */
export type TenderProfileInput = z.input<typeof TenderProfile>;
