import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { parseCommandArgs } from "../args.js";
import { EXIT, UsageError } from "../errors.js";
import type { Context } from "../io.js";
import { suggest } from "../suggest.js";

/** The schemas `fairtender schema` prints, by name, and the file `@fairtender/core` ships each as. */
const FILES = {
  profile: "tender-profile",
  clause: "clause",
  obligation: "obligation",
  selection: "selection",
  library: "library",
} as const;

/** The names `fairtender schema` accepts. */
export const SCHEMAS = Object.keys(FILES) as (keyof typeof FILES)[];

export const help = `Usage: fairtender schema [${SCHEMAS.join("|")}]

Prints the JSON Schema (draft 2020-12) of a Fairtender document, for editors, form builders and
validators in other languages. Without a name, prints the tender profile schema. 'library' is the
schema of a whole clause library (your own clauses, for createLibrary).

Arguments:
  name          ${SCHEMAS.join(", ")} (default: profile)

Example:
  fairtender schema profile > tender-profile.schema.json
  fairtender schema selection`;

/** The text of a schema shipped by `@fairtender/core`. */
export async function readSchema(name: keyof typeof FILES): Promise<string> {
  const require = createRequire(import.meta.url);
  const path = require.resolve(`@fairtender/core/schema/${FILES[name]}.json`);
  return await readFile(path, "utf8");
}

/** `fairtender schema [name]`. */
export async function run(args: string[], { io }: Context): Promise<number> {
  const { positionals } = parseCommandArgs("schema", args, {});
  if (positionals.length > 1) throw new UsageError(`expected one schema name, got ${positionals.length}`, "schema");
  const name = positionals[0] ?? "profile";
  if (!(SCHEMAS as readonly string[]).includes(name)) {
    const hits = suggest(name, SCHEMAS);
    throw new UsageError(
      `unknown schema ${JSON.stringify(name)}: expected one of ${SCHEMAS.join(", ")}${hits.length ? ` (did you mean '${hits[0]}'?)` : ""}`,
      "schema",
    );
  }
  const text = await readSchema(name as keyof typeof FILES);
  io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  return EXIT.ok;
}
