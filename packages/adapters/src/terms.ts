/**
 * What Fairtender decided, summarised for write-back (data/write-back.yaml): the social objectives,
 * the exclusion grounds and selection criteria that tender-stage provisions carry, the subcontracting
 * term, and the text of the social standards and terms of performance. Shared by toOcds and toEforms.
 */
import { parseSelection, type Selection } from "@fairtender/core";
import { WRITE_BACK } from "./data/tables.generated.js";

/** The summary of a selection that both writers use. */
export interface WriteBackTerms {
  libraryVersion: string;
  asOf: string;
  /** Contract clauses (kind `clause`), in selection order. */
  clauses: Array<{ id: string; version: string; title: string; strength: string }>;
  /** Tender-stage provisions (declarations, questions). */
  provisions: Array<{ id: string; version: string; title: string }>;
  socialObjectives: Array<{ eforms: string; ocds: string }>;
  strategies: string[];
  exclusionGrounds: Array<{ code: string; description: string; clauses: string[] }>;
  selectionCriteria: Array<{ type: string; description: string; clauses: string[] }>;
  subcontracting: Array<{ code: string; description: string; clauses: string[] }>;
  /** A summary of the selected clauses, with their ids and the library version. */
  socialStandards: string;
  /** The supplier's obligations during performance, cut to `maxLength` with a pointer to the pack. */
  performanceTerms: (maxLength?: number) => string;
}

/** Summarises a selection (validated with core's `parseSelection`; a selection from `select()` passes as it is). */
export function writeBackTerms(input: Selection): WriteBackTerms {
  const selection = parseSelection(input);
  const selected = new Set(selection.clauses.map((c) => c.id));
  const clauses = selection.clauses
    .filter((c) => c.kind === "clause")
    .map((c) => ({ id: c.id, version: c.version, title: c.title, strength: c.strength }));
  const provisions = selection.clauses
    .filter((c) => c.kind === "provision")
    .map((c) => ({ id: c.id, version: c.version, title: c.title }));
  const topics = new Set(selection.clauses.filter((c) => c.kind === "clause").map((c) => c.topic as string));
  const socialObjectives = WRITE_BACK.socialObjectives
    .filter((o) => o.always || (o.topics ?? []).some((t) => topics.has(t)))
    .map((o) => ({ eforms: o.eforms, ocds: o.ocds }));
  const hits = <T extends { clauses: string[] }>(rows: T[]) =>
    rows
      .map((r) => ({ ...r, clauses: r.clauses.filter((id) => selected.has(id)) }))
      .filter((r) => r.clauses.length > 0);
  const exclusionGrounds = hits(WRITE_BACK.exclusionGrounds).map(({ code, description, clauses: c }) => ({
    code,
    description,
    clauses: c,
  }));
  const selectionCriteria = hits(WRITE_BACK.selectionCriteria).map(({ type, description, clauses: c }) => ({
    type,
    description,
    clauses: c,
  }));
  const subcontracting = hits(WRITE_BACK.subcontracting).map(({ code, description, clauses: c }) => ({
    code,
    description,
    clauses: c,
  }));
  const strategies = [
    ...WRITE_BACK.strategies.always,
    ...(exclusionGrounds.length > 0 || selectionCriteria.length > 0 ? [WRITE_BACK.strategies.selectionStage] : []),
  ];
  const regimes = selection.regimes.map((r) => r.id).join(", ");
  const list = (xs: Array<{ id: string; version: string; title: string; strength?: string }>) =>
    xs.map((c) => `${c.id} ${c.version} (${c.title}${c.strength ? `, ${c.strength}` : ""})`).join("; ");
  const socialStandards =
    `Forced labour and human trafficking: the contract includes ${clauses.length} clause${clauses.length === 1 ? "" : "s"} selected with Fairtender (clause library ${selection.libraryVersion}, rules read at ${selection.asOf}; regimes ${regimes || "none"}; risk ${selection.risk.level}): ${list(clauses)}.` +
    (provisions.length > 0 ? ` Tender-stage provisions: ${list(provisions)}.` : "") +
    ` The supplier's obligations are harmonised into one schedule of ${selection.obligations.length} obligation${selection.obligations.length === 1 ? "" : "s"} in the tender pack.`;
  const performanceTerms = (maxLength = Number.POSITIVE_INFINITY) => {
    const head = `During the contract the supplier must, on forced labour and human trafficking (Fairtender clause library ${selection.libraryVersion}):`;
    const items = selection.obligations
      .filter((o) => o.party !== "buyer")
      .map(
        (o) =>
          `${o.action.replace(/\.$/, "")} (${o.timingText.charAt(0).toLowerCase()}${o.timingText.slice(1)}; ${o.clauses.join(", ")})`,
      );
    let text = head;
    for (const [i, item] of items.entries()) {
      const rest = items.length - i - 1;
      const next = `${text} ${i + 1}. ${item}${rest === 0 ? "." : ";"}`;
      const tail =
        rest > 0 ? ` … and ${rest} more obligation${rest === 1 ? "" : "s"}: see the schedule in the tender pack.` : "";
      if (next.length + (rest > 0 ? tail.length : 0) > maxLength) {
        const more = items.length - i;
        return `${text} … and ${more} more obligation${more === 1 ? "" : "s"}: see the schedule in the tender pack.`;
      }
      text = next;
    }
    return items.length === 0 ? `${head} see the tender pack.` : text;
  };
  return {
    libraryVersion: selection.libraryVersion,
    asOf: selection.asOf,
    clauses,
    provisions,
    socialObjectives,
    strategies,
    exclusionGrounds,
    selectionCriteria,
    subcontracting,
    socialStandards,
    performanceTerms,
  };
}
