import { type Issue, problemsError, type SafeResult } from "../errors.js";
import type { Clause, ClauseInput, Library } from "../model/clause.js";
import { moveIssue } from "../validate/issues.js";
import { validateLibrary } from "./check.js";

/**
 * Validates one clause as it would be checked inside `library` (its terms must be defined there and
 * its cross-references must resolve there; a clause with the same id is replaced for the check).
 * Returns the clause with defaults applied, or a `FairtenderError` with code `invalid-clause` whose
 * issues have paths relative to the clause (`["body", "subclauses", 1, "text"]`, `["parameters", "responseDays"]`).
 */
export function safeParseClause(input: ClauseInput | unknown, library: Library): SafeResult<Clause> {
  const id = typeof input === "object" && input !== null ? (input as { id?: unknown }).id : undefined;
  const existing = typeof id === "string" ? library.clauses.findIndex((c) => c.id === id) : -1;
  const index = existing >= 0 ? existing : library.clauses.length;
  const clauses: unknown[] = [...library.clauses];
  clauses[index] = input;
  const { data, issues } = validateLibrary({ ...library, clauses });
  const own: Issue[] = issues
    .filter((i) => i.path[0] === "clauses" && i.path[1] === index)
    .map((i) => moveIssue(i, { drop: 2, empty: "(clause)" }));
  // Problems elsewhere in the library (it was already broken) are reported as they are.
  const all = own.length ? own : issues;
  const clause = data?.clauses[index];
  if (clause && all.length === 0) return { success: true, data: clause };
  const name = typeof id === "string" ? `Clause "${id}"` : "The clause";
  return { success: false, error: problemsError("invalid-clause", name, all) };
}

/** Like {@link safeParseClause}, but throws a `FairtenderError` with code `invalid-clause`. */
export function parseClause(input: ClauseInput | unknown, library: Library): Clause {
  const result = safeParseClause(input, library);
  if (!result.success) throw result.error;
  return result.data;
}
