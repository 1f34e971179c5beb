import * as z from "zod";
import { Clause, Definition, FlowDown, Obligation, Party, Timing } from "./clause.js";
import { Id, IsoDate, SemVer, Source } from "./common.js";
import { RiskLevel, TenderProfile } from "./profile.js";
import { Strength } from "./rule.js";
import { RegimeIdSchema, Topic } from "./topics.js";

/** A piece of running text after parameters are filled in. */
export const Inline = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("text"), value: z.string() }).strict(),
    /** A cross-reference to another clause, rendered as that clause's computed number. */
    z.object({ type: z.literal("ref"), clause: Id }).strict(),
    /** A use of a defined term, rendered as the term's name. */
    z.object({ type: z.literal("term"), term: Id, text: z.string().min(1) }).strict(),
  ])
  .meta({ id: "Inline" });
export type Inline = z.infer<typeof Inline>;

/** Clause text with parameters resolved: the shape of `ClauseBody`, with inline runs for leaves. */
export const ResolvedBody = z
  .object({
    intro: z.array(Inline).optional(),
    subclauses: z.array(z.object({ text: z.array(Inline), items: z.array(z.array(Inline)).default([]) }).strict()),
  })
  .strict();
export type ResolvedBody = z.infer<typeof ResolvedBody>;

const JsonScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** The profile fields a rule read, by path (`procurement.value.amount`), with the values it saw. */
export const RuleInputs = z.record(z.string(), z.union([JsonScalar, z.array(JsonScalar)]));

/** Why something was selected or left out: the rule, a plain explanation, what it read, and its source. */
export const Reason = z
  .object({
    rule: z.string().min(1),
    text: z.string().min(1),
    inputs: RuleInputs.default({}),
    sources: z.array(Source).default([]),
  })
  .strict()
  .meta({ id: "Reason" });
export type Reason = z.infer<typeof Reason>;

// The strength vocabulary belongs to the rules (model/rule.ts); a selection records it.
export { Strength };

/** A parameter's value in this selection, and why it has that value. */
export const ResolvedParameter = z
  .object({
    value: z.union([z.number(), z.string(), z.array(z.string()), z.boolean()]),
    default: z.union([z.number(), z.string(), z.array(z.string()), z.boolean()]),
    reason: z.string().min(1).optional(),
  })
  .strict();
export type ResolvedParameter = z.infer<typeof ResolvedParameter>;

export const SelectedClause = z
  .object({
    id: Id,
    version: SemVer,
    title: z.string(),
    topic: Topic,
    kind: z.enum(["clause", "provision"]),
    regimes: z.array(RegimeIdSchema),
    strength: Strength,
    reasons: z.array(Reason).min(1),
    body: ResolvedBody,
    parameters: z.record(z.string(), ResolvedParameter),
    sources: z.array(Source),
    draftingNote: z.string(),
    terms: z.array(Id),
    related: z.array(Id),
    incorporates: z.array(Source),
    obligations: z.array(Obligation),
  })
  .strict()
  .meta({ id: "SelectedClause" });
export type SelectedClause = z.infer<typeof SelectedClause>;

export const ExcludedClause = z
  .object({
    id: Id,
    version: SemVer,
    title: z.string(),
    topic: Topic,
    regimes: z.array(RegimeIdSchema),
    sources: z.array(Source),
    reasons: z.array(Reason).min(1),
  })
  .strict()
  .meta({ id: "ExcludedClause" });
export type ExcludedClause = z.infer<typeof ExcludedClause>;

/** A regime or instrument citation that a harmonised obligation meets. */
export const Satisfies = z
  .object({ regime: RegimeIdSchema, citation: z.string().min(1), clause: Id.optional() })
  .strict();
export type Satisfies = z.infer<typeof Satisfies>;

/** One row of the harmonised obligation schedule: obligations on one topic from several regimes, merged. */
export const ScheduledObligation = z
  .object({
    id: Id,
    topic: Topic,
    party: Party,
    action: z.string().min(1),
    timing: Timing,
    /** The timing in words, e.g. "Every 12 months from the start date". */
    timingText: z.string().min(1),
    evidence: z.array(z.string()),
    flowsDown: FlowDown,
    /** Selected clauses that create this obligation. */
    clauses: z.array(Id).min(1),
    /**
     * The regimes applicable to this tender that the obligation meets, each with its citation. May be
     * empty for good practice that no applicable regime's instrument names (the row's `sources` still
     * cite where it comes from). No citation is lost in a merge: every source is in `sources`.
     */
    satisfies: z.array(Satisfies),
    /** Ids of the library obligations merged into this row. */
    mergedFrom: z.array(Id).min(1),
    sources: z.array(Source).min(1),
  })
  .strict()
  .meta({ id: "ScheduledObligation" });
export type ScheduledObligation = z.infer<typeof ScheduledObligation>;

export const RegimeDecision = z
  .object({
    id: RegimeIdSchema,
    name: z.string(),
    kind: z.enum(["regime", "module"]),
    reasons: z.array(z.string().min(1)).min(1),
    /** Instruments in force for this procurement's dates. */
    instruments: z.array(Source),
  })
  .strict();
export type RegimeDecision = z.infer<typeof RegimeDecision>;

export const RiskFactor = z
  .object({
    id: z.string().min(1),
    description: z.string().min(1),
    weight: z.number(),
    /** Citation of the data the factor rests on, e.g. "US DOL List of Goods (2024-09-05)". */
    source: z.string().min(1),
    inputs: RuleInputs.default({}),
  })
  .strict();
export type RiskFactor = z.infer<typeof RiskFactor>;

export const RiskAssessment = z
  .object({
    level: RiskLevel,
    /** The level the factors give, before any buyer override. */
    computedLevel: RiskLevel,
    score: z.number(),
    factors: z.array(RiskFactor),
    /** `computed` from the factors, or the buyer's own assessment (with its stated basis). */
    basis: z.string().min(1),
    overridden: z.boolean(),
  })
  .strict()
  .meta({ id: "RiskAssessment" });
export type RiskAssessment = z.infer<typeof RiskAssessment>;

export const SelectionWarning = z
  .object({
    code: z.string().min(1),
    message: z.string().min(1),
    /** The clause, rule or profile field concerned. */
    subject: z.string().optional(),
  })
  .strict();
export type SelectionWarning = z.infer<typeof SelectionWarning>;

/**
 * A piece of annex or pack wording after values are filled in: text, a reference to a clause (printed
 * as the clause's number) or to an annex (printed as the annex's letter).
 */
export const WordingInline = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("text"), value: z.string() }).strict(),
    z.object({ type: z.literal("ref"), clause: Id }).strict(),
    z.object({ type: z.literal("annex"), annex: Id }).strict(),
  ])
  .meta({ id: "WordingInline" });
export type WordingInline = z.infer<typeof WordingInline>;

/** Filled-in wording: a run of {@link WordingInline}s. */
export const Wording = z.array(WordingInline);
export type Wording = z.infer<typeof Wording>;

/** The library entry's id. */
const entryId = { id: Id };
/** Why the entry is in the pack, with its sources. */
const entryReasons = { reasons: z.array(Reason).min(1) };

/** An entry of a selected annex, with its reason. */
export const SelectedAnnexEntry = z
  .discriminatedUnion("kind", [
    z.object({ ...entryId, kind: z.literal("declaration"), text: Wording, ...entryReasons }).strict(),
    z.object({ ...entryId, kind: z.literal("certification"), text: Wording, ...entryReasons }).strict(),
    /** A line taken from the obligation schedule: `obligation` is the id of a row of `obligations`. */
    z.object({ ...entryId, kind: z.literal("obligation"), obligation: Id, ...entryReasons }).strict(),
    z
      .object({
        ...entryId,
        kind: z.literal("plan-element"),
        title: z.string().min(1),
        /** The element's citation, e.g. "FAR 52.222-50(h)(3)(i)". */
        citation: z.string().min(1),
        text: Wording,
        ...entryReasons,
      })
      .strict(),
    z.object({ ...entryId, kind: z.literal("question"), text: Wording, ...entryReasons }).strict(),
  ])
  .meta({ id: "SelectedAnnexEntry" });
export type SelectedAnnexEntry = z.infer<typeof SelectedAnnexEntry>;

/** A selected annex of one layout: its filled-in wording by name, its entries and why it is in the pack. */
function selectedAnnex<L extends string, T extends Record<string, typeof Wording>>(layout: L, text: T) {
  return z
    .object({
      id: Id,
      layout: z.literal(layout),
      title: z.string().min(1),
      text: z.object(text).strict(),
      entries: z.array(SelectedAnnexEntry),
      /** Why the annex is in the pack, with its sources. */
      reasons: z.array(Reason).min(1),
    })
    .strict();
}

/**
 * An annex of the pack for this procurement, from the library: its wording filled in and the entries
 * that apply, each with its reason. `layout` says how the renderer sets it out.
 */
export const SelectedAnnex = z
  .discriminatedUnion("layout", [
    selectedAnnex("declaration", { intro: Wording, lead: Wording, signature: Wording }).extend({
      titleWithProvisions: z.string().min(1),
    }),
    selectedAnnex("plan", { intro: Wording, closing: Wording }),
    selectedAnnex("questionnaire", { intro: Wording }),
    selectedAnnex("flow-down", { intro: Wording, none: Wording }),
    selectedAnnex("instruments", { intro: Wording }).omit({ entries: true }),
  ])
  .meta({ id: "SelectedAnnex" });
export type SelectedAnnex = z.infer<typeof SelectedAnnex>;

/** A piece of the pack's own wording, filled in (see the library's `pack.yaml`). */
export const SelectedWording = z
  .object({ id: Id, text: Wording, sources: z.array(Source) })
  .strict()
  .meta({ id: "SelectedWording" });
export type SelectedWording = z.infer<typeof SelectedWording>;

/**
 * The result of `select(profile)`: what applies, what goes in, what was left out, and why.
 * Deterministic for the same profile, options and library.
 */
export const Selection = z
  .object({
    profile: TenderProfile,
    /** The date rules and thresholds were read at (the profile's start date). */
    asOf: IsoDate,
    libraryVersion: SemVer,
    regimes: z.array(RegimeDecision),
    risk: RiskAssessment,
    clauses: z.array(SelectedClause),
    excluded: z.array(ExcludedClause),
    obligations: z.array(ScheduledObligation),
    /** Definitions of the terms the selected clauses use (transitively), sorted by term. */
    definitions: z.array(Definition),
    warnings: z.array(SelectionWarning),
    /** The annexes of the pack, in document order, each with its reason. */
    annexes: z.array(SelectedAnnex),
    /** The pack's own wording that states legal effect, filled in. */
    wording: z.array(SelectedWording),
  })
  .strict()
  .meta({ id: "Selection", title: "Fairtender selection" });
export type Selection = z.infer<typeof Selection>;

export { Clause };
