import type { ProblemData } from "./errors.js";

/**
 * The lines that list a file's problems: `file:line:col: message` for each problem whose place in
 * the file is known (the form editors make clickable and CI problem matchers parse), `file: message`
 * for one that has none, and `  - hint` for the hints of an error that is not about a file's content.
 * `problems` are the messages for people, `issues` the same problems as data (same order).
 */
export function problemLines(file: string, problems: readonly string[], issues: readonly ProblemData[]): string[] {
  if (issues.length === 0) return problems.map((p) => `  - ${p}`);
  const lines: string[] = [];
  for (let i = 0; i < problems.length; i++) {
    const issue = issues[i];
    if (issue?.line !== undefined) lines.push(`${file}:${issue.line}:${issue.column ?? 1}: ${issue.message}`);
    else lines.push(`${file}: ${issue?.message ?? problems[i]}`);
  }
  return lines;
}
