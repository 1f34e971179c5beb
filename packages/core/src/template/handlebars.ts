import Handlebars from "handlebars";
import { FairtenderError } from "../errors.js";

/**
 * The private Handlebars environment of the clause library. Only two helpers exist (`ref`, `term`);
 * output is never HTML-escaped (each renderer escapes for its own format); a missing value is an
 * error rather than an empty string; prototype properties and methods are never reachable.
 */
const env = Handlebars.create();

/** Compile options shared by every clause text leaf. */
export const COMPILE_OPTIONS: CompileOptions = {
  noEscape: true,
  strict: true,
  knownHelpers: { ref: true, term: true },
  knownHelpersOnly: true,
};

/** Runtime options: no prototype access, whatever the template says. */
export const RUNTIME_OPTIONS: Handlebars.RuntimeOptions = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
};

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;

/** Where a leaf sits in a clause body, for error messages: `intro`, `subclauses[1].text`, `subclauses[1].items[0]`. */
export type LeafPath = string;

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
  if (body.intro !== undefined) out.push({ path: "body.intro", text: body.intro });
  (body.subclauses ?? []).forEach((s, i) => {
    out.push({ path: `body.subclauses[${i}].text`, text: s.text });
    (s.items ?? []).forEach((item, j) => {
      out.push({ path: `body.subclauses[${i}].items[${j}]`, text: item });
    });
  });
  return out;
}

/** Parses a leaf, turning Handlebars' syntax errors into a `template-error` naming the clause and leaf. */
export function parseLeaf(clauseId: string, leaf: Leaf): hbs.AST.Program {
  try {
    return env.parse(leaf.text);
  } catch (cause) {
    throw templateError(clauseId, leaf.path, `is not a valid template: ${firstLine(cause)}`, cause);
  }
}

/** Compiled leaves by template text: the same clause text is filled many times per selection. */
const compiled = new Map<string, HandlebarsTemplateDelegate>();
const CACHE_LIMIT = 5000;

function compileLeaf(text: string): HandlebarsTemplateDelegate {
  let template = compiled.get(text);
  if (!template) {
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    template = env.compile(text, COMPILE_OPTIONS);
    compiled.set(text, template);
  }
  return template;
}

/** Compiles (once) and runs one leaf in the private environment. */
export function renderLeaf(
  clauseId: string,
  leaf: Leaf,
  context: Record<string, unknown>,
  helpers: { ref: (id: unknown) => string; term: (id: unknown) => string },
): string {
  try {
    const template = compileLeaf(leaf.text);
    return template(context, {
      ...RUNTIME_OPTIONS,
      helpers: helpers as unknown as Handlebars.RuntimeOptions["helpers"],
    });
  } catch (cause) {
    if (cause instanceof FairtenderError) throw cause;
    throw templateError(clauseId, leaf.path, `could not be filled in: ${firstLine(cause)}`, cause);
  }
}

/** A `template-error` whose message and issue name the clause and the leaf. */
export function templateError(clauseId: string, path: string, problem: string, cause?: unknown): FairtenderError {
  const where = `clause "${clauseId}" ${path}`;
  return new FairtenderError("template-error", `Template error in ${where}: ${problem}`, {
    issues: [{ path, message: `${path}: ${problem}`, received: clauseId }],
    ...(cause === undefined ? {} : { cause }),
  });
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
