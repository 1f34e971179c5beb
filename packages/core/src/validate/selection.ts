import { problemsError, type SafeResult } from "../errors.js";
import { deepFreeze } from "../library/freeze.js";
import { Selection } from "../model/selection.js";
import { moveIssue, toIssues } from "./issues.js";
import { limitIssues } from "./limits.js";

/**
 * Selections that `select()` made and froze. A frozen selection cannot have changed since it was
 * made, so it is valid by construction and validating it again would only cost time (about 60 ms
 * on a cold start, the largest single step of a one-document CLI run). Held weakly: a selection
 * the caller drops is collected as usual.
 */
const issued = new WeakSet<object>();

/** Freezes a selection `select()` just made and remembers it as valid. */
export function issueSelection(selection: Selection): Selection {
  issued.add(deepFreeze(selection));
  return selection;
}

/**
 * Validates a selection: one returned by `select()` is accepted as it is (it is frozen, so it
 * cannot have changed); anything else, such as a selection read back from JSON or edited by
 * another tool, is checked against the `Selection` schema and returned with defaults applied, or
 * every problem found, each naming the field path, the value and what was expected. Its profile is
 * first held to the default limits on a profile (`DEFAULT_LIMITS`).
 */
export function safeParseSelection(input: unknown): SafeResult<Selection> {
  if (typeof input === "object" && input !== null && issued.has(input)) {
    return { success: true, data: input as Selection };
  }
  // The profile a selection carries is held to the profile's limits before the schema runs.
  const profile = typeof input === "object" && input !== null ? (input as { profile?: unknown }).profile : undefined;
  const over = limitIssues(profile).map((i) => moveIssue(i, { prefix: ["profile"] }));
  if (over.length) return { success: false, error: problemsError("invalid-selection", "The selection", over, 10) };
  const result = Selection.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  const issues = toIssues(result.error, input, { schema: Selection });
  return { success: false, error: problemsError("invalid-selection", "The selection", issues, 10) };
}

/** Like {@link safeParseSelection}, but throws a `FairtenderError` with code `invalid-selection`. */
export function parseSelection(input: unknown): Selection {
  const result = safeParseSelection(input);
  if (!result.success) throw result.error;
  return result.data;
}
