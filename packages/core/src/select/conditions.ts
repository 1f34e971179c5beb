import { uniqueBy } from "../collections.js";
import { commencementDate, contractEnd } from "../dates.js";
import { FairtenderError } from "../errors.js";
import type { Library } from "../model/clause.js";
import type { Money, Source } from "../model/common.js";
import type { RiskLevel, TenderProfile } from "../model/profile.js";
import type { AmountPath, Condition, FlagPath, Strength } from "../model/rule.js";
import type { RiskAssessment, SelectionWarning } from "../model/selection.js";
import type { RegimeId } from "../model/topics.js";
import { datedDate, datedValue } from "./dated.js";
import { isBuyerCountry } from "./jurisdictions.js";
import { convert, formatMoney } from "./money.js";

export type { AmountPath, Condition, FlagPath } from "../model/rule.js";

/** Yes, no, or cannot be told from the profile (e.g. a threshold in another currency with no rate). */
export type Tri = true | false | "unknown";

type Json = string | number | boolean | null | Array<string | number | boolean | null>;

/** The result of evaluating a condition. */
export interface Outcome {
  value: Tri;
  /** Plain-language statement of the facts that decided the value (empty for `always`). */
  text: string;
  inputs: Record<string, Json>;
  sources: Source[];
  warnings: SelectionWarning[];
}

/** What conditions can look at. */
export interface EvalContext {
  profile: TenderProfile;
  lib: Library;
  risk: RiskAssessment;
  regimes: ReadonlyMap<RegimeId, string>;
  /** The strength a clause was selected with, or undefined when not selected (evaluates lazily). */
  selectedStrength: (clause: string) => Strength | undefined;
  clauseLabel: (clause: string) => string;
}

const RISK_RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

function merge(into: Outcome, from: Outcome, withWarnings: boolean): void {
  Object.assign(into.inputs, from.inputs);
  into.sources.push(...from.sources);
  if (withWarnings) into.warnings.push(...from.warnings);
}

/** The distinct statements of the outcomes, in order, joined with "; " (empty ones left out). */
export function joinTexts(list: readonly Outcome[]): string {
  return uniqueBy(
    list.map((o) => o.text).filter((t) => t !== ""),
    (t) => t,
  ).join("; ");
}

function leaf(
  value: Tri,
  text: string,
  inputs: Record<string, Json> = {},
  sources: Source[] = [],
  warnings: SelectionWarning[] = [],
): Outcome {
  return { value, text, inputs, sources, warnings };
}

function getAmount(profile: TenderProfile, path: AmountPath): Money | number | undefined {
  switch (path) {
    case "procurement.value":
      return profile.procurement.value;
    case "procurement.outsideBuyerCountryValue":
      return profile.procurement.outsideBuyerCountryValue;
    case "supplier.annualTurnover":
      return profile.supplier?.annualTurnover;
    case "supplier.totalAssets":
      return profile.supplier?.totalAssets;
    case "supplier.employees":
      return profile.supplier?.employees;
  }
}

function getFlag(profile: TenderProfile, path: FlagPath): boolean | undefined {
  const p = profile.procurement;
  switch (path) {
    case "procurement.commercialOffTheShelf":
      return p.commercialOffTheShelf;
    case "procurement.usDirectivesApply":
      return p.usDirectivesApply;
    case "supplier.sme":
      return profile.supplier?.sme;
    default: {
      const key = path.slice("procurement.labour.".length) as keyof typeof p.labour;
      return p.labour[key];
    }
  }
}

/** Work abroad, with the facts read. */
function abroad(ctx: EvalContext): Outcome {
  const p = ctx.profile.procurement;
  const where = ctx.profile.buyer.jurisdiction === "US" || ctx.regimes.has("us-far") ? "the US" : "the buyer's country";
  const inputs: Record<string, Json> = {
    "procurement.countries": [...p.countries],
    "procurement.category": p.category,
  };
  const outside = p.outsideBuyerCountryValue;
  if (outside) {
    inputs["procurement.outsideBuyerCountryValue.amount"] = outside.amount;
    inputs["procurement.outsideBuyerCountryValue.currency"] = outside.currency;
  }
  if (outside && outside.amount > 0) {
    return leaf(
      true,
      `${formatMoney(outside.amount, outside.currency)} of the contract is performed or supplied outside ${where}`,
      inputs,
    );
  }
  const foreign = p.countries.filter((c) => isBuyerCountry(ctx.profile, c, ctx.lib) === false);
  if (p.category !== "goods" && foreign.length > 0) {
    return leaf(true, `the ${p.category} are performed in ${foreign.join(", ")}, outside ${where}`, inputs);
  }
  return leaf(
    false,
    outside
      ? `no part of the contract is performed outside ${where} (procurement.outsideBuyerCountryValue is ${formatMoney(outside.amount, outside.currency)})`
      : `no part of the contract is shown as performed outside ${where} (no procurement.outsideBuyerCountryValue${p.category !== "goods" ? ", and procurement.countries names no other country" : ""})`,
    inputs,
  );
}

function threshold(ctx: EvalContext, c: Extract<Condition, { kind: "threshold" }>): Outcome {
  const readAt = ctx.lib.parameters.find((x) => x.id === c.param);
  const asOf =
    readAt && readAt.type !== "date" && readAt.readAt === "commencement"
      ? commencementDate(ctx.profile)
      : ctx.profile.procurement.startDate;
  const dv = datedValue(ctx.lib, c.param, asOf);
  const raw = getAmount(ctx.profile, c.amount);
  const inputs: Record<string, Json> = {};
  if (typeof raw === "number") inputs[c.amount] = raw;
  else if (raw) {
    inputs[`${c.amount}.amount`] = raw.amount;
    inputs[`${c.amount}.currency`] = raw.currency;
  } else inputs[c.amount] = null;
  if (!dv) {
    return leaf(
      "unknown",
      `the library has no value of the threshold "${c.param}" in force on ${asOf}, so ${c.subject} could not be tested`,
      inputs,
      [],
      [
        {
          code: "missing-parameter",
          subject: c.param,
          message: `The library defines no value of the dated parameter "${c.param}" in force on ${asOf}; the rule that needs it treats the test as not proven.`,
        },
      ],
    );
  }
  inputs[`parameters.${c.param}`] = dv.value;
  const sources = [dv.source];
  const warnings: SelectionWarning[] = [];
  const thresholdText = formatMoney(dv.value, dv.currency);
  const inForce = `the threshold in force on ${asOf}`;
  if (dv.confidence !== "confirmed") {
    warnings.push({
      code: "unconfirmed-fact",
      subject: c.param,
      message: `The ${thresholdText} threshold in force on ${asOf} ("${c.param}", from ${dv.effectiveFrom}) rests on a ${dv.confidence} source (${dv.source.citation}); verify it against the official text before relying on this result.`,
    });
  }
  if (raw === undefined) {
    const foreign = ctx.profile.procurement.countries.some((x) => isBuyerCountry(ctx.profile, x, ctx.lib) === false);
    const unknown = c.ifAbsent === "unknown" || (c.ifAbsent === "false-unless-abroad" && foreign);
    if (unknown) {
      warnings.push({
        code: "missing-value",
        subject: c.amount,
        message: `The ${thresholdText} threshold ("${c.param}", ${inForce}) could not be tested: ${c.subject} is not given (${c.amount}). Give it to decide whether the clauses that depend on it are required.`,
      });
      return leaf(
        "unknown",
        `${c.subject} is not given (${c.amount}), so the ${thresholdText} test (${inForce}) could not be applied`,
        inputs,
        sources,
        warnings,
      );
    }
    return leaf(
      false,
      `${c.subject} is not given (${c.amount}), so it is not shown to reach ${thresholdText}, ${inForce}`,
      inputs,
      sources,
      warnings,
    );
  }
  let amount: number;
  let shown: string;
  if (typeof raw === "number") {
    amount = raw;
    shown = formatMoney(raw);
  } else {
    const target = dv.currency ?? raw.currency;
    const conv = convert(raw, target, ctx.profile.exchangeRates);
    if (!conv.ok) {
      warnings.push({
        code: "missing-exchange-rate",
        subject: c.amount,
        message: `The ${thresholdText} threshold ("${c.param}", ${inForce}) could not be tested: ${c.subject} is in ${raw.currency} and profile.exchangeRates gives no ${raw.currency}/${target} or ${target}/${raw.currency} rate. No rate is guessed; add one (e.g. "${raw.currency}/${target}") to test it.`,
      });
      return leaf(
        "unknown",
        `${c.subject} (${formatMoney(raw.amount, raw.currency)}) could not be compared with ${thresholdText}, ${inForce}: no ${raw.currency}/${target} exchange rate is given`,
        inputs,
        sources,
        warnings,
      );
    }
    amount = conv.amount;
    if (conv.pair) inputs[`exchangeRates.${conv.pair}`] = conv.rate ?? null;
    shown = conv.pair
      ? `${formatMoney(raw.amount, raw.currency)}, ${formatMoney(Math.round(amount * 100) / 100, target)} at ${conv.pair} ${conv.rate}`
      : formatMoney(raw.amount, raw.currency);
  }
  const pass = c.test === "exceeds" ? amount > dv.value : amount >= dv.value;
  if (amount === dv.value) {
    warnings.push({
      code: "threshold-boundary",
      subject: c.param,
      message: `${c.subject} (${shown}) is exactly the ${thresholdText} threshold; the test used is "${c.test === "exceeds" ? "exceeds" : "at least"}", so it is ${pass ? "met" : "not met"}.${c.boundaryNote ? ` ${c.boundaryNote}` : ""}`,
    });
  }
  const verb = c.test === "exceeds" ? (pass ? "exceeds" : "does not exceed") : pass ? "is at least" : "is below";
  return leaf(pass, `${c.subject} (${shown}) ${verb} ${thresholdText}, ${inForce}`, inputs, sources, warnings);
}

/** Evaluates a condition against a profile. */
export function evaluate(c: Condition, ctx: EvalContext): Outcome {
  const p = ctx.profile.procurement;
  switch (c.kind) {
    case "always":
      return leaf(true, "");
    case "all":
    case "any": {
      const parts = c.of.map((x) => evaluate(x, ctx));
      const want = c.kind !== "all";
      let value: Tri;
      if (parts.some((o) => o.value === want)) value = want;
      else if (parts.some((o) => o.value === "unknown")) value = "unknown";
      else value = !want;
      // Explain with the parts that decided the value.
      const deciding =
        value === "unknown" ? parts.filter((o) => o.value === "unknown") : parts.filter((o) => o.value === value);
      const out = leaf(value, joinTexts(deciding));
      for (const o of parts) merge(out, o, deciding.includes(o));
      return out;
    }
    case "not": {
      const inner = evaluate(c.of, ctx);
      return { ...inner, value: inner.value === "unknown" ? "unknown" : !inner.value };
    }
    case "count": {
      const parts = c.of.map((x) => evaluate(x, ctx));
      const yes = parts.filter((o) => o.value === true).length;
      const unknown = parts.filter((o) => o.value === "unknown").length;
      const value: Tri = yes >= c.atLeast ? true : yes + unknown < c.atLeast ? false : "unknown";
      const out = leaf(
        value,
        `${c.label}: ${yes} of ${parts.length} met${unknown ? `, ${unknown} not known` : ""} (${joinTexts(parts)})`,
      );
      for (const o of parts) merge(out, o, true);
      return out;
    }
    case "regime": {
      const why = ctx.regimes.get(c.id);
      const inputs: Record<string, Json> = {
        "buyer.jurisdiction": ctx.profile.buyer.jurisdiction,
        "buyer.kind": ctx.profile.buyer.kind ?? null,
        regimes: ctx.profile.regimes ? [...ctx.profile.regimes] : null,
        modules: ctx.profile.modules ? [...ctx.profile.modules] : null,
      };
      return why ? leaf(true, `${c.id} applies because ${why}`, inputs) : leaf(false, `${c.id} does not apply`, inputs);
    }
    case "buyer-kind": {
      const kind = ctx.profile.buyer.kind;
      const ok = kind !== undefined && c.in.includes(kind);
      return leaf(
        ok,
        ok ? `the buyer is of kind ${kind}` : `the buyer's kind is ${kind ?? "not given"}, not ${c.in.join(" or ")}`,
        { "buyer.kind": kind ?? null },
      );
    }
    case "category": {
      const ok = c.in.includes(p.category);
      return leaf(
        ok,
        ok ? `the procurement is for ${p.category}` : `the procurement is for ${p.category}, not ${c.in.join(" or ")}`,
        {
          "procurement.category": p.category,
        },
      );
    }
    case "flag": {
      const v = getFlag(ctx.profile, c.path);
      return leaf(
        v === true,
        v === true ? `${c.yes} (${c.path} = true)` : `${c.no} (${c.path} is ${v === false ? "false" : "not set"})`,
        {
          [c.path]: v ?? null,
        },
      );
    }
    case "risk": {
      const r = ctx.risk;
      const ok = RISK_RANK[r.level] >= RISK_RANK[c.atLeast];
      const basis = r.overridden ? "the buyer's own assessment" : "computed from the risk factors";
      const want = c.atLeast === "high" ? "high" : `${c.atLeast} or higher`;
      // `risk.level` is the level used (the buyer's own when given, which is then also the profile's value).
      return leaf(ok, ok ? `the risk is ${r.level} (${basis})` : `the risk is ${r.level} (${basis}), not ${want}`, {
        "risk.level": r.level,
      });
    }
    case "selected": {
      const s = ctx.selectedStrength(c.clause);
      const ok = s !== undefined && (c.strengths === undefined || c.strengths.includes(s));
      const label = ctx.clauseLabel(c.clause);
      return leaf(
        ok,
        ok
          ? `${label} is included (${s})`
          : s === undefined
            ? `${label} is not included`
            : `${label} is included only as ${s}, not ${c.strengths?.join(" or ")}`,
      );
    }
    case "abroad":
      return abroad(ctx);
    case "threshold":
      return threshold(ctx, c);
    case "date": {
      const d =
        c.of === "start" ? p.startDate : c.of === "end" ? contractEnd(ctx.profile) : commencementDate(ctx.profile);
      const field =
        c.of === "start"
          ? "procurement.startDate"
          : c.of === "end"
            ? "the last day of the contract term (procurement.startDate + durationMonths)"
            : p.commencedOn
              ? "procurement.commencedOn"
              : "procurement.commencedOn, not given, so procurement.startDate";
      const inputs: Record<string, Json> = { "procurement.startDate": p.startDate };
      if (c.of === "end") inputs["procurement.durationMonths"] = p.durationMonths ?? null;
      if (c.of === "commenced") inputs["procurement.commencedOn"] = p.commencedOn ?? null;
      const dv = datedDate(ctx.lib, c.param, d);
      if (!dv) {
        return leaf(
          "unknown",
          `the library has no date "${c.param}" (${c.label}), so ${d} could not be placed`,
          inputs,
          [],
          [
            {
              code: "missing-parameter",
              subject: c.param,
              message: `The library defines no dated parameter "${c.param}" (${c.label}); the rule that needs it treats the test as not proven.`,
            },
          ],
        );
      }
      inputs[`parameters.${c.param}`] = dv.date;
      const ok = d >= dv.date;
      return leaf(
        ok,
        ok
          ? `${d} (${field}) is on or after ${dv.date}, ${c.label}`
          : `${d} (${field}) is before ${dv.date}, ${c.label}`,
        inputs,
        [dv.source],
      );
    }
    case "ref": {
      const named = (ctx.lib.conditions ?? []).find((n) => n.id === c.id);
      if (!named) {
        throw new FairtenderError(
          "invalid-rule",
          `A rule uses the named condition "${c.id}", which the library does not have.`,
        );
      }
      return evaluate(named.condition, ctx);
    }
    case "business-in": {
      const list = ctx.profile.supplier?.businessIn;
      if (list === undefined) {
        return leaf(true, `the supplier is taken to carry on business in ${c.label} (supplier.businessIn not given)`, {
          "supplier.businessIn": null,
        });
      }
      const ok = list.includes(c.country);
      return leaf(
        ok,
        ok
          ? `the supplier carries on business in ${c.label}`
          : `the supplier does not carry on business in ${c.label} (supplier.businessIn: ${list.join(", ") || "none"})`,
        {
          "supplier.businessIn": [...list],
        },
      );
    }
  }
}
