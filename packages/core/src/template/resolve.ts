import { FairtenderError, formatPath, type Issue, type IssueCode } from "../errors.js";
import type { Clause, ClauseParameter, Library, ParameterValue } from "../model/clause.js";
import type { Inline, ResolvedBody } from "../model/selection.js";
import { issueAt } from "../validate/issues.js";
import { clauseTemplateError, fillLeaf, type Leaf, leavesOf } from "./leaves.js";
import { templateUsage } from "./usage.js";

/** Parameter values by name, e.g. `{ responseDays: 14, grievanceLanguages: ["English", "Tagalog"] }`. */
export type ParameterValues = Readonly<Record<string, ParameterValue>>;

/**
 * Joins a list the way the clause text reads it: `A`, `A and B`, `A, B and C`. An empty list reads
 * as an empty string (parameter validation rejects empty lists where they would make no sense).
 */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * The parameter values a clause is filled with: each declared parameter's default, overridden by
 * `params`. Throws `template-error` naming the clause and parameter when a value is of the wrong
 * type or outside its range, or when `params` names a parameter the clause does not declare.
 */
export function parameterValues(
  clause: Pick<Clause, "id" | "parameters">,
  params: ParameterValues = {},
): Record<string, ParameterValue> {
  const problems: Issue[] = [];
  for (const name of Object.keys(params)) {
    if (!Object.hasOwn(clause.parameters, name)) {
      const declared = Object.keys(clause.parameters);
      const list = declared.length ? declared.join(", ") : "none";
      problems.push(
        issueAt("unknown-parameter", ["params", name], `the clause declares no such parameter (it declares ${list})`, {
          received: name,
          expected: declared.length ? `one of ${list}` : "no parameters",
        }),
      );
    }
  }
  const out: Record<string, ParameterValue> = {};
  for (const [name, spec] of Object.entries(clause.parameters)) {
    const value = Object.hasOwn(params, name) ? params[name] : spec.default;
    const problem = checkValue(spec, value);
    if (problem)
      problems.push(
        issueAt(problem.code, ["params", name], problem.text, {
          received: value,
          expected: problem.expected,
        }),
      );
    else out[name] = value as ParameterValue;
  }
  if (problems.length) {
    throw new FairtenderError(
      "template-error",
      `Cannot fill in clause "${clause.id}":\n${problems.map((p) => `  - ${p.message}`).join("\n")}`,
      { issues: problems },
    );
  }
  return out;
}

type ValueProblem = { code: IssueCode; text: string; expected: string };

function checkValue(spec: ClauseParameter, value: unknown): ValueProblem | undefined {
  const shown = JSON.stringify(value);
  const not = (expected: string): ValueProblem => ({
    code: "invalid-type",
    text: `${shown} is not ${expected}`,
    expected,
  });
  switch (spec.type) {
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value)) return not("a whole number");
      if (spec.min !== undefined && value < spec.min)
        return {
          code: "too-small",
          text: `${value} is below the minimum ${spec.min}`,
          expected: `at least ${spec.min}`,
        };
      if (spec.max !== undefined && value > spec.max)
        return { code: "too-big", text: `${value} is above the maximum ${spec.max}`, expected: `at most ${spec.max}` };
      return undefined;
    case "string":
      return typeof value === "string" && value.trim() !== "" ? undefined : not("non-empty text");
    case "string-list":
      return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" && v.trim() !== "")
        ? undefined
        : not("a non-empty list of text");
    case "boolean":
      return typeof value === "boolean" ? undefined : not("true or false");
  }
}

function display(value: ParameterValue): string {
  if (Array.isArray(value)) return joinList(value);
  return String(value);
}

/** The `term` text for a term id: the defined term's own wording, e.g. "recruitment fees". */
function termText(lib: Pick<Library, "definitions">, id: string): string | undefined {
  return lib.definitions.find((d) => d.id === id)?.term;
}

/**
 * Fills a clause's text with parameter values and turns `{{ref}}` and `{{term}}` into inline runs
 * that renderers print as a clause number and a defined term. Parameter values always stay literal
 * text, whatever characters they contain. Lists read as "A, B and C".
 *
 * Throws `template-error` (naming the clause and the leaf) for a bad template, a wrong or unknown
 * parameter, or a `{{term}}` that the library does not define.
 */
export function resolveBody(
  clause: Pick<Clause, "id" | "parameters" | "body">,
  params: ParameterValues,
  lib: Pick<Library, "definitions">,
): ResolvedBody {
  // Validates the template shape (only params/ref/term) before filling anything.
  templateUsage(clause);
  const values = parameterValues(clause, params);
  // No prototype: a template can only ever reach the declared parameters.
  const shown: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(values)) shown[k] = display(v);
  const leaves = new Map(leavesOf(clause.body).map((l) => [formatPath(l.path), l]));

  const runsOf = (leaf: Leaf | undefined): Inline[] => {
    if (!leaf) return [];
    const runs: Inline[] = [];
    for (const run of fillLeaf(clause.id, leaf, shown)) {
      if (run.type === "text") {
        const last = runs[runs.length - 1];
        if (last && last.type === "text") last.value += run.value;
        else runs.push({ type: "text", value: run.value });
      } else if (run.type === "ref") {
        runs.push({ type: "ref", clause: run.id });
      } else {
        const text = termText(lib, run.id);
        if (text === undefined) {
          throw clauseTemplateError(
            clause.id,
            leaf.path,
            `uses {{term "${run.id}"}}, which the library does not define`,
          );
        }
        runs.push({ type: "term", term: run.id, text });
      }
    }
    return runs;
  };

  const out: ResolvedBody = { subclauses: [] };
  if (clause.body.intro !== undefined) {
    const leaf = leaves.get("body.intro");
    if (leaf) out.intro = runsOf(leaf);
  }
  clause.body.subclauses.forEach((sub, i) => {
    const textLeaf = leaves.get(`body.subclauses[${i}].text`);
    const items = (sub.items ?? []).map((_, j) => {
      const itemLeaf = leaves.get(`body.subclauses[${i}].items[${j}]`);
      return runsOf(itemLeaf);
    });
    out.subclauses.push({ text: runsOf(textLeaf), items });
  });
  return out;
}
