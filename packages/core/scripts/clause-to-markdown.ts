/**
 * Writes clauses back to the library's Markdown format: the inverse of the compiler for one clause.
 * Sources equal to (or close to) a named source in library/sources.yaml are written as its key, with
 * only the differing fields as overrides.
 *
 * Usage (from packages/core): `npx tsx scripts/clause-to-markdown.ts <clauses.json> [outDir]`, where the
 * JSON file holds a clause or a list of clauses (e.g. an organisation's own clauses; default outDir
 * library/clauses). `--from-generated` rewrites library/clauses/ from src/library/builtin.generated.ts
 * (it overwrites unsaved edits: only for reformatting the whole library).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Document, isMap, isScalar, isSeq, parse, visit } from "yaml";
import type { Clause } from "../src/model/clause.js";
import type { Source } from "../src/model/common.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

type Named = Map<string, Record<string, unknown>>;

/** The named sources of library/sources.yaml, with the default `checked` date applied. */
export function namedSources(): Named {
  const doc = parse(readFileSync(join(root, "library/sources.yaml"), "utf8")) as {
    checked: string;
    sources: Record<string, Record<string, unknown>>;
  };
  return new Map(Object.entries(doc.sources).map(([k, v]) => [k, { checked: doc.checked, ...v }]));
}

function asKey(source: Source, named: Named): unknown {
  let best: { key: string; overrides: Record<string, unknown> } | undefined;
  for (const [key, base] of named) {
    if (base.citation !== source.citation && base.instrument !== source.instrument) continue;
    const overrides: Record<string, unknown> = {};
    let missing = false;
    for (const k of Object.keys(base)) if (!(k in source)) missing = true;
    if (missing) continue;
    for (const [k, v] of Object.entries(source)) if (base[k] !== v) overrides[k] = v;
    if (!best || Object.keys(overrides).length < Object.keys(best.overrides).length) best = { key, overrides };
  }
  if (!best) return source;
  return Object.keys(best.overrides).length ? { key: best.key, ...best.overrides } : best.key;
}

/** A selection rule with its sources (and its branches' sources) written as keys where they match. */
function ruleWithKeys(rule: NonNullable<Clause["selection"]>, named: Named): Record<string, unknown> {
  const { sources, when, ...rest } = rule;
  const out: Record<string, unknown> = { ...rest };
  out.when = when.map((b) => (b.sources ? { ...b, sources: b.sources.map((s) => asKey(s, named)) } : b));
  const ordered: Record<string, unknown> = {};
  for (const k of ["id", "label", "gate", "when", "why", "whyUnknown", "whyNot"]) if (k in out) ordered[k] = out[k];
  if (sources.length) ordered.sources = sources.map((s) => asKey(s, named));
  for (const [k, v] of Object.entries(out)) if (!(k in ordered)) ordered[k] = v;
  return ordered;
}

/** One clause as a library Markdown file. */
export function clauseToMarkdown(clause: Clause, named: Named): string {
  const { body, ...front } = clause;
  const fm: Record<string, unknown> = {};
  const order = [
    "id",
    "version",
    "title",
    "topic",
    "kind",
    "regimes",
    "parameters",
    "sources",
    "incorporates",
    "terms",
    "related",
    "effectiveFrom",
    "effectiveTo",
    "draftingNote",
    "obligations",
    "selection",
  ] as const;
  for (const k of order) {
    const v = (front as Record<string, unknown>)[k];
    if (v === undefined) continue;
    if (k === "kind" && v === "clause") continue;
    if (
      (k === "parameters" && Object.keys(v as object).length === 0) ||
      (Array.isArray(v) && v.length === 0 && k !== "related")
    )
      continue;
    if (k === "related" && Array.isArray(v) && v.length === 0) continue;
    if (k === "sources" || k === "incorporates") fm[k] = (v as Source[]).map((s) => asKey(s, named));
    else if (k === "obligations")
      fm[k] = (v as Clause["obligations"]).map((o) => ({ ...o, sources: o.sources.map((s) => asKey(s, named)) }));
    else if (k === "selection") fm[k] = ruleWithKeys(v as NonNullable<Clause["selection"]>, named);
    else fm[k] = v;
  }
  const doc = new Document(fm);
  // Short lists and small maps read better on one line.
  for (const key of ["regimes", "terms", "related"]) {
    const node = doc.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  const note = doc.get("draftingNote", true);
  if (isScalar(note)) note.type = "BLOCK_FOLDED";
  const obligations = doc.get("obligations", true);
  if (isSeq(obligations)) {
    for (const o of obligations.items) {
      if (!isMap(o)) continue;
      for (const key of ["timing", "flowsDown"]) {
        const node = o.get(key, true);
        if (isMap(node)) node.flow = true;
      }
    }
  }
  // In the rule, short conditions and source lists read better on one line (branches stay blocks).
  const selection = doc.get("selection", true);
  if (isMap(selection)) {
    visit(selection, {
      Map(_, node) {
        const json = JSON.stringify(node.toJSON());
        if (json.length < 70 && !json.includes("{{") && !node.has("if")) node.flow = true;
      },
      Seq(_, node) {
        if (node.items.every((i) => isScalar(i))) node.flow = true;
      },
    });
  }
  const yaml = doc.toString({ lineWidth: 100, flowCollectionPadding: true, blockQuote: "folded" });
  const lines: string[] = [];
  if (body.intro) lines.push(...body.intro.split("\n\n").flatMap((p) => [p, ""]));
  body.subclauses.forEach((s, i) => {
    lines.push(`${i + 1}. ${s.text}`);
    for (const item of s.items ?? []) lines.push(`   - ${item}`);
  });
  return `---\n${yaml}---\n${lines.join("\n").trimEnd()}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const named = namedSources();
  const args = process.argv.slice(2);
  const fromGenerated = args.includes("--from-generated");
  const positional = args.filter((a) => a !== "--from-generated");
  const input = fromGenerated ? undefined : positional[0];
  const outDir = (fromGenerated ? positional[0] : positional[1]) ?? join(root, "library/clauses");
  let clauses: Clause[];
  if (fromGenerated) {
    const { BUILTIN_LIBRARY } = await import("../src/library/builtin.generated.js");
    clauses = BUILTIN_LIBRARY.clauses;
  } else if (input) {
    const data = JSON.parse(readFileSync(input, "utf8")) as Clause | Clause[];
    clauses = Array.isArray(data) ? data : [data];
  } else {
    console.error("Usage: tsx scripts/clause-to-markdown.ts <clauses.json> [outDir] | --from-generated");
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  for (const c of clauses) writeFileSync(join(outDir, `${c.id}.md`), clauseToMarkdown(c, named));
  console.log(`Wrote ${clauses.length} clause file(s) to ${outDir}`);
}
