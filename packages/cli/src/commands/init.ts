import { resolve } from "node:path";
import { BUYER_KINDS, builtinLibrary, CURRENCY_CODES, type Library, SECTOR_IDS, TOPICS } from "@fairtender/core";
import { parseCommandArgs } from "../args.js";
import { writeFileAtomic } from "../atomic.js";
import { describeFsError, EXIT, InputError, UsageError } from "../errors.js";
import { type Context, println } from "../io.js";
import { shownPath } from "../profile.js";

export const help = `Usage: fairtender init [file] [--force]

Writes a commented example tender profile (YAML) that explains every field and lists the allowed
values. Edit it, then run 'fairtender validate' and 'fairtender generate'.

Arguments:
  file          where to write it (default: tender-profile.yaml); '-' prints it instead

Options:
  --force       overwrite the file if it exists
  -h, --help    show this help

Example:
  fairtender init embassy-cleaning.yaml
  fairtender validate embassy-cleaning.yaml`;

/** Wraps a list of values into comment lines no wider than 100 characters. */
function wrapList(prefix: string, values: readonly string[]): string {
  const lines: string[] = [];
  let line = prefix;
  for (const [i, v] of values.entries()) {
    const piece = `${v}${i < values.length - 1 ? "," : ""}`;
    if (line.length + piece.length + 1 > 100) {
      lines.push(line);
      line = "#   ";
    }
    line += `${line.endsWith(" ") ? "" : " "}${piece}`;
  }
  lines.push(line);
  return lines.join("\n");
}

/**
 * The library's jurisdictions as comment lines: each one not in a country group with its name, then
 * each group's codes ("US (United States), ..., or an EU member state: AT, BE, ...").
 */
function jurisdictionLines(lib: Library): string {
  const groupOf = (code: string) => lib.countryGroups.find((g) => g.countries.includes(code));
  const named = lib.jurisdictions.filter((j) => !groupOf(j.code)).map((j) => `${j.code} (${j.name})`);
  const groups = lib.countryGroups
    .map((g) => ({ g, codes: lib.jurisdictions.filter((j) => groupOf(j.code) === g).map((j) => j.code) }))
    .filter((x) => x.codes.length > 0);
  const lines = [wrapList("#  ", named)];
  for (const { g, codes } of groups) lines.push(`#   or the code of one of the ${g.name}:`, wrapList("#  ", codes));
  return lines.join("\n");
}

/**
 * The example profile: a US federal cleaning-services contract performed at an embassy abroad, with
 * every field explained. The allowed values are read from `@fairtender/core` and its built-in
 * library (jurisdictions, regimes), so they never go stale.
 */
export function exampleProfile(): string {
  const lib = builtinLibrary();
  return `# Fairtender tender profile: what a buyer tells Fairtender about one procurement.
# Fairtender reads it to decide which anti-trafficking and forced-labour clauses apply, and why.
# Check it:      fairtender validate <this file>
# See the result: fairtender select <this file>
# Write the pack: fairtender generate <this file> --out out
# Dates are written YYYY-MM-DD. Money is { amount, currency } in major units (dollars, not cents)
# with an ISO 4217 currency code such as USD, GBP, EUR, AUD, CAD.
# Lines starting with # are comments; optional fields can be deleted.

buyer:
  # The contracting authority, as it should appear on the tender pack.
  name: Department of Example
  # Where the buyer sits; picks the legal regimes. One of:
${jurisdictionLines(lib)}
  jurisdiction: US
  # Optional. What kind of buyer; some rules bind only some kinds. One of:
${wrapList("#  ", BUYER_KINDS)}
  kind: federal-executive-agency

procurement:
  title: Cleaning services, embassy compound
  # Optional. The tender or contract reference printed on the pack.
  reference: DOS-2026-0042
  # goods, services or works.
  category: services
  # Estimated total contract value.
  value: { amount: 1200000, currency: USD }
  # Optional. The part supplied or performed outside the buyer's country (for a US buyer: outside
  # the United States). Decides, for example, whether a US compliance plan is required.
  outsideBuyerCountryValue: { amount: 900000, currency: USD }
  # Optional, true/false. The purchase is entirely commercially available off-the-shelf items (US COTS).
  commercialOffTheShelf: false
  # Optional, true/false. The contracting officer knows of US directives on trafficking that apply at
  # the place of performance abroad (selects FAR 52.222-50 Alternate I).
  usDirectivesApply: true
  # Sectors of the work or supply (each adds a risk signal). Any of:
${wrapList("#  ", SECTOR_IDS)}
  sectors: [cleaning]
  # Optional. Commodities supplied or used, in plain words (matched against the US DOL list of goods),
  # e.g. [cotton, polysilicon].
  commodities: []
  # Where goods are made or the work is done: ISO 3166-1 alpha-2 country codes, e.g. US, PH, MY.
  countries: [US, PH]
  # What is known about the workforce; each answer is true or false (leave out what is unknown).
  labour:
    recruitmentAgencies: true   # workers are hired through recruitment or labour agencies
    migrantWorkers: true        # migrant workers (not nationals of the country of work) are expected
    lowSkilled: true            # the work is largely low-skilled
    subcontracting: true        # the supplier is expected to subcontract
    housingProvided: false      # the supplier or a subcontractor provides housing for workers
  # Contract start date (YYYY-MM-DD): picks the rules and thresholds in force.
  startDate: 2026-09-01
  # Optional. The day the procurement started (notice published); defaults to startDate.
  # commencedOn: 2026-05-01
  # Optional. Contract length in whole months.
  durationMonths: 36

# Optional. What is known about the supplier (decides transparency-statement duties).
# supplier:
#   name: Example Facility Services Ltd
#   annualTurnover: { amount: 40000000, currency: USD }   # group turnover, last financial year
#   totalAssets: { amount: 25000000, currency: USD }
#   employees: 900
#   sme: false
#   businessIn: [US, PH]      # countries where the supplier carries on business

# Optional. Replace the regimes Fairtender derives from the buyer. Regime and module ids:
${wrapList(
  "#  ",
  lib.regimes.map((r) => r.id),
)}
# regimes: [us-far]

# Optional. Buyer-choice modules added to the derived regimes, e.g. the ABA model clauses (aba-mcc2)
# or ILO fair recruitment (ilo-fair-recruitment).
# modules: [ilo-fair-recruitment]

# Optional. Exchange rates, used only to test thresholds set in another currency; never guessed.
# "BASE/QUOTE": one BASE is worth this many QUOTE. Currency codes: ISO 4217 (${CURRENCY_CODES.length} accepted).
# exchangeRates: { "USD/GBP": 0.79 }

# Optional. The buyer's own risk assessment (low, medium or high), which replaces the computed level
# and is recorded with its basis.
# risk:
#   level: high
#   basis: Embassy risk register 2026, item 14

# Clause topics the pack is organised by (for reference):
${wrapList(
  "#  ",
  TOPICS.map((t) => t.id),
)}
`;
}

/** `fairtender init [file] [--force]`. */
export async function run(args: string[], { io }: Context): Promise<number> {
  const { values, positionals } = parseCommandArgs("init", args, { force: { type: "boolean" } });
  if (positionals.length > 1) throw new UsageError(`expected at most one file, got ${positionals.length}`, "init");
  const file = positionals[0] ?? "tender-profile.yaml";
  const text = exampleProfile();
  if (file === "-") {
    io.stdout.write(text);
    return EXIT.ok;
  }
  const path = resolve(io.cwd, file);
  const shown = shownPath(path, io.cwd);
  try {
    await writeFileAtomic(path, text, { overwrite: values.force === true });
  } catch (error) {
    if ((error as { code?: string }).code === "EEXIST") {
      throw new InputError(`${shown} already exists`, ["use --force to overwrite it"]);
    }
    throw new InputError(describeFsError(error, shown));
  }
  println(io.stdout, `Wrote ${shown}: an example tender profile with every field explained.`);
  println(
    io.stdout,
    `Next: edit it, then run 'fairtender validate ${shown}' and 'fairtender generate ${shown} --out out'.`,
  );
  return EXIT.ok;
}
