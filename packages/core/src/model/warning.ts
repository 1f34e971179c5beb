import * as z from "zod";
import { Source } from "./common.js";

/**
 * The warnings whose wording is library data (`library/warnings.yaml`), by id (the code the engine
 * raises them under), with the values their sentences may place. `sme-proportionality`: `{{title}}`
 * is the clause's title, `{{strength}}` its strength and `{{burden}}` what its rule says it asks of a
 * small supplier (`smeBurden`).
 */
export const WARNING_VALUES = {
  "sme-proportionality": ["title", "strength", "burden"],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/** The id of a warning whose wording is library data (a key of {@link WARNING_VALUES}). */
export type WarningId = keyof typeof WARNING_VALUES;

/** The ids of {@link WARNING_VALUES}, in order. */
export const WARNING_IDS = Object.keys(WARNING_VALUES) as [WarningId, ...WarningId[]];

/** A warning's sentence: a plain template placing only the values of its warning. */
const WarningText = z.string().min(1);

/**
 * The wording of a warning the engine raises that states the law, with its legal basis (`sources`,
 * for review: not printed with the warning). The engine decides when the warning is raised and which
 * of its sentences (`text`) applies. Today the one such warning is `sme-proportionality`: with an SME
 * supplier, each selected clause whose rule has an `smeBurden` raises it, saying what the clause asks
 * of a small supplier and what the guidance asks of the buyer.
 */
export const WarningWording = z
  .object({
    /** Which warning (the code the engine raises it under). */
    id: z.enum(WARNING_IDS),
    /** The warning's sentences. */
    text: z
      .object({
        /** For a clause required by law (strength `mandatory`). */
        mandatory: WarningText,
        /** For a clause of any other strength. */
        other: WarningText,
      })
      .strict(),
    sources: z.array(Source).min(1),
  })
  .strict()
  .meta({ id: "WarningWording" });
/** A warning's wording (see {@link WarningWording}). */
export type WarningWording = z.output<typeof WarningWording>;
