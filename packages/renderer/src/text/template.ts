import { FairtenderError } from "@fairtender/core";
import Handlebars from "handlebars";

/** A compiled text template: values in, text out. */
export type TextTemplate = (data: Readonly<Record<string, string | number>>) => string;

const env = Handlebars.create();

/**
 * Compiles a text-leaf template in the renderer's private Handlebars environment. Only literal
 * text, comments and `{{name}}` placeholders are allowed (`variables`, when given, lists the names
 * allowed): no blocks, helpers, partials, paths (`a.b`), `@data` or `this`, so a template can
 * neither reach prototypes nor change the document's structure. The template is parsed by
 * Handlebars (whitespace control and `\{{` escapes keep their meaning) and rendered by joining
 * its parts, which gives what Handlebars' `noEscape` + `strict` mode gives, without its per-call
 * runtime cost: a missing value is an error, never an empty string.
 */
export function compileText(name: string, source: string, variables?: readonly string[]): TextTemplate {
  if (typeof source !== "string") throw templateError(name, "must be a string");
  let ast: hbs.AST.Program;
  try {
    ast = env.parse(source);
  } catch (cause) {
    throw templateError(name, `is not a valid template: ${firstLine(cause)}`, cause);
  }
  const parts: Array<{ text: string } | { name: string }> = [];
  for (const node of ast.body) {
    if (node.type === "CommentStatement") continue;
    if (node.type === "ContentStatement") {
      parts.push({ text: (node as hbs.AST.ContentStatement).value });
      continue;
    }
    if (node.type !== "MustacheStatement") {
      throw templateError(name, `may only place values ({{name}}); ${describe(node)} is not allowed`);
    }
    const m = node as hbs.AST.MustacheStatement;
    if (m.params.length > 0 || (m.hash && m.hash.pairs.length > 0) || m.path.type !== "PathExpression") {
      throw templateError(name, "may not call helpers; only {{name}} placeholders are allowed");
    }
    const path = m.path as hbs.AST.PathExpression;
    const ok = path.parts.length === 1 && !path.data && path.original === path.parts[0];
    if (!ok || (variables !== undefined && !variables.includes(path.original))) {
      throw templateError(
        name,
        `uses "{{${path.original}}}", which is not one of its values${variables ? ` (${variables.join(", ")})` : ""}`,
      );
    }
    parts.push({ name: path.original });
  }
  return (data) => {
    let out = "";
    for (const p of parts) {
      if ("text" in p) {
        out += p.text;
      } else {
        if (!Object.hasOwn(data, p.name))
          throw templateError(name, `needs a value for "${p.name}"`, undefined, "missing-value");
        out += String(data[p.name]);
      }
    }
    return out;
  };
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
      return `a ${node.type}`;
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}

/** A `template-error` naming the template (its issue's code: `invalid-template` unless given). */
export function templateError(
  name: string,
  problem: string,
  cause?: unknown,
  code: "invalid-template" | "missing-value" = "invalid-template",
): FairtenderError {
  const message = `Template "${name}" ${problem}.`;
  return new FairtenderError("template-error", message, {
    issues: [{ code, path: [name], message }],
    ...(cause === undefined ? {} : { cause }),
  });
}
