import * as z from "zod";
import { CountryCode, Id, Source } from "./common.js";
import { BuyerKind, RiskLevel } from "./profile.js";
import { RegimeIdSchema } from "./topics.js";

/**
 * The selection rules as data: the zod schemas of a clause's `selection:` rule, of the conditions it
 * is written in, of the library's shared named conditions and of the risk-scaled parameter rules. The
 * schemas are the single source of the TypeScript types and of the JSON Schema (`schema/rule.json`).
 */

/**
 * How binding a selected clause is for this procurement: `mandatory` (required by law), `policy`
 * (required by a binding policy for this buyer, e.g. a PPN for central government), `recommended`
 * (the risk or the regime's guidance calls for it), `optional` (available, the buyer's choice).
 */
export const Strength = z.enum(["mandatory", "policy", "recommended", "optional"]);
/** How binding a selected clause is: `mandatory`, `policy`, `recommended` or `optional`. */
export type Strength = z.infer<typeof Strength>;

/** The yes/no profile fields a `flag` condition may test. */
export const FLAG_PATHS = [
  "procurement.commercialOffTheShelf",
  "procurement.usDirectivesApply",
  "procurement.labour.recruitmentAgencies",
  "procurement.labour.migrantWorkers",
  "procurement.labour.lowSkilled",
  "procurement.labour.subcontracting",
  "procurement.labour.housingProvided",
  "supplier.sme",
] as const;
/** A yes/no profile field a `flag` condition tests, e.g. `procurement.labour.migrantWorkers`. */
export type FlagPath = (typeof FLAG_PATHS)[number];

/** The profile fields holding an amount (money, or a count such as employees) a `threshold` tests. */
export const AMOUNT_PATHS = [
  "procurement.value",
  "procurement.outsideBuyerCountryValue",
  "supplier.annualTurnover",
  "supplier.totalAssets",
  "supplier.employees",
] as const;
/** A profile field holding an amount, e.g. `supplier.annualTurnover`. */
export type AmountPath = (typeof AMOUNT_PATHS)[number];

/**
 * A reason template: plain text that may use `{{because}}` (the facts that decided, with the profile
 * fields they read), `{{strength}}` (the strength conferred) and `{{regime}}` (why the clause's regime
 * applies). It is read by the same template interpreter, with the same `{{name}}` syntax, as annex
 * reasons and the renderer's phrases.
 */
export const ReasonTemplate = z.string().min(1).meta({
  description:
    "Reason text; may use {{because}}, {{strength}} and {{regime}} (the same template syntax as annex reasons)",
});

/** The variables a reason template may use, as `{{<name>}}`. */
export const REASON_VARIABLES = ["because", "strength", "regime"] as const;

const text = z.string().min(1);

const Always = z
  .object({ kind: z.literal("always") })
  .strict()
  .meta({ description: "Always true: the rule applies to every procurement under the clause's regime." });
const All = z
  .object({
    kind: z.literal("all"),
    get of() {
      return z.array(ConditionSchema).min(1);
    },
  })
  .strict()
  .meta({ description: "True when every condition holds." });
const AnyOf = z
  .object({
    kind: z.literal("any"),
    get of() {
      return z.array(ConditionSchema).min(1);
    },
  })
  .strict()
  .meta({ description: "True when at least one condition holds." });
const Not = z
  .object({
    kind: z.literal("not"),
    get of() {
      return ConditionSchema;
    },
  })
  .strict()
  .meta({ description: "True when the condition does not hold (unknown stays unknown)." });
const Count = z
  .object({
    kind: z.literal("count"),
    atLeast: z.number().int().positive(),
    get of() {
      return z.array(ConditionSchema).min(1);
    },
    /** What the count tests, in words, e.g. "the supplier meets two of the three size tests". */
    label: text,
  })
  .strict()
  .meta({ description: "At least `atLeast` of the conditions hold (e.g. the Canadian two-of-three size test)." });
const Regime = z
  .object({ kind: z.literal("regime"), id: RegimeIdSchema })
  .strict()
  .meta({ description: "The regime or buyer-choice module applies to this procurement." });
const BuyerKindIn = z
  .object({ kind: z.literal("buyer-kind"), in: z.array(BuyerKind).min(1) })
  .strict()
  .meta({ description: "The buyer is of one of these kinds." });
const Category = z
  .object({ kind: z.literal("category"), in: z.array(z.enum(["goods", "services", "works"])).min(1) })
  .strict()
  .meta({ description: "The procurement is for one of these categories." });
const Flag = z
  .object({
    kind: z.literal("flag"),
    path: z.enum(FLAG_PATHS),
    /** The fact in words when the field is true. */
    yes: text,
    /** The fact in words when the field is false or not set. */
    no: text,
  })
  .strict()
  .meta({ description: "A yes/no profile field is true (absent counts as no); `yes`/`no` describe the two states." });
const Risk = z
  .object({ kind: z.literal("risk"), atLeast: RiskLevel })
  .strict()
  .meta({ description: "The assessed (or the buyer's own) risk level is at least this level." });
const Selected = z
  .object({ kind: z.literal("selected"), clause: Id, strengths: z.array(Strength).min(1).optional() })
  .strict()
  .meta({ description: "Another clause of the library was selected (optionally only with one of these strengths)." });
const Abroad = z
  .object({ kind: z.literal("abroad") })
  .strict()
  .meta({ description: "Part of the work is done (or goods made) outside the buyer's country." });
const Threshold = z
  .object({
    kind: z.literal("threshold"),
    /** A dated parameter of the library (`parameters.yaml`), read at the profile's start date. */
    param: Id,
    amount: z.enum(AMOUNT_PATHS),
    test: z.enum(["exceeds", "at-least"]),
    /** The amount in words, e.g. "the value performed outside the US". */
    subject: text,
    /** What a missing amount means: `false`, `unknown`, or `false-unless-abroad` (unknown when work is abroad). */
    ifAbsent: z.enum(["false", "unknown", "false-unless-abroad"]),
    /** A wording difference to point out when the amount sits exactly on the threshold. */
    boundaryNote: text.optional(),
  })
  .strict()
  .meta({
    description:
      "An amount tested against a dated parameter of the library, in the parameter's currency (converted with the profile's own rates; never guessed).",
  });
const DateCondition = z
  .object({
    kind: z.literal("date"),
    /** Which date of the procurement: its start, the last day of its term, or the day it commenced. */
    of: z.enum(["start", "end", "commenced"]),
    /** A date parameter of the library (`type: date`, an ISO date) holding the legal date. */
    param: Id,
    /** The legal date in words, e.g. "the day Regulation (EU) 2024/3015 applies". */
    label: text,
  })
  .strict()
  .meta({ description: "A date of the procurement is on or after a legal date held in the library." });
const BusinessIn = z
  .object({ kind: z.literal("business-in"), country: CountryCode, label: text })
  .strict()
  .meta({
    description: "The supplier carries on business in the country (`supplier.businessIn`); assumed when not given.",
  });
const Ref = z
  .object({ kind: z.literal("ref"), id: Id })
  .strict()
  .meta({ description: "A named condition of the library (`conditions.yaml`), e.g. `recruitment-agencies`." });

/**
 * A rule condition, as data. Conditions evaluate to yes / no / unknown and explain themselves in plain
 * words, naming the profile fields they read. `ref` stands for a shared named condition of the library.
 */
export const ConditionSchema = z
  .discriminatedUnion("kind", [
    Always,
    All,
    AnyOf,
    Not,
    Count,
    Regime,
    BuyerKindIn,
    Category,
    Flag,
    Risk,
    Selected,
    Abroad,
    Threshold,
    DateCondition,
    BusinessIn,
    Ref,
  ])
  .meta({ id: "Condition", title: "Fairtender rule condition" });
/** A rule condition (see {@link ConditionSchema}). */
export type Condition = z.infer<typeof ConditionSchema>;

/** Every condition `kind`, in the order of the vocabulary. */
export const CONDITION_KINDS = ConditionSchema.options.map((o) => o.shape.kind.value);

/** A shared, named condition of the library, used in rules as `{ kind: ref, id: <id> }`. */
export const NamedConditionSchema = z
  .object({
    id: Id,
    /** What the condition stands for, for the library's editors. */
    description: text,
    condition: ConditionSchema,
  })
  .strict()
  .meta({ id: "NamedCondition" });
/** A shared, named condition of the library (see {@link NamedConditionSchema}). */
export type NamedCondition = z.infer<typeof NamedConditionSchema>;

/** One branch of a rule: a condition and the strength it confers. */
export const RuleBranchSchema = z
  .object({
    if: ConditionSchema,
    strength: Strength,
    /** Select with this strength when `if` cannot be decided from the profile. */
    ifUnknown: Strength.optional(),
    /**
     * A companion branch only brings the clause along with another one (e.g. a clause another refers
     * to); when it does not hold it is left out of the why-not, which would otherwise name unrelated clauses.
     */
    companion: z.boolean().optional(),
    /** Overrides the rule's `why` for this branch. */
    why: ReasonTemplate.optional(),
    /** Extra sources for this branch (keys of `sources.yaml` in the library files). */
    sources: z.array(Source).optional(),
  })
  .strict()
  .meta({ id: "RuleBranch" });
/** One branch of a rule (see {@link RuleBranchSchema}). */
export type RuleBranch = z.infer<typeof RuleBranchSchema>;

/**
 * A clause's selection rule (the `selection:` key of a clause file). `when` lists branches tried in
 * order; the first whose condition holds selects the clause with that branch's strength. A branch with
 * `ifUnknown` also selects (with that strength) when its condition cannot be decided from the profile.
 * When no branch selects, the clause is excluded with `whyNot`.
 */
export const RuleSchema = z
  .object({
    /** Stable rule id, quoted in every reason (unique in the library). */
    id: Id,
    /** How other rules and reasons name the clause, e.g. "FAR 52.222-50" or "the flow-down clause". */
    label: text,
    /**
     * `clause-regimes` (default): the clause can be selected only when one of its regimes applies.
     * `any-regime`: whenever any regime applies (e.g. the ILO indicator checklist, also used at high risk).
     */
    gate: z.enum(["clause-regimes", "any-regime"]).optional(),
    when: z.array(RuleBranchSchema).min(1),
    /** Why the clause is included: default text for every branch. */
    why: ReasonTemplate,
    /** Why it is included when the condition could not be decided (`ifUnknown` branches). */
    whyUnknown: ReasonTemplate.optional(),
    /** Why it is left out. */
    whyNot: ReasonTemplate,
    /** The rule's legal basis (keys of `sources.yaml` in the library files). */
    sources: z.array(Source).default([]),
    /** When a module clause is not selected: suggest the module when this holds (the module's own scope). */
    suggest: z.object({ when: ConditionSchema, text }).strict().optional(),
    /** Warnings raised whenever the clause is selected (e.g. a rule resting on secondary facts). */
    warnWhenSelected: z.array(z.object({ code: Id, message: text }).strict()).optional(),
    /**
     * What the clause asks of a small supplier, when that can weigh heavily on an SME: with an SME
     * supplier, selecting the clause raises an `sme-proportionality` warning naming it, worded by the
     * library's `warnings` (`library/warnings.yaml`).
     */
    smeBurden: text.optional(),
  })
  .strict()
  .meta({ id: "Rule", title: "Fairtender selection rule" });
/** A clause's selection rule, parsed (see {@link RuleSchema}). */
export type Rule = z.output<typeof RuleSchema>;
/** A clause's selection rule as written (`sources` may be omitted). */
export type RuleInput = z.input<typeof RuleSchema>;

/** The obligation timing fields a parameter rule may drive. */
export const TIMING_FIELDS = ["on-event.withinHours", "recurring.everyMonths", "within.days"] as const;

/**
 * A risk-scaled parameter rule, written next to the parameter's declaration in a clause: values by
 * risk level (`byRisk`; a level not listed keeps the default), why (`why`, required with a rule), and
 * the obligation timing the parameter drives (`timing`): obligations of the clause whose timing has this
 * field equal to the default (times `factor`, e.g. 24 for days driving a limit in hours) take the
 * resolved value (times `factor`).
 */
export const ParameterRuleSchema = z
  .object({
    byRisk: z
      .object({ low: z.number().int(), medium: z.number().int(), high: z.number().int() })
      .partial()
      .strict()
      .optional(),
    why: text.optional(),
    timing: z
      .object({ field: z.enum(TIMING_FIELDS), factor: z.number().int().positive().optional() })
      .strict()
      .optional(),
  })
  .strict()
  .meta({ id: "ParameterRule" });
/** A risk-scaled parameter rule (see {@link ParameterRuleSchema}). */
export type ParameterRule = z.infer<typeof ParameterRuleSchema>;
