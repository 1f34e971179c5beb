/**
 * Writes packages/core/schema/*.json from the zod schemas. Run from packages/core:
 * `npx tsx scripts/write-json-schema.ts` (part of `npm run library`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { jsonSchemas } from "./json-schemas.js";

const dir = join(resolve(dirname(fileURLToPath(import.meta.url)), ".."), "schema");
mkdirSync(dir, { recursive: true });
const schemas = jsonSchemas();
for (const [file, text] of schemas) writeFileSync(join(dir, file), text);
console.log(`Wrote ${schemas.size} JSON Schemas to schema/`);
