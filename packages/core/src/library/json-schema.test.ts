import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { jsonSchemas } from "../../scripts/json-schemas.js";
import { parseProfile } from "../validate/profile.js";
import { builtinLibrary } from "./builtin.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const schemas = jsonSchemas();
const profileDir = join(root, "../../examples/profiles");

type Schema = {
  $ref?: string;
  $defs?: Record<string, Schema>;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  const?: unknown;
  pattern?: string;
};

/**
 * A small structural validator (no JSON Schema validator is installed): follows $ref, checks object
 * keys (required, unknown when additionalProperties is false), array items, enums, consts, patterns
 * and basic types, and tries each branch of anyOf/oneOf. Returns the problems found.
 */
function check(schema: Schema, value: unknown, defs: Record<string, Schema>, path = "$"): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace("#/$defs/", "");
    const target = defs[name];
    return target ? check(target, value, defs, path) : [`${path}: unresolved ${schema.$ref}`];
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const results = branches.map((b) => check(b, value, defs, path));
    return results.some((r) => r.length === 0)
      ? []
      : [`${path}: matches no branch (${results.map((r) => r[0]).join(" | ")})`];
  }
  if (schema.const !== undefined && value !== schema.const) return [`${path}: expected ${String(schema.const)}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} not in enum`];
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  const actual = Array.isArray(value)
    ? "array"
    : value === null
      ? "null"
      : Number.isInteger(value)
        ? "integer"
        : typeof value;
  if (types.length && !types.includes(actual) && !(actual === "integer" && types.includes("number"))) {
    return [`${path}: ${actual}, expected ${types.join("|")}`];
  }
  if (typeof value === "string" && schema.pattern && !new RegExp(schema.pattern).test(value))
    return [`${path}: pattern`];
  const out: string[] = [];
  if (actual === "object" && schema.properties) {
    const obj = value as Record<string, unknown>;
    for (const r of schema.required ?? []) if (!(r in obj)) out.push(`${path}.${r}: required`);
    for (const [k, v] of Object.entries(obj)) {
      const prop = schema.properties[k];
      if (prop) out.push(...check(prop, v, defs, `${path}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${path}.${k}: unknown property`);
    }
  }
  if (actual === "array" && schema.items) {
    (value as unknown[]).forEach((v, i) => {
      out.push(...check(schema.items as Schema, v, defs, `${path}[${i}]`));
    });
  }
  return out;
}

function schema(file: string): Schema {
  return JSON.parse(schemas.get(file) ?? "{}") as Schema;
}

describe("JSON Schemas", () => {
  it("are committed and up to date (run `npm run library` if this fails)", () => {
    expect([...schemas.keys()].sort()).toEqual([
      "clause.json",
      "condition.json",
      "conditions.json",
      "library.json",
      "obligation.json",
      "rule.json",
      "selection.json",
      "tender-profile.json",
    ]);
    for (const [file, text] of schemas) {
      expect(readFileSync(join(root, "schema", file), "utf8") === text, file).toBe(true);
    }
  });

  it("describe the profile as a caller writes it: defaults optional, unknown fields rejected", () => {
    const s = schema("tender-profile.json");
    const profile = s.$defs?.TenderProfile;
    expect(profile?.required).toEqual(["buyer", "procurement"]);
    expect(profile?.additionalProperties).toBe(false);
    expect(profile?.properties?.procurement?.required).toEqual(["title", "category", "value", "startDate"]);
  });

  it("validate the sample profiles of examples/ (structurally), which parseProfile also accepts", () => {
    const s = schema("tender-profile.json");
    const files = readdirSync(profileDir).filter((f) => f.endsWith(".yaml"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const data = parse(readFileSync(join(profileDir, f), "utf8"), { schema: "core" }) as unknown;
      expect(() => parseProfile(data), f).not.toThrow();
      expect(check(s, data, s.$defs ?? {}), f).toEqual([]);
    }
  });

  it("reject a profile with an unknown field or a bad enum value", () => {
    const s = schema("tender-profile.json");
    const bad = {
      buyer: { name: "X", jurisdiction: "XX" },
      procurement: {
        title: "T",
        category: "goods",
        value: { amount: 1, currency: "USD" },
        startDate: "2026-01-01",
        colour: 1,
      },
    };
    const problems = check(s, bad, s.$defs ?? {});
    expect(problems).toContain('$.buyer.jurisdiction: "XX" not in enum');
    expect(problems).toContain("$.procurement.colour: unknown property");
  });

  it("validate the built-in library and its clauses", () => {
    const lib = schema("library.json");
    expect(check(lib, JSON.parse(JSON.stringify(builtinLibrary())), lib.$defs ?? {})).toEqual([]);
    const clause = schema("clause.json");
    for (const c of builtinLibrary().clauses)
      expect(check(clause, JSON.parse(JSON.stringify(c)), clause.$defs ?? {}), c.id).toEqual([]);
  });

  it("describe the selection rules: every built-in rule and named condition validates, a bad condition does not", () => {
    const rule = schema("rule.json");
    const rules = builtinLibrary().clauses.flatMap((c) => (c.selection ? [c.selection] : []));
    expect(rules.length).toBe(builtinLibrary().clauses.length);
    for (const r of rules) expect(check(rule, JSON.parse(JSON.stringify(r)), rule.$defs ?? {}), r.id).toEqual([]);
    const conditions = schema("conditions.json");
    const named = { conditions: JSON.parse(JSON.stringify(builtinLibrary().conditions)) as unknown };
    expect(check(conditions, named, conditions.$defs ?? {})).toEqual([]);
    const condition = schema("condition.json");
    expect(check(condition, { kind: "risk", atLeast: "high" }, condition.$defs ?? {})).toEqual([]);
    expect(check(condition, { kind: "risk", atleast: "high" }, condition.$defs ?? {})).not.toEqual([]);
    expect(
      check(condition, { kind: "flag", path: "supplier.sm", yes: "y", no: "n" }, condition.$defs ?? {}),
    ).not.toEqual([]);
  });
});
