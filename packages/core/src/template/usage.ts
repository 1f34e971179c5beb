import type { ClauseBody } from "../model/clause.js";
import { type Leaf, leavesOf, parseLeaf, templateError } from "./handlebars.js";

/** What a clause's text uses: parameter names, referenced clause ids and defined-term ids. */
export interface TemplateUsage {
  /** Names used as `{{params.name}}`, sorted, each once. */
  params: string[];
  /** Clause ids used as `{{ref "id"}}`, sorted, each once. */
  refs: string[];
  /** Term ids used as `{{term "id"}}`, sorted, each once. */
  terms: string[];
}

/** The part of a clause that `templateUsage` reads. */
export interface TemplateSource {
  id: string;
  body: { intro?: string | undefined; subclauses?: ClauseBody["subclauses"] | undefined };
}

/**
 * Lists the parameters, cross-references and defined terms a clause's text uses, by walking the
 * Handlebars syntax tree of every text leaf (not by pattern matching). Throws a `FairtenderError`
 * with code `template-error` naming the clause and the leaf when a leaf uses anything other than
 * `{{params.name}}`, `{{ref "clause-id"}}` or `{{term "term-id"}}`.
 */
export function templateUsage(clause: TemplateSource): TemplateUsage {
  const params = new Set<string>();
  const refs = new Set<string>();
  const terms = new Set<string>();
  for (const leaf of leavesOf(clause.body)) {
    const usage = leafUsage(clause.id, leaf);
    for (const p of usage.params) params.add(p);
    for (const r of usage.refs) refs.add(r);
    for (const t of usage.terms) terms.add(t);
  }
  return { params: [...params].sort(), refs: [...refs].sort(), terms: [...terms].sort() };
}

/** Usage of valid leaves by text (invalid leaves are never cached, so their errors name each clause). */
const usageCache = new Map<string, TemplateUsage>();

function leafUsage(clauseId: string, leaf: Leaf): TemplateUsage {
  const cached = usageCache.get(leaf.text);
  if (cached) return cached;
  const sets: Sets = { params: new Set(), refs: new Set(), terms: new Set() };
  const program = parseLeaf(clauseId, leaf);
  for (const node of program.body) visit(clauseId, leaf, node, sets);
  const usage = { params: [...sets.params], refs: [...sets.refs], terms: [...sets.terms] };
  if (usageCache.size >= 5000) usageCache.clear();
  usageCache.set(leaf.text, usage);
  return usage;
}

type Sets = { params: Set<string>; refs: Set<string>; terms: Set<string> };

function visit(clauseId: string, leaf: Leaf, node: hbs.AST.Statement, sets: Sets): void {
  const line = node.loc ? ` (line ${node.loc.start.line}, column ${node.loc.start.column + 1})` : "";
  const fail: (what: string) => never = (what) => {
    throw templateError(
      clauseId,
      leaf.path,
      `${what}${line}; only {{params.name}}, {{ref "clause-id"}} and {{term "term-id"}} are allowed`,
    );
  };
  switch (node.type) {
    case "ContentStatement":
      return;
    case "CommentStatement":
      return;
    case "MustacheStatement": {
      const m = node as hbs.AST.MustacheStatement;
      if (!(m as unknown as { escaped: boolean }).escaped) fail("uses a triple-stash {{{...}}}");
      if (m.path.type !== "PathExpression") fail(`uses a literal ${m.path.type} as an expression`);
      const path = m.path as hbs.AST.PathExpression;
      if (m.hash && m.hash.pairs.length > 0) fail(`passes named arguments to "${path.original}"`);
      if (path.original === "ref" || path.original === "term") {
        const [arg, ...rest] = m.params;
        if (!arg || rest.length > 0 || arg.type !== "StringLiteral") {
          fail(`calls ${path.original} without exactly one quoted id, e.g. {{${path.original} "an-id"}}`);
        }
        const id = (arg as hbs.AST.StringLiteral).value;
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) fail(`calls ${path.original} with "${id}", not a kebab-case id`);
        (path.original === "ref" ? sets.refs : sets.terms).add(id);
        return;
      }
      if (m.params.length > 0) fail(`calls an unknown helper "${path.original}"`);
      if (
        path.data ||
        path.depth !== 0 ||
        path.parts.length !== 2 ||
        path.parts[0] !== "params" ||
        path.original !== `params.${path.parts[1]}`
      ) {
        fail(`uses "${path.original}"`);
      }
      const name = path.parts[1] ?? "";
      if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(name)) fail(`uses "${path.original}", not a parameter name`);
      sets.params.add(name);
      return;
    }
    case "BlockStatement":
      fail(`uses a block {{#${blockName(node)}}}: structure belongs in the clause data, not the template`);
      return;
    case "PartialStatement":
    case "PartialBlockStatement":
      fail("uses a partial {{> ...}}");
      return;
    case "DecoratorBlock":
    case "Decorator":
      fail("uses a decorator");
      return;
    default:
      fail(`uses ${node.type}`);
  }
}

function blockName(node: hbs.AST.Statement): string {
  const path = (node as hbs.AST.BlockStatement).path;
  return path && path.type === "PathExpression" ? (path as hbs.AST.PathExpression).original : "...";
}
