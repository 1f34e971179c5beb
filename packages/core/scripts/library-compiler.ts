/**
 * The clause-library compiler: turns the files in `library/` (Markdown clauses with YAML front
 * matter, YAML tables) into one validated `Library` and the TypeScript module that ships it.
 *
 * Pure: it takes the files as a map of relative path to text, so that tests can compile in memory
 * and compare with the committed output. `compile-library.ts` does the file I/O.
 */
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { Issue } from "../src/errors.js";
import { validateLibrary } from "../src/library/check.js";
import { LIST_FIELDS } from "../src/library/create.js";
import { schemaIssues } from "../src/library/rules.js";
import { Annex, PackWording } from "../src/model/annex.js";
import { Clause, Definition, Library, RiskTables, Sector } from "../src/model/clause.js";
import { DatedParameter, Source } from "../src/model/common.js";
import { CountryGroup, Jurisdiction, Regime } from "../src/model/regime.js";
import { type NamedCondition, NamedConditionSchema } from "../src/model/rule.js";
import { WarningWording } from "../src/model/warning.js";
import { formatPath, issueText, toIssues } from "../src/validate/issues.js";
import { suggest } from "../src/validate/suggest.js";

/** A problem in a library file: which file, which field, and what was expected. */
export interface CompileProblem {
  file: string;
  field: string;
  message: string;
}

/** Thrown when the library does not compile; `problems` lists all of them. */
export class LibraryCompileError extends Error {
  override readonly name = "LibraryCompileError";
  constructor(readonly problems: CompileProblem[]) {
    super(
      `The clause library has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems
        .map((p) => `  - ${p.file}${p.field ? ` ${p.field}` : ""}: ${p.message}`)
        .join("\n")}`,
    );
  }
}

/** The result of compiling: the library and, for each clause, the file it came from. */
export interface Compiled {
  library: Library;
  clauseFiles: string[];
}

const CLAUSE_DIR = "library/clauses/";
const TABLES = {
  library: "library/library.yaml",
  sources: "library/sources.yaml",
  definitions: "library/definitions.yaml",
  regimes: "library/regimes.yaml",
  jurisdictions: "library/jurisdictions.yaml",
  sectors: "library/sectors.yaml",
  parameters: "library/parameters.yaml",
  conditions: "library/conditions.yaml",
  risk: "library/risk.yaml",
  annexes: "library/annexes.yaml",
  wording: "library/pack.yaml",
  warnings: "library/warnings.yaml",
} as const;

/** Compiles the library files (`library/...` relative path → text). Throws {@link LibraryCompileError}. */
export function compileLibrary(files: ReadonlyMap<string, string>): Compiled {
  const problems: CompileProblem[] = [];
  const problem = (file: string, field: string, message: string) => problems.push({ file, field, message });

  const parsedYaml = new Map<string, unknown>();
  const yamlFile = (file: string): unknown => {
    if (parsedYaml.has(file)) return parsedYaml.get(file);
    const text = files.get(file);
    if (text === undefined) problem(file, "", "is missing");
    const doc = text === undefined ? undefined : readYaml(file, text, problems);
    parsedYaml.set(file, doc);
    return doc;
  };

  // Named sources.
  const sourceDoc = yamlFile(TABLES.sources) as { checked?: unknown; sources?: unknown } | undefined;
  const sources = new Map<string, Record<string, unknown> | Record<string, unknown>[]>();
  if (sourceDoc !== undefined) {
    if (!isRecord(sourceDoc) || !isRecord(sourceDoc.sources)) {
      problem(TABLES.sources, "sources", "expected a map of source keys to sources");
    } else {
      for (const [key, value] of Object.entries(sourceDoc.sources)) {
        if (!isRecord(value)) {
          problem(
            TABLES.sources,
            `sources.${key}`,
            "expected a source (citation, instrument, checked, confidence, ...)",
          );
          continue;
        }
        const { editions, ...base } = value;
        const withDefault = { checked: sourceDoc.checked, ...base };
        if (editions === undefined) {
          const parsed = Source.safeParse(withDefault);
          if (!parsed.success) {
            for (const i of toIssues(parsed.error, withDefault, { schema: Source })) {
              problem(TABLES.sources, under(`sources.${key}`, i.path), issueText(i));
            }
            continue;
          }
          sources.set(key, parsed.data);
          continue;
        }
        const expanded = sourceEditions(key, withDefault, editions, problem);
        if (expanded) sources.set(key, expanded);
      }
    }
  }
  const resolve = (file: string, value: unknown): unknown => resolveSources(file, value, [], sources, problem);

  const table = <T>(
    file: string,
    key: string,
    schema: { safeParse: (v: unknown) => { success: boolean; data?: T; error?: unknown } },
    issuesOf: (error: import("zod").ZodError, input: unknown) => ReturnType<typeof toIssues> = toIssues,
  ) => {
    const doc = yamlFile(file);
    if (doc === undefined) return [] as T[];
    const list = isRecord(doc) ? doc[key] : undefined;
    if (!Array.isArray(list)) {
      problem(file, key, `expected a list under "${key}:"`);
      return [] as T[];
    }
    const out: T[] = [];
    list.forEach((entry, i) => {
      const resolved = resolve(file, entry);
      const parsed = schema.safeParse(resolved) as { success: boolean; data?: T; error?: import("zod").ZodError };
      if (parsed.success) out.push(parsed.data as T);
      else if (parsed.error) {
        const id = isRecord(entry) && typeof entry.id === "string" ? ` (${entry.id})` : "";
        for (const iss of issuesOf(parsed.error, resolved)) {
          problem(file, under(`${key}[${i}]${id}`, iss.path), issueText(iss));
        }
      }
    });
    return out;
  };

  // Regimes first: a clause's `regimes: all` means every regime (not module) of regimes.yaml, in its order.
  const regimes = table<Regime>(TABLES.regimes, "regimes", Regime);
  const allRegimes = regimes.filter((r) => r.kind === "regime").map((r) => r.id);
  const regimeIds = regimes.map((r) => r.id);
  for (const [key, source] of sources) {
    const regime = (Array.isArray(source) ? source[0] : source)?.regime;
    if (typeof regime !== "string" || regimes.length === 0 || regimeIds.includes(regime)) continue;
    const hits = suggest(regime, regimeIds);
    problem(
      TABLES.sources,
      `sources.${key}.regime`,
      `unknown regime ${JSON.stringify(regime)} (expected an id of library/regimes.yaml${hits.length ? `; did you mean ${hits.map((h) => JSON.stringify(h)).join(" or ")}?` : ""})`,
    );
  }

  // Clauses, one Markdown file each, sorted by id.
  const clauseEntries = [...files.keys()].filter((f) => f.startsWith(CLAUSE_DIR) && f.endsWith(".md")).sort();
  const clauses: { file: string; clause: Clause }[] = [];
  for (const file of clauseEntries) {
    const raw = readClauseFile(file, files.get(file) ?? "", problems);
    if (!raw) continue;
    const stem = file.slice(CLAUSE_DIR.length, -".md".length);
    if (raw.id !== stem)
      problem(file, "id", `is ${JSON.stringify(raw.id)}, expected ${JSON.stringify(stem)} (the file name)`);
    if (raw.regimes === "all") raw.regimes = allRegimes;
    const resolved = resolve(file, raw);
    const parsed = Clause.safeParse(resolved);
    if (!parsed.success) {
      for (const i of schemaIssues(parsed.error, resolved, Clause)) problem(file, formatPath(i.path), issueText(i));
      continue;
    }
    clauses.push({ file, clause: parsed.data });
  }
  for (const f of files.keys()) {
    if (f.startsWith(CLAUSE_DIR) && !f.endsWith(".md")) problem(f, "", "is not a clause file (expected <id>.md)");
  }
  clauses.sort((a, b) => compare(a.clause.id, b.clause.id));

  const definitions = table<Definition>(TABLES.definitions, "definitions", Definition);
  const countryGroups = table<CountryGroup>(TABLES.jurisdictions, "groups", CountryGroup);
  const jurisdictions = table<Jurisdiction>(TABLES.jurisdictions, "jurisdictions", Jurisdiction);
  const sectors = table<Sector>(TABLES.sectors, "sectors", Sector);
  const parameters = table<DatedParameter>(TABLES.parameters, "parameters", DatedParameter);
  const conditions = table<NamedCondition>(TABLES.conditions, "conditions", NamedConditionSchema, (error, input) =>
    schemaIssues(error, input, NamedConditionSchema),
  );
  // Annexes and the pack's wording keep their file order: it is the document order.
  const annexes = table<Annex>(TABLES.annexes, "annexes", Annex);
  const wording = table<PackWording>(TABLES.wording, "wording", PackWording);
  const warnings = table<WarningWording>(TABLES.warnings, "warnings", WarningWording);

  let risk: RiskTables | undefined;
  const riskDoc = yamlFile(TABLES.risk);
  if (riskDoc !== undefined) {
    const resolved = resolve(TABLES.risk, riskDoc);
    const parsed = RiskTables.safeParse(resolved);
    if (parsed.success) risk = parsed.data;
    else
      for (const i of toIssues(parsed.error, resolved, { schema: RiskTables }))
        problem(TABLES.risk, formatPath(i.path), issueText(i));
  }
  const meta = yamlFile(TABLES.library);
  const version = isRecord(meta) ? meta.version : undefined;

  for (const f of files.keys()) {
    if (
      !f.startsWith(CLAUSE_DIR) &&
      !Object.values(TABLES).includes(f as (typeof TABLES)[keyof typeof TABLES]) &&
      !f.endsWith(".md") &&
      f !== "library/biome.json"
    ) {
      problem(f, "", "is not a file the compiler knows (expected clauses/<id>.md or one of the tables)");
    }
  }
  if (problems.length) throw new LibraryCompileError(problems);

  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => compare(a.id, b.id));
  const input = {
    version,
    clauses: clauses.map((c) => c.clause),
    definitions: byId(definitions),
    // Regimes and jurisdictions keep the file order: it is the document order and the listing order.
    regimes,
    jurisdictions,
    countryGroups,
    sectors: byId(sectors),
    parameters: byId(parameters),
    conditions: byId(conditions),
    risk,
    annexes,
    wording,
    warnings,
  };
  const clauseFiles = clauses.map((c) => c.file);
  const { data, issues } = validateLibrary(input);
  if (!data) throw new LibraryCompileError(issues.map((i) => locate(i, clauseFiles, input)));
  return { library: data, clauseFiles };
}

/** The problems {@link compileLibrary} would throw, as `file field: message` lines (empty when it compiles). */
export function compileProblems(files: ReadonlyMap<string, string>): string[] {
  try {
    compileLibrary(files);
    return [];
  } catch (error) {
    if (error instanceof LibraryCompileError) return error.problems.map((p) => `${p.file} ${p.field}: ${p.message}`);
    throw error;
  }
}

/** Renders the compiled library as the committed TypeScript module (deterministic). */
export function renderModule(library: Library): string {
  return `// Generated by scripts/compile-library.ts from packages/core/library/. Do not edit by hand:
// edit the Markdown and YAML files in library/ and run \`npm run library\` in packages/core.
import type { Library } from "../model/clause.js";

/** The built-in clause library as data (use \`builtinLibrary()\`, which returns it frozen). */
export const BUILTIN_LIBRARY: Library = ${JSON.stringify(library, null, 2)};
`;
}

/** Maps a library-level issue (`["clauses", 3, "terms", 0]`) to the file it came from. */
function locate(
  issue: Issue,
  clauseFiles: readonly string[],
  input: {
    definitions: { id: string }[];
    conditions: { id: string }[];
    annexes: { id: string }[];
    wording: { id: string }[];
    warnings: { id: string }[];
    regimes: { id: string }[];
    jurisdictions: { code: string }[];
  },
): CompileProblem {
  const [kind, index, ...restKeys] = issue.path;
  const message = issueText(issue);
  const listed: readonly string[] = LIST_FIELDS;
  if (typeof kind === "string" && listed.includes(kind) && typeof index === "number") {
    if (kind === "clauses")
      return { file: clauseFiles[index] ?? "library/clauses", field: formatPath(restKeys), message };
    if (kind === "countryGroups")
      return { file: TABLES.jurisdictions, field: under(`groups[${index}]`, restKeys), message };
    const file = TABLES[kind as keyof typeof TABLES];
    const named =
      kind === "definitions" ||
      kind === "conditions" ||
      kind === "annexes" ||
      kind === "wording" ||
      kind === "warnings" ||
      kind === "regimes"
        ? input[kind]
        : undefined;
    const id = kind === "jurisdictions" ? input.jurisdictions[index]?.code : named?.[index]?.id;
    return { file, field: under(`${kind}[${index}]${id ? ` (${id})` : ""}`, restKeys), message };
  }
  const top = String(kind ?? "");
  const file = top === "countryGroups" ? TABLES.jurisdictions : (TABLES[top as keyof typeof TABLES] ?? TABLES.library);
  return { file, field: formatPath(issue.path), message };
}

/** `prefix` followed by `path` as people read it: `sources.far-52-222-50.citation`, `regimes[2] (gb).instruments[0]`. */
function under(prefix: string, path: readonly (string | number)[]): string {
  const rest = formatPath(path);
  return rest ? `${prefix}${rest.startsWith("[") ? "" : "."}${rest}` : prefix;
}

/**
 * The editions of a named source (`editions:` in library/sources.yaml), each a complete source: the
 * source's own fields, then the edition's (`edition`, `effectiveFrom`, `effectiveTo`, `confidence`,
 * `note`, `url`, `checked`), read at the solicitation (`dateBasis: commencement`). The periods must
 * run forwards and must not overlap or leave a gap, so that exactly one edition is in force on any day.
 */
function sourceEditions(
  key: string,
  base: Record<string, unknown>,
  editions: unknown,
  problem: (file: string, field: string, message: string) => void,
): Record<string, unknown>[] | undefined {
  const at = `sources.${key}.editions`;
  if (!Array.isArray(editions) || editions.length === 0 || !editions.every(isRecord)) {
    problem(TABLES.sources, at, "expected a list of editions (edition, effectiveFrom, effectiveTo, confidence, note)");
    return undefined;
  }
  if (base.effectiveFrom !== undefined || base.effectiveTo !== undefined || base.edition !== undefined) {
    problem(
      TABLES.sources,
      `sources.${key}`,
      "a source with editions dates each edition, not the source (move edition, effectiveFrom and effectiveTo into its editions)",
    );
    return undefined;
  }
  const out: Record<string, unknown>[] = [];
  editions.forEach((edition, i) => {
    const whole = { ...base, ...edition, dateBasis: "commencement" };
    const parsed = Source.safeParse(whole);
    if (!parsed.success) {
      for (const iss of toIssues(parsed.error, whole, { schema: Source }))
        problem(TABLES.sources, under(`${at}[${i}]`, iss.path), issueText(iss));
      return;
    }
    if (parsed.data.edition === undefined)
      problem(TABLES.sources, `${at}[${i}].edition`, "is missing (each edition names its version or date)");
    out.push(parsed.data);
  });
  for (let i = 0; i < out.length; i++) {
    const cur = out[i] as { effectiveFrom?: string; effectiveTo?: string };
    const next = out[i + 1] as { effectiveFrom?: string } | undefined;
    if (next === undefined) {
      if (cur.effectiveTo !== undefined)
        problem(
          TABLES.sources,
          `${at}[${i}].effectiveTo`,
          "the last edition must be open-ended (no effectiveTo): it is the one in force now",
        );
      continue;
    }
    if (cur.effectiveTo === undefined || next.effectiveFrom === undefined) {
      problem(
        TABLES.sources,
        `${at}[${i}]`,
        "every edition but the last needs effectiveTo, and every edition but the first effectiveFrom",
      );
      continue;
    }
    const dayAfter = new Date(Date.parse(`${cur.effectiveTo}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    if (next.effectiveFrom !== dayAfter)
      problem(
        TABLES.sources,
        `${at}[${i + 1}].effectiveFrom`,
        `is ${next.effectiveFrom}, expected ${dayAfter} (the day after the previous edition ends: editions must not overlap or leave a gap)`,
      );
  }
  return out.length === editions.length ? out : undefined;
}

const SOURCE_LIST_KEYS = new Set(["sources", "incorporates", "instruments"]);

/**
 * Replaces source keys by the named sources: a string `far-52-222-50`, or `{ key: far-52-222-50,
 * provision: "(d)" }` to add or override fields. Inline sources pass through unchanged.
 */
function resolveSources(
  file: string,
  value: unknown,
  path: (string | number)[],
  sources: ReadonlyMap<string, Record<string, unknown> | Record<string, unknown>[]>,
  problem: (file: string, field: string, message: string) => void,
): unknown {
  const one = (v: unknown, at: (string | number)[]): unknown => {
    const key = typeof v === "string" ? v : isRecord(v) && typeof v.key === "string" ? v.key : undefined;
    if (key === undefined) return v;
    const found = sources.get(key);
    if (!found) {
      const hits = suggest(key, [...sources.keys()]);
      problem(
        file,
        formatPath(at),
        `unknown source key ${JSON.stringify(key)} (expected a key of library/sources.yaml${hits.length ? `; did you mean ${hits.map((h) => JSON.stringify(h)).join(" or ")}?` : ""})`,
      );
      return v;
    }
    const overrides: Record<string, unknown> = {};
    if (typeof v !== "string")
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (k !== "key") overrides[k] = x;
    if (Array.isArray(found)) {
      // A source with editions stands for all of them; the selection keeps the one in force.
      if (!inList) {
        problem(
          file,
          formatPath(at),
          `source ${JSON.stringify(key)} has editions (library/sources.yaml), so it can only be cited in a list of sources, where the selection keeps the edition in force`,
        );
        return v;
      }
      return found.map((edition) => ({ ...edition, ...overrides }));
    }
    return { ...found, ...overrides };
  };
  let inList = false;
  const many = (v: unknown, at: (string | number)[]): unknown[] => {
    inList = true;
    const out = one(v, at);
    inList = false;
    return Array.isArray(out) ? out : [out];
  };
  if (Array.isArray(value)) return value.map((v, i) => resolveSources(file, v, [...path, i], sources, problem));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SOURCE_LIST_KEYS.has(k) && Array.isArray(v)) out[k] = v.flatMap((s, i) => many(s, [...path, k, i]));
    else if (k === "source") out[k] = one(v, [...path, k]);
    else out[k] = resolveSources(file, v, [...path, k], sources, problem);
  }
  return out;
}

function readYaml(file: string, text: string, problems: CompileProblem[]): unknown {
  try {
    return parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? `line ${error.linePos[0].line}` : "";
    const msg = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    problems.push({ file, field: where, message: `is not valid YAML: ${msg}` });
    return undefined;
  }
}

/**
 * Reads a clause file: YAML front matter between `---` lines (every clause field except `body`),
 * then the body in Markdown: paragraphs before the list are the intro; a top-level numbered list
 * (`1.`) gives the sub-clauses; a `-` list indented under an item gives its lettered items.
 */
export function readClauseFile(
  file: string,
  text: string,
  problems: CompileProblem[],
): Record<string, unknown> | undefined {
  const normalised = text.replace(/\r\n?/g, "\n");
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(normalised);
  if (!m) {
    problems.push({
      file,
      field: "",
      message: "expected YAML front matter between two --- lines at the top of the file",
    });
    return undefined;
  }
  const front = readYaml(file, m[1] ?? "", problems);
  if (front === undefined) return undefined;
  if (!isRecord(front)) {
    problems.push({ file, field: "", message: "the front matter must be a YAML map of clause fields" });
    return undefined;
  }
  if ("body" in front) {
    problems.push({
      file,
      field: "body",
      message: "the body is the Markdown after the front matter, not a front-matter field",
    });
    return undefined;
  }
  const headerLines = (m[1] ?? "").split("\n").length + 2;
  const body = parseBody(file, m[2] ?? "", headerLines, problems);
  if (!body) return undefined;
  return { ...front, body };
}

interface BodyOut {
  intro?: string;
  subclauses: { text: string; items?: string[] }[];
}

function parseBody(file: string, text: string, lineOffset: number, problems: CompileProblem[]): BodyOut | undefined {
  const lines = text.split("\n");
  const intro: string[][] = [];
  let paragraph: string[] | undefined;
  const subclauses: { text: string[]; items: string[][] }[] = [];
  let ok = true;
  const fail = (n: number, message: string) => {
    problems.push({ file, field: `line ${n + lineOffset}`, message });
    ok = false;
  };
  let blankSince = false;
  for (const [n, line] of lines.entries()) {
    if (line.trim() === "") {
      paragraph = undefined;
      blankSince = true;
      continue;
    }
    const numbered = /^(\d+)[.)]\s+(.*)$/.exec(line);
    const bullet = /^( {2,}|\t)[-*+]\s+(.*)$/.exec(line);
    const indented = /^( {2,}|\t)\S/.test(line);
    const current = subclauses[subclauses.length - 1];
    if (numbered) {
      subclauses.push({ text: [numbered[2] ?? ""], items: [] });
    } else if (bullet) {
      if (!current) {
        fail(n, "a lettered item (indented -) must sit under a numbered sub-clause (1.)");
        continue;
      }
      current.items.push([bullet[2] ?? ""]);
    } else if (current && indented) {
      const lastItem = current.items[current.items.length - 1];
      (lastItem ?? current.text).push(line.trim());
    } else if (current) {
      fail(
        n,
        "text after the numbered list must be indented to continue a sub-clause or item; the intro goes before the list",
      );
      continue;
    } else if (/^\s*(#|[-*+]\s|>|```|\|)/.test(line)) {
      fail(n, "only plain paragraphs, a numbered list (1.) and indented - items are allowed in a clause body");
      continue;
    } else {
      if (!paragraph || blankSince) {
        paragraph = [];
        intro.push(paragraph);
      }
      paragraph.push(line.trim());
    }
    blankSince = false;
  }
  if (!ok) return undefined;
  const join = (parts: string[]) => parts.join(" ").replace(/\s+/g, " ").trim();
  const out: BodyOut = {
    subclauses: subclauses.map((s) =>
      s.items.length ? { text: join(s.text), items: s.items.map(join) } : { text: join(s.text) },
    ),
  };
  if (intro.length) out.intro = intro.map(join).join("\n\n");
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Locale-independent string order (so the output does not depend on the machine). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { Library };
