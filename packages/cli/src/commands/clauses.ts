import {
  builtinLibrary,
  type Clause,
  type ClauseParameter,
  clauseTextPreview,
  flowDownText,
  formatCitation,
  getClause,
  type Library,
  TOPICS,
  timingText,
} from "@fairtender/core";
import { parseCommandArgs } from "../args.js";
import { EXIT, UsageError } from "../errors.js";
import { hang, sourceLine, table, wrap } from "../format.js";
import { type Context, println } from "../io.js";
import { suggest } from "../suggest.js";

/** The regime and module ids of the built-in library, in its order. */
const regimeIds = (): string[] => builtinLibrary().regimes.map((r) => r.id);

export const help = `Usage: fairtender clauses list [--regime <id>] [--topic <id>] [--json]
       fairtender clauses show <id> [--json]

Browses the built-in clause library. 'list' prints one line per clause; 'show' prints a clause's text
(parameters shown with their defaults), its parameters, sources, drafting note and the obligations
it creates.

Options:
  --regime <id>  only clauses of this regime or module: ${regimeIds().join(", ")}
  --topic <id>   only clauses on this topic, e.g. recruitment-fees, grievance, audit
  --json         print the clause data as JSON
  -h, --help     show this help

Example:
  fairtender clauses list --regime us-far
  fairtender clauses show general-recruitment-fees`;

const TOPIC_IDS = TOPICS.map((t) => t.id) as readonly string[];

function checkChoice(kind: string, value: string | undefined, allowed: readonly string[]): void {
  if (value === undefined || allowed.includes(value)) return;
  const hits = suggest(value, allowed);
  throw new UsageError(
    `unknown ${kind} ${JSON.stringify(value)}${hits.length ? ` (did you mean ${hits.map((h) => `'${h}'`).join(" or ")}?)` : `: expected one of ${allowed.join(", ")}`}`,
    "clauses",
  );
}

/** True when a clause serves every regime (not module) of the library: its `regimes: all`. */
function servesAll(clause: Clause, lib: Library): boolean {
  const all = lib.regimes.filter((r) => r.kind === "regime");
  return all.length > 1 && all.every((r) => clause.regimes.includes(r.id));
}

function paramValue(p: ClauseParameter): string {
  if (p.type === "string-list") return p.default.join(", ");
  return String(p.default);
}

function showClause(clause: Clause, lib: Library): string {
  const lines: string[] = [];
  const topic = TOPICS.find((t) => t.id === clause.topic)?.title ?? clause.topic;
  lines.push(`${clause.title}`);
  lines.push(`${clause.id} · ${clause.kind} · version ${clause.version}`);
  lines.push(`Topic: ${topic} (${clause.topic}) · Regimes: ${clause.regimes.join(", ")}`);
  if (clause.effectiveFrom || clause.effectiveTo) {
    lines.push(`In force: ${clause.effectiveFrom ?? "…"} to ${clause.effectiveTo ?? "…"}`);
  }
  lines.push("", "Text:");
  if (clause.body.intro) lines.push(wrap(clauseTextPreview(clause, clause.body.intro, lib), 100, "  "));
  for (const [i, s] of clause.body.subclauses.entries()) {
    lines.push(hang(`  ${i + 1}. `, clauseTextPreview(clause, s.text, lib)));
    for (const [j, item] of (s.items ?? []).entries()) {
      lines.push(hang(`      (${String.fromCharCode(97 + j)}) `, clauseTextPreview(clause, item, lib)));
    }
  }
  const params = Object.entries(clause.parameters);
  if (params.length > 0) {
    lines.push("", "Parameters:");
    for (const [name, p] of params) {
      const range =
        p.type === "integer"
          ? [p.unit, p.min !== undefined ? `min ${p.min}` : "", p.max !== undefined ? `max ${p.max}` : ""]
              .filter(Boolean)
              .join(", ")
          : p.type;
      lines.push(hang("  ", `${name} = ${paramValue(p)}${range ? ` (${range})` : ""}: ${p.description}`));
    }
  }
  lines.push("", "Sources:");
  for (const s of clause.sources) lines.push(hang("  - ", sourceLine(s)));
  if (clause.incorporates.length > 0) {
    lines.push("", "Incorporated by reference:");
    for (const s of clause.incorporates) lines.push(hang("  - ", `${formatCitation(s)}: ${s.instrument}`));
  }
  lines.push("", "Drafting note:", wrap(clause.draftingNote, 100, "  "));
  if (clause.obligations.length > 0) {
    lines.push("", "Obligations:");
    for (const o of clause.obligations) {
      lines.push(hang("  - ", `${o.party}: ${o.action}`));
      lines.push(hang("    when: ", `${timingText(o.timing)}; ${flowDownText(o.flowsDown)}`));
      if (o.evidence.length > 0) lines.push(hang("    evidence: ", o.evidence.join("; ")));
      lines.push(hang("    sources: ", o.sources.map((s) => formatCitation(s)).join("; ")));
    }
  }
  if (clause.related.length > 0) lines.push("", `Related clauses: ${clause.related.join(", ")}`);
  if (clause.terms.length > 0) {
    lines.push(
      `Defined terms: ${clause.terms.map((t) => lib.definitions.find((d) => d.id === t)?.term ?? t).join(", ")}`,
    );
  }
  return lines.join("\n");
}

/** `fairtender clauses list|show`. */
export async function run(args: string[], { io }: Context): Promise<number> {
  const { values, positionals } = parseCommandArgs("clauses", args, {
    regime: { type: "string" },
    topic: { type: "string" },
    json: { type: "boolean" },
  });
  const [sub, ...rest] = positionals;
  const lib = builtinLibrary();
  if (sub === "list") {
    if (rest.length > 0) throw new UsageError(`'clauses list' takes no arguments, got ${rest.join(" ")}`, "clauses");
    checkChoice("regime", values.regime, regimeIds());
    checkChoice("topic", values.topic, TOPIC_IDS);
    const order = (c: Clause) => TOPIC_IDS.indexOf(c.topic);
    const clauses = lib.clauses
      .filter((c) => (values.regime ? c.regimes.includes(values.regime) : true))
      .filter((c) => (values.topic ? c.topic === values.topic : true))
      .sort((a, b) => order(a) - order(b) || a.id.localeCompare(b.id));
    if (values.json) {
      println(io.stdout, JSON.stringify(clauses, null, 2));
      return EXIT.ok;
    }
    if (clauses.length === 0) {
      println(io.stdout, "No clause matches.");
      return EXIT.ok;
    }
    println(
      io.stdout,
      table([
        ["ID", "TOPIC", "KIND", "REGIMES", "TITLE"],
        ...clauses.map((c) => [c.id, c.topic, c.kind, servesAll(c, lib) ? "all" : c.regimes.join(","), c.title]),
      ]),
    );
    println(
      io.stdout,
      `\n${clauses.length} clause${clauses.length === 1 ? "" : "s"} (library ${lib.version}). Show one: fairtender clauses show <id>`,
    );
    return EXIT.ok;
  }
  if (sub === "show") {
    if (rest.length !== 1) throw new UsageError("'clauses show' needs exactly one clause id", "clauses");
    if (values.regime || values.topic) throw new UsageError("--regime and --topic are for 'clauses list'", "clauses");
    const clause = getClause(lib, rest[0] as string);
    println(io.stdout, values.json ? JSON.stringify(clause, null, 2) : showClause(clause, lib));
    return EXIT.ok;
  }
  if (sub === undefined) throw new UsageError("missing subcommand: list or show", "clauses");
  const hits = suggest(sub, ["list", "show"]);
  throw new UsageError(
    `unknown subcommand ${JSON.stringify(sub)}${hits.length ? ` (did you mean '${hits[0]}'?)` : ": expected list or show"}`,
    "clauses",
  );
}
