import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { type CompileProblem, readClauseFile } from "../../scripts/library-compiler.js";
import { exampleProfiles } from "../../test/examples.js";
import { Clause, Library } from "../model/clause.js";
import { SemVer, type Source } from "../model/common.js";
import { select } from "../select/select.js";
import { templateUsage } from "../template/usage.js";
import { builtinLibrary } from "./builtin.js";
import { checkLibrary } from "./check.js";
import { getClause } from "./get.js";

/**
 * Invariants of the built-in library, read from the library itself (its files and the compiled
 * module), never restated by hand: adding, removing or editing a clause in `library/` needs no
 * change here, and a broken reference fails here whatever clause it is in.
 */
const lib = builtinLibrary();
const libraryDir = new URL("../../library/", import.meta.url);
const clauseDir = new URL("clauses/", libraryDir);
const clauseFiles = readdirSync(clauseDir).filter((f) => f.endsWith(".md"));
const yamlOf = (name: string): unknown => parseYaml(readFileSync(new URL(name, libraryDir), "utf8"));
const named = (yamlOf("sources.yaml") as { checked?: unknown; sources: Record<string, Record<string, unknown>> })
  .sources;
const clauseIds = new Set(lib.clauses.map((c) => c.id));
const termIds = new Set(lib.definitions.map((d) => d.id));
const regimeIds = new Set(lib.regimes.map((r) => r.id));

/** The front matter of a clause file, as written (source keys not yet resolved). */
function frontMatter(file: string): Record<string, unknown> {
  const problems: CompileProblem[] = [];
  const front = readClauseFile(`library/clauses/${file}`, readFileSync(new URL(file, clauseDir), "utf8"), problems);
  expect(problems).toEqual([]);
  return front ?? {};
}

/** Every source key a library file cites: `sources: [key]`, `{ key: ..., provision }`, `source: key`. */
function sourceKeys(value: unknown, out: string[] = [], under?: string): string[] {
  const listed = under === "sources" || under === "incorporates";
  if (Array.isArray(value)) {
    for (const v of value) {
      if (listed && typeof v === "string") out.push(v);
      else sourceKeys(v, out, listed ? "source" : undefined);
    }
  } else if (typeof value === "string") {
    if (under === "source") out.push(value);
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (under === "source" && typeof record.key === "string") out.push(record.key);
    for (const [k, v] of Object.entries(record)) if (k !== "key") sourceKeys(v, out, k);
  }
  return out;
}

/** Every source object of the compiled library (clauses, obligations, definitions, regimes, parameters, risk). */
function compiledSources(value: unknown, out: Source[] = []): Source[] {
  if (Array.isArray(value)) for (const v of value) compiledSources(v, out);
  else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.citation === "string" && typeof record.instrument === "string") out.push(record as Source);
    else for (const v of Object.values(record)) compiledSources(v, out);
  }
  return out;
}

describe("the built-in library: invariants", () => {
  it("passes every self-check, and each clause validates against the Clause schema", () => {
    expect(checkLibrary(lib)).toEqual([]);
    expect(Library.safeParse(lib).success).toBe(true);
    for (const c of lib.clauses) expect(Clause.safeParse(c).success, c.id).toBe(true);
  });

  it("has one file per clause, named after its id", () => {
    expect(clauseFiles.map((f) => f.replace(/\.md$/, "")).sort()).toEqual([...clauseIds].sort());
    for (const file of clauseFiles) expect(frontMatter(file).id, file).toBe(file.replace(/\.md$/, ""));
    expect(clauseIds.size).toBe(lib.clauses.length);
  });

  it("gives the library and every clause a semantic version", () => {
    expect(SemVer.safeParse(lib.version).success, lib.version).toBe(true);
    for (const c of lib.clauses) expect(SemVer.safeParse(c.version).success, `${c.id} ${c.version}`).toBe(true);
  });

  it("cites only source keys that sources.yaml defines, and every compiled source is one of them", () => {
    const files: [string, unknown][] = [
      ...clauseFiles.map((f): [string, unknown] => [f, frontMatter(f)]),
      ...["definitions.yaml", "regimes.yaml", "sectors.yaml", "parameters.yaml", "risk.yaml"].map(
        (f): [string, unknown] => [f, yamlOf(f)],
      ),
    ];
    let cited = 0;
    for (const [file, doc] of files) {
      for (const key of sourceKeys(doc)) {
        cited++;
        expect(Object.keys(named), `${file} cites "${key}"`).toContain(key);
      }
    }
    expect(cited).toBeGreaterThan(lib.clauses.length);
    // A citation may name the exact provision (`{ key: tvpa, citation: 22 U.S.C. 7104(g) }`); the instrument is the key's.
    const instruments = new Set(Object.values(named).map((s) => s.instrument));
    for (const s of compiledSources(lib)) expect(instruments, s.citation).toContain(s.instrument);
    for (const [key, s] of Object.entries(named)) expect(typeof s.citation, key).toBe("string");
  });

  it("names only regimes the library describes", () => {
    for (const c of lib.clauses) for (const r of c.regimes) expect(regimeIds, `${c.id}: ${r}`).toContain(r);
  });

  it("uses and lists only terms that definitions define, in clauses and in definitions", () => {
    for (const c of lib.clauses) {
      const used = templateUsage(c).terms;
      for (const t of used) expect(c.terms, `${c.id} uses {{term "${t}"}}`).toContain(t);
      for (const t of c.terms) expect(termIds, `${c.id} lists "${t}"`).toContain(t);
    }
    for (const d of lib.definitions) for (const t of d.terms) expect(termIds, `${d.id} uses "${t}"`).toContain(t);
  });

  it("refers only to clauses of the library, each listed in related, and never to itself", () => {
    for (const c of lib.clauses) {
      for (const r of templateUsage(c).refs) expect(c.related, `${c.id} refers to ${r}`).toContain(r);
      for (const r of c.related) {
        expect(clauseIds, `${c.id} relates to ${r}`).toContain(r);
        expect(r, c.id).not.toBe(c.id);
      }
    }
  });

  it("declares exactly the parameters its text uses, each default within its own range", () => {
    for (const c of lib.clauses) {
      expect(Object.keys(c.parameters).sort(), c.id).toEqual([...templateUsage(c).params].sort());
      for (const [name, p] of Object.entries(c.parameters)) {
        if (p.type === "integer") {
          if (p.min !== undefined) expect(p.default, `${c.id} ${name}`).toBeGreaterThanOrEqual(p.min);
          if (p.max !== undefined) expect(p.default, `${c.id} ${name}`).toBeLessThanOrEqual(p.max);
        }
        if (p.type === "string-list") expect(p.default.length, `${c.id} ${name}`).toBeGreaterThan(0);
      }
    }
  });

  it("decides every clause by a rule for each example profile (none is left without one)", () => {
    const profiles = exampleProfiles();
    expect(profiles.length).toBeGreaterThan(0);
    for (const [file, profile] of profiles) {
      const s = select(profile);
      const decided = [...s.clauses, ...s.excluded];
      expect(decided.map((c) => c.id).sort(), file).toEqual([...clauseIds].sort());
      for (const c of decided) expect(c.reasons[0]?.rule, `${file}: ${c.id}`).not.toBe("no-rule");
    }
  });

  it("puts a remediation step in front of every exit clause", () => {
    const exits = lib.clauses.filter((x) => x.topic === "exit");
    expect(exits.length).toBeGreaterThan(0);
    for (const c of exits) {
      const text = JSON.stringify(c.body);
      const refersToRemediation =
        c.terms.includes("remediation") ||
        c.related.some((r) => lib.clauses.find((x) => x.id === r)?.topic === "remediation") ||
        c.obligations.some((o) => o.topic === "remediation");
      expect(refersToRemediation, c.id).toBe(true);
      expect(text, c.id).toMatch(/remed/i);
    }
  });

  it("gives every clause a drafting note and every obligation evidence and a source", () => {
    for (const c of lib.clauses) {
      expect(c.draftingNote.length, c.id).toBeGreaterThan(80);
      expect(c.sources.length, c.id).toBeGreaterThan(0);
      for (const o of c.obligations) {
        expect(o.evidence.length, o.id).toBeGreaterThan(0);
        expect(o.sources.length, o.id).toBeGreaterThan(0);
      }
    }
  });

  it("flags the secondary and unconfirmed facts the clauses rest on in their drafting notes", () => {
    const note = (id: string) => getClause(lib, id).draftingNote;
    expect(note("us-far-52-222-56")).toMatch(/700,000[\s\S]*SECONDARY/);
    expect(note("us-far-52-222-50")).toMatch(/Oct 2025[\s\S]*SECONDARY: FAC 2025-06/);
    expect(note("au-modern-slavery-statement")).toMatch(/"at least"[\s\S]*"more\s+than"/);
    expect(note("eu-csddd-contractual-assurance")).toMatch(/Omnibus I[\s\S]*SECONDARY/);
  });
});
