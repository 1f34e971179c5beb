import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { fromEforms, fromOcds, type ImportResult } from "@fairtender/adapters";
import { Document, isMap, isScalar, type Scalar } from "yaml";
import { parseCommandArgs } from "../args.js";
import { writeFileAtomic } from "../atomic.js";
import { describeFsError, EXIT, InputError, UsageError } from "../errors.js";
import { type Context, println } from "../io.js";
import { shownPath } from "../profile.js";

export const help = `Usage: fairtender import <notice.xml|release.json> [-o tender.yaml] [--lot ID] [--json]

Reads an eForms notice (XML: a contract notice or a prior information notice) or an OCDS release,
compiled record or package (JSON) and writes the tender profile it describes as YAML. Every value
carries a comment naming where it came from (the eForms business term or the OCDS path); what the
source does not say is listed at the top with what to supply. Nothing is guessed.

Arguments:
  source           the notice or the OCDS file (.xml is read as eForms, .json as OCDS)

Options:
  -o, --out FILE   write the profile to FILE (default: print it)
  --lot ID         read one lot only (e.g. LOT-0001)
  --release ID     in an OCDS package of several releases, the release to read
  --json           print the profile and the full report as JSON instead
  --force          overwrite FILE if it exists
  -h, --help       show this help

Example:
  fairtender import notice.xml -o tender.yaml
  fairtender validate tender.yaml

Exit status: 0 when the profile is complete and valid, 1 when fields must still be supplied (the
profile is written all the same) or the source cannot be read, 2 on a usage error.`;

/** Which reader a file is for: by its extension, else by its first character. */
function kindOf(path: string, text: string): "eforms" | "ocds" {
  const ext = extname(path).toLowerCase();
  if (ext === ".xml") return "eforms";
  if (ext === ".json") return "ocds";
  return text.trimStart().startsWith("<") ? "eforms" : "ocds";
}

/** A short name for where a value came from: the business term for eForms, the path for OCDS. */
const origin = (path: string, kind: "eforms" | "ocds") => (kind === "eforms" ? (path.split(" ")[0] as string) : path);

/** The profile as commented YAML. */
export function profileYaml(result: ImportResult, source: string): string {
  const { profile, report } = result;
  const kind = report.source;
  const doc = new Document(profile);
  for (const f of report.fields) {
    if (f.status === "unknown") continue;
    const keys = f.field.split(".");
    const parent = keys.length > 1 ? doc.getIn(keys.slice(0, -1)) : doc.contents;
    if (!isMap(parent)) continue;
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === keys[keys.length - 1]);
    if (!pair || !isScalar(pair.key)) continue;
    const from =
      f.status === "supplied" ? "supplied" : [...new Set(f.from.map((s) => origin(s.path, kind)))].join(", ");
    (pair.key as Scalar).commentBefore = ` ${from}: ${f.note}`;
  }
  const lines = [
    `# Fairtender tender profile imported from ${source}`,
    `# (${report.document}) by 'fairtender import'.`,
  ];
  const missing = report.fields.filter((f) => f.status === "unknown" && f.required);
  if (report.complete) lines.push("# Complete: check it with 'fairtender validate', then 'fairtender generate'.");
  else {
    lines.push("# INCOMPLETE: supply these, then run 'fairtender validate':");
    for (const f of missing) lines.push(`#   ${f.field}: ${f.supply} — ${f.note}`);
    for (const i of report.issues.filter((i) => !missing.some((f) => i.message.startsWith(`${f.field} is unknown`)))) {
      lines.push(`#   ${i.message}`);
    }
  }
  // Facts about the procurement a source could have given; the supplier, regimes, modules, exchange
  // rates and the buyer's own risk assessment are the buyer's to add, not the notice's.
  const buyerChoice = /^(supplier\.|regimes$|modules$|exchangeRates$|risk\.)/;
  const optional = report.fields.filter((f) => f.status === "unknown" && !f.required && !buyerChoice.test(f.field));
  if (optional.length > 0) {
    lines.push("# The source does not say (optional; they can change the clauses):");
    for (const f of optional) lines.push(`#   ${f.field}: ${f.supply}`);
  }
  const unmapped = report.classifications.filter((c) => c.status !== "mapped" && c.status !== "no-sector");
  if (unmapped.length > 0) {
    lines.push("# Classification codes not mapped to a sector (add procurement.sectors for them):");
    for (const c of unmapped)
      lines.push(`#   ${c.scheme.toUpperCase()} ${c.code} (${origin(c.path, kind)}): ${c.note}`);
  }
  for (const w of report.warnings) lines.push(`# Warning: ${w}`);
  return `${lines.join("\n")}\n${doc.toString({ lineWidth: 0 })}`;
}

/** `fairtender import <source>`. */
export async function run(args: string[], { io }: Context): Promise<number> {
  const { values, positionals } = parseCommandArgs("import", args, {
    out: { type: "string", short: "o" },
    lot: { type: "string" },
    release: { type: "string" },
    json: { type: "boolean" },
    force: { type: "boolean" },
  });
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? "missing argument: the notice or OCDS file to import"
        : `expected one file, got ${positionals.length}`,
      "import",
    );
  }
  const path = resolve(io.cwd, positionals[0] as string);
  const shown = shownPath(path, io.cwd);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new InputError(describeFsError(error, shown));
  }
  const options = { ...(values.lot ? { lot: values.lot } : {}) };
  let result: ImportResult;
  if (kindOf(path, text) === "eforms") result = fromEforms(text, options);
  else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new InputError(`${shown} is not JSON: ${(error as Error).message}`);
    }
    result = fromOcds(json, { ...options, ...(values.release ? { release: values.release } : {}) });
  }
  const output = values.json ? `${JSON.stringify(result, null, 2)}\n` : profileYaml(result, shown);
  const status = result.report.complete ? EXIT.ok : EXIT.invalid;
  if (!values.out) {
    io.stdout.write(output);
    return status;
  }
  const target = resolve(io.cwd, values.out);
  const shownTarget = shownPath(target, io.cwd);
  try {
    await writeFileAtomic(target, output, { overwrite: values.force === true });
  } catch (error) {
    if ((error as { code?: string }).code === "EEXIST")
      throw new InputError(`${shownTarget} already exists`, ["use --force to overwrite it"]);
    throw new InputError(describeFsError(error, shownTarget));
  }
  const known = result.report.fields.filter((f) => f.status !== "unknown").length;
  println(
    io.stdout,
    `Wrote ${shownTarget}: ${known} of ${result.report.fields.length} profile fields read from ${shown}.`,
  );
  if (result.report.complete)
    println(
      io.stdout,
      `Next: 'fairtender validate ${shownTarget}' and 'fairtender generate ${shownTarget} --out out'.`,
    );
  else {
    const missing = result.report.fields.filter((f) => f.status === "unknown" && f.required).map((f) => f.field);
    println(
      io.stderr,
      `incomplete: supply ${missing.join(", ") || "the fields listed at the top of the file"} in ${shownTarget} (see the comments there).`,
    );
  }
  return status;
}
