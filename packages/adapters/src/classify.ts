/**
 * Classification codes (CPV, UNSPSC) → Fairtender sectors and commodities, through the cited table
 * in data/cpv-sectors.yaml.
 */
import { CLASSIFICATION_TABLE } from "./data/tables.generated.js";
import type { ClassificationRow, ClassificationScheme } from "./data/types.js";
import type { ClassificationReport } from "./report.js";

const ROWS: ReadonlyMap<ClassificationScheme, readonly ClassificationRow[]> = new Map(
  (["CPV", "UNSPSC"] as const).map((s) => [
    s,
    CLASSIFICATION_TABLE.rows.filter((r) => r.scheme === s).sort((a, b) => b.code.length - a.code.length),
  ]),
);

/** The scheme a written scheme name stands for (`cpv`, `CPV` → CPV), or undefined. */
export function schemeOf(written: string | undefined): ClassificationScheme | undefined {
  const s = (written ?? "").trim().toUpperCase();
  if (s === "CPV") return "CPV";
  if (s === "UNSPSC") return "UNSPSC";
  return undefined;
}

/** The 8-digit code a written code stands for (`45000000-7` → `45000000`), or undefined when it is not one. */
function normalise(scheme: ClassificationScheme, code: string): string | undefined {
  const c = code.trim();
  const m = scheme === "CPV" ? /^(\d{8})(?:-\d)?$/.exec(c) : /^(\d{8})(?:\d{2})?$/.exec(c);
  return m?.[1];
}

/**
 * Maps one code through the table: the row with the longest matching prefix, if any. An unmapped
 * code is reported with status `unmapped`, never dropped.
 */
export function classify(path: string, writtenScheme: string | undefined, code: string): ClassificationReport {
  const scheme = schemeOf(writtenScheme);
  const base = { path, scheme: writtenScheme ?? "", code, sectors: [] as string[], commodities: [] as string[] };
  if (!scheme) {
    return {
      ...base,
      status: "unsupported-scheme",
      note: `The mapping table has no rows for the scheme ${JSON.stringify(writtenScheme ?? "")} (it maps CPV and UNSPSC): supply procurement.sectors for this item.`,
    };
  }
  const digits = normalise(scheme, code);
  if (!digits) {
    return {
      ...base,
      status: "invalid",
      note: `${JSON.stringify(code)} is not a ${scheme} code (expected 8 digits${scheme === "CPV" ? ", optionally with the check digit, e.g. 45000000-7" : ""}).`,
    };
  }
  const row = ROWS.get(scheme)?.find((r) => digits.startsWith(r.code));
  if (!row) {
    const uncovered = CLASSIFICATION_TABLE.notCovered.find((r) => r.scheme === scheme && digits.startsWith(r.code));
    return {
      ...base,
      status: "unmapped",
      note: uncovered
        ? `${scheme} ${digits} is not mapped: the table does not cover ${uncovered.code ? `${scheme} ${uncovered.code} (${uncovered.label})` : uncovered.label} — ${uncovered.note} Supply procurement.sectors yourself.`
        : `${scheme} ${digits} is not in the mapping table: supply procurement.sectors yourself, or add a row to data/cpv-sectors.yaml.`,
    };
  }
  return {
    ...base,
    status: row.sectors.length > 0 || row.commodities.length > 0 || row.labour ? "mapped" : "no-sector",
    sectors: [...row.sectors],
    commodities: [...row.commodities],
    row: { scheme: row.scheme, code: row.code, label: row.label },
    note: row.note,
  };
}

/** The row a code matched, for labour facts. */
export function rowFor(report: ClassificationReport): ClassificationRow | undefined {
  if (!report.row) return undefined;
  return CLASSIFICATION_TABLE.rows.find((r) => r.scheme === report.row?.scheme && r.code === report.row.code);
}
