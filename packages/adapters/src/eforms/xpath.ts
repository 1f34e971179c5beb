/**
 * The part of XPath that the eForms SDK's field XPaths use: child steps with SDK prefixes, `*`, `@attr`,
 * `text()`, predicates with `=`/`!=` against a literal or a sequence of literals, `not(...)`, `and`,
 * `or` and nested paths. Enough to evaluate the SDK's `xpathAbsolute` strings as they are, so the
 * adapter reads notices with the SDK's own paths (kept in data/eforms-fields.yaml) rather than
 * paths of its own.
 */
import type { XmlElement } from "./xml.js";

type Token =
  | { t: "/" | "[" | "]" | "(" | ")" | "," | "=" | "!=" | "@" | "*" }
  | { t: "name"; v: string }
  | { t: "lit"; v: string };

/** A compiled path: absolute (from the document) or relative (from a context element). */
export interface XPath {
  source: string;
  absolute: boolean;
  steps: Step[];
}
type Step =
  | { kind: "element"; name: string; predicates: Expr[] }
  | { kind: "attribute"; name: string }
  | { kind: "text" };
type Expr =
  | { kind: "path"; path: XPath }
  | { kind: "not"; expr: Expr }
  | { kind: "and" | "or"; left: Expr; right: Expr }
  | { kind: "cmp"; op: "=" | "!="; path: XPath; values: string[] };

/** A node a path selects: an element, or the string value of an attribute or a text node. */
export type Item = XmlElement | string;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === " " || c === "\t" || c === "\n") {
      i++;
    } else if (c === "!" && src[i + 1] === "=") {
      out.push({ t: "!=" });
      i += 2;
    } else if ("/[](),=@*".includes(c)) {
      out.push({ t: c as "/" });
      i++;
    } else if (c === "'" || c === '"') {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new Error(`XPath ${src}: unterminated literal at ${i}`);
      out.push({ t: "lit", v: src.slice(i + 1, end) });
      i = end + 1;
    } else {
      const m = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/.exec(src.slice(i));
      if (!m) throw new Error(`XPath ${src}: unexpected "${c}" at ${i}`);
      out.push({ t: "name", v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private take(t?: Token["t"]): Token {
    const tok = this.tokens[this.i];
    if (!tok || (t && tok.t !== t)) throw new Error(`XPath ${this.src}: expected ${t ?? "more"} at token ${this.i}`);
    this.i++;
    return tok;
  }
  done(): boolean {
    return this.i >= this.tokens.length;
  }

  path(): XPath {
    const start = this.i;
    let absolute = false;
    if (this.peek()?.t === "/") {
      absolute = true;
      this.take("/");
    }
    const steps: Step[] = [this.step()];
    while (this.peek()?.t === "/") {
      this.take("/");
      steps.push(this.step());
    }
    return { source: this.describe(start), absolute, steps };
  }

  private describe(start: number): string {
    return this.tokens
      .slice(start, this.i)
      .map((t) => ("v" in t ? (t.t === "lit" ? `'${t.v}'` : t.v) : t.t))
      .join("");
  }

  private step(): Step {
    const tok = this.peek();
    if (tok?.t === "@") {
      this.take("@");
      const name = this.take("name") as { v: string };
      return { kind: "attribute", name: name.v };
    }
    if (tok?.t === "name" && tok.v === "text" && this.tokens[this.i + 1]?.t === "(") {
      this.take("name");
      this.take("(");
      this.take(")");
      return { kind: "text" };
    }
    let name: string;
    if (tok?.t === "*") {
      this.take("*");
      name = "*";
    } else name = (this.take("name") as { v: string }).v;
    const predicates: Expr[] = [];
    while (this.peek()?.t === "[") {
      this.take("[");
      predicates.push(this.or());
      this.take("]");
    }
    return { kind: "element", name, predicates };
  }

  private or(): Expr {
    let left = this.and();
    while (this.peek()?.t === "name" && (this.peek() as { v: string }).v === "or") {
      this.take("name");
      left = { kind: "or", left, right: this.and() };
    }
    return left;
  }
  private and(): Expr {
    let left = this.cmp();
    while (this.peek()?.t === "name" && (this.peek() as { v: string }).v === "and") {
      this.take("name");
      left = { kind: "and", left, right: this.cmp() };
    }
    return left;
  }
  private cmp(): Expr {
    const tok = this.peek();
    if (tok?.t === "name" && tok.v === "not" && this.tokens[this.i + 1]?.t === "(") {
      this.take("name");
      this.take("(");
      const expr = this.or();
      this.take(")");
      return { kind: "not", expr };
    }
    const path = this.path();
    const op = this.peek()?.t;
    if (op !== "=" && op !== "!=") return { kind: "path", path };
    this.take(op);
    const values: string[] = [];
    if (this.peek()?.t === "(") {
      this.take("(");
      values.push((this.take("lit") as { v: string }).v);
      while (this.peek()?.t === ",") {
        this.take(",");
        values.push((this.take("lit") as { v: string }).v);
      }
      this.take(")");
    } else values.push((this.take("lit") as { v: string }).v);
    return { kind: "cmp", op, path, values };
  }
}

const cache = new Map<string, XPath>();

/** Compiles an XPath of the SDK's subset; throws on anything outside it (tests compile every table path). */
export function compileXPath(source: string): XPath {
  const hit = cache.get(source);
  if (hit) return hit;
  const parser = new Parser(source, tokenize(source));
  const path = parser.path();
  if (!parser.done()) throw new Error(`XPath ${source}: unexpected text after the path`);
  const compiled = { ...path, source };
  cache.set(source, compiled);
  return compiled;
}

/** The string value of an item: an element's text and its descendants' text, in document order. */
export function stringValue(item: Item): string {
  if (typeof item === "string") return item;
  return item.text + item.children.map(stringValue).join("");
}

/** Evaluates a path: an absolute path from the root element, a relative one from `context`. */
export function select(path: XPath | string, context: XmlElement): Item[] {
  const p = typeof path === "string" ? compileXPath(path) : path;
  let current: Item[];
  let steps = p.steps;
  if (p.absolute) {
    let root = context;
    while (root.parent) root = root.parent;
    const [first, ...rest] = steps;
    if (first?.kind !== "element") return [];
    current =
      (first.name === "*" || first.name === root.name) && first.predicates.every((e) => test(e, root)) ? [root] : [];
    steps = rest;
  } else current = [context];
  for (const step of steps) {
    const next: Item[] = [];
    for (const item of current) {
      if (typeof item === "string") continue;
      if (step.kind === "attribute") {
        const v = item.attrs[step.name];
        if (v !== undefined) next.push(v);
      } else if (step.kind === "text") {
        if (item.text !== "") next.push(item.text);
      } else {
        for (const child of item.children) {
          if ((step.name === "*" || child.name === step.name) && step.predicates.every((e) => test(e, child))) {
            next.push(child);
          }
        }
      }
    }
    current = next;
  }
  return current;
}

function test(expr: Expr, context: XmlElement): boolean {
  switch (expr.kind) {
    case "path":
      return select(expr.path, context).length > 0;
    case "not":
      return !test(expr.expr, context);
    case "and":
      return test(expr.left, context) && test(expr.right, context);
    case "or":
      return test(expr.left, context) || test(expr.right, context);
    case "cmp": {
      const found = select(expr.path, context).map(stringValue);
      return expr.op === "=" ? found.some((v) => expr.values.includes(v)) : found.some((v) => !expr.values.includes(v));
    }
  }
}
