import { citationText, uniqueSources } from "../../cite.js";
import type { AnnexEntry } from "../../model/annex.js";
import type { Library } from "../../model/clause.js";
import type { Source } from "../../model/common.js";
import type { TenderProfile } from "../../model/profile.js";
import type { Condition } from "../../model/rule.js";
import type {
  Reason,
  RegimeDecision,
  RiskAssessment,
  ScheduledObligation,
  SelectedAnnex,
  SelectedAnnexEntry,
  SelectedClause,
  SelectedWording,
  SelectionWarning,
  Wording,
} from "../../model/selection.js";
import { fillText, templateError, templateParts, WORDING_GRAMMAR } from "../../template/interpret.js";
import { type EvalContext, evaluate, type Outcome } from "../conditions.js";
import { regimeReasons } from "./regimes.js";

/** What the annex stage reads: the profile and what the earlier stages decided. */
export interface AnnexStageInput {
  profile: TenderProfile;
  risk: RiskAssessment;
  /** The regimes and modules that apply, with their reasons. */
  regimes: readonly RegimeDecision[];
  /** The selected clauses. */
  clauses: readonly SelectedClause[];
  /** The harmonised obligation schedule. */
  obligations: readonly ScheduledObligation[];
}

/** What the annex stage decides: the pack's annexes and its own wording, and any warning on the way. */
export interface AnnexStageOutput {
  annexes: SelectedAnnex[];
  wording: SelectedWording[];
  warnings: SelectionWarning[];
}

const ALWAYS: Condition = { kind: "always" };

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The annex stage: which of the library's annexes and annex entries apply to this procurement, each
 * with its reason (the rule `annex.<annex>` or `annex.<annex>.<entry>`, the text, what it read and
 * its sources), with their wording filled in from the profile and the risk level. Obligation entries
 * expand to one line per matching row of the obligation schedule. Pure.
 *
 * `select()` runs this stage last; call it yourself only for a selection assembled by other means
 * (e.g. a test fixture), with the library the selection was made from.
 *
 * @param input - The profile and the decisions of the earlier stages.
 * @param lib - The library whose annexes and wording apply.
 * @returns The selected annexes in document order, the pack's wording, and warnings.
 */
export function selectAnnexes(input: AnnexStageInput, lib: Library): AnnexStageOutput {
  const { profile, risk, clauses, obligations } = input;
  const regimes = regimeReasons(input.regimes);
  const strengths = new Map(clauses.map((c) => [c.id, c.strength]));
  const titles = new Map(lib.clauses.map((c) => [c.id, c.title]));
  const ctx: EvalContext = {
    profile,
    lib,
    risk,
    regimes,
    selectedStrength: (id) => strengths.get(id),
    clauseLabel: (id) => titles.get(id) ?? id,
  };
  const values: Record<string, string> = {
    buyer: profile.buyer.name,
    title: profile.procurement.title,
    supplier: profile.supplier?.name ?? "[name of supplier]",
    level: risk.level,
  };
  const warnings: SelectionWarning[] = [];

  /** Wording filled in: values become text (adjacent text merged), references stay references. */
  const wording = (label: string, text: string): Wording => {
    const site = { label, path: [label] };
    const out: Wording = [];
    for (const p of templateParts(site, text, WORDING_GRAMMAR)) {
      let run: Wording[number];
      if (p.type === "ref") run = { type: "ref", clause: p.id };
      else if (p.type === "annex") run = { type: "annex", annex: p.id };
      else if (p.type === "text") run = { type: "text", value: p.value };
      else if (p.type === "value" && Object.hasOwn(values, p.name)) run = { type: "text", value: values[p.name] ?? "" };
      else
        throw templateError(site, `places {{${p.type === "value" ? p.name : p.type}}}, which has no value`, {
          code: "missing-value",
        });
      const last = out[out.length - 1];
      if (run.type === "text" && last?.type === "text") last.value += run.value;
      else out.push(run);
    }
    return out;
  };

  const decide = (when: Condition | undefined): Outcome => {
    const o = evaluate(when ?? ALWAYS, ctx);
    warnings.push(...o.warnings);
    return o;
  };

  const reason = (rule: string, why: string, o: Outcome, sources: readonly Source[]): Reason => ({
    rule,
    text: capitalise(fillText(`${rule} why`, why, { because: o.text })),
    inputs: { ...o.inputs },
    sources: uniqueSources([...sources, ...o.sources]),
  });

  const annexes: SelectedAnnex[] = [];
  for (const annex of lib.annexes) {
    const o = decide(annex.when);
    if (o.value !== true) continue;
    const rule = `annex.${annex.id}`;
    const annexReason = reason(rule, annex.why, o, annex.sources);
    const reasons = [annexReason];

    const entriesOf = (list: readonly AnnexEntry[]): SelectedAnnexEntry[] => {
      const out: SelectedAnnexEntry[] = [];
      for (const entry of list) {
        const e = decide(entry.when);
        if (e.value !== true) continue;
        const entryRule = `${rule}.${entry.id}`;
        const why = entry.why ?? (entry.when && e.text ? "{{because}}" : annex.why);
        const reasons = [reason(entryRule, why, entry.when ? e : o, entry.sources)];
        const id = entry.id;
        const label = `${entryRule} text`;
        switch (entry.kind) {
          case "declaration":
          case "certification":
          case "question":
            out.push({ id, kind: entry.kind, text: wording(label, entry.text), reasons });
            break;
          case "plan-element":
            out.push({
              id,
              kind: "plan-element",
              title: entry.title,
              citation: citationText(entry.sources[0] as Source),
              text: wording(label, entry.text),
              reasons,
            });
            break;
          case "obligations":
            for (const row of obligations) {
              const timingOk = entry.timing === undefined || entry.timing.includes(row.timing.kind);
              const flowOk = entry.flowsDown === undefined || row.flowsDown.required;
              if (timingOk && flowOk) out.push({ id, kind: "obligation", obligation: row.id, reasons });
            }
            break;
        }
      }
      return out;
    };

    const text: Record<string, Wording> = {};
    for (const [key, value] of Object.entries(annex.text)) text[key] = wording(`${rule} text.${key}`, value);
    const selected = {
      id: annex.id,
      layout: annex.layout,
      title: annex.title,
      ...(annex.layout === "declaration" ? { titleWithProvisions: annex.titleWithProvisions } : {}),
      text,
      ...("entries" in annex ? { entries: entriesOf(annex.entries) } : {}),
      reasons,
    };
    // The shape is the layout's: the library schema checked the annex's text names and entry kinds.
    annexes.push(selected as SelectedAnnex);
  }

  const packWording: SelectedWording[] = lib.wording.map((w) => ({
    id: w.id,
    text: wording(`wording ${w.id} text`, w.text),
    sources: [...w.sources],
  }));
  return { annexes, wording: packWording, warnings };
}
