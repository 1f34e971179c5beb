import { FairtenderError } from "../errors.js";
import type { Clause, Library } from "../model/clause.js";
import { suggest } from "../validate/suggest.js";

/**
 * The clause with this id. Throws a `FairtenderError` with code `unknown-clause` when the library
 * has none, suggesting the closest ids (`unknown clause "general-wage" (did you mean "general-wages"?)`).
 */
export function getClause(lib: Pick<Library, "clauses">, id: string): Clause {
  const found = lib.clauses.find((c) => c.id === id);
  if (found) return found;
  const hits = suggest(
    id,
    lib.clauses.map((c) => c.id),
  );
  const hint = hits.length ? ` (did you mean ${hits.map((h) => JSON.stringify(h)).join(" or ")}?)` : "";
  const message = `Unknown clause ${JSON.stringify(id)}${hint}`;
  const issue = { code: "unknown-clause", path: [], received: id, expected: "a clause id of the library", message };
  throw new FairtenderError("unknown-clause", message, { issues: [issue] });
}

/** The clause with this id, or `undefined`. */
export function findClause(lib: Pick<Library, "clauses">, id: string): Clause | undefined {
  return lib.clauses.find((c) => c.id === id);
}
