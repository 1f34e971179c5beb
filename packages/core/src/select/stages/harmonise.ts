import { citationText, sourceKey, uniqueSources } from "../../cite.js";
import { compareText } from "../../collections.js";
import type { FlowDown, Obligation, Party, Timing } from "../../model/clause.js";
import type { Source } from "../../model/common.js";
import type { Satisfies, ScheduledObligation, SelectedClause } from "../../model/selection.js";
import { type RegimeId, TOPIC_IDS } from "../../model/topics.js";
import { timingText } from "../../wording.js";

/**
 * How the obligation schedule is harmonised.
 *
 * Obligations are **the same duty** — and merge into one schedule row — when they have the same
 * canonical topic (`TOPICS`), the same party, and the same *kind of timing*: a one-off step before
 * award; a step at signature; a step within N days of the same starting point (award, start, request,
 * end); a recurring duty; a duty triggered by an event; or an ongoing duty. So a pre-award certification
 * and an annual certification on the `certification` topic stay two rows (one-off vs recurring), while
 * FAR's "report immediately" and a general "notify within 72 hours" incident duty become one row.
 *
 * In a merged row the strictest term wins: the shortest `within` period and event time limit (a stated
 * limit beats "without undue delay"), the most frequent recurrence (and the earliest first occurrence),
 * the widest flow-down (`all` tiers beats a number, a larger number beats a smaller, agents `true`
 * wins, required if any requires it). The actions of all merged obligations are kept (distinct sentences
 * in order), evidence lists are unioned without duplicates in first-seen order, and every source is kept in
 * the row's `sources`: no citation is lost in a merge. `satisfies` lists the citations that meet a
 * regime applicable to this tender, each under that regime (the source's own `regime`; see `regimeOf`).
 */
export const HARMONISATION_RULE =
  "Obligations merge when they share topic, party and kind of timing (before award; at signature; within N days of the same event; recurring; on an event; ongoing). The strictest term wins; actions, evidence and sources are all kept; satisfies lists the citations of the regimes that apply.";

const PARTY_ORDER: readonly Party[] = ["supplier", "subcontractor", "buyer"];
const TIMING_ORDER = [
  "before-award",
  "at-signature",
  "within-award",
  "within-start",
  "within-request",
  "within-end",
  "recurring",
  "on-event",
  "ongoing",
];

/** The kind of timing used as part of the merge key. */
export function timingClass(t: Timing): string {
  return t.kind === "within" ? `within-${t.from}` : t.kind;
}

/**
 * The applicable regime a citation of `clause` meets in this tender, if any. A source that names its
 * regime (`regime:` on the library's source, or on an inline source) counts for that regime only when
 * it applies (a UN tender's schedule does not claim to meet FAR, even where a cross-regime clause also
 * cites FAR); a source of no regime (an international standard, soft law) counts for the clause's
 * regime only when the clause serves a single regime (e.g. the CRC cited by the UN child-labour
 * clause). Citations that meet no applicable regime stay in the row's `sources`.
 */
function regimeOf(source: Source, clause: SelectedClause, applicable: ReadonlySet<RegimeId>): RegimeId | undefined {
  if (source.regime !== undefined) return applicable.has(source.regime) ? source.regime : undefined;
  const own = clause.regimes.filter((r) => applicable.has(r));
  return clause.regimes.length === 1 && own.length === 1 ? own[0] : undefined;
}

function strictestTiming(list: readonly Timing[]): Timing {
  const first = list[0] as Timing;
  switch (first.kind) {
    case "within": {
      const w = list as Extract<Timing, { kind: "within" }>[];
      return { kind: "within", from: first.from, days: Math.min(...w.map((t) => t.days)) };
    }
    case "recurring": {
      const r = list as Extract<Timing, { kind: "recurring" }>[];
      const every = Math.min(...r.map((t) => t.everyMonths));
      const firsts = r.map((t) => t.firstAfterMonths ?? t.everyMonths);
      const firstAfter = Math.min(...firsts);
      return firstAfter === every
        ? { kind: "recurring", everyMonths: every }
        : { kind: "recurring", everyMonths: every, firstAfterMonths: firstAfter };
    }
    case "on-event": {
      const e = list as Extract<Timing, { kind: "on-event" }>[];
      const events: string[] = [];
      for (const t of e) if (!events.includes(t.event)) events.push(t.event);
      const limits = e.map((t) => t.withinHours).filter((h): h is number => h !== undefined);
      const event = events.join(" or ");
      return limits.length
        ? { kind: "on-event", event, withinHours: Math.min(...limits) }
        : { kind: "on-event", event };
    }
    default:
      return first;
  }
}

function widestFlowDown(list: readonly FlowDown[]): FlowDown {
  const required = list.some((f) => f.required);
  const tiers = list.map((f) => f.tiers).filter((t): t is "all" | number => t !== undefined);
  const out: FlowDown = { required };
  if (tiers.includes("all")) out.tiers = "all";
  else if (tiers.length) out.tiers = Math.max(...(tiers as number[]));
  if (list.some((f) => f.agents === true)) out.agents = true;
  else if (list.some((f) => f.agents === false)) out.agents = false;
  return out;
}

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/**
 * Builds the one harmonised obligation schedule from the selected clauses (in document order). See
 * {@link HARMONISATION_RULE}. Rows are ordered by topic (`TOPICS` order), party (supplier,
 * subcontractor, buyer) and kind of timing.
 */
export function harmonise(
  clauses: readonly SelectedClause[],
  applicable: ReadonlySet<RegimeId>,
): ScheduledObligation[] {
  const groups = new Map<string, { clause: SelectedClause; obligation: Obligation }[]>();
  for (const clause of clauses) {
    for (const obligation of clause.obligations) {
      const key = `${obligation.topic}|${obligation.party}|${timingClass(obligation.timing)}`;
      const g = groups.get(key) ?? [];
      g.push({ clause, obligation });
      groups.set(key, g);
    }
  }
  const rows: ScheduledObligation[] = [];
  for (const [key, members] of groups) {
    const [topic, party, cls] = key.split("|") as [ScheduledObligation["topic"], Party, string];
    const actions: string[] = [];
    for (const m of members) {
      const a = sentence(m.obligation.action);
      if (!actions.includes(a)) actions.push(a);
    }
    const evidence: string[] = [];
    for (const m of members) for (const e of m.obligation.evidence) if (!evidence.includes(e)) evidence.push(e);
    const satisfies: Satisfies[] = [];
    const seen = new Set<string>();
    const attribute = (m: { clause: SelectedClause }, sources: readonly Source[], skip = new Set<RegimeId>()) => {
      const met = new Set<RegimeId>();
      for (const s of sources) {
        const regime = regimeOf(s, m.clause, applicable);
        if (!regime || skip.has(regime)) continue;
        met.add(regime);
        const citation = citationText(s);
        const k = `${regime}|${citation}|${m.clause.id}`;
        if (seen.has(k)) continue;
        seen.add(k);
        satisfies.push({ regime, citation, clause: m.clause.id });
      }
      return met;
    };
    for (const m of members) {
      // The obligation's own citations first; then, for each applicable regime they do not name, the
      // citations of the clause that creates it (a cross-regime clause cites each regime it serves).
      const met = attribute(m, m.obligation.sources);
      attribute(m, m.clause.sources, met);
    }
    const clauseIds: string[] = [];
    for (const m of members) if (!clauseIds.includes(m.clause.id)) clauseIds.push(m.clause.id);
    const mergedFrom: string[] = [];
    for (const m of members) if (!mergedFrom.includes(m.obligation.id)) mergedFrom.push(m.obligation.id);
    const timing = strictestTiming(members.map((m) => m.obligation.timing));
    rows.push({
      id: `${topic}-${party}-${cls}`,
      topic,
      party,
      action: actions.join(" "),
      timing,
      timingText: timingText(timing),
      evidence,
      flowsDown: widestFlowDown(members.map((m) => m.obligation.flowsDown)),
      clauses: clauseIds,
      satisfies,
      mergedFrom,
      sources: uniqueSources(members.flatMap((m) => m.obligation.sources)),
    });
  }
  const topicIndex = (t: string) => (TOPIC_IDS as readonly string[]).indexOf(t);
  rows.sort(
    (a, b) =>
      topicIndex(a.topic) - topicIndex(b.topic) ||
      PARTY_ORDER.indexOf(a.party) - PARTY_ORDER.indexOf(b.party) ||
      TIMING_ORDER.indexOf(timingClass(a.timing)) - TIMING_ORDER.indexOf(timingClass(b.timing)) ||
      compareText(a.id, b.id),
  );
  return rows;
}

/** Every (citation) of every obligation of the selected clauses, for checks that nothing was lost. */
export function obligationCitations(clauses: readonly SelectedClause[]): Set<string> {
  return new Set(clauses.flatMap((c) => c.obligations.flatMap((o) => o.sources.map(sourceKey))));
}
