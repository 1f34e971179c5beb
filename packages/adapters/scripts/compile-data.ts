/**
 * Compiles the adapter's data tables (`data/*.yaml`) into `src/data/tables.generated.ts`, checking
 * every row on the way: sector ids, buyer kinds and country codes against @fairtender/core, required
 * notes, duplicate codes. A mistake fails the build naming the file, the row and what was expected.
 *
 * `npm run data` (test/data.test.ts fails when the generated file is stale).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BUYER_KINDS, COUNTRY_CODES, SECTOR_IDS } from "@fairtender/core";
import { parse } from "yaml";
import * as z from "zod";

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, "..", "data");
const outFile = join(here, "..", "src", "data", "tables.generated.ts");

const Source = z
  .object({
    citation: z.string().min(1),
    instrument: z.string().min(1),
    url: z.url().optional(),
    checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    confidence: z.enum(["confirmed", "secondary", "unconfirmed"]),
    note: z.string().min(1).optional(),
  })
  .strict();
const Scheme = z.enum(["CPV", "UNSPSC"]);
const Note = z.string().min(10, { error: "every row needs a note saying why it maps as it does" });
const Sector = z.enum(SECTOR_IDS, {
  error: `is not a Fairtender sector id (expected one of ${SECTOR_IDS.join(", ")})`,
});

const ClassificationTable = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    sources: z.object({ CPV: Source, UNSPSC: Source, sectors: Source }).strict(),
    rows: z.array(
      z
        .object({
          scheme: Scheme,
          code: z.string().regex(/^\d{2,8}$/, { error: "expected a code prefix of 2 to 8 digits" }),
          label: z.string().min(1),
          sectors: z.array(Sector),
          commodities: z.array(z.string().min(1)).default([]),
          labour: z
            .object({ recruitmentAgencies: z.literal(true).optional() })
            .strict()
            .optional(),
          note: Note,
        })
        .strict(),
    ),
    notCovered: z.array(
      z.object({ scheme: Scheme, code: z.string().regex(/^\d{0,8}$/), label: z.string().min(1), note: Note }).strict(),
    ),
  })
  .strict();

const BuyerLegalTypeTable = z
  .object({
    source: Source,
    types: z.array(
      z
        .object({
          code: z.string().regex(/^[a-z-]+$/),
          description: z.string().min(1),
          kind: z.enum(BUYER_KINDS).optional(),
          jurisdiction: z.enum(["country", "EU", "unknown"]),
          note: Note,
        })
        .strict(),
    ),
  })
  .strict();

const countrySet = new Set<string>(COUNTRY_CODES);
const CountryTable = z
  .object({
    source: z.object({ citation: z.string(), note: z.string() }).strict(),
    countries: z.array(
      z
        .object({
          alpha2: z.string().refine((c) => countrySet.has(c), { error: "is not in core's COUNTRY_CODES" }),
          alpha3: z.string().regex(/^[A-Z]{3}$/),
          name: z.string().min(1),
          aliases: z.array(z.string().min(1)).optional(),
        })
        .strict(),
    ),
  })
  .strict();

const EformsFieldTable = z
  .object({
    sdk: z.object({ version: z.string().regex(/^eforms-sdk-\d+\.\d+/), ubl: z.string() }).strict(),
    nodes: z.array(
      z
        .object({
          id: z.string(),
          parent: z.string().optional(),
          xpath: z.string(),
          relative: z.string(),
          order: z.array(z.number()).optional(),
          repeatable: z.boolean(),
        })
        .strict(),
    ),
    fields: z.array(
      z
        .object({
          id: z.string(),
          bt: z.string(),
          name: z.string(),
          use: z.string().min(10),
          parent: z.string(),
          xpath: z.string(),
          relative: z.string(),
          order: z.array(z.number()).optional(),
          type: z.string(),
          attribute: z.string().optional(),
          attributeOf: z.string().optional(),
          codeList: z.string().optional(),
          preset: z.string().optional(),
          maxLength: z.number().optional(),
          repeatable: z.boolean(),
          forbiddenIn: z.array(z.string()).optional(),
        })
        .strict(),
    ),
  })
  .strict();

const ClauseRef = z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1);
const WriteBackTable = z
  .object({
    source: Source,
    strategic: z.object({ eforms: z.string(), ocds: z.string() }).strict(),
    socialObjectives: z.array(
      z
        .object({
          eforms: z.string(),
          ocds: z.string(),
          always: z.boolean().optional(),
          topics: z.array(z.string()).optional(),
          note: Note,
        })
        .strict(),
    ),
    strategies: z.object({ always: z.array(z.string()).min(1), selectionStage: z.string() }).strict(),
    exclusionGrounds: z.array(
      z.object({ code: z.string(), clauses: ClauseRef, description: z.string().min(1), note: Note }).strict(),
    ),
    selectionCriteria: z.array(
      z
        .object({
          type: z.enum(["technical", "economic", "suitability", "other"]),
          clauses: ClauseRef,
          description: z.string().min(1),
          note: Note,
        })
        .strict(),
    ),
    subcontracting: z.array(
      z.object({ code: z.string(), clauses: ClauseRef, description: z.string().min(1), note: Note }).strict(),
    ),
    document: z.object({ documentType: z.string(), note: Note, formats: z.record(z.string(), z.string()) }).strict(),
  })
  .strict();

function read<T>(file: string, schema: z.ZodType<T>): T {
  const raw = parse(readFileSync(join(dataDir, file), "utf8"));
  const result = schema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const path = i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
      let at = path;
      const row = i.path[0] === "rows" || i.path[0] === "types" || i.path[0] === "countries" ? i.path[1] : undefined;
      if (typeof row === "number") {
        const entry = (raw as Record<string, Array<{ code?: string; alpha2?: string }>>)[String(i.path[0])]?.[row];
        at += ` (${entry?.code ?? entry?.alpha2 ?? "?"})`;
      }
      return `  - data/${file} ${at.replace(/^\./, "")}: ${i.message}`;
    });
    throw new Error(`data/${file} has ${lines.length} problem(s):\n${lines.join("\n")}`);
  }
  return result.data;
}

function duplicates(file: string, keys: string[]): void {
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) throw new Error(`data/${file}: ${k} is listed twice`);
    seen.add(k);
  }
}

/** The text of `src/data/tables.generated.ts` for the current data files. */
export function compileData(): string {
  const classification = read("cpv-sectors.yaml", ClassificationTable);
  duplicates(
    "cpv-sectors.yaml",
    classification.rows.map((r) => `${r.scheme} ${r.code}`),
  );
  const buyerTypes = read("buyer-legal-types.yaml", BuyerLegalTypeTable);
  duplicates(
    "buyer-legal-types.yaml",
    buyerTypes.types.map((t) => t.code),
  );
  const countries = read("countries.yaml", CountryTable);
  duplicates(
    "countries.yaml",
    countries.countries.map((c) => c.alpha2),
  );
  duplicates(
    "countries.yaml",
    countries.countries.map((c) => c.alpha3),
  );
  const eforms = read("eforms-fields.yaml", EformsFieldTable);
  duplicates(
    "eforms-fields.yaml",
    eforms.fields.map((f) => f.id),
  );
  const writeBack = read("write-back.yaml", WriteBackTable);
  const json = (v: unknown) => JSON.stringify(v, null, 2);
  return `// Generated by scripts/compile-data.ts from data/*.yaml. Do not edit: edit the YAML and run \`npm run data\`.
import type {
  BuyerLegalTypeTable,
  ClassificationTable,
  CountryTable,
  EformsFieldTable,
  WriteBackTable,
} from "./types.js";

/** The classification table: CPV and UNSPSC code prefixes → Fairtender sectors and commodities, with what it does not cover (data/cpv-sectors.yaml). */
export const CLASSIFICATION_TABLE: ClassificationTable = ${json(classification)};

/** eForms buyer legal types (BT-11, OCDS TED_CA_TYPE) → buyer kind and jurisdiction (data/buyer-legal-types.yaml). */
export const BUYER_LEGAL_TYPES: BuyerLegalTypeTable = ${json(buyerTypes)};

/** ISO 3166-1 countries: alpha-2, alpha-3 and English names (data/countries.yaml). */
export const COUNTRY_TABLE: CountryTable = ${json(countries)};

/** The eForms SDK fields and nodes the adapters read and write, with their XPaths and the SDK version (data/eforms-fields.yaml). */
export const EFORMS_FIELDS: EformsFieldTable = ${json(eforms)};

/** How Fairtender's decisions are written back to OCDS and eForms: codes, strategies, document type (data/write-back.yaml). */
export const WRITE_BACK: WriteBackTable = ${json(writeBack)};
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(outFile, compileData());
  console.log(`wrote ${outFile}`);
}
