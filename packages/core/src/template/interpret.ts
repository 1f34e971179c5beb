import Handlebars from "handlebars";
import { FairtenderError, type IssueCode, type IssuePath } from "../errors.js";
import { issueAt } from "../validate/issues.js";

/**
 * The one template interpreter of Fairtender. Every template — clause text, annex and pack wording,
 * reason templates, the renderer's phrases and Markdown layouts — is parsed by a private Handlebars
 * environment, checked against the grammar of its kind, and interpreted by walking its syntax tree.
 * Nothing is ever compiled: no code is generated or evaluated (templates run under a strict Content
 * Security Policy without `unsafe-eval`), values are inserted as literal text whatever characters they
 * hold, nothing is HTML-escaped (each backend escapes for its own format), a missing value is an error
 * rather than an empty string, and no prototype can be reached.
 */
const env = Handlebars.create();

/**
 * The Handlebars parser, behind an object of its own so that tests can see that a template refused
 * by {@link TEMPLATE_LIMITS} never reaches it.
 */
export const parser = {
  parse(source: string): hbs.AST.Program {
    return env.parse(source);
  },
};

/**
 * The limits on any template (a clause text leaf, annex or pack wording, a reason, a renderer
 * phrase or layout), checked before it is parsed: at most `length` characters, and blocks
 * (`{{#...}}`, `{{^...}}`) nested at most `depth` deep. No template grammar admits a block at all;
 * the depth bound only keeps the parser's work on nested blocks (which grows with the square of
 * their depth) small before the block is refused.
 */
export const TEMPLATE_LIMITS: Readonly<{ length: number; depth: number }> = Object.freeze({
  length: 50_000,
  depth: 8,
});

/** The problem of a template over {@link TEMPLATE_LIMITS}, found in one pass over the text, or undefined. */
function overLimits(source: string): { code: IssueCode; text: string } | undefined {
  if (source.length > TEMPLATE_LIMITS.length) {
    return {
      code: "too-large",
      text: `is ${source.length} characters long, more than the limit of ${TEMPLATE_LIMITS.length} for a template`,
    };
  }
  let depth = 0;
  for (let i = source.indexOf("{{"); i !== -1; i = source.indexOf("{{", i + 2)) {
    let j = i + 2;
    while (source[j] === "{" || source[j] === "~") j++;
    const c = source[j];
    if (c === "#" || c === "^") depth++;
    else if (c === "/") depth = Math.max(0, depth - 1);
    if (depth > TEMPLATE_LIMITS.depth) {
      return {
        code: "too-deep",
        text: `nests blocks more than ${TEMPLATE_LIMITS.depth} deep; blocks are not allowed in a template (structure belongs in the data)`,
      };
    }
  }
  return undefined;
}

/** A piece of a checked template: literal text, a value placeholder, or a helper with one quoted id. */
export type TemplatePart =
  | { type: "text"; value: string }
  | { type: "value"; name: string }
  | { type: "ref"; id: string }
  | { type: "term"; id: string }
  | { type: "annex"; id: string };

/** The helpers a template kind may call, each with one quoted kebab-case id. */
type Helper = "ref" | "term" | "annex";

/** What one kind of template may contain. */
export interface TemplateGrammar {
  /** `plain`: values are written `{{name}}`; `params`: values are written `{{params.name}}`. */
  readonly values: "plain" | "params";
  /** Helpers allowed besides values. */
  readonly helpers: readonly Helper[];
  /** What is allowed, in words, for error messages. */
  readonly allowed: string;
}

/** Plain value templates: phrases, layouts and reason templates (`{{name}}` only). */
export const TEXT_GRAMMAR: TemplateGrammar = {
  values: "plain",
  helpers: [],
  allowed: "only {{name}} placeholders are allowed",
};

/** Clause text leaves: `{{params.name}}`, `{{ref "clause-id"}}` and `{{term "term-id"}}`. */
export const CLAUSE_GRAMMAR: TemplateGrammar = {
  values: "params",
  helpers: ["ref", "term"],
  allowed: 'only {{params.name}}, {{ref "clause-id"}} and {{term "term-id"}} are allowed',
};

/** Annex and pack wording: `{{name}}` values, `{{ref "clause-id"}}` and `{{annex "annex-id"}}`. */
export const WORDING_GRAMMAR: TemplateGrammar = {
  values: "plain",
  helpers: ["ref", "annex"],
  allowed: 'only {{name}}, {{ref "clause-id"}} and {{annex "annex-id"}} are allowed',
};

/** Where a template comes from, for errors: `clause "x" body.intro`, `partials.clause`. */
export interface TemplateSite {
  /** Named in the message: `Template error in <label>: ...`. */
  label: string;
  /** The issue path, e.g. `["body", "intro"]`. */
  path: IssuePath;
  /** The issue's `received` (e.g. the clause id). */
  received?: unknown;
}

/**
 * A `template-error` whose message and issue name where the template is; the issue's code is
 * `invalid-template` unless another is given (`missing-value` for a value that was not given).
 */
export function templateError(
  site: TemplateSite,
  problem: string,
  options: { code?: IssueCode; cause?: unknown } = {},
): FairtenderError {
  return new FairtenderError("template-error", `Template error in ${site.label}: ${problem}`, {
    issues: [issueAt(options.code ?? "invalid-template", site.path, problem, { received: site.received })],
    ...(options.cause === undefined ? {} : { cause: options.cause }),
  });
}

/** Checked templates by grammar and source: the same text is filled many times. */
const cache = new Map<TemplateGrammar, Map<string, readonly TemplatePart[]>>();
const CACHE_LIMIT = 5000;

/**
 * Parses and checks a template, returning its parts (adjacent text merged, comments dropped, empty
 * text left out). Throws `template-error` naming the site for invalid syntax or anything the grammar
 * does not admit. Invalid templates are never cached, so each error names its own site.
 */
export function templateParts(site: TemplateSite, source: string, grammar: TemplateGrammar): readonly TemplatePart[] {
  if (typeof source !== "string") throw templateError(site, "must be a string");
  let byText = cache.get(grammar);
  if (!byText) {
    byText = new Map();
    cache.set(grammar, byText);
  }
  const hit = byText.get(source);
  if (hit) return hit;
  // Bounded work first: a template too long or too deeply nested is refused before it is parsed.
  const over = overLimits(source);
  if (over) throw templateError(site, over.text, { code: over.code });
  let program: hbs.AST.Program;
  try {
    program = parser.parse(source);
  } catch (cause) {
    throw templateError(site, `is not a valid template: ${firstLine(cause)}`, { cause });
  }
  const parts: TemplatePart[] = [];
  for (const node of program.body) {
    const part = partOf(site, node, grammar);
    if (!part) continue;
    const last = parts[parts.length - 1];
    if (part.type === "text" && last?.type === "text") last.value += part.value;
    else parts.push(part);
  }
  const frozen = Object.freeze(parts.map((p) => Object.freeze(p)));
  if (byText.size >= CACHE_LIMIT) byText.clear();
  byText.set(source, frozen);
  return frozen;
}

function partOf(site: TemplateSite, node: hbs.AST.Statement, grammar: TemplateGrammar): TemplatePart | undefined {
  const line = node.loc ? ` (line ${node.loc.start.line}, column ${node.loc.start.column + 1})` : "";
  const fail: (what: string) => never = (what) => {
    throw templateError(site, `${what}${line}; ${grammar.allowed}`);
  };
  switch (node.type) {
    case "ContentStatement": {
      const value = (node as hbs.AST.ContentStatement).value;
      return value ? { type: "text", value } : undefined;
    }
    case "CommentStatement":
      return undefined;
    case "MustacheStatement": {
      const m = node as hbs.AST.MustacheStatement;
      if (!(m as unknown as { escaped: boolean }).escaped) fail("uses a triple-stash {{{...}}}");
      if (m.path.type !== "PathExpression") fail(`uses a literal ${m.path.type} as an expression`);
      const path = m.path as hbs.AST.PathExpression;
      if (m.hash && m.hash.pairs.length > 0) fail(`passes named arguments to "${path.original}"`);
      const helper = grammar.helpers.find((h) => h === path.original);
      if (helper) {
        const [arg, ...rest] = m.params;
        if (!arg || rest.length > 0 || arg.type !== "StringLiteral") {
          fail(`calls ${helper} without exactly one quoted id, e.g. {{${helper} "an-id"}}`);
        }
        const id = (arg as hbs.AST.StringLiteral).value;
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) fail(`calls ${helper} with "${id}", not a kebab-case id`);
        return { type: helper, id };
      }
      if (m.params.length > 0) fail(`calls an unknown helper "${path.original}"`);
      const prefix = grammar.values === "params" ? 1 : 0;
      if (
        path.data ||
        path.depth !== 0 ||
        path.parts.length !== prefix + 1 ||
        (prefix === 1 && path.parts[0] !== "params") ||
        path.original !== path.parts.join(".")
      ) {
        fail(`uses "${path.original}"`);
      }
      const name = path.parts[prefix] ?? "";
      if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) fail(`uses "${path.original}", not a value name`);
      return { type: "value", name };
    }
    case "BlockStatement":
      return fail(`uses a block {{#${blockName(node)}}}: structure belongs in the data, not the template`);
    case "PartialStatement":
    case "PartialBlockStatement":
      return fail("uses a partial {{> ...}}");
    case "DecoratorBlock":
    case "Decorator":
      return fail("uses a decorator");
    default:
      return fail(`uses ${node.type}`);
  }
}

/** A compiled plain value template: values in, text out. */
export type TextTemplate = (values: Readonly<Record<string, string | number>>) => string;

/**
 * Checks a plain value template once and returns the function that fills it. Only literal text,
 * comments and `{{name}}` placeholders are allowed (`variables`, when given, lists the names allowed):
 * no blocks, helpers, partials, paths (`a.b`), `@data` or `this`. Filling is strict: a value the
 * template needs and `values` lacks is a `template-error`, never an empty string.
 *
 * @param name - Names the template in errors, e.g. `partials.clause`.
 * @param template - The template text.
 * @param variables - The only names the template may use.
 * @throws {FairtenderError} `template-error` for a template that is not valid or uses anything else.
 */
export function compileText(name: string, template: string, variables?: readonly string[]): TextTemplate {
  const site: TemplateSite = { label: name, path: [name] };
  const parts = templateParts(site, template, TEXT_GRAMMAR);
  if (variables !== undefined) {
    for (const p of parts) {
      if (p.type === "value" && !variables.includes(p.name)) {
        throw templateError(site, `uses "{{${p.name}}}", which is not one of its values (${variables.join(", ")})`);
      }
    }
  }
  return (values) => fillParts(site, parts, values);
}

/**
 * Fills a plain value template (`{{name}}` placeholders only) with values, strictly: a placeholder
 * with no value is an error. Values are inserted as literal text and never escaped.
 *
 * @param name - Names the template in errors, e.g. `rule far-52-222-50 why`.
 * @param template - The template text, e.g. `"Required because {{because}}."`.
 * @param values - The values by name.
 * @returns The filled text.
 * @throws {FairtenderError} `template-error` for a template that is not valid or a value that is missing.
 * @example
 * ```ts
 * fillText("greeting", "Hello {{who}}.", { who: "world" }); // "Hello world."
 * ```
 */
export function fillText(name: string, template: string, values: Readonly<Record<string, string | number>>): string {
  const site: TemplateSite = { label: name, path: [name] };
  return fillParts(site, templateParts(site, template, TEXT_GRAMMAR), values);
}

function fillParts(
  site: TemplateSite,
  parts: readonly TemplatePart[],
  values: Readonly<Record<string, string | number>>,
): string {
  let out = "";
  for (const p of parts) {
    if (p.type === "text") out += p.value;
    else if (p.type === "value") {
      if (!Object.hasOwn(values, p.name)) {
        throw templateError(site, `needs a value for "${p.name}"`, { code: "missing-value" });
      }
      out += String(values[p.name]);
    }
  }
  return out;
}

function blockName(node: hbs.AST.Statement): string {
  const path = (node as hbs.AST.BlockStatement).path;
  return path && path.type === "PathExpression" ? (path as hbs.AST.PathExpression).original : "...";
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
