import { FairtenderError } from "../errors.js";
import type { Clause, ClauseParameter, Library, ParameterValue } from "../model/clause.js";
import type { Inline, ResolvedBody } from "../model/selection.js";
import { type Leaf, leavesOf, renderLeaf, templateError } from "./handlebars.js";
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
  const problems: string[] = [];
  for (const name of Object.keys(params)) {
    if (!Object.hasOwn(clause.parameters, name)) {
      const declared = Object.keys(clause.parameters);
      problems.push(
        `params.${name}: the clause declares no such parameter (it declares ${declared.length ? declared.join(", ") : "none"})`,
      );
    }
  }
  const out: Record<string, ParameterValue> = {};
  for (const [name, spec] of Object.entries(clause.parameters)) {
    const value = Object.hasOwn(params, name) ? params[name] : spec.default;
    const problem = checkValue(spec, value);
    if (problem) problems.push(`params.${name}: ${problem}`);
    else out[name] = value as ParameterValue;
  }
  if (problems.length) {
    throw new FairtenderError(
      "template-error",
      `Cannot fill in clause "${clause.id}":\n${problems.map((p) => `  - ${p}`).join("\n")}`,
      { issues: problems.map((p) => ({ path: p.slice(0, p.indexOf(":")), message: p, received: clause.id })) },
    );
  }
  return out;
}

function checkValue(spec: ClauseParameter, value: unknown): string | undefined {
  const shown = JSON.stringify(value);
  switch (spec.type) {
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value)) return `${shown} is not a whole number`;
      if (spec.min !== undefined && value < spec.min) return `${value} is below the minimum ${spec.min}`;
      if (spec.max !== undefined && value > spec.max) return `${value} is above the maximum ${spec.max}`;
      return undefined;
    case "string":
      return typeof value === "string" && value.trim() !== "" ? undefined : `${shown} is not non-empty text`;
    case "string-list":
      return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" && v.trim() !== "")
        ? undefined
        : `${shown} is not a non-empty list of text`;
    case "boolean":
      return typeof value === "boolean" ? undefined : `${shown} is not true or false`;
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
  // Validates the template shape (only params/ref/term) before running anything.
  templateUsage(clause);
  const values = parameterValues(clause, params);
  // No prototype: a template can only ever reach the declared parameters.
  const shown: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(values)) shown[k] = display(v);
  const leaves = leavesOf(clause.body);
  const marker = pickMarker([...Object.values(shown), ...leaves.map((l) => l.text)]);
  const context = { params: shown };

  const helpersFor = (path: string) => ({
    ref: (id: unknown) => `${marker}r${String(id)}${marker}`,
    term: (id: unknown) => {
      const key = String(id);
      if (termText(lib, key) === undefined) {
        throw templateError(clause.id, path, `uses {{term "${key}"}}, which the library does not define`);
      }
      return `${marker}t${key}${marker}`;
    },
  });
  const resolveLeaf = (leaf: Leaf): Inline[] =>
    splitRuns(renderLeaf(clause.id, leaf, context, helpersFor(leaf.path)), marker, lib);

  // Fast path: fill every leaf of the clause in one template run, joined by a separator that occurs
  // in no leaf and no value. On any error, fall back to leaf by leaf so the error names its leaf.
  const byPath = new Map<string, Inline[]>();
  const canBatch =
    leaves.length > 1 && ![...leaves.map((l) => l.text), ...Object.values(shown)].some((t) => t.includes(SEPARATOR));
  if (canBatch) {
    try {
      const joined: Leaf = { path: "body", text: leaves.map((l) => l.text).join(SEPARATOR) };
      const parts = renderLeaf(clause.id, joined, context, helpersFor("body")).split(SEPARATOR);
      if (parts.length === leaves.length) {
        leaves.forEach((leaf, i) => {
          byPath.set(leaf.path, splitRuns(parts[i] ?? "", marker, lib));
        });
      }
    } catch {
      byPath.clear();
    }
  }
  const runsOf = (leaf: Leaf | undefined): Inline[] => {
    if (!leaf) return [];
    return byPath.get(leaf.path) ?? resolveLeaf(leaf);
  };

  const out: ResolvedBody = { subclauses: [] };
  if (clause.body.intro !== undefined) {
    const leaf = leaves.find((l) => l.path === "body.intro");
    if (leaf) out.intro = runsOf(leaf);
  }
  clause.body.subclauses.forEach((sub, i) => {
    const textLeaf = leaves.find((l) => l.path === `body.subclauses[${i}].text`);
    const items = (sub.items ?? []).map((_, j) => {
      const itemLeaf = leaves.find((l) => l.path === `body.subclauses[${i}].items[${j}]`);
      return runsOf(itemLeaf);
    });
    out.subclauses.push({ text: runsOf(textLeaf), items });
  });
  return out;
}

/** Joins leaves for the one-run fast path; never used when a leaf or value contains it. */
const SEPARATOR = "\uE003\uE004";

/**
 * A marker that occurs in no parameter value and no template text, so splitting on it can never cut
 * a parameter value apart. Private-use code points, lengthened until unique.
 */
function pickMarker(texts: readonly string[]): string {
  let marker = "\uE000\uE001";
  while (texts.some((t) => t.includes(marker))) marker += "\uE002";
  return marker;
}

function splitRuns(rendered: string, marker: string, lib: Pick<Library, "definitions">): Inline[] {
  const parts = rendered.split(marker);
  const runs: Inline[] = [];
  const pushText = (value: string) => {
    if (value === "") return;
    const last = runs[runs.length - 1];
    if (last && last.type === "text") last.value += value;
    else runs.push({ type: "text", value });
  };
  parts.forEach((part, i) => {
    // Even indexes are text between markers; odd indexes are the payload of a ref or term.
    if (i % 2 === 0) {
      pushText(part);
      return;
    }
    const kind = part[0];
    const id = part.slice(1);
    if (kind === "r") runs.push({ type: "ref", clause: id });
    else runs.push({ type: "term", term: id, text: termText(lib, id) ?? id });
  });
  return runs;
}
