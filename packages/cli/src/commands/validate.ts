import { parseCommandArgs } from "../args.js";
import { EXIT, fileProblem, InputError, type ProblemData, UsageError } from "../errors.js";
import { expandGlobs } from "../glob.js";
import { type Context, println } from "../io.js";
import { problemLines } from "../problems.js";
import { loadProfile, readText } from "../profile.js";

export const help = `Usage: fairtender validate <profile...> [--quiet] [--json]

Checks tender profiles (YAML or JSON) and lists every problem in each, with the line and column,
the field, the value found and what was expected.

Arguments:
  profile...    profile files or glob patterns (profiles/*.yaml); - reads one from standard input

Options:
  -q, --quiet   print only problems
  --json        print the result as JSON: [{ file, valid, problems: [{ code, path, received, expected,
                message, line, column }] }]; path is a list of keys and indexes
                (["procurement", "sectors", 1]); code is stable (unknown-field, missing,
                unknown-sector, ...; invalid-yaml, invalid-json, empty-file, unreadable-file,
                no-match for the file itself)
  -h, --help    show this help

Example:
  fairtender validate tender.yaml
  fairtender validate 'profiles/*.yaml'

Exit status: 0 when every profile is valid, 1 when any is not, 2 on a usage error.`;

/** `fairtender validate <profile...>`. */
export async function run(args: string[], { io }: Context): Promise<number> {
  const { values, positionals } = parseCommandArgs("validate", args, {
    quiet: { type: "boolean", short: "q" },
    json: { type: "boolean" },
  });
  if (positionals.length === 0) throw new UsageError("missing argument: the profile file(s) to check", "validate");
  if (positionals.filter((p) => p === "-").length > 1) {
    throw new UsageError("- (standard input) can be given only once", "validate");
  }
  const stdinText = positionals.includes("-") ? await readText(io.stdin ?? []) : undefined;
  const { files, unmatched } = await expandGlobs(positionals, io.cwd, "validate");
  let failed = unmatched.length;
  const report: { file: string; valid: boolean; problems: ProblemData[] }[] = unmatched.map((pattern) => ({
    file: pattern,
    valid: false,
    problems: [fileProblem("no-match", `${pattern}: no file matches`)],
  }));
  if (!values.json) for (const pattern of unmatched) println(io.stderr, `error: ${pattern}: no file matches`);
  for (const file of files) {
    try {
      const loaded = await loadProfile(file, io.cwd, file === "-" ? stdinText : undefined);
      report.push({ file: loaded.shown, valid: true, problems: [] });
      if (!values.quiet && !values.json) println(io.stdout, `ok: ${loaded.shown} is a valid tender profile`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failed++;
      const shown = error.file ?? file;
      report.push({ file: shown, valid: false, problems: [...error.issues] });
      if (values.json) continue;
      println(io.stderr, `error: ${error.message}`);
      for (const line of problemLines(shown, error.problems, error.issues)) println(io.stderr, line);
    }
  }
  if (values.json) println(io.stdout, JSON.stringify(report, null, 2));
  else if (files.length > 1 && !values.quiet) {
    println(io.stdout, `${files.length - (failed - unmatched.length)} of ${files.length} profiles valid`);
  }
  return failed === 0 ? EXIT.ok : EXIT.invalid;
}
