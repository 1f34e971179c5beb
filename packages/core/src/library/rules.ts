import * as z from "zod";
import { FairtenderError, type Issue, type IssueCode, problemsError } from "../errors.js";
import type { Clause, Library } from "../model/clause.js";
import {
  CONDITION_KINDS,
  type Condition,
  NamedConditionSchema,
  ParameterRuleSchema,
  REASON_VARIABLES,
  type Rule,
  RuleSchema,
} from "../model/rule.js";
import { TEXT_GRAMMAR, templateParts } from "../template/interpret.js";
import { describeValue, issueAt, issueText, moveIssue, toIssues } from "../validate/issues.js";
import { suggest } from "../validate/suggest.js";

type Path = readonly (string | number)[];

const didYouMean = (value: string, candidates: readonly string[]): string => {
  const hits = suggest(value, candidates);
  return hits.length ? `; did you mean ${hits.map((h) => JSON.stringify(h)).join(" or ")}?` : "";
};

const issue = (code: IssueCode, path: Path, message: string, received?: unknown, expected?: string): Issue =>
  issueAt(code, path, message, { received, expected });

/** True for a path inside a selection rule, a named condition or a parameter's rule. */
function inRule(path: readonly PropertyKey[]): boolean {
  return path.some((k) => k === "selection" || k === "condition" || k === "conditions" || k === "byRisk");
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  getter?: () => z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
};
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema at `path`, following unions by their discriminator in `input` (for "expected fields"). */
function schemaAt(schema: z.ZodType, input: unknown, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  const step = (i: number): z.ZodType | undefined => {
    for (;;) {
      if (!s) return undefined;
      const d = defOf(s);
      if (d.innerType) s = d.innerType;
      else if (d.type === "pipe" && d.in) s = d.in;
      else if (d.type === "lazy" && d.getter) s = d.getter();
      else if (d.type === "union" && d.options) {
        const here = valueAt(input, path.slice(0, i)) as Record<string, unknown> | undefined;
        const disc = d.discriminator;
        s = d.options.find((o) => {
          const shape = defOf(o).shape;
          const lit = disc && shape?.[disc] ? defOf(shape[disc]) : undefined;
          return disc !== undefined && (lit as { values?: unknown[] } | undefined)?.values?.includes(here?.[disc]);
        });
      } else return s;
    }
  };
  for (let i = 0; i < path.length; i++) {
    const d = defOf(step(i) ?? z.never());
    const key = path[i];
    if (d.type === "object" && typeof key === "string") s = d.shape?.[key];
    else if (d.type === "array" && typeof key === "number") s = d.element;
    else if (d.type === "record") s = d.valueType;
    else return undefined;
  }
  return step(path.length);
}

/**
 * Zod issues as {@link Issue}s, with the rule vocabulary spelt out: a mistyped condition `kind` names
 * every kind, an unknown field of a condition (or of a rule, a branch or a parameter's rule) names the
 * fields allowed there, and a value outside an enumeration (a flag or amount path, a strength) is
 * matched against the allowed values, each with a did-you-mean. Other issues read as `toIssues` has them.
 */
export function schemaIssues(error: z.ZodError, input: unknown, schema: z.ZodType): Issue[] {
  const out: Issue[] = [];
  for (const zi of error.issues) {
    const received = valueAt(input, zi.path);
    if (zi.code === "invalid_union" && "discriminator" in zi && zi.discriminator === "kind" && inRule(zi.path)) {
      const kinds = CONDITION_KINDS.join(", ");
      const message =
        received === undefined
          ? `a condition needs a kind (expected one of ${kinds})`
          : `${describeValue(received)} is not a condition kind (expected one of ${kinds}${typeof received === "string" ? didYouMean(received, CONDITION_KINDS) : ""})`;
      out.push(
        issue(
          received === undefined ? "missing" : "unknown-value",
          zi.path as Path,
          message,
          received,
          `one of ${kinds}`,
        ),
      );
      continue;
    }
    // Unknown fields of a rule, a condition or a parameter declaration (where a parameter's rule sits).
    if (zi.code === "unrecognized_keys" && (inRule(zi.path) || zi.path[zi.path.length - 2] === "parameters")) {
      const at = schemaAt(schema, input, zi.path);
      const shape = at ? defOf(at).shape : undefined;
      if (shape) {
        const allowed = Object.keys(shape);
        const obj = valueAt(input, zi.path) as Record<string, unknown>;
        const what = typeof obj?.kind === "string" && allowed.includes("kind") ? ` of a "${obj.kind}" condition` : "";
        for (const key of zi.keys) {
          out.push(
            issue(
              "unknown-field",
              [...(zi.path as Path), key],
              `unknown field${what} (expected ${allowed.join(", ")}${didYouMean(key, allowed)})`,
              key,
              `one of ${allowed.join(", ")}`,
            ),
          );
        }
        continue;
      }
    }
    const allowed =
      zi.code === "invalid_value" && inRule(zi.path)
        ? zi.values.filter((v): v is string => typeof v === "string")
        : undefined;
    out.push(
      ...toIssues(new z.ZodError([zi]), input, {
        schema,
        ...(allowed ? { candidatesFor: () => allowed } : {}),
      }),
    );
  }
  return out;
}

/** The parts of a library the rules live in, for checking the rules of a library built by hand. */
const LibraryRules = z.object({
  clauses: z.array(
    z.object({
      id: z.string(),
      parameters: z.record(z.string(), z.looseObject(ParameterRuleSchema.shape)).optional(),
      selection: RuleSchema.optional(),
    }),
  ),
  conditions: z.array(NamedConditionSchema).default([]),
});

/** Libraries whose rules are known to be sound (the built-in one, and those `createLibrary` made). */
const sound = new WeakSet<object>();

/** Records that a (frozen) library passed every check, so that `select` does not check it again. */
export function markChecked(lib: Library): void {
  if (Object.isFrozen(lib)) sound.add(lib);
}

/**
 * The selection rules of a library by clause id, checked: a library made by hand (not by
 * `createLibrary`) has its rules and named conditions validated with the same schemas and reference
 * checks as the library compiler. Throws `invalid-rule` naming the clause, the path and what was expected.
 */
export function libraryRules(lib: Library): ReadonlyMap<string, Rule> {
  let clauses: readonly { id: string; selection?: Rule | undefined }[] = lib.clauses;
  if (!sound.has(lib)) {
    const parsed = LibraryRules.safeParse(lib);
    if (!parsed.success) throw ruleError(schemaIssues(parsed.error, lib, LibraryRules).map((i) => nameClause(i, lib)));
    clauses = parsed.data.clauses;
    const withRules = lib.clauses.map((c, i) => ({ ...c, selection: clauses[i]?.selection }));
    const issues = ruleIssues({ ...lib, clauses: withRules, conditions: parsed.data.conditions }, { lint: false });
    if (issues.length) throw ruleError(issues.map((i) => nameClause(i, lib)));
    markChecked(lib);
  }
  const rules = new Map<string, Rule>();
  for (const c of clauses) if (c.selection) rules.set(c.id, c.selection);
  return rules;
}

/** An `invalid-rule` error listing the issues. */
export function ruleError(issues: Issue[]): FairtenderError {
  return problemsError("invalid-rule", "The library (its selection rules)", issues);
}

/** True for an issue about a selection rule or a named condition (as opposed to the rest of a library). */
export function isRuleIssue(i: Issue): boolean {
  return (i.path[0] === "clauses" && i.path[2] === "selection") || i.path[0] === "conditions";
}

/** Names the clause in a rule issue at `clauses[i].selection...`, so that a custom rule's problem is found. */
export function nameClause(i: Issue, lib: { clauses: readonly unknown[] }): Issue {
  const [top, index, part] = i.path;
  const inRuleOf = top === "clauses" && typeof index === "number" && part === "selection";
  const id = inRuleOf ? (lib.clauses[index] as { id?: unknown } | undefined)?.id : undefined;
  if (typeof id !== "string" || i.message.includes(`the rule of clause "${id}"`)) return i;
  return moveIssue(i, { lead: `the rule of clause "${id}": ` });
}

/** The number and the date parameters of a library, by id. */
function parameterIds(parameters: Library["parameters"]): Pick<ConditionIds, "numberParamIds" | "dateParamIds"> {
  return {
    numberParamIds: parameters.filter((p) => p.type !== "date").map((p) => p.id),
    dateParamIds: parameters.filter((p) => p.type === "date").map((p) => p.id),
  };
}

/** The ids a condition may name. */
interface ConditionIds {
  clauseIds: readonly string[];
  /** Number parameters (a `threshold` names one) and date parameters (`type: date`, a `date` names one). */
  numberParamIds: readonly string[];
  dateParamIds: readonly string[];
  regimeIds: readonly string[];
  conditionIds: readonly string[];
}

/** Checks a condition's references, collecting the clauses (`selected`) and named conditions (`ref`) it uses. */
function visitCondition(
  c: Condition,
  path: Path,
  who: string,
  ids: ConditionIds,
  into: { out: Issue[]; deps: Set<string>; refs: Set<string> },
): void {
  const known = (code: IssueCode, value: string, list: readonly string[], noun: string, field: string) => {
    if (list.includes(value)) return;
    const expected = list.length > 12 ? `the id of a ${noun} of the library` : `one of ${list.join(", ")}`;
    into.out.push(
      issue(
        code,
        [...path, field],
        `${who} names the ${noun} ${JSON.stringify(value)}, which the library does not have (expected ${expected}${didYouMean(value, list)})`,
        value,
        expected,
      ),
    );
  };
  switch (c.kind) {
    case "all":
    case "any":
    case "count":
      c.of.forEach((x, i) => {
        visitCondition(x, [...path, "of", i], who, ids, into);
      });
      return;
    case "not":
      visitCondition(c.of, [...path, "of"], who, ids, into);
      return;
    case "selected":
      known("unknown-clause", c.clause, ids.clauseIds, "clause", "clause");
      into.deps.add(c.clause);
      return;
    case "threshold":
      known("unknown-parameter", c.param, ids.numberParamIds, "number parameter", "param");
      return;
    case "date":
      known("unknown-parameter", c.param, ids.dateParamIds, "date parameter (type: date)", "param");
      return;
    case "ref":
      known("unknown-condition", c.id, ids.conditionIds, "named condition", "id");
      into.refs.add(c.id);
      return;
    case "regime":
      known("unknown-regime", c.id, ids.regimeIds, "regime", "id");
      return;
    default:
      return;
  }
}

/**
 * The problems of a condition outside a rule (e.g. an annex's `when`): every clause, dated
 * parameter, named condition and regime it names must exist in the library (with did-you-mean).
 */
export function conditionIssues(
  c: Condition,
  path: Path,
  who: string,
  lib: Pick<Library, "clauses" | "parameters" | "regimes" | "conditions">,
): Issue[] {
  const out: Issue[] = [];
  const ids: ConditionIds = {
    clauseIds: lib.clauses.map((x) => x.id),
    ...parameterIds(lib.parameters),
    regimeIds: lib.regimes.map((r) => r.id),
    conditionIds: (lib.conditions ?? []).map((n) => n.id),
  };
  visitCondition(c, path, who, ids, { out, deps: new Set(), refs: new Set() });
  return out;
}

/**
 * The cross-references of the rules in a library: every `selected` clause, `threshold`/`date`
 * parameter, `ref` named condition and `regime` exists (with did-you-mean); reason templates use only
 * `{{because}}`, `{{strength}}` and `{{regime}}`; rule ids are unique; no rule
 * depends on itself through `selected` or `ref` (a loop). With `lint`, also: a label is words, not a
 * clause id, and a parameter's `timing` drives an obligation of its clause.
 */
export function ruleIssues(
  lib: Pick<Library, "parameters" | "regimes"> & {
    clauses: readonly (Pick<Clause, "id" | "parameters" | "obligations"> & { selection?: Rule | undefined })[];
    conditions?: Library["conditions"];
  },
  options: { lint: boolean } = { lint: true },
): Issue[] {
  const out: Issue[] = [];
  const clauseIds = lib.clauses.map((c) => c.id);
  const regimeIds = lib.regimes.map((r) => r.id);
  const named = lib.conditions ?? [];
  const conditionIds = named.map((n) => n.id);

  const ids: ConditionIds = { clauseIds, ...parameterIds(lib.parameters), regimeIds, conditionIds };
  const visit = (c: Condition, path: Path, who: string, deps: Set<string>, refs: Set<string>): void =>
    visitCondition(c, path, who, ids, { out, deps, refs });

  // Named conditions: references, and loops among them.
  const namedDeps = new Map<string, { deps: Set<string>; refs: Set<string> }>();
  named.forEach((n, i) => {
    const deps = new Set<string>();
    const refs = new Set<string>();
    visit(n.condition, ["conditions", i, "condition"], `the named condition "${n.id}"`, deps, refs);
    namedDeps.set(n.id, { deps, refs });
  });
  for (const [id, at] of duplicates(conditionIds)) {
    out.push(
      issue("duplicate-id", ["conditions", at, "id"], `the named condition "${id}" is defined more than once`, id),
    );
  }
  const namedInLoop = new Set<string>();
  named.forEach((n, i) => {
    const loop = namedInLoop.has(n.id) ? undefined : findLoop(n.id, (x) => namedDeps.get(x)?.refs ?? []);
    for (const id of loop ?? []) namedInLoop.add(id);
    if (loop)
      out.push(
        issue(
          "rule-loop",
          ["conditions", i, "condition"],
          `the named conditions refer to each other in a loop: ${loop.join(" → ")}`,
        ),
      );
  });
  /** The clauses a named condition depends on, through the conditions it refers to. */
  const clausesOf = (id: string, seen = new Set<string>()): string[] => {
    if (seen.has(id)) return [];
    seen.add(id);
    const d = namedDeps.get(id);
    return d ? [...d.deps, ...[...d.refs].flatMap((r) => clausesOf(r, seen))] : [];
  };

  const ruleIdAt: [string, number][] = [];
  const clauseDeps = new Map<string, Set<string>>();
  lib.clauses.forEach((clause, ci) => {
    const rule = clause.selection;
    if (!rule) return;
    const at: Path = ["clauses", ci, "selection"];
    const who = `the rule of clause "${clause.id}"`;
    ruleIdAt.push([rule.id, ci]);
    const deps = new Set<string>();
    const refs = new Set<string>();
    rule.when.forEach((b, bi) => {
      visit(b.if, [...at, "when", bi, "if"], who, deps, refs);
      if (b.why !== undefined) template(b.why, [...at, "when", bi, "why"], who);
    });
    if (rule.suggest) visit(rule.suggest.when, [...at, "suggest", "when"], who, deps, refs);
    template(rule.why, [...at, "why"], who);
    template(rule.whyNot, [...at, "whyNot"], who);
    if (rule.whyUnknown !== undefined) template(rule.whyUnknown, [...at, "whyUnknown"], who);
    for (const r of refs) for (const d of clausesOf(r)) deps.add(d);
    clauseDeps.set(clause.id, deps);
    if (options.lint && (rule.label === clause.id || clauseIds.includes(rule.label))) {
      out.push(
        issue(
          "invalid-label",
          [...at, "label"],
          `${who} has the clause id ${JSON.stringify(rule.label)} as its label; the label is how reasons name the clause, in words (e.g. "the flow-down clause")`,
          rule.label,
          "words naming the clause",
        ),
      );
    }
  });
  for (const [id, ci] of duplicates(ruleIdAt.map(([id]) => id)).map(
    ([id, i]) => [id, ruleIdAt[i]?.[1] ?? 0] as const,
  )) {
    out.push(
      issue(
        "duplicate-id",
        ["clauses", ci, "selection", "id"],
        `the rule id "${id}" is used by more than one clause; rule ids must be unique`,
        id,
        "an id used nowhere else",
      ),
    );
  }
  const inLoop = new Set<string>();
  lib.clauses.forEach((clause, ci) => {
    if (!clause.selection || inLoop.has(clause.id)) return;
    const loop = findLoop(clause.id, (x) => clauseDeps.get(x) ?? []);
    if (loop) {
      for (const id of loop) inLoop.add(id);
      out.push(
        issue(
          "rule-loop",
          ["clauses", ci, "selection"],
          `the rule of clause "${clause.id}" depends on itself through "selected" conditions: ${loop.join(" → ")}`,
        ),
      );
    }
  });

  // Parameter rules, next to the parameter declarations.
  lib.clauses.forEach((clause, ci) => {
    for (const [name, spec] of Object.entries(clause.parameters ?? {})) {
      if (spec.type !== "integer") continue;
      const at: Path = ["clauses", ci, "parameters", name];
      const who = `clause "${clause.id}" parameter "${name}"`;
      if ((spec.byRisk || spec.timing) && spec.why === undefined) {
        out.push(
          issue(
            "missing",
            [...at, "why"],
            `${who} has a rule (byRisk or timing) but no why; say why the value is chosen`,
            undefined,
            "why the value is chosen",
          ),
        );
      }
      if (options.lint && spec.timing) {
        const factor = spec.timing.factor ?? 1;
        const from = spec.default * factor;
        const [kind, field] = spec.timing.field.split(".") as [string, string];
        const drives = clause.obligations.some(
          (o) => o.timing.kind === kind && (o.timing as Record<string, unknown>)[field] === from,
        );
        if (!drives) {
          out.push(
            issue(
              "unused-timing",
              [...at, "timing"],
              `${who} drives ${spec.timing.field} = ${from} (the default ${spec.default} × ${factor}), but no obligation of the clause has that timing`,
              spec.timing.field,
              `an obligation of the clause whose ${spec.timing.field} is ${from}`,
            ),
          );
        }
      }
    }
  });
  return out;

  function template(text: string, path: Path, who: string): void {
    let parts: ReturnType<typeof templateParts>;
    try {
      parts = templateParts({ label: who, path: [...path] }, text, TEXT_GRAMMAR);
    } catch (error) {
      if (!(error instanceof FairtenderError)) throw error;
      const first = error.issues[0];
      const problem = first ? issueText(first) : error.message;
      out.push(
        issue("invalid-template", path, `${who}: the reason ${problem} (a reason may use ${reasonVariables()})`, text),
      );
      return;
    }
    for (const p of parts) {
      if (p.type === "value" && !(REASON_VARIABLES as readonly string[]).includes(p.name)) {
        out.push(
          issue(
            "unknown-variable",
            path,
            `${who} uses {{${p.name}}}, which a reason does not have (expected ${reasonVariables()}${didYouMean(p.name, REASON_VARIABLES)})`,
            p.name,
            reasonVariables(),
          ),
        );
      }
    }
  }
}

const reasonVariables = () => REASON_VARIABLES.map((v) => `{{${v}}}`).join(", ");

/** A loop from `start` back to itself through `next`, as the list of ids on it, or undefined. */
function findLoop(start: string, next: (id: string) => Iterable<string>): string[] | undefined {
  const stack: string[] = [];
  const done = new Set<string>();
  const walk = (id: string): string[] | undefined => {
    if (stack.includes(id)) return id === start ? [...stack, id] : undefined;
    if (done.has(id)) return undefined;
    stack.push(id);
    for (const n of next(id)) {
      const loop = walk(n);
      if (loop) return loop;
    }
    stack.pop();
    done.add(id);
    return undefined;
  };
  return walk(start);
}

/** Each id met again after its first use, with the index where it is met again. */
export function duplicates(ids: readonly string[]): [string, number][] {
  const seen = new Set<string>();
  const out: [string, number][] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) out.push([id, i]);
    seen.add(id);
  });
  return out;
}
