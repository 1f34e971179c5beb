import { compareText } from "../../collections.js";
import type { Clause, Definition, Library } from "../../model/clause.js";
import type { ExcludedClause, SelectedClause } from "../../model/selection.js";
import { TOPIC_IDS } from "../../model/topics.js";
import { resolveBody } from "../../template/resolve.js";
import type { ObligationStageOutput } from "./obligations.js";
import type { ParameterStageOutput } from "./parameters.js";
import type { ClauseDecision } from "./rules.js";

/** What the clause stage reads: the library, and the decisions, parameters and obligations of the earlier stages. */
export interface ClauseStageInput {
  lib: Library;
  decisions: readonly ClauseDecision[];
  parameters: ParameterStageOutput;
  obligations: ObligationStageOutput;
}

/** The clauses of the selection, in document order, and the definitions they use. */
export interface ClauseStageOutput {
  /** Selected clauses with their strength, reasons, resolved parameters, filled-in body and timed obligations. */
  selected: SelectedClause[];
  /** Every other library clause, with why it was left out. */
  excluded: ExcludedClause[];
  /** The defined terms the selected clauses use, transitively, sorted by term. */
  definitions: Definition[];
}

/**
 * The clause stage: every decision as a selected clause (its text filled in with its parameter
 * values; a `template-error` if that fails) or an excluded one, each list in document order (see
 * {@link documentOrder}), and the definitions the selected clauses use. Pure.
 */
export function packClauses(input: ClauseStageInput): ClauseStageOutput {
  const { lib } = input;
  const selected: SelectedClause[] = [];
  const excluded: ExcludedClause[] = [];
  for (const { clause, decision } of input.decisions) {
    if (!decision.selected) {
      excluded.push({
        id: clause.id,
        version: clause.version,
        title: clause.title,
        topic: clause.topic,
        regimes: [...clause.regimes],
        sources: clause.sources,
        reasons: decision.reasons,
      });
      continue;
    }
    const parameters = input.parameters.get(clause.id);
    selected.push({
      id: clause.id,
      version: clause.version,
      title: clause.title,
      topic: clause.topic,
      kind: clause.kind,
      regimes: [...clause.regimes],
      strength: decision.strength,
      reasons: decision.reasons,
      body: resolveBody(clause, parameters?.values ?? {}, lib),
      parameters: parameters?.resolved ?? {},
      sources: clause.sources,
      draftingNote: clause.draftingNote,
      terms: [...clause.terms],
      related: [...clause.related],
      incorporates: clause.incorporates,
      obligations: input.obligations.get(clause.id) ?? clause.obligations,
    });
  }
  selected.sort(documentOrder(lib));
  excluded.sort(documentOrder(lib));
  return { selected, excluded, definitions: definitionsFor(selected, lib) };
}

/**
 * Document order: by topic, then regime (single-regime clauses in library regime order, cross-regime
 * clauses after the last regime and before the modules), then id.
 */
function documentOrder(lib: Pick<Library, "regimes">) {
  const ids = lib.regimes.map((r) => r.id);
  const crossRegime = lib.regimes.findLastIndex((r) => r.kind === "regime") + 0.5;
  const rank = (regimes: readonly string[]) => (regimes.length === 1 ? ids.indexOf(regimes[0] as string) : crossRegime);
  return (a: Pick<Clause, "id" | "topic" | "regimes">, b: Pick<Clause, "id" | "topic" | "regimes">): number =>
    TOPIC_IDS.indexOf(a.topic) - TOPIC_IDS.indexOf(b.topic) ||
    rank(a.regimes) - rank(b.regimes) ||
    compareText(a.id, b.id);
}

/** Terms the clause uses: its declared `terms` plus any `{{term}}` in its text. */
function termsOf(clause: Pick<SelectedClause, "terms" | "body">): string[] {
  const out = [...clause.terms];
  const runs = [...(clause.body.intro ?? []), ...clause.body.subclauses.flatMap((s) => [...s.text, ...s.items.flat()])];
  for (const r of runs) if (r.type === "term" && !out.includes(r.term)) out.push(r.term);
  return out;
}

/** The definitions of the terms the clauses use, and of the terms those definitions use, sorted by term. */
function definitionsFor(clauses: readonly SelectedClause[], lib: Library): Definition[] {
  const byId = new Map(lib.definitions.map((d) => [d.id, d]));
  const seen = new Set<string>();
  const queue = clauses.flatMap(termsOf);
  const out: Definition[] = [];
  while (queue.length) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const d = byId.get(id);
    if (!d) continue;
    out.push(d);
    queue.push(...d.terms);
  }
  return out.sort((a, b) => compareText(a.term.toLowerCase(), b.term.toLowerCase()) || compareText(a.id, b.id));
}
