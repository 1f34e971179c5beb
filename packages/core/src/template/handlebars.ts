import Handlebars from "handlebars";
import { FairtenderError, formatPath, type IssueCode, type IssuePath } from "../errors.js";
import { issueAt } from "../validate/issues.js";

/**
 * The private Handlebars environment of the clause library. It is used only to parse clause text: the
 * syntax tree is then checked (`templateUsage`) and interpreted (`fillLeaf`), never compiled, so there
 * are no helpers to register, nothing is HTML-escaped (each renderer escapes for its own format), a
 * missing value is an error rather than an empty string, and no prototype can be reached.
 */
const env = Handlebars.create();

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

/** Parses a leaf, turning Handlebars' syntax errors into a `template-error` naming the clause and leaf. */
export function parseLeaf(clauseId: string, leaf: Leaf): hbs.AST.Program {
  try {
    return env.parse(leaf.text);
  } catch (cause) {
    throw templateError(clauseId, leaf.path, `is not a valid template: ${firstLine(cause)}`, { cause });
  }
}

/** Parsed leaves by template text: the same clause text is filled many times per selection. */
const parsed = new Map<string, hbs.AST.Program>();
const CACHE_LIMIT = 5000;

function parsedLeaf(clauseId: string, leaf: Leaf): hbs.AST.Program {
  let program = parsed.get(leaf.text);
  if (!program) {
    program = parseLeaf(clauseId, leaf);
    if (parsed.size >= CACHE_LIMIT) parsed.clear();
    parsed.set(leaf.text, program);
  }
  return program;
}

/** One run of filled-in text: literal text, a cross-reference, or a defined term. */
export type LeafRun = { type: "text"; value: string } | { type: "ref"; id: string } | { type: "term"; id: string };

/**
 * Fills one leaf by walking its Handlebars syntax tree (the leaf must already have passed
 * `templateUsage`, which admits only `{{params.name}}`, `{{ref "id"}}` and `{{term "id"}}`).
 *
 * Interpreting the tree instead of compiling it means no code is generated or evaluated: clause text
 * runs under a strict Content Security Policy (no `unsafe-eval`), parameter values are inserted as
 * literal text whatever characters they hold, and a first selection in a fresh process does not pay
 * for compiling every leaf. Strict semantics are kept: a parameter with no value is an error.
 */
export function fillLeaf(clauseId: string, leaf: Leaf, params: Readonly<Record<string, string>>): LeafRun[] {
  const program = parsedLeaf(clauseId, leaf);
  const runs: LeafRun[] = [];
  for (const node of program.body) {
    if (node.type === "ContentStatement") {
      const value = (node as hbs.AST.ContentStatement).value;
      if (value) runs.push({ type: "text", value });
      continue;
    }
    if (node.type !== "MustacheStatement") continue; // comments; anything else was rejected by templateUsage
    const m = node as hbs.AST.MustacheStatement;
    const path = m.path as hbs.AST.PathExpression;
    if (path.original === "ref" || path.original === "term") {
      const id = (m.params[0] as hbs.AST.StringLiteral).value;
      runs.push({ type: path.original, id });
      continue;
    }
    const name = path.parts[1] ?? "";
    if (!Object.hasOwn(params, name)) {
      throw templateError(clauseId, leaf.path, `could not be filled in: "params.${name}" has no value`, {
        code: "missing-value",
      });
    }
    runs.push({ type: "text", value: params[name] as string });
  }
  return runs;
}

/**
 * A `template-error` whose message and issue name the clause and the leaf; the issue's code is
 * `invalid-template` unless another is given.
 */
export function templateError(
  clauseId: string,
  path: LeafPath,
  problem: string,
  options: { code?: IssueCode; cause?: unknown } = {},
): FairtenderError {
  const where = `clause "${clauseId}" ${formatPath(path)}`;
  return new FairtenderError("template-error", `Template error in ${where}: ${problem}`, {
    issues: [issueAt(options.code ?? "invalid-template", path, problem, { received: clauseId })],
    ...(options.cause === undefined ? {} : { cause: options.cause }),
  });
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
