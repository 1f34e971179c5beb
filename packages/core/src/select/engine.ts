import { uniqueSources } from "../cite.js";
import { compareText } from "../compare.js";
import { contractEnd } from "../dates.js";
import { FairtenderError } from "../errors.js";
import { libraryRules } from "../library/rules.js";
import type { Clause, Definition, Library, Obligation, ParameterValue } from "../model/clause.js";
import type { Source } from "../model/common.js";
import type { TenderProfile } from "../model/profile.js";
import type { REASON_VARIABLES, Rule } from "../model/rule.js";
import type {
  ExcludedClause,
  Reason,
  ResolvedParameter,
  RiskAssessment,
  SelectedClause,
  Selection,
  SelectionWarning,
  Strength,
} from "../model/selection.js";
import { type RegimeId, TOPIC_IDS } from "../model/topics.js";
import { fillText } from "../template/interpret.js";
import { resolveBody } from "../template/resolve.js";
import { type EvalContext, evaluate, type Outcome } from "./conditions.js";
import { selectAnnexes } from "./stages/annexes.js";
import { harmonise } from "./stages/harmonise.js";
import { analyseRegimes } from "./stages/regimes.js";
import { assessRisk } from "./stages/risk.js";
import { sourceDating } from "./stages/sources.js";

/**
 * Options of {@link select}. The selection rules are library data: each clause carries its own
 * `selection` rule and its parameters their risk-scaled rules, so your own rules come with your own
 * clauses in a library made by `createLibrary(builtinLibrary(), { clauses }, { override })`.
 */
export interface SelectOptions {
  /** The clause library to select from, with its rules (default: the built-in library). */
  library?: Library;
}

/** Options that `select` no longer takes, with what replaces them. */
const REMOVED_OPTIONS: Readonly<Record<string, string>> = {
  rules:
    "selection rules are library data: give each clause a `selection` rule and pass the library made by createLibrary()",
  parameterRules:
    "parameter rules are library data: give the parameter `byRisk`, `why` and `timing` in its clause and pass the library made by createLibrary()",
};

type Decision =
  | { selected: true; strength: Strength; reasons: Reason[]; warnings: SelectionWarning[] }
  | { selected: false; reasons: Reason[]; warnings: SelectionWarning[] };

/** The values of a reason template's variables (`{{because}}`, `{{strength}}`, `{{regime}}`). */
type ReasonVariables = Readonly<Record<(typeof REASON_VARIABLES)[number], string>>;

/** Fills a reason template with the one template interpreter (the rule id and field name it in errors). */
function reasonText(ruleId: string, field: string, template: string, vars: ReasonVariables): string {
  return fillText(`rule ${ruleId} ${field}`, template, vars);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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

function dedupeWarnings(list: readonly SelectionWarning[]): SelectionWarning[] {
  const seen = new Set<string>();
  const out: SelectionWarning[] = [];
  for (const w of list) {
    const k = `${w.code}\u0000${w.subject ?? ""}\u0000${w.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(w);
  }
  return out;
}

/** The parameter values of a selected clause: each parameter's default, or its rule's value at this risk level. */
function resolveParameters(
  clause: Clause,
  risk: RiskAssessment,
  warnings: SelectionWarning[],
): { values: Record<string, ParameterValue>; resolved: Record<string, ResolvedParameter> } {
  const values: Record<string, ParameterValue> = {};
  const resolved: Record<string, ResolvedParameter> = {};
  for (const [name, spec] of Object.entries(clause.parameters)) {
    // A parameter's rule is written next to its declaration (`byRisk`, `why`, `timing`); `why` says there is one.
    const why = spec.type === "integer" ? spec.why : undefined;
    const scaled = spec.type === "integer" ? spec.byRisk?.[risk.level] : undefined;
    let value: ParameterValue = spec.default;
    let reason = "the library default";
    if (why !== undefined && scaled !== undefined && spec.type === "integer") {
      const unit = spec.unit ? ` ${spec.unit}` : "";
      const outOfRange = (spec.min !== undefined && scaled < spec.min) || (spec.max !== undefined && scaled > spec.max);
      if (outOfRange) {
        warnings.push({
          code: "parameter-out-of-range",
          subject: `${clause.id}.${name}`,
          message: `The rule value ${scaled}${unit} for ${clause.id}.${name} at ${risk.level} risk is outside the library's allowed range; the default ${spec.default}${unit} was kept.`,
        });
        reason = `the library default (the ${risk.level}-risk value ${scaled}${unit} is outside the allowed range)`;
      } else {
        value = scaled;
        reason =
          scaled === spec.default
            ? `${scaled}${unit}, the default, at ${risk.level} risk: ${why}`
            : `${scaled}${unit} instead of the default ${spec.default}${unit} because the risk is ${risk.level}: ${why}`;
      }
    } else if (why !== undefined) {
      reason = `the library default; no change at ${risk.level} risk (${why})`;
    }
    values[name] = value;
    resolved[name] = { value, default: spec.default, reason };
  }
  return { values, resolved };
}

/** The clause's obligations with timings driven by resolved parameters (see `ParameterRule.timing`). */
function applyTimings(clause: Clause, values: Record<string, ParameterValue>): Obligation[] {
  return clause.obligations.map((o) => {
    let timing = o.timing;
    for (const [name, spec] of Object.entries(clause.parameters)) {
      if (spec.type !== "integer" || !spec.timing) continue;
      const value = values[name];
      if (typeof value !== "number" || spec.default === value) continue;
      const factor = spec.timing.factor ?? 1;
      const from = spec.default * factor;
      const to = value * factor;
      if (spec.timing.field === "on-event.withinHours" && timing.kind === "on-event" && timing.withinHours === from) {
        timing = { ...timing, withinHours: to };
      } else if (
        spec.timing.field === "recurring.everyMonths" &&
        timing.kind === "recurring" &&
        timing.everyMonths === from
      ) {
        timing = { ...timing, everyMonths: to };
      } else if (spec.timing.field === "within.days" && timing.kind === "within" && timing.days === from) {
        timing = { ...timing, days: to };
      }
    }
    return timing === o.timing ? o : { ...o, timing };
  });
}

/** Terms the clause uses: its declared `terms` plus any `{{term}}` in its text. */
function termsOf(clause: Pick<SelectedClause, "terms" | "body">): string[] {
  const out = [...clause.terms];
  const runs = [...(clause.body.intro ?? []), ...clause.body.subclauses.flatMap((s) => [...s.text, ...s.items.flat()])];
  for (const r of runs) if (r.type === "term" && !out.includes(r.term)) out.push(r.term);
  return out;
}

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

/**
 * The selection engine proper: {@link select} with the library given explicitly and the profile
 * already validated. Kept apart from `select` so that the engine never loads the built-in library
 * unless asked to.
 */
export function runSelection(
  profile: TenderProfile,
  lib: Library,
  options: Omit<SelectOptions, "library"> = {},
): Selection {
  for (const key of Object.keys(options)) {
    const instead = REMOVED_OPTIONS[key];
    const message = `options.${key} is not an option of select()${instead ? `: ${instead}` : " (it takes library)"}.`;
    throw new FairtenderError("invalid-options", message, {
      issues: [{ code: "unknown-option", path: ["options", key], received: key, message }],
    });
  }
  // The rules are the library's own (checked here when the library was not made by createLibrary).
  const rules = libraryRules(lib);

  const regimeAnalysis = analyseRegimes(profile, lib);
  const regimeReasons = new Map<RegimeId, string>();
  for (const d of regimeAnalysis.applicable) regimeReasons.set(d.id, d.reasons[0] ?? d.id);
  const risk = assessRisk(profile, lib);
  const warnings: SelectionWarning[] = [...regimeAnalysis.warnings];
  const clauseById = new Map(lib.clauses.map((c) => [c.id, c]));
  const decisions = new Map<string, Decision>();
  const inProgress = new Set<string>();
  const start = profile.procurement.startDate;
  const end = contractEnd(profile);

  const ctx: EvalContext = {
    profile,
    lib,
    risk,
    regimes: regimeReasons,
    selectedStrength: (id) => {
      const d = decide(id);
      return d?.selected ? d.strength : undefined;
    },
    clauseLabel: (id) => rules.get(id)?.label ?? clauseById.get(id)?.title ?? id,
  };

  function regimeText(clause: Clause): string {
    const on = clause.regimes.filter((r) => regimeReasons.has(r));
    return (
      on.map((r) => `${r} applies because ${regimeReasons.get(r)}`).join("; ") || "no regime of the clause applies"
    );
  }

  function reason(rule: string, text: string, outcomes: readonly Outcome[], sources: readonly Source[]): Reason {
    const inputs: Reason["inputs"] = {};
    for (const o of outcomes) Object.assign(inputs, o.inputs);
    return {
      rule,
      text: capitalise(text),
      inputs,
      sources: uniqueSources([...sources, ...outcomes.flatMap((o) => o.sources)]),
    };
  }

  function decide(id: string): Decision | undefined {
    const clause = clauseById.get(id);
    if (!clause) return undefined;
    const done = decisions.get(id);
    if (done) return done;
    if (inProgress.has(id)) {
      throw new FairtenderError(
        "invalid-rule",
        `The selection rules refer to each other in a loop through clause "${id}".`,
      );
    }
    inProgress.add(id);
    const d = decideNow(clause);
    inProgress.delete(id);
    decisions.set(id, d);
    return d;
  }

  function decideNow(clause: Clause): Decision {
    const rule = rules.get(clause.id);
    const jurisdictionInputs = {
      "buyer.jurisdiction": profile.buyer.jurisdiction,
      "buyer.kind": profile.buyer.kind ?? null,
      regimes: profile.regimes ? [...profile.regimes] : null,
      modules: profile.modules ? [...profile.modules] : null,
    };
    if (!rule) {
      return {
        selected: false,
        reasons: [
          {
            rule: "no-rule",
            text: `${clause.title} not included: the library clause "${clause.id}" has no selection rule (give it one under selection).`,
            inputs: {},
            sources: [],
          },
        ],
        warnings: [
          {
            code: "no-rule",
            subject: clause.id,
            message: `The library clause "${clause.id}" has no selection rule, so it is never selected; give it one under selection.`,
          },
        ],
      };
    }
    // Regime gate.
    const gateOpen =
      rule.gate === "any-regime" ? regimeReasons.size > 0 : clause.regimes.some((r) => regimeReasons.has(r));
    if (!gateOpen) {
      const why = clause.regimes
        .map((r) => `${r}: ${regimeAnalysis.notApplicable.get(r) ?? "does not apply"}`)
        .join("; ");
      const serves =
        clause.regimes.length === 1 ? `the ${clause.regimes[0]} regime` : `the regimes ${clause.regimes.join(", ")}`;
      const suggestion = suggest(clause, rule);
      return {
        selected: false,
        reasons: [
          {
            rule: "regime-not-applicable",
            text: `${capitalise(rule.label)} not included: it serves ${serves}, which ${clause.regimes.length === 1 ? "does" : "do"} not apply (${why}).${suggestion ? ` ${suggestion.text}` : ""}`,
            inputs: { ...jurisdictionInputs, ...(suggestion?.inputs ?? {}) },
            sources: [],
          },
        ],
        warnings: suggestion ? [suggestion.warning] : [],
      };
    }
    // Clause version dates.
    if ((clause.effectiveFrom && clause.effectiveFrom > end) || (clause.effectiveTo && clause.effectiveTo < start)) {
      return {
        selected: false,
        reasons: [
          {
            rule: "clause-not-in-force",
            text: `${capitalise(rule.label)} not included: this version of the clause applies ${clause.effectiveFrom ? `from ${clause.effectiveFrom}` : ""}${clause.effectiveTo ? ` to ${clause.effectiveTo}` : ""}, outside the contract term ${start} to ${end}.`,
            inputs: {
              "procurement.startDate": start,
              "procurement.durationMonths": profile.procurement.durationMonths ?? null,
            },
            sources: [],
          },
        ],
        warnings: [],
      };
    }
    const outcomes: Outcome[] = [];
    const regime = regimeText(clause);
    for (const branch of rule.when) {
      const o = evaluate(branch.if, ctx);
      if (!branch.companion) outcomes.push(o);
      const strength = o.value === true ? branch.strength : o.value === "unknown" ? branch.ifUnknown : undefined;
      if (strength === undefined) continue;
      const template = o.value === "unknown" ? (rule.whyUnknown ?? rule.why) : (branch.why ?? rule.why);
      const text = reasonText(rule.id, o.value === "unknown" ? "whyUnknown" : "why", template, {
        because: o.text || regime,
        strength,
        regime,
      });
      const w = [...o.warnings, ...(rule.warnWhenSelected ?? []).map((x) => ({ ...x, subject: clause.id }))];
      return {
        selected: true,
        strength,
        reasons: [reason(rule.id, text, [o], [...rule.sources, ...(branch.sources ?? [])])],
        warnings: w,
      };
    }
    // Not selected: explain with every branch's deciding facts.
    const seen = new Set<string>();
    const texts: string[] = [];
    for (const o of outcomes) {
      if (o.text && !seen.has(o.text)) {
        seen.add(o.text);
        texts.push(o.text);
      }
    }
    const suggestion = suggest(clause, rule);
    let text = reasonText(rule.id, "whyNot", rule.whyNot, {
      because: texts.join("; ") || regime,
      strength: "",
      regime,
    });
    if (suggestion) text += ` ${suggestion.text}`;
    const r = reason(rule.id, text, outcomes, rule.sources);
    if (suggestion) Object.assign(r.inputs, suggestion.inputs);
    return {
      selected: false,
      reasons: [r],
      warnings: [...outcomes.flatMap((o) => o.warnings), ...(suggestion ? [suggestion.warning] : [])],
    };
  }

  function suggest(
    clause: Clause,
    rule: Rule,
  ): { text: string; inputs: Reason["inputs"]; warning: SelectionWarning } | undefined {
    if (!rule.suggest) return undefined;
    const o = evaluate(rule.suggest.when, ctx);
    if (o.value !== true) return undefined;
    const text = `${rule.suggest.text} ${o.text}.`;
    return { text, inputs: o.inputs, warning: { code: "module-suggested", subject: clause.id, message: text } };
  }

  // Decide every library clause (library order; dependencies are decided on demand).
  const selected: SelectedClause[] = [];
  const excluded: ExcludedClause[] = [];
  for (const clause of lib.clauses) {
    const d = decide(clause.id) as Decision;
    warnings.push(...d.warnings);
    if (!d.selected) {
      excluded.push({
        id: clause.id,
        version: clause.version,
        title: clause.title,
        topic: clause.topic,
        regimes: [...clause.regimes],
        sources: clause.sources,
        reasons: d.reasons,
      });
      continue;
    }
    const { values, resolved } = resolveParameters(clause, risk, warnings);
    selected.push({
      id: clause.id,
      version: clause.version,
      title: clause.title,
      topic: clause.topic,
      kind: clause.kind,
      regimes: [...clause.regimes],
      strength: d.strength,
      reasons: d.reasons,
      body: resolveBody(clause, values, lib),
      parameters: resolved,
      sources: clause.sources,
      draftingNote: clause.draftingNote,
      terms: [...clause.terms],
      related: [...clause.related],
      incorporates: clause.incorporates,
      obligations: applyTimings(clause, values),
    });
  }
  selected.sort(documentOrder(lib));
  excluded.sort(documentOrder(lib));

  // SME proportionality: selected clauses whose rule says what they ask of a small supplier.
  if (profile.supplier?.sme === true) {
    for (const c of selected) {
      const burden = rules.get(c.id)?.smeBurden;
      if (burden === undefined) continue;
      warnings.push({
        code: "sme-proportionality",
        subject: c.id,
        message: `${c.title} (${c.strength}) asks an SME supplier for ${burden}. The UK PPNs ask buyers to keep requirements proportionate for SMEs and CSDDD Art. 10(2)(e) calls for targeted support; ${c.strength === "mandatory" ? "the clause is required by law, so consider support (time, guidance, shared audits) rather than removal" : "consider whether it is proportionate for this supplier"}.`,
      });
    }
  }

  // Cite only the instruments in force for the procurement (see sourceDating), then harmonise.
  const dating = sourceDating(profile, lib);
  const clauses = dating.selected(selected);
  const obligations = harmonise(clauses, new Set(regimeReasons.keys()));
  const { warnings: annexWarnings, ...annexes } = selectAnnexes(
    { profile, risk, regimes: regimeAnalysis.applicable, clauses, obligations },
    lib,
  );
  warnings.push(...annexWarnings);
  const packed = { annexes: dating.annexes(annexes.annexes), wording: dating.wording(annexes.wording) };
  // A fresh copy: the selection shares nothing with the (frozen) library, so callers may change it.
  return structuredClone({
    profile,
    asOf: start,
    libraryVersion: lib.version,
    regimes: regimeAnalysis.applicable,
    risk,
    clauses,
    excluded: dating.excluded(excluded),
    obligations,
    definitions: definitionsFor(clauses, lib),
    warnings: dedupeWarnings([...warnings, ...dating.warnings]),
    ...packed,
  });
}
