import { type FairtenderError, formatPath, type IssueCode, type IssuePath } from "../errors.js";
import { CLAUSE_GRAMMAR, type TemplatePart, type TemplateSite, templateError, templateParts } from "./interpret.js";

/** Where a leaf sits in a clause: `["body", "intro"]`, `["body", "subclauses", 1, "text"]`, `["body", "subclauses", 1, "items", 0]`. */
export type LeafPath = IssuePath;

/** One text leaf of a clause body with its path. */
export interface Leaf {
  path: LeafPath;
  text: string;
}

/** The text leaves of a clause body in document order. */
export function leavesOf(body: {
  intro?: string | undefined;
  subclauses?: ReadonlyArray<{ text: string; items?: readonly string[] | undefined }> | undefined;
}): Leaf[] {
  const out: Leaf[] = [];
  if (body.intro !== undefined) out.push({ path: ["body", "intro"], text: body.intro });
  (body.subclauses ?? []).forEach((s, i) => {
    out.push({ path: ["body", "subclauses", i, "text"], text: s.text });
    (s.items ?? []).forEach((item, j) => {
      out.push({ path: ["body", "subclauses", i, "items", j], text: item });
    });
  });
  return out;
}

function siteOf(clauseId: string, path: LeafPath): TemplateSite {
  return { label: `clause "${clauseId}" ${formatPath(path)}`, path, received: clauseId };
}

/**
 * The checked parts of a clause leaf (the clause grammar admits only `{{params.name}}`,
 * `{{ref "id"}}` and `{{term "id"}}`). Throws `template-error` naming the clause and the leaf.
 */
export function leafParts(clauseId: string, leaf: Leaf): readonly TemplatePart[] {
  return templateParts(siteOf(clauseId, leaf.path), leaf.text, CLAUSE_GRAMMAR);
}

/** One run of filled-in text: literal text, a cross-reference, or a defined term. */
export type LeafRun = { type: "text"; value: string } | { type: "ref"; id: string } | { type: "term"; id: string };

/**
 * Fills one leaf with parameter values (already shown as text), keeping `{{ref}}` and `{{term}}` as
 * runs. Strict: a parameter with no value is an error. Parameter values stay literal text.
 */
export function fillLeaf(clauseId: string, leaf: Leaf, params: Readonly<Record<string, string>>): LeafRun[] {
  const runs: LeafRun[] = [];
  for (const part of leafParts(clauseId, leaf)) {
    if (part.type === "value") {
      if (!Object.hasOwn(params, part.name)) {
        throw clauseTemplateError(clauseId, leaf.path, `could not be filled in: "params.${part.name}" has no value`, {
          code: "missing-value",
        });
      }
      runs.push({ type: "text", value: params[part.name] as string });
    } else if (part.type === "text" || part.type === "ref" || part.type === "term") {
      runs.push(part.type === "text" ? { type: "text", value: part.value } : { type: part.type, id: part.id });
    }
  }
  return runs;
}

/**
 * A `template-error` whose message and issue name the clause and the leaf; the issue's code is
 * `invalid-template` unless another is given.
 */
export function clauseTemplateError(
  clauseId: string,
  path: LeafPath,
  problem: string,
  options: { code?: IssueCode } = {},
): FairtenderError {
  return templateError(siteOf(clauseId, path), problem, options);
}
