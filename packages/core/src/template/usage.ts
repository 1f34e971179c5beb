import type { ClauseBody } from "../model/clause.js";
import { leafParts, leavesOf } from "./leaves.js";

/** What a clause's text uses: parameter names, referenced clause ids and defined-term ids. */
export interface TemplateUsage {
  /** Names used as `{{params.name}}`, sorted, each once. */
  params: string[];
  /** Clause ids used as `{{ref "id"}}`, sorted, each once. */
  refs: string[];
  /** Term ids used as `{{term "id"}}`, sorted, each once. */
  terms: string[];
}

/** The part of a clause that `templateUsage` reads. */
export interface TemplateSource {
  id: string;
  body: { intro?: string | undefined; subclauses?: ClauseBody["subclauses"] | undefined };
}

/**
 * Lists the parameters, cross-references and defined terms a clause's text uses, by walking the
 * Handlebars syntax tree of every text leaf (not by pattern matching). Throws a `FairtenderError`
 * with code `template-error` naming the clause and the leaf when a leaf uses anything other than
 * `{{params.name}}`, `{{ref "clause-id"}}` or `{{term "term-id"}}`.
 */
export function templateUsage(clause: TemplateSource): TemplateUsage {
  const params = new Set<string>();
  const refs = new Set<string>();
  const terms = new Set<string>();
  for (const leaf of leavesOf(clause.body)) {
    for (const part of leafParts(clause.id, leaf)) {
      if (part.type === "value") params.add(part.name);
      else if (part.type === "ref") refs.add(part.id);
      else if (part.type === "term") terms.add(part.id);
    }
  }
  return { params: [...params].sort(), refs: [...refs].sort(), terms: [...terms].sort() };
}
