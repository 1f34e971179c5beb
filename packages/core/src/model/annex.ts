import * as z from "zod";
import { Id, Source } from "./common.js";
import { type Condition, ConditionSchema } from "./rule.js";

/**
 * When an annex or an annex entry is part of the pack, in the selection rules' `Condition` vocabulary
 * (`{ kind: selected, clause: <clause id> }`, `{ kind: risk, atLeast: medium }`, a named
 * condition `{ kind: ref, id: ... }`, ...). Absent: always.
 */
export const AnnexCondition: AnnexConditionSchema = ConditionSchema;
/**
 * The zod type of {@link AnnexCondition}: an interface, so that the types of the annex schemas name it
 * instead of spelling the whole condition vocabulary out (which would exceed TypeScript's limit).
 */
export interface AnnexConditionSchema extends z.ZodType<Condition, Condition> {}

/**
 * A piece of annex or pack wording: plain drafting that may place `{{buyer}}`, `{{title}}`,
 * `{{supplier}}` or `{{level}}` (the buyer's name, the procurement's title, the supplier's name or a
 * blank for it, the risk level), refer to a clause as `{{ref "clause-id"}}` (printed as the clause's
 * number) and to an annex as `{{annex "annex-id"}}` (printed as the annex's letter).
 */
export const WordingText = z.string().min(1);

/** The values wording may place, filled in from the profile and the risk assessment. */
export const WORDING_VALUES = ["buyer", "title", "supplier", "level"] as const;

/**
 * Why an annex or entry is in the pack: a reason template that may place `{{because}}`, the facts
 * that decided its `when` condition.
 */
export const AnnexWhy = z.string().min(1);

const entryBase = {
  /** Unique within the annex; quoted in the entry's reason as `annex.<annex>.<entry>`. */
  id: Id,
  when: AnnexCondition.optional(),
  /** Why the entry is in the pack (default: the annex's reason, or the facts of `when`). */
  why: AnnexWhy.optional(),
  sources: z.array(Source).min(1),
};

/** A line of the supplier's declaration. */
export const DeclarationEntry = z
  .object({ ...entryBase, kind: z.literal("declaration"), text: WordingText })
  .strict()
  .meta({ id: "DeclarationEntry" });

/** A certification the supplier gives with its declaration (e.g. under FAR 52.222-56). */
export const CertificationEntry = z
  .object({ ...entryBase, kind: z.literal("certification"), text: WordingText })
  .strict()
  .meta({ id: "CertificationEntry" });

/** The stages of the procurement an obligation can fall due at (timing kinds). */
export const TimingKind = z.enum(["before-award", "at-signature", "within", "recurring", "on-event", "ongoing"]);

/**
 * Lines taken from the harmonised obligation schedule: the obligations whose timing is one of
 * `timing` (e.g. the steps due before award, which the supplier declares), and/or that flow down.
 */
export const ObligationsEntry = z
  .object({
    ...entryBase,
    kind: z.literal("obligations"),
    timing: z.array(TimingKind).min(1).optional(),
    flowsDown: z.literal(true).optional(),
  })
  .strict()
  .refine((e) => e.timing !== undefined || e.flowsDown !== undefined, {
    error: "says which obligations: give timing (a list of timing kinds) or flowsDown: true",
  })
  .meta({ id: "ObligationsEntry" });

/** A minimum element of a compliance plan. The first source is printed as the element's citation. */
export const PlanElementEntry = z
  .object({ ...entryBase, kind: z.literal("plan-element"), title: z.string().min(1), text: WordingText })
  .strict()
  .meta({ id: "PlanElementEntry" });

/** A selection-stage question to the supplier. */
export const QuestionEntry = z
  .object({ ...entryBase, kind: z.literal("question"), text: WordingText })
  .strict()
  .meta({ id: "QuestionEntry" });

/** An annex of one layout: its wording by name and its kinds of entries. */
function annexLayout<L extends string, T extends Record<string, typeof WordingText>, E extends z.ZodType>(
  layout: L,
  text: T,
  entry: E,
) {
  return z
    .object({
      /** The annex id; the pack's part is `annex-<id>`. Wording refers to it as `{{annex "<id>"}}`. */
      id: Id,
      layout: z.literal(layout),
      title: z.string().min(1),
      when: AnnexCondition.optional(),
      /** Why the annex is in the pack (may place `{{because}}`). */
      why: AnnexWhy,
      sources: z.array(Source).min(1),
      text: z.object(text).strict(),
      entries: z.array(entry),
    })
    .strict();
}

/**
 * An annex of the tender pack, as library data. `layout` says how the renderer sets it out; each
 * layout has its own named pieces of wording (`text`) and its own kinds of entries. Annexes are
 * printed in library order and lettered A, B, C… (an annex whose `when` does not hold is left out and
 * the letters close up).
 */
export const Annex = z
  .discriminatedUnion("layout", [
    annexLayout(
      "declaration",
      { intro: WordingText, lead: WordingText, signature: WordingText },
      z.discriminatedUnion("kind", [DeclarationEntry, CertificationEntry, ObligationsEntry]),
    ).extend({
      /** The title when the pack has solicitation provisions, which are set out in this annex. */
      titleWithProvisions: z.string().min(1),
    }),
    annexLayout("plan", { intro: WordingText, closing: WordingText }, PlanElementEntry),
    annexLayout("questionnaire", { intro: WordingText }, QuestionEntry),
    annexLayout("flow-down", { intro: WordingText, none: WordingText }, ObligationsEntry),
    annexLayout("instruments", { intro: WordingText }, z.never()).omit({ entries: true }),
  ])
  .meta({ id: "Annex", title: "Fairtender annex" });
/** An annex of the library (defaults applied). */
export type Annex = z.output<typeof Annex>;
/** An annex as written, e.g. for `createLibrary` (optional lists may be omitted). */
export type AnnexInput = z.input<typeof Annex>;

/** An entry of any annex. */
export type AnnexEntry = Extract<Annex, { entries: unknown }>["entries"][number];

/** A piece of the pack's own wording that states legal effect (e.g. that the annexes form part of the contract). */
export const PackWording = z
  .object({
    /** Where the renderer prints it, e.g. `scope-intro`, `clauses-intro`. */
    id: Id,
    text: WordingText,
    sources: z.array(Source).min(1),
  })
  .strict()
  .meta({ id: "PackWording" });
/** A piece of the pack's own wording (see {@link PackWording}). */
export type PackWording = z.output<typeof PackWording>;
