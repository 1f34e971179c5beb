import { FairtenderError, formatPath, type Issue, type IssueCode, type IssuePath, problemsError } from "../errors.js";
import { Library, type LibraryInput } from "../model/clause.js";
import type { DatedParameter } from "../model/common.js";
import { SECTOR_IDS } from "../model/sectors.js";
import { REGIME_IDS } from "../model/topics.js";
import { templateUsage } from "../template/usage.js";
import { issueAt, moveIssue } from "../validate/issues.js";
import { suggest } from "../validate/suggest.js";
import { annexIssues } from "./check-annexes.js";
import { duplicates, ruleIssues, schemaIssues } from "./rules.js";

/**
 * Runs every self-check of a clause library and returns the problems found (empty when the library
 * is sound). The checks: the `Library` schema; unique ids (clauses, obligations across all clauses,
 * definitions, regimes, sectors, dated parameters); every parameter a text uses is declared and every
 * declared one is used; every `{{term}}` is listed in `terms` and every listed term is defined
 * (also inside definitions); every `{{ref}}` resolves and is listed in `related`, and every
 * `related` id resolves; every clause and obligation has a source and every obligation has evidence;
 * versions are semver; `effectiveFrom` is not after `effectiveTo`; every sector id is covered; every
 * regime a clause names is described; dated parameter periods neither overlap nor run backwards;
 * the selection rules (see `ruleIssues`): every clause, dated parameter, named condition and
 * regime a rule names exists, reason templates use only the reason variables, rule ids are unique,
 * no rule depends on itself, labels are words, and each parameter's `timing` drives an obligation;
 * and the annexes and the pack's wording (see `annexIssues`): they place only the values the engine
 * fills in and refer only to clauses and annexes of the library.
 *
 * Issue paths point into the library, e.g. `["clauses", 3, "body", "subclauses", 1, "text"]`, each
 * issue has a stable `code` (`duplicate-id`, `unknown-term`, `unused-parameter`, ...: see
 * `ISSUE_CODES`), and each message names the clause (or definition) id so that it can be found in
 * the source files.
 */
export function checkLibrary(input: LibraryInput | Library | unknown): Issue[] {
  return validateLibrary(input).issues;
}

/** Parses and checks a library: the parsed library (defaults applied) when sound, and the issues. */
export function validateLibrary(input: unknown): { data?: Library; issues: Issue[] } {
  const parsed = Library.safeParse(input);
  if (!parsed.success) return { issues: schemaIssues(parsed.error, input, Library) };
  const issues = semanticIssues(parsed.data);
  return issues.length ? { issues } : { data: parsed.data, issues };
}

/** Like {@link checkLibrary} but throws `invalid-library` listing every problem. Returns the parsed library. */
export function assertLibrary(input: unknown, what = "The clause library"): Library {
  const { data, issues } = validateLibrary(input);
  if (!data) throw libraryError(what, issues);
  return data;
}

/** An `invalid-library` error listing the issues. */
export function libraryError(what: string, issues: Issue[]): FairtenderError {
  return problemsError("invalid-library", what, issues);
}

function semanticIssues(lib: Library): Issue[] {
  const out: Issue[] = [];
  const add = (code: IssueCode, path: IssuePath, message: string, received?: unknown, expected?: string) =>
    out.push(issueAt(code, path, message, { received, expected }));

  const clauseIds = lib.clauses.map((c) => c.id);
  const clauseSet = new Set(clauseIds);
  const termIds = lib.definitions.map((d) => d.id);
  const termSet = new Set(termIds);
  const regimeSet = new Set(lib.regimes.map((r) => r.id));
  const didYouMean = (value: string, candidates: readonly string[]) => {
    const hits = suggest(value, candidates);
    return hits.length ? ` (did you mean ${hits.map((h) => JSON.stringify(h)).join(" or ")}?)` : "";
  };
  const unique = "an id used nowhere else";

  const keyed: [field: string, ids: readonly string[], says: (id: string) => string][] = [
    ["clauses", clauseIds, (id) => `clause id "${id}" is used more than once; ids must be unique`],
    ["definitions", termIds, (id) => `definition id "${id}" is used more than once; ids must be unique`],
    ["regimes", lib.regimes.map((r) => r.id), (id) => `regime "${id}" is described more than once`],
    ["sectors", lib.sectors.map((s) => s.id), (id) => `sector "${id}" is described more than once`],
    ["parameters", lib.parameters.map((p) => p.id), (id) => `dated parameter "${id}" is defined more than once`],
  ];
  for (const [field, ids, says] of keyed) {
    for (const [id, at] of duplicates(ids)) add("duplicate-id", [field, at, "id"], says(id), id, unique);
  }

  // Obligation ids are unique across the whole library, not only within a clause.
  const obligationAt = new Map<string, string>();
  lib.clauses.forEach((clause, ci) => {
    clause.obligations.forEach((o, oi) => {
      const path = ["clauses", ci, "obligations", oi];
      const first = obligationAt.get(o.id);
      if (first) {
        add(
          "duplicate-id",
          [...path, "id"],
          `obligation id "${o.id}" (clause "${clause.id}") is already used at ${first}`,
          o.id,
          unique,
        );
      } else obligationAt.set(o.id, `${formatPath(path)} (clause "${clause.id}")`);
      if (o.evidence.length === 0) {
        add(
          "missing-evidence",
          [...path, "evidence"],
          `obligation "${o.id}" (clause "${clause.id}") lists no evidence; name at least one record that shows it was met`,
          undefined,
          "at least one record",
        );
      }
      if (o.sources.length === 0)
        add(
          "missing-source",
          [...path, "sources"],
          `obligation "${o.id}" (clause "${clause.id}") cites no source`,
          undefined,
          "at least one source",
        );
    });
  });

  lib.clauses.forEach((clause, ci) => {
    const at = ["clauses", ci];
    const who = `clause "${clause.id}"`;
    if (clause.sources.length === 0)
      add("missing-source", [...at, "sources"], `${who} cites no source`, undefined, "at least one source");
    if (clause.effectiveFrom && clause.effectiveTo && clause.effectiveTo < clause.effectiveFrom) {
      add(
        "invalid-period",
        [...at, "effectiveTo"],
        `${who} ends (${clause.effectiveTo}) before it starts (${clause.effectiveFrom})`,
        clause.effectiveTo,
        `a date on or after ${clause.effectiveFrom}`,
      );
    }
    clause.regimes.forEach((r, ri) => {
      if (!regimeSet.has(r))
        add(
          "unknown-regime",
          [...at, "regimes", ri],
          `${who} names regime "${r}", which the library does not describe`,
          r,
          "a regime of the library",
        );
    });

    let usage: ReturnType<typeof templateUsage>;
    try {
      usage = templateUsage(clause);
    } catch (error) {
      const issues = error instanceof FairtenderError ? error.issues : [];
      for (const issue of issues) out.push(moveIssue(issue, { prefix: at, lead: `${who} ` }));
      if (!issues.length)
        add("invalid-template", [...at, "body"], `${who} has a template that cannot be read: ${String(error)}`);
      return;
    }

    const declared = Object.keys(clause.parameters);
    for (const p of usage.params) {
      if (!declared.includes(p)) {
        add(
          "unknown-parameter",
          [...at, "parameters"],
          `${who} uses {{params.${p}}} but does not declare the parameter "${p}"${didYouMean(p, declared)}`,
          p,
          "a declared parameter",
        );
      }
    }
    for (const p of declared) {
      if (!usage.params.includes(p)) {
        add(
          "unused-parameter",
          [...at, "parameters", p],
          `${who} declares the parameter "${p}" but its text never uses {{params.${p}}}`,
          p,
          `{{params.${p}}} in the text`,
        );
      }
      const spec = clause.parameters[p];
      if (spec?.type === "integer") {
        if (spec.min !== undefined && spec.default < spec.min) {
          add(
            "invalid-default",
            [...at, "parameters", p, "default"],
            `${who}: default ${spec.default} is below the minimum ${spec.min}`,
            spec.default,
            `at least ${spec.min}`,
          );
        }
        if (spec.max !== undefined && spec.default > spec.max) {
          add(
            "invalid-default",
            [...at, "parameters", p, "default"],
            `${who}: default ${spec.default} is above the maximum ${spec.max}`,
            spec.default,
            `at most ${spec.max}`,
          );
        }
      }
      if (spec?.type === "string-list" && spec.default.length === 0) {
        add(
          "invalid-default",
          [...at, "parameters", p, "default"],
          `${who}: the default list of "${p}" is empty; give at least one value`,
          spec.default,
          "at least one value",
        );
      }
    }

    for (const t of usage.terms) {
      if (!clause.terms.includes(t))
        add(
          "unlisted-term",
          [...at, "terms"],
          `${who} uses {{term "${t}"}} but does not list "${t}" in terms`,
          t,
          `"${t}" in terms`,
        );
    }
    clause.terms.forEach((t, ti) => {
      if (!termSet.has(t))
        add(
          "unknown-term",
          [...at, "terms", ti],
          `${who} lists the term "${t}", which no definition defines${didYouMean(t, termIds)}`,
          t,
          "a term of the definitions",
        );
    });

    for (const r of usage.refs) {
      if (!clauseSet.has(r))
        add(
          "unknown-clause",
          [...at, "body"],
          `${who} refers to {{ref "${r}"}}, which is not a clause in the library${didYouMean(r, clauseIds)}`,
          r,
          "a clause of the library",
        );
      else if (!clause.related.includes(r))
        add(
          "unlisted-reference",
          [...at, "related"],
          `${who} refers to {{ref "${r}"}} but does not list "${r}" in related`,
          r,
          `"${r}" in related`,
        );
      if (r === clause.id) add("self-reference", [...at, "body"], `${who} refers to itself`, r, "another clause");
    }
    clause.related.forEach((r, ri) => {
      if (!clauseSet.has(r))
        add(
          "unknown-clause",
          [...at, "related", ri],
          `${who} lists related clause "${r}", which is not in the library${didYouMean(r, clauseIds)}`,
          r,
          "a clause of the library",
        );
    });
  });

  lib.definitions.forEach((d, di) => {
    d.terms.forEach((t, ti) => {
      if (!termSet.has(t))
        add(
          "unknown-term",
          ["definitions", di, "terms", ti],
          `definition "${d.id}" uses the term "${t}", which no definition defines${didYouMean(t, termIds)}`,
          t,
          "a term of the definitions",
        );
    });
  });

  lib.regimes.forEach((r, ri) => {
    r.instruments.forEach((ins, ii) => {
      if (ins.effectiveFrom && ins.effectiveTo && ins.effectiveTo < ins.effectiveFrom) {
        add(
          "invalid-period",
          ["regimes", ri, "instruments", ii, "effectiveTo"],
          `regime "${r.id}": ${ins.source.citation} ends (${ins.effectiveTo}) before it starts (${ins.effectiveFrom})`,
          ins.effectiveTo,
          `a date on or after ${ins.effectiveFrom}`,
        );
      }
    });
  });

  const sectorSet = new Set(lib.sectors.map((s) => s.id));
  for (const id of SECTOR_IDS) {
    if (!sectorSet.has(id))
      add(
        "missing-sector",
        ["sectors"],
        `sector "${id}" (a sector profiles may name) has no risk signal in the library`,
        id,
        `an entry for "${id}"`,
      );
  }
  for (const id of REGIME_IDS) {
    if (!regimeSet.has(id))
      add(
        "missing-regime",
        ["regimes"],
        `regime "${id}" (a regime profiles may name) is not described in the library`,
        id,
        `an entry for "${id}"`,
      );
  }

  lib.parameters.forEach((p, pi) => {
    for (const problem of datedParameterProblems(p))
      add(
        "invalid-period",
        ["parameters", pi, ...problem.path],
        `dated parameter "${p.id}" ${problem.message}`,
        problem.received,
      );
  });

  out.push(...ruleIssues(lib), ...annexIssues(lib));
  return out;
}

/** Periods that run backwards, overlap, or leave an open end before another period (in any order). */
function datedParameterProblems(p: DatedParameter): { path: IssuePath; message: string; received: string }[] {
  const out: { path: IssuePath; message: string; received: string }[] = [];
  const far = "9999-12-31";
  p.values.forEach((v, i) => {
    if (v.effectiveTo && v.effectiveTo < v.effectiveFrom) {
      out.push({
        path: ["values", i, "effectiveTo"],
        message: `period ${i + 1} ends (${v.effectiveTo}) before it starts (${v.effectiveFrom})`,
        received: v.effectiveTo,
      });
    }
    for (let j = 0; j < i; j++) {
      const w = p.values[j];
      if (!w) continue;
      const overlap = v.effectiveFrom <= (w.effectiveTo ?? far) && w.effectiveFrom <= (v.effectiveTo ?? far);
      if (overlap) {
        out.push({
          path: ["values", i, "effectiveFrom"],
          message: `period ${i + 1} (${v.effectiveFrom} to ${v.effectiveTo ?? "open"}) overlaps period ${j + 1} (${w.effectiveFrom} to ${w.effectiveTo ?? "open"})`,
          received: v.effectiveFrom,
        });
      }
    }
    const next = p.values[i + 1];
    if (next && next.effectiveFrom < v.effectiveFrom) {
      out.push({
        path: ["values", i + 1, "effectiveFrom"],
        message: `periods are not in date order (${next.effectiveFrom} comes after ${v.effectiveFrom})`,
        received: next.effectiveFrom,
      });
    }
  });
  return out;
}
