/**
 * The JSON Schemas published in packages/core/schema/, generated from the zod schemas (the single
 * source of the types). Pure, so that tests can compare with the committed files.
 */
import { z } from "zod";
import { builtinLibrary } from "../src/library/builtin.js";
import { Clause, Library, Obligation } from "../src/model/clause.js";
import { JurisdictionCode } from "../src/model/common.js";
import { TenderProfile } from "../src/model/profile.js";
import { ConditionSchema, NamedConditionSchema, RuleSchema } from "../src/model/rule.js";
import { Selection } from "../src/model/selection.js";
import { RegimeIdSchema } from "../src/model/topics.js";

/** Where the published files can be fetched (npm CDN); the id is stable across patch releases. */
const BASE = "https://unpkg.com/@fairtender/core/schema";

/**
 * File name → JSON Schema text (2-space JSON with a final newline). The tender profile's schema
 * lists the library's jurisdiction codes and regime ids as enums, so that editors complete them
 * (the model checks only their shape; `select()` checks them against the library it selects from).
 */
export function jsonSchemas(
  library: Pick<Library, "regimes" | "jurisdictions"> = builtinLibrary(),
): Map<string, string> {
  const enums = new Map<unknown, string[]>([
    [JurisdictionCode, library.jurisdictions.map((j) => j.code)],
    [RegimeIdSchema, library.regimes.map((r) => r.id)],
  ]);
  const entries: [string, z.ZodType, "input" | "output", string][] = [
    ["tender-profile.json", TenderProfile, "input", "A tender profile, as a caller writes it (defaults are optional)."],
    ["clause.json", Clause, "input", "A clause of a Fairtender clause library, as written (defaults are optional)."],
    ["obligation.json", Obligation, "output", "A supplier (or buyer) obligation created by a clause."],
    ["library.json", Library, "input", "A whole Fairtender clause library, as written (defaults are optional)."],
    [
      "rule.json",
      RuleSchema,
      "input",
      "A clause's selection rule (the selection: key of a clause file): branches of conditions, strengths and reasons.",
    ],
    ["condition.json", ConditionSchema, "input", "A condition of a Fairtender selection rule."],
    [
      "conditions.json",
      z.object({ conditions: z.array(NamedConditionSchema) }).strict(),
      "input",
      "library/conditions.yaml: the named conditions that selection rules share.",
    ],
    [
      "selection.json",
      Selection,
      "output",
      "The result of select(profile): regimes, risk, clauses in and out, obligations.",
    ],
  ];
  const out = new Map<string, string>();
  for (const [file, schema, io, description] of entries) {
    const json = z.toJSONSchema(schema, {
      io,
      target: "draft-2020-12",
      unrepresentable: "any",
      override: (ctx) => {
        const values = schema === TenderProfile ? enums.get(ctx.zodSchema) : undefined;
        if (values) ctx.jsonSchema.enum = values;
      },
    }) as Record<string, unknown>;
    const withId = { $schema: json.$schema, $id: `${BASE}/${file}`, description, ...json };
    out.set(file, `${JSON.stringify(withId, null, 2)}\n`);
  }
  return out;
}
