import { FairtenderError } from "@fairtender/core";
import Handlebars from "handlebars";

/**
 * The Markdown layout of each block, as Handlebars templates that only place pre-rendered,
 * pre-escaped strings (`{{number}}`, `{{body}}`). A user may override any of them by name; the
 * variables each template receives are listed in {@link PARTIAL_VARIABLES}.
 */
export const DEFAULT_PARTIALS = {
  document: "{{titleBlock}}\n\n{{body}}\n",
  titleBlock: "# {{title}}\n\n_{{subtitle}}_\n\n{{facts}}",
  toc: "",
  part: "## {{heading}}\n\n{{body}}",
  topic: "### {{number}} {{title}}\n\n{{body}}",
  clause: "#### {{number}} {{title}}\n\n{{body}}",
  subclause: "**{{number}}** {{text}}{{items}}",
  item: "- **{{number}}** {{text}}",
  paragraph: "{{text}}",
  note: "> **{{label}}**\n>\n{{quoted}}",
  list: "{{items}}",
  listItem: "{{marker}} {{text}}",
  table: "**{{caption}}**\n\n{{table}}",
} as const;

/** The name of a block layout template. Tables may also be overridden by table id, e.g. `obligationsTable`. */
export type PartialName = keyof typeof DEFAULT_PARTIALS;

/** The variables each layout template receives (all strings, already escaped for Markdown). */
export const PARTIAL_VARIABLES: Record<PartialName, readonly string[]> = {
  document: ["titleBlock", "body", "title", "buyer", "reference", "edition", "issueDate", "documentVersion"],
  titleBlock: ["title", "subtitle", "facts"],
  toc: ["title"],
  part: ["heading", "label", "title", "body", "id"],
  topic: ["number", "title", "body", "id"],
  clause: ["number", "title", "body", "id", "kind"],
  subclause: ["number", "text", "items"],
  item: ["number", "fullNumber", "text"],
  paragraph: ["text", "role"],
  note: ["label", "body", "quoted"],
  list: ["items", "ordered"],
  listItem: ["marker", "number", "text"],
  table: ["caption", "table", "id", "header", "rows"],
};

/** Table ids of the pack whose layout can be overridden as `<id>Table`. */
export const TABLE_IDS = [
  "regimes",
  "riskFactors",
  "definitions",
  "obligations",
  "crosswalk",
  "signature",
  "compliancePlan",
  "questionnaire",
  "flowDown",
  "instruments",
  "selected",
  "excluded",
] as const;

const env = Handlebars.create();
type Template = (data: Record<string, string>) => string;
const cache = new Map<string, Template>();

/** Compiles a layout template after checking that it only places the variables of its block. */
export function compilePartial(name: string, source: string, variables: readonly string[]): Template {
  const key = `${name}\u0000${source}`;
  const cached = cache.get(key);
  if (cached) return cached;
  if (typeof source !== "string") throw partialError(name, "must be a string");
  let ast: hbs.AST.Program;
  try {
    ast = env.parse(source);
  } catch (cause) {
    throw partialError(name, `is not a valid template: ${firstLine(cause)}`, cause);
  }
  for (const node of ast.body) {
    if (node.type === "ContentStatement" || node.type === "CommentStatement") continue;
    if (node.type !== "MustacheStatement") {
      throw partialError(name, `may only place variables ({{name}}); ${describe(node)} is not allowed`);
    }
    const m = node as hbs.AST.MustacheStatement;
    const path = m.path as hbs.AST.PathExpression;
    if (m.params.length > 0 || (m.hash && m.hash.pairs.length > 0) || path.type !== "PathExpression") {
      throw partialError(name, "may not call helpers; only {{name}} placeholders are allowed");
    }
    if (path.parts.length !== 1 || path.data || !variables.includes(path.original)) {
      throw partialError(
        name,
        `uses "{{${path.original}}}", which is not one of its variables (${variables.join(", ")})`,
      );
    }
  }
  const compiled = env.compile(source, { noEscape: true, strict: true, knownHelpersOnly: true, knownHelpers: {} });
  const template: Template = (data) =>
    compiled(data, { allowProtoMethodsByDefault: false, allowProtoPropertiesByDefault: false });
  cache.set(key, template);
  return template;
}

function describe(node: hbs.AST.Node): string {
  switch (node.type) {
    case "BlockStatement":
      return "a block ({{#...}})";
    case "PartialStatement":
    case "PartialBlockStatement":
      return "a partial ({{> ...}})";
    case "DecoratorBlock":
    case "Decorator":
      return "a decorator";
    default:
      return node.type;
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}

function partialError(name: string, problem: string, cause?: unknown): FairtenderError {
  const message = `Markdown partial "${name}" ${problem}.`;
  return new FairtenderError("template-error", message, {
    issues: [{ path: `partials.${name}`, message }],
    ...(cause === undefined ? {} : { cause }),
  });
}
