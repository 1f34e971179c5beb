import { uniqueSources } from "../../cite.js";
import { contractEnd } from "../../dates.js";
import { FairtenderError } from "../../errors.js";
import type { Clause, Library } from "../../model/clause.js";
import type { Source } from "../../model/common.js";
import type { TenderProfile } from "../../model/profile.js";
import type { REASON_VARIABLES, Rule } from "../../model/rule.js";
import type { Reason, RiskAssessment, SelectionWarning, Strength } from "../../model/selection.js";
import { fillText } from "../../template/interpret.js";
import { type EvalContext, evaluate, joinTexts, type Outcome } from "../conditions.js";
import { type RegimeAnalysis, regimeReasons } from "./regimes.js";

/** What the rule stage reads: the profile, the library and its checked rules, and the earlier stages' results. */
export interface RuleStageInput {
  profile: TenderProfile;
  lib: Library;
  /** The library's selection rules by clause id (see `libraryRules`). */
  rules: ReadonlyMap<string, Rule>;
  /** The regime stage's decisions. */
  regimes: RegimeAnalysis;
  /** The risk stage's assessment. */
  risk: RiskAssessment;
}

/** The decision on one clause: selected with a strength, or left out; with its reasons and warnings. */
export type Decision =
  | { selected: true; strength: Strength; reasons: Reason[]; warnings: SelectionWarning[] }
  | { selected: false; reasons: Reason[]; warnings: SelectionWarning[] };

/** A library clause with the decision on it. */
export interface ClauseDecision {
  clause: Clause;
  decision: Decision;
}

/** What the rule stage decides. */
export interface RuleStageOutput {
  /** One decision for every library clause, in library order. */
  decisions: ClauseDecision[];
}

/** What deciding one clause reads: the stage input, the regimes' reasons and the conditions' context. */
interface RuleScope extends RuleStageInput {
  regimeReasons: ReadonlyMap<string, string>;
  conditions: EvalContext;
  start: string;
  end: string;
}

/** A suggestion of a buyer-choice module, added to a reason and raised as a warning. */
interface Suggestion {
  text: string;
  inputs: Reason["inputs"];
  warning: SelectionWarning;
}

/** The values of a reason template's variables (`{{because}}`, `{{strength}}`, `{{regime}}`). */
type ReasonVariables = Readonly<Record<(typeof REASON_VARIABLES)[number], string>>;

/**
 * The rule stage: decides every library clause with its own `selection` rule — the regime gate, the
 * clause version's dates, then the rule's branches in order (the first that holds, or cannot be
 * decided and says `ifUnknown`, gives the strength); a clause none of whose branches holds is left
 * out with why not. A rule may depend on another clause's decision (`selected`): that clause is
 * decided first, on demand; a loop is an `invalid-rule` error. Pure.
 */
export function decideClauses(input: RuleStageInput): RuleStageOutput {
  const { profile, lib, rules } = input;
  const clauseById = new Map(lib.clauses.map((c) => [c.id, c]));
  const decided = new Map<string, Decision>();
  const inProgress = new Set<string>();
  const reasons = regimeReasons(input.regimes.applicable);
  const scope: RuleScope = {
    ...input,
    regimeReasons: reasons,
    start: profile.procurement.startDate,
    end: contractEnd(profile),
    conditions: {
      profile,
      lib,
      risk: input.risk,
      regimes: reasons,
      selectedStrength: (id) => {
        const d = decide(id);
        return d?.selected ? d.strength : undefined;
      },
      clauseLabel: (id) => rules.get(id)?.label ?? clauseById.get(id)?.title ?? id,
    },
  };

  function decide(id: string): Decision | undefined {
    const clause = clauseById.get(id);
    if (!clause) return undefined;
    const done = decided.get(id);
    if (done) return done;
    if (inProgress.has(id)) {
      throw new FairtenderError(
        "invalid-rule",
        `The selection rules refer to each other in a loop through clause "${id}".`,
      );
    }
    inProgress.add(id);
    const d = decideClause(clause, scope);
    inProgress.delete(id);
    decided.set(id, d);
    return d;
  }

  return { decisions: lib.clauses.map((clause) => ({ clause, decision: decide(clause.id) as Decision })) };
}

/** One clause, in the order its rule is read: a rule at all, the regime gate, the clause's dates, the branches. */
function decideClause(clause: Clause, scope: RuleScope): Decision {
  const rule = scope.rules.get(clause.id);
  if (!rule) return withoutRule(clause);
  const gateOpen =
    rule.gate === "any-regime" ? scope.regimeReasons.size > 0 : clause.regimes.some((r) => scope.regimeReasons.has(r));
  if (!gateOpen) return regimeNotApplicable(clause, rule, scope);
  const { start, end } = scope;
  if ((clause.effectiveFrom && clause.effectiveFrom > end) || (clause.effectiveTo && clause.effectiveTo < start)) {
    return notInForce(clause, rule, scope);
  }
  return byBranches(clause, rule, scope);
}

function withoutRule(clause: Clause): Decision {
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

function regimeNotApplicable(clause: Clause, rule: Rule, scope: RuleScope): Decision {
  const { profile } = scope;
  const why = clause.regimes.map((r) => `${r}: ${scope.regimes.notApplicable.get(r) ?? "does not apply"}`).join("; ");
  const serves =
    clause.regimes.length === 1 ? `the ${clause.regimes[0]} regime` : `the regimes ${clause.regimes.join(", ")}`;
  const suggestion = suggest(clause, rule, scope);
  const jurisdictionInputs = {
    "buyer.jurisdiction": profile.buyer.jurisdiction,
    "buyer.kind": profile.buyer.kind ?? null,
    regimes: profile.regimes ? [...profile.regimes] : null,
    modules: profile.modules ? [...profile.modules] : null,
  };
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

function notInForce(clause: Clause, rule: Rule, scope: RuleScope): Decision {
  const { start, end } = scope;
  return {
    selected: false,
    reasons: [
      {
        rule: "clause-not-in-force",
        text: `${capitalise(rule.label)} not included: this version of the clause applies ${clause.effectiveFrom ? `from ${clause.effectiveFrom}` : ""}${clause.effectiveTo ? ` to ${clause.effectiveTo}` : ""}, outside the contract term ${start} to ${end}.`,
        inputs: {
          "procurement.startDate": start,
          "procurement.durationMonths": scope.profile.procurement.durationMonths ?? null,
        },
        sources: [],
      },
    ],
    warnings: [],
  };
}

/** The rule's branches in order: the first that holds (or is undecided, with `ifUnknown`) selects. */
function byBranches(clause: Clause, rule: Rule, scope: RuleScope): Decision {
  const outcomes: Outcome[] = [];
  const regime = regimeText(clause, scope);
  for (const branch of rule.when) {
    const o = evaluate(branch.if, scope.conditions);
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
  const suggestion = suggest(clause, rule, scope);
  let text = reasonText(rule.id, "whyNot", rule.whyNot, {
    because: joinTexts(outcomes) || regime,
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

/** The rule's suggestion of a buyer-choice module, when its condition holds. */
function suggest(clause: Clause, rule: Rule, scope: RuleScope): Suggestion | undefined {
  if (!rule.suggest) return undefined;
  const o = evaluate(rule.suggest.when, scope.conditions);
  if (o.value !== true) return undefined;
  const text = `${rule.suggest.text} ${o.text}.`;
  return { text, inputs: o.inputs, warning: { code: "module-suggested", subject: clause.id, message: text } };
}

/** Why the clause's regimes apply, for `{{regime}}`. */
function regimeText(clause: Clause, scope: RuleScope): string {
  const on = clause.regimes.filter((r) => scope.regimeReasons.has(r));
  return (
    on.map((r) => `${r} applies because ${scope.regimeReasons.get(r)}`).join("; ") || "no regime of the clause applies"
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

/** Fills a reason template with the one template interpreter (the rule id and field name it in errors). */
function reasonText(ruleId: string, field: string, template: string, vars: ReasonVariables): string {
  return fillText(`rule ${ruleId} ${field}`, template, vars);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
