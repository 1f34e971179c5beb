import * as z from "zod";
import { Annex, PackWording } from "./annex.js";
import { Confidence, DatedParameter, Id, IsoDate, SemVer, Source } from "./common.js";
import { CountryGroup, Jurisdiction, Regime } from "./regime.js";
import { NamedConditionSchema, ParameterRuleSchema, RuleSchema } from "./rule.js";
import { SECTOR_IDS } from "./sectors.js";
import { RegimeIdSchema, Topic } from "./topics.js";
import { WarningWording } from "./warning.js";

/** Who carries an obligation. */
export const Party = z.enum(["supplier", "subcontractor", "buyer"]);
export type Party = z.infer<typeof Party>;

/**
 * When an obligation falls due. `before-award` and `at-signature` are one-off steps in the
 * procurement; `within` counts days from an event (`award`, `start`, `request`, `event`); `recurring`
 * repeats every N months from the contract start; `on-event` is triggered by something happening
 * (an allegation, a subcontract) and must be done within a time limit; `ongoing` applies throughout.
 */
export const Timing = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("before-award") }).strict(),
    z.object({ kind: z.literal("at-signature") }).strict(),
    z
      .object({
        kind: z.literal("within"),
        days: z.number().int().positive(),
        from: z.enum(["award", "start", "request", "end"]),
      })
      .strict(),
    z
      .object({
        kind: z.literal("recurring"),
        everyMonths: z.number().int().positive(),
        /** Months after the start date of the first occurrence; defaults to `everyMonths`. */
        firstAfterMonths: z.number().int().nonnegative().optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal("on-event"),
        event: z.string().min(1),
        /** Time limit after the event, in hours (0 = immediately). Absent: without undue delay. */
        withinHours: z.number().int().nonnegative().optional(),
      })
      .strict(),
    z.object({ kind: z.literal("ongoing") }).strict(),
  ])
  .meta({ id: "Timing" });
export type Timing = z.infer<typeof Timing>;

/** How far an obligation is passed down the supply chain. */
export const FlowDown = z
  .object({
    required: z.boolean(),
    /** `all` tiers (e.g. FAR 52.222-50(i)), or the number of tiers below the supplier. */
    tiers: z.union([z.literal("all"), z.number().int().positive()]).optional(),
    /** Also to the supplier's agents (recruiters, brokers), not only subcontractors. */
    agents: z.boolean().optional(),
  })
  .strict();
export type FlowDown = z.infer<typeof FlowDown>;

/** A supplier (or buyer) obligation created by a clause. */
export const Obligation = z
  .object({
    id: Id,
    topic: Topic,
    party: Party,
    /** The action in plain words, e.g. "Report credible information of a violation to the buyer." */
    action: z.string().min(1),
    timing: Timing,
    /** What shows the obligation was met. At least one item (a lint error otherwise). */
    evidence: z.array(z.string().min(1)),
    flowsDown: FlowDown,
    sources: z.array(Source).min(1),
  })
  .strict()
  .meta({ id: "Obligation" });
export type Obligation = z.infer<typeof Obligation>;

/**
 * A typed, named value a clause's text uses, with a default and allowed range. An integer parameter
 * may carry its selection rule: values by risk level (`byRisk`), why (`why`) and the obligation timing
 * it drives (`timing`), see {@link ParameterRuleSchema}.
 */
export const ClauseParameter = z
  .discriminatedUnion("type", [
    z
      .object({
        type: z.literal("integer"),
        description: z.string().min(1),
        unit: z.enum(["hours", "days", "months", "tiers", "years"]).optional(),
        default: z.number().int(),
        min: z.number().int().optional(),
        max: z.number().int().optional(),
        // The parameter's risk-scaled rule, next to its declaration (see ParameterRuleSchema).
        ...ParameterRuleSchema.shape,
      })
      .strict(),
    z
      .object({
        type: z.literal("string"),
        description: z.string().min(1),
        default: z.string(),
      })
      .strict(),
    z
      .object({
        type: z.literal("string-list"),
        description: z.string().min(1),
        default: z.array(z.string()),
      })
      .strict(),
    z
      .object({
        type: z.literal("boolean"),
        description: z.string().min(1),
        default: z.boolean(),
      })
      .strict(),
  ])
  .meta({ id: "ClauseParameter" });
export type ClauseParameter = z.infer<typeof ClauseParameter>;
export type ParameterValue = number | string | string[] | boolean;

/**
 * Clause text: an optional unnumbered lead-in, then numbered sub-clauses (rendered 7.1, 7.2), each
 * with optional lettered items (7.1(a)). Text leaves are Handlebars templates that may use
 * `{{params.name}}`, `{{ref "clause-id"}}` (a cross-reference rendered as the computed clause
 * number) and `{{term "term-id"}}` (a defined term). Nothing else: structure is data.
 */
export const ClauseBody = z
  .object({
    intro: z.string().min(1).optional(),
    subclauses: z
      .array(
        z
          .object({
            text: z.string().min(1),
            items: z.array(z.string().min(1)).optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .refine((b) => b.intro !== undefined || b.subclauses.length > 0, {
    error: "a clause needs some text",
    params: { code: "missing", expected: "an intro or at least one subclause" },
  });
export type ClauseBody = z.infer<typeof ClauseBody>;

/**
 * A contract clause (or solicitation provision) in the library.
 *
 * Versioning policy (semver): **patch** = wording changed without a change of meaning; **minor** =
 * additive option (a new parameter with a default that keeps the old meaning, a new regime served);
 * **major** = change of meaning, of parameters' shape or defaults, or of the obligations created.
 */
export const Clause = z
  .object({
    id: Id,
    version: SemVer,
    title: z.string().min(1),
    topic: Topic,
    /** `clause` goes in the contract; `provision` is a solicitation provision answered before award. */
    kind: z.enum(["clause", "provision"]).default("clause"),
    regimes: z.array(RegimeIdSchema).min(1),
    body: ClauseBody,
    parameters: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), ClauseParameter).default({}),
    sources: z.array(Source).min(1),
    /** For the legal team: what the clause does, choices to make, and any unconfirmed fact it rests on. */
    draftingNote: z.string().min(1),
    /** Ids of defined terms the text uses. */
    terms: z.array(Id).default([]),
    obligations: z.array(Obligation).default([]),
    /** Clauses this one refers to (must match the `{{ref}}`s in the text, and may list more). */
    related: z.array(Id).default([]),
    /** Instruments this clause incorporates by reference (listed in the annex of incorporated instruments). */
    incorporates: z.array(Source).default([]),
    effectiveFrom: IsoDate.optional(),
    effectiveTo: IsoDate.optional(),
    /** When the clause is selected, and why (see {@link RuleSchema}); a clause without one is never selected. */
    selection: RuleSchema.optional(),
  })
  .strict()
  .meta({ id: "Clause", title: "Fairtender clause" });
export type Clause = z.output<typeof Clause>;
export type ClauseInput = z.input<typeof Clause>;

/** A defined term, collected into the Definitions section only when a selected clause uses it. */
export const Definition = z
  .object({
    id: Id,
    term: z.string().min(1),
    /** Plain-language meaning, in the library's own words. */
    text: z.string().min(1),
    sources: z.array(Source).min(1),
    /** Other terms this definition uses. */
    terms: z.array(Id).default([]),
  })
  .strict()
  .meta({ id: "Definition" });
export type Definition = z.infer<typeof Definition>;

/** A sector with its forced-labour risk signal. */
export const Sector = z
  .object({
    id: z.enum(SECTOR_IDS),
    name: z.string().min(1),
    risk: z.enum(["low", "medium", "high"]),
    /** Why the sector carries that signal, in plain words. */
    signal: z.string().min(1),
    sources: z.array(Source).min(1),
  })
  .strict()
  .meta({ id: "Sector" });
export type Sector = z.infer<typeof Sector>;

/** A country's risk band (e.g. Global Slavery Index 2023 prevalence), with its source. */
export const CountryRisk = z
  .object({
    country: z.string().regex(/^[A-Z]{2}$/),
    band: z.enum(["low", "medium", "high"]),
    note: z.string().min(1).optional(),
  })
  .strict();

/** A good on the US DOL list for a country. */
export const ListedGood = z
  .object({
    good: z.string().min(1),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
    forcedLabour: z.boolean(),
    childLabour: z.boolean(),
  })
  .strict();

/** A factor's weight: what it adds to the risk score when it fires. */
const RiskWeight = z.number().min(0);

/** A factor weighed by the band of what it matched (a sector's risk, a country's band). */
const BandedFactor = z
  .object({ weight: z.object({ high: RiskWeight, medium: RiskWeight, low: RiskWeight }).strict() })
  .strict();

/** A factor whose source is the table it matches against (`listedGoods.source`). */
const ListedFactor = z.object({ weight: RiskWeight }).strict();

/**
 * A factor read from the profile (a workforce signal, work abroad, subcontracting), with the source
 * it rests on. The factor prints its source as its citation followed by its provision in brackets,
 * e.g. `PPN 02/23 / PPN 009 modern slavery guidance, Table 1 (nature of the workforce)`.
 */
const SignalFactor = z.object({ weight: RiskWeight, source: Source }).strict();

/** The score at which each level starts: `medium` from `medium`, `high` from `high`. */
export const RiskBands = z
  .object({ medium: z.number().positive(), high: z.number().positive() })
  .strict()
  .refine((b) => b.medium <= b.high, {
    path: ["high"],
    error: "is below medium (the high band cannot start before the medium one)",
    params: { code: "invalid-value", expected: "a score at or above medium" },
  })
  .meta({ id: "RiskBands" });
/** The band cut-offs on the risk score (see {@link RiskBands}). */
export type RiskBands = z.infer<typeof RiskBands>;

/**
 * The risk model (`library/risk.yaml` `model:`): each factor's weight and, for the factors read from
 * the profile, its source; the bands of the score; and the sources of the method. The score is the
 * sum of the weights of the factors that fired; the level follows the bands. A sector's, a country's
 * and a listed good's factor cite their own table's source (sectors.yaml, `countryRisk`,
 * `listedGoods`).
 */
export const RiskModel = z
  .object({
    /** The method's basis (e.g. the risk-tiered approach of the UK guidance). */
    sources: z.array(Source).min(1),
    bands: RiskBands,
    factors: z
      .object({
        /** The riskiest sector named (library `sectors[].risk`): one factor for all sectors, at its band. */
        sector: BandedFactor,
        /** A commodity on the US DOL List of Goods for a sourcing country, listed for forced labour. */
        commodityForcedLabour: ListedFactor,
        /** A commodity on the DOL list for a sourcing country, listed for child labour only. */
        commodityChildLabour: ListedFactor,
        /** A commodity on the DOL list for some country, with no sourcing country given to match. */
        commodityListedElsewhere: ListedFactor,
        /** The riskiest sourcing country in the library's country-risk table, at its band. */
        country: BandedFactor,
        /** Workers hired through recruitment or labour agencies. */
        recruitmentAgencies: SignalFactor,
        /** Migrant workers expected. */
        migrantWorkers: SignalFactor,
        /** Largely low-skilled work. */
        lowSkilled: SignalFactor,
        /** Housing provided or arranged for workers. */
        housingProvided: SignalFactor,
        /** Work done or goods made outside the buyer's country. */
        workAbroad: SignalFactor,
        /** Subcontracting expected (a longer, less visible supply chain). */
        subcontracting: SignalFactor,
      })
      .strict(),
  })
  .strict()
  .meta({ id: "RiskModel" });
export type RiskModel = z.infer<typeof RiskModel>;

/** The weight of each risk factor, by factor (the shape `assessRisk`'s `weights` option takes). */
export type RiskWeights = { [F in keyof RiskModel["factors"]]: RiskModel["factors"][F]["weight"] };

/** The library's risk data: the country-risk and listed-goods tables and the risk model. */
export const RiskTables = z
  .object({
    countryRisk: z.object({ source: Source, countries: z.array(CountryRisk) }).strict(),
    listedGoods: z.object({ source: Source, goods: z.array(ListedGood) }).strict(),
    model: RiskModel,
  })
  .strict();
export type RiskTables = z.infer<typeof RiskTables>;

/** A whole clause library: the built-in one, a user's own, or the two merged. */
export const Library = z
  .object({
    version: SemVer,
    clauses: z.array(Clause),
    definitions: z.array(Definition),
    /** Regimes and buyer-choice modules, in document order. */
    regimes: z.array(Regime),
    /** Buyer jurisdictions a profile may name, in the order tools list them. */
    jurisdictions: z.array(Jurisdiction),
    /** Named sets of countries (e.g. the EU member states) that regimes and jurisdictions refer to. */
    countryGroups: z.array(CountryGroup).default([]),
    sectors: z.array(Sector),
    parameters: z.array(DatedParameter).default([]),
    /** Shared named conditions that rules use as `{ kind: ref, id }` (`conditions.yaml`). */
    conditions: z.array(NamedConditionSchema).default([]),
    risk: RiskTables,
    /** The pack's annexes, in document order (library/annexes.yaml). */
    annexes: z.array(Annex).default([]),
    /** The pack's own wording that states legal effect (library/pack.yaml). */
    wording: z.array(PackWording).default([]),
    /** The wording of the warnings that state the law (library/warnings.yaml). */
    warnings: z.array(WarningWording).default([]),
  })
  .strict()
  .meta({ id: "Library" });
export type Library = z.output<typeof Library>;
export type LibraryInput = z.input<typeof Library>;

export { Confidence, CountryGroup, Jurisdiction, Regime };
