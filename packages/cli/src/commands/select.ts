import { lint, select } from "@fairtender/core";
import { parseCommandArgs } from "../args.js";
import { EXIT, UsageError } from "../errors.js";
import { type Context, println } from "../io.js";
import { loadProfile, readText } from "../profile.js";
import { summarize } from "../summary.js";

export const help = `Usage: fairtender select <profile> [--json]

Shows what Fairtender decides for a tender profile: the regimes that apply and why, the risk level
and its factors, each selected clause with its strength (mandatory, policy, recommended, optional)
and reason, the clauses left out and why not, the harmonised supplier obligations, warnings, and
review findings (gaps a legal reviewer would flag).

Options:
  --json        print exactly the Selection as JSON on stdout (schema: fairtender schema selection)
  profile       a profile file (YAML or JSON), or - to read one from standard input
  -h, --help    show this help

Example:
  fairtender select tender.yaml
  fairtender select tender.yaml --json > selection.json`;

/** `fairtender select <profile> [--json]`. */
export async function run(args: string[], { io }: Context): Promise<number> {
  const { values, positionals } = parseCommandArgs("select", args, { json: { type: "boolean" } });
  if (positionals.length === 0) throw new UsageError("missing argument: the profile file", "select");
  if (positionals.length > 1) throw new UsageError(`expected one profile, got ${positionals.length}`, "select");
  const file = positionals[0] as string;
  const loaded = await loadProfile(file, io.cwd, file === "-" ? await readText(io.stdin ?? []) : undefined);
  const selection = select(loaded.profile);
  if (values.json) io.stdout.write(`${JSON.stringify(selection, null, 2)}\n`);
  else println(io.stdout, summarize(selection, lint(selection)));
  return EXIT.ok;
}
