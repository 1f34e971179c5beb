import { FairtenderError, formatPath, type Issue, type IssueCode, type IssuePath, problemsError } from "../errors.js";
import { Library, type LibraryInput } from "../model/clause.js";
import { COUNTRY_CODES } from "../model/codes.js";
import type { DatedParameter, Source } from "../model/common.js";
import { REGIME_SENTENCE_VALUES } from "../model/regime.js";
import { SECTOR_IDS } from "../model/sectors.js";
import { TEXT_GRAMMAR, templateParts } from "../template/interpret.js";
import { templateUsage } from "../template/usage.js";
import { issueAt, issueText, moveIssue } from "../validate/issues.js";
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
 * the annexes and the pack's wording (see `annexIssues`): they place only the values the engine
 * fills in and refer only to clauses and annexes of the library; regimes and jurisdictions: unique
 * ids and codes, the jurisdictions and groups a regime's buyers name exist, a module names no
 * buyers, a framework's parameter is a date parameter, and the sentences are plain templates that use
 * only `{{jurisdiction}}` and `{{kind}}`; a jurisdiction's home names countries or groups;
 * sources: every `regime:` names a regime of the library, and a regime's instruments are not
 * attributed to another regime.
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
          `${who} names regime "${r}", which the library does not describe${didYouMean(r, [...regimeSet])}`,
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

  out.push(...regimeIssues(lib));

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

/** Checks of the regimes, jurisdictions, country groups and the regimes sources are attributed to. */
function regimeIssues(lib: Library): Issue[] {
  const out: Issue[] = [];
  const add = (code: IssueCode, path: IssuePath, message: string, received?: unknown, expected?: string) =>
    out.push(issueAt(code, path, message, { received, expected }));
  const hint = (value: string, candidates: readonly string[]) => {
    const hits = suggest(value, candidates);
    return hits.length ? ` (did you mean ${hits.map((h) => JSON.stringify(h)).join(" or ")}?)` : "";
  };
  const regimeIds = lib.regimes.map((r) => r.id);
  const groupIds = lib.countryGroups.map((g) => g.id);
  const codes = lib.jurisdictions.map((j) => j.code);
  const countries: ReadonlySet<string> = new Set(COUNTRY_CODES);
  const names = REGIME_SENTENCE_VALUES.map((n) => `{{${n}}}`).join(" and ");

  for (const [code, at] of duplicates(codes)) {
    add("duplicate-id", ["jurisdictions", at, "code"], `jurisdiction "${code}" is described more than once`, code);
  }
  for (const [id, at] of duplicates(groupIds)) {
    add("duplicate-id", ["countryGroups", at, "id"], `country group "${id}" is described more than once`, id);
  }
  lib.jurisdictions.forEach((j, ji) => {
    if (j.home === undefined || j.home === "none") return;
    j.home.forEach((h, hi) => {
      if (!countries.has(h) && !groupIds.includes(h))
        add(
          "unknown-jurisdiction",
          ["jurisdictions", ji, "home", hi],
          `jurisdiction "${j.code}": "${h}" is neither a country code nor a country group of the library${hint(h, groupIds)}`,
          h,
          "an ISO 3166-1 country code or a country group id",
        );
    });
  });

  lib.regimes.forEach((r, ri) => {
    const at: IssuePath = ["regimes", ri];
    const sentence = (path: IssuePath, text: string) => {
      let parts: ReturnType<typeof templateParts>;
      try {
        parts = templateParts({ label: `regime "${r.id}"`, path }, text, TEXT_GRAMMAR);
      } catch (error) {
        if (!(error instanceof FairtenderError)) throw error;
        const problem = error.issues[0] ? issueText(error.issues[0]) : error.message;
        add(
          "invalid-template",
          path,
          `regime "${r.id}": the sentence ${problem} (a regime sentence may use ${names})`,
          text,
        );
        return;
      }
      for (const part of parts) {
        if (part.type === "value" && !(REGIME_SENTENCE_VALUES as readonly string[]).includes(part.name))
          add(
            "unknown-variable",
            path,
            `regime "${r.id}": {{${part.name}}} is not a name the sentence can use (expected ${names})${hint(part.name, REGIME_SENTENCE_VALUES)}`,
            part.name,
            names,
          );
      }
    };
    if (r.kind === "module" && r.buyers.length > 0) {
      add(
        "invalid-regime",
        [...at, "buyers"],
        `module "${r.id}" names buyers; a buyer-choice module applies only when a profile names it`,
        undefined,
        "no buyers (or kind: regime)",
      );
    }
    r.buyers.forEach((b, bi) => {
      b.jurisdictions.forEach((code, ci) => {
        if (!codes.includes(code) && !groupIds.includes(code))
          add(
            "unknown-jurisdiction",
            [...at, "buyers", bi, "jurisdictions", ci],
            `regime "${r.id}": "${code}" is neither a jurisdiction nor a country group of the library${hint(code, [...codes, ...groupIds])}`,
            code,
            "a jurisdiction code or a country group id of the library",
          );
      });
      sentence([...at, "buyers", bi, "reason"], b.reason);
      if (b.otherKinds) sentence([...at, "buyers", bi, "otherKinds", "reason"], b.otherKinds.reason);
      if (b.otherKinds?.warning)
        sentence([...at, "buyers", bi, "otherKinds", "warning", "message"], b.otherKinds.warning.message);
    });
    if (r.framework) {
      const param = lib.parameters.find((p) => p.id === r.framework?.param);
      const dates = lib.parameters.filter((p) => p.type === "date").map((p) => p.id);
      if (param?.type !== "date")
        add(
          "unknown-parameter",
          [...at, "framework", "param"],
          `regime "${r.id}": "${r.framework.param}" is not a date parameter of the library${param ? " (it is a number parameter)" : hint(r.framework.param, dates)}`,
          r.framework.param,
          "a date parameter (type: date) of the library",
        );
    }
    r.instruments.forEach((s, si) => {
      if (s.regime !== undefined && s.regime !== r.id)
        add(
          "invalid-regime",
          [...at, "instruments", si, "regime"],
          `regime "${r.id}" uses ${s.citation}, which its source attributes to regime "${s.regime}"`,
          s.regime,
          `"${r.id}" or no regime`,
        );
    });
  });

  for (const [path, s] of librarySources(lib)) {
    if (s.regime !== undefined && !regimeIds.includes(s.regime))
      add(
        "unknown-regime",
        [...path, "regime"],
        `${s.citation} is attributed to regime "${s.regime}", which the library does not describe${hint(s.regime, regimeIds)}`,
        s.regime,
        "a regime of the library",
      );
  }
  return out;
}

/** Every source the library cites, with its path. */
function librarySources(lib: Library): [IssuePath, Source][] {
  const out: [IssuePath, Source][] = [];
  const list = (path: IssuePath, sources: readonly Source[] | undefined) =>
    sources?.forEach((s, i) => {
      out.push([[...path, i], s]);
    });
  lib.clauses.forEach((c, ci) => {
    list(["clauses", ci, "sources"], c.sources);
    list(["clauses", ci, "incorporates"], c.incorporates);
    c.obligations.forEach((o, oi) => {
      list(["clauses", ci, "obligations", oi, "sources"], o.sources);
    });
  });
  lib.definitions.forEach((d, di) => {
    list(["definitions", di, "sources"], d.sources);
  });
  lib.regimes.forEach((r, ri) => {
    list(["regimes", ri, "instruments"], r.instruments);
  });
  lib.jurisdictions.forEach((j, ji) => {
    list(["jurisdictions", ji, "sources"], j.sources);
  });
  lib.countryGroups.forEach((g, gi) => {
    list(["countryGroups", gi, "sources"], g.sources);
  });
  lib.sectors.forEach((s, si) => {
    list(["sectors", si, "sources"], s.sources);
  });
  lib.parameters.forEach((p, pi) => {
    p.values.forEach((v, vi) => {
      out.push([["parameters", pi, "values", vi, "source"], v.source]);
    });
  });
  out.push([["risk", "countryRisk", "source"], lib.risk.countryRisk.source]);
  out.push([["risk", "listedGoods", "source"], lib.risk.listedGoods.source]);
  list(["risk", "model", "sources"], lib.risk.model.sources);
  for (const [id, factor] of Object.entries(lib.risk.model.factors)) {
    if ("source" in factor) out.push([["risk", "model", "factors", id, "source"], factor.source]);
  }
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
