/**
 * The import report: for every field of a tender profile, where its value came from in the source
 * (an OCDS path or an eForms business term with its XPath), or that it is unknown and what to supply.
 * Shared by `fromOcds` and `fromEforms`.
 */
import {
  builtinLibrary,
  FairtenderError,
  formatPath,
  type Issue,
  type IssueCode,
  type IssuePath,
  type Library,
  safeParseProfile,
  type TenderProfile,
  type TenderProfileInput,
} from "@fairtender/core";
import { jurisdictionList } from "./shared.js";

type Procurement = TenderProfileInput["procurement"];

/**
 * A tender profile as far as a source tells it: the shape of `TenderProfileInput` with every field
 * optional. When `report.complete` is true it is a valid profile input.
 */
export interface ProfileDraft {
  buyer?: Partial<TenderProfileInput["buyer"]>;
  procurement?: Partial<Omit<Procurement, "labour">> & { labour?: NonNullable<Procurement["labour"]> };
  supplier?: TenderProfileInput["supplier"];
  regimes?: TenderProfileInput["regimes"];
  modules?: TenderProfileInput["modules"];
  exchangeRates?: TenderProfileInput["exchangeRates"];
  risk?: Partial<NonNullable<TenderProfileInput["risk"]>>;
}

/** A place in the source a value was read from. */
export interface SourceRef {
  /**
   * For OCDS, the JSON path in the input (`tender.value.amount`, `releases[0].parties[1].name`); for
   * eForms, the business term and field id with the element's path (`BT-27-Lot LOT-0001 /*\/cac:ProcurementProjectLot[1]/…`).
   */
  path: string;
  /** The value found there, as written in the source. */
  value?: unknown;
}

/**
 * What happened to one profile field: `mapped` from the source, `supplied` by the caller
 * (`options.supplied`), or `unknown` (the source does not say; `supply` says what to give).
 */
export interface FieldReport {
  /** The profile field, e.g. `procurement.startDate`. */
  field: string;
  status: "mapped" | "supplied" | "unknown";
  /** Whether a valid profile needs the field. */
  required: boolean;
  /** The value the profile has (absent when unknown). */
  value?: unknown;
  /** Where the value came from; empty when unknown or supplied. */
  from: SourceRef[];
  /** How the value was read (a conversion, a sum over lots), or why it is unknown. */
  note: string;
  /** For unknown fields: what the buyer should supply. */
  supply?: string;
}

/** One classification code found in the source and what the mapping table made of it. */
export interface ClassificationReport {
  /** Where the code is (OCDS path or eForms field with element path). */
  path: string;
  /** The scheme as written (`CPV`, `cpv`, `UNSPSC`, …). */
  scheme: string;
  code: string;
  /**
   * `mapped`: a table row gives sectors or commodities; `no-sector`: a row says no Fairtender sector
   * applies; `unmapped`: no row covers the code (supply the sectors); `unsupported-scheme`: the table
   * has no rows for the scheme; `invalid`: the code is not a code of its scheme.
   */
  status: "mapped" | "no-sector" | "unmapped" | "unsupported-scheme" | "invalid";
  sectors: string[];
  commodities: string[];
  /** The table row that matched: its scheme, code prefix and label. */
  row?: { scheme: string; code: string; label: string };
  note: string;
}

/** A lot (or PIN part) of the source. */
export interface LotReport {
  id: string;
  title?: string;
  /** Whether the profile was read from it (all lots, or the one named by `options.lot`). */
  read: boolean;
}

/** Information in the source that is no profile field but matters for the tender (legal basis, social objectives already set, existing contract terms). */
export interface ContextNote {
  path: string;
  text: string;
}

/** The report of an import. */
export interface ImportReport {
  /** `ocds` or `eforms`. */
  source: "ocds" | "eforms";
  /** What was read, e.g. `OCDS release ocds-213czf-000-00001-01-tender` or `eForms cn-standard notice (subtype 16), eforms-sdk-1.15`. */
  document: string;
  /** Whether the profile is complete and valid (core's `safeParseProfile` accepted it). */
  complete: boolean;
  /** Every field of a tender profile, in the schema's order. */
  fields: FieldReport[];
  /** Every classification code read. Unmapped codes are listed, never dropped. */
  classifications: ClassificationReport[];
  lots: LotReport[];
  context: ContextNote[];
  warnings: string[];
  /**
   * Why the profile is not complete, as core issues with a code of `ISSUE_CODES` (`missing` for a
   * required field the source does not state, else the code core's `safeParseProfile` gave). The
   * `path` names the source: for OCDS the JSON path as keys and indexes (`["tender", "value"]`, which
   * `formatPath` writes as `tender.value`); for eForms one key, the business term with the element's
   * path (`["BT-27-Lot /*\/cac:ProcurementProjectLot[1]/…"]`), as in `FieldReport.from`; the profile
   * field's path (`["procurement", "startDate"]`) when the source has none.
   */
  issues: Issue[];
}

/** Options of `fromOcds` and `fromEforms`. */
export interface ImportOptions {
  /**
   * Read one lot only (its id in the source, e.g. `LOT-0001`). Procedure-level title, nature,
   * classifications and places fill what the lot does not say; the procedure's value does only when
   * the source has that one lot (otherwise it is the total of all lots).
   */
  lot?: string;
  /**
   * Values for what the source does not say, or to correct it (e.g. `{ procurement: { startDate: "2027-01-01" } }`).
   * They win over the source; the report marks them `supplied`.
   */
  supplied?: ProfileDraft;
  /** Throw a `FairtenderError` (`invalid-profile`) when the profile is incomplete or invalid, instead of returning it. */
  strict?: boolean;
  /**
   * The clause library whose buyer jurisdictions, regimes and modules the profile is read and
   * validated against (default: `builtinLibrary()` of `@fairtender/core`). A buyer in a country the
   * library has no jurisdiction for is reported as unknown.
   */
  library?: Library;
}

/** What `fromOcds` and `fromEforms` return. */
export interface ImportResult<P = ProfileDraft> {
  profile: P;
  report: ImportReport;
}

interface FieldSpec {
  field: string;
  required: boolean;
  supply: string;
}

/** Every field of a tender profile, in the schema's order, with what to supply when a source does not say. */
export const PROFILE_FIELDS: readonly FieldSpec[] = [
  { field: "buyer.name", required: true, supply: "the buyer's name" },
  {
    field: "buyer.jurisdiction",
    required: true,
    supply:
      "where the buyer sits: a jurisdiction code of the library (the report lists those of the library it was read with)",
  },
  {
    field: "buyer.kind",
    required: false,
    supply:
      "the buyer kind (federal-executive-agency, central-government, local-government, nhs-body, un-agency, other): it decides whether PPN 02/23 / PPN 009 and the FAR bind the buyer",
  },
  { field: "procurement.title", required: true, supply: "the title of the procurement" },
  { field: "procurement.reference", required: false, supply: "the tender reference printed on the pack" },
  { field: "procurement.category", required: true, supply: "goods, services or works" },
  { field: "procurement.value", required: true, supply: "the estimated total value, { amount, currency }" },
  {
    field: "procurement.outsideBuyerCountryValue",
    required: false,
    supply: "the part of the value performed or supplied outside the buyer's country (decides the US compliance plan)",
  },
  {
    field: "procurement.commercialOffTheShelf",
    required: false,
    supply: "true when the acquisition is entirely commercially available off-the-shelf items (US)",
  },
  {
    field: "procurement.usDirectivesApply",
    required: false,
    supply: "true when US directives on trafficking apply at the place of performance abroad (US)",
  },
  { field: "procurement.sectors", required: false, supply: "the Fairtender sectors of the goods or work" },
  {
    field: "procurement.commodities",
    required: false,
    supply: "commodities supplied or used (matched against the US DOL List of Goods), e.g. cotton, polysilicon",
  },
  {
    field: "procurement.countries",
    required: false,
    supply: "the countries where the goods are made or the work is done",
  },
  {
    field: "procurement.labour.recruitmentAgencies",
    required: false,
    supply: "true when workers are hired through recruitment or labour agencies",
  },
  { field: "procurement.labour.migrantWorkers", required: false, supply: "true when migrant workers are expected" },
  { field: "procurement.labour.lowSkilled", required: false, supply: "true when the work is largely low-skilled" },
  {
    field: "procurement.labour.subcontracting",
    required: false,
    supply: "true when the supplier is expected to subcontract part of the work or supply",
  },
  {
    field: "procurement.labour.housingProvided",
    required: false,
    supply: "true when the supplier provides or arranges housing for workers",
  },
  { field: "procurement.startDate", required: true, supply: "the contract start date, YYYY-MM-DD" },
  {
    field: "procurement.commencedOn",
    required: false,
    supply: "the day the procurement was started (the tender notice published), YYYY-MM-DD",
  },
  { field: "procurement.durationMonths", required: false, supply: "the contract duration in whole months" },
  { field: "supplier.name", required: false, supply: "the supplier, once known (after award)" },
  { field: "supplier.annualTurnover", required: false, supply: "the supplier's group turnover, once known" },
  { field: "supplier.totalAssets", required: false, supply: "the supplier's total assets, once known" },
  { field: "supplier.employees", required: false, supply: "the supplier's number of employees, once known" },
  { field: "supplier.sme", required: false, supply: "whether the supplier is an SME, once known" },
  {
    field: "supplier.businessIn",
    required: false,
    supply: "the countries where the supplier carries on business, once known",
  },
  { field: "regimes", required: false, supply: "regimes to apply instead of those derived from the buyer" },
  {
    field: "modules",
    required: false,
    supply: "buyer-choice modules of the library to add (the report lists those of the library it was read with)",
  },
  {
    field: "exchangeRates",
    required: false,
    supply: 'exchange rates for thresholds in another currency, e.g. { "EUR/USD": 1.08 }',
  },
  { field: "risk.level", required: false, supply: "the buyer's own risk assessment (low, medium, high), if any" },
  { field: "risk.basis", required: false, supply: "the basis of the buyer's own risk assessment" },
];

const SPEC = new Map(PROFILE_FIELDS.map((s) => [s.field, s]));

/** What to supply for a field, with the jurisdictions and modules named from the library. */
function supplyFor(spec: FieldSpec, library: Library): string {
  if (spec.field === "buyer.jurisdiction") return `where the buyer sits: ${jurisdictionList(library)}`;
  if (spec.field === "modules") {
    const modules = library.regimes.filter((r) => r.kind === "module").map((r) => r.id);
    return `buyer-choice modules to add (${modules.join(", ") || "the library has none"})`;
  }
  return spec.supply;
}

/** An issue of an importer, with a documented code (`ISSUE_CODES`). */
export function importIssue(
  code: IssueCode,
  path: IssuePath,
  message: string,
  extra: { received?: unknown; expected?: string } = {},
): Issue {
  return {
    code,
    path,
    ...(extra.received === undefined ? {} : { received: extra.received }),
    ...(extra.expected === undefined ? {} : { expected: extra.expected }),
    message,
  };
}

/**
 * A place in a source as issue keys. An OCDS path is split into keys and indexes
 * (`releases[0].tender.value` → `["releases", 0, "tender", "value"]`; `""` → `[]`); an eForms
 * reference (business term and XPath) is no chain of keys and stays one key.
 */
export function sourcePath(source: "ocds" | "eforms", ref: string): IssuePath {
  if (source === "eforms") return ref === "" ? [] : [ref];
  const out: IssuePath = [];
  for (const m of ref.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) out.push(m[1] === undefined ? (m[2] as string) : Number(m[1]));
  return out;
}

function getPath(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const k of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    if (typeof cur[k] !== "object" || cur[k] === null) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1] as string] = value;
}

/** Collects field values and their sources while an importer reads, then validates. */
export class ProfileBuilder {
  private readonly fields = new Map<string, FieldReport>();
  readonly classifications: ClassificationReport[] = [];
  readonly lots: LotReport[] = [];
  readonly context: ContextNote[] = [];
  readonly warnings: string[] = [];

  /**
   * @param source - what is read.
   * @param document - what the report says was read (it may be refined while reading).
   * @param library - the library whose jurisdictions and regimes the profile is read and checked against.
   */
  constructor(
    private readonly source: "ocds" | "eforms",
    public document: string,
    readonly library: Library = builtinLibrary(),
  ) {}

  /** Sets a field from the source. */
  set(field: string, value: unknown, from: SourceRef[], note: string): void {
    const spec = SPEC.get(field);
    if (!spec) throw new Error(`unknown profile field ${field}`);
    this.fields.set(field, { field, status: "mapped", required: spec.required, value, from, note });
  }

  /**
   * Records the fields no procurement notice or release carries: the facts only a
   * US or UK buyer states (`noField` says why, in the terms of the source's standard) and the supplier's
   * facts, which a competition does not name (`noSupplier`).
   */
  notInSource(noField: string, noSupplier: string): void {
    for (const f of [
      "procurement.outsideBuyerCountryValue",
      "procurement.commercialOffTheShelf",
      "procurement.usDirectivesApply",
    ]) {
      this.unknown(f, noField);
    }
    for (const f of [
      "supplier.name",
      "supplier.annualTurnover",
      "supplier.totalAssets",
      "supplier.employees",
      "supplier.sme",
      "supplier.businessIn",
    ]) {
      this.unknown(f, noSupplier);
    }
  }

  /** Records that the source does not tell a field, and why. */
  unknown(field: string, note: string, from: SourceRef[] = []): void {
    const spec = SPEC.get(field);
    if (!spec) throw new Error(`unknown profile field ${field}`);
    this.fields.set(field, {
      field,
      status: "unknown",
      required: spec.required,
      from,
      note,
      supply: supplyFor(spec, this.library),
    });
  }

  /** The value read from the source for a field, if any. */
  valueOf(field: string): unknown {
    const f = this.fields.get(field);
    return f?.status === "mapped" ? f.value : undefined;
  }

  /** Applies supplied values, validates with core's `safeParseProfile`, and returns the result. */
  finish(options: ImportOptions = {}): ImportResult {
    if (options.supplied) this.applySupplied(options.supplied);
    const draft: Record<string, unknown> = {};
    const fields: FieldReport[] = [];
    for (const spec of PROFILE_FIELDS) {
      const report = this.fields.get(spec.field) ?? {
        field: spec.field,
        status: "unknown" as const,
        required: spec.required,
        from: [],
        note: `The ${this.source === "ocds" ? "OCDS data" : "eForms notice"} has no field for this.`,
        supply: supplyFor(spec, this.library),
      };
      fields.push(report);
      if (report.status !== "unknown") setPath(draft, spec.field, report.value);
    }
    const issues: Issue[] = [];
    const where = (f: FieldReport, otherwise: IssuePath) => {
      const first = f.from[0];
      return first ? sourcePath(this.source, first.path) : otherwise;
    };
    for (const f of fields) {
      if (f.required && f.status === "unknown") {
        issues.push(
          importIssue("missing", where(f, f.field.split(".")), `${f.field} is unknown: ${f.note} Supply ${f.supply}.`, {
            ...(f.supply === undefined ? {} : { expected: f.supply }),
          }),
        );
      }
    }
    let complete = false;
    let parsedProfile: TenderProfile | undefined;
    if (issues.length === 0) {
      const parsed = safeParseProfile(draft, { library: this.library });
      complete = parsed.success;
      if (parsed.success) parsedProfile = parsed.data;
      else {
        for (const issue of parsed.error.issues) {
          const path = formatPath(issue.path);
          const owner = fields.find(
            (f) => path === f.field || path.startsWith(`${f.field}.`) || path.startsWith(`${f.field}[`),
          );
          const at = owner?.from.map((s) => s.path).join(", ");
          issues.push({
            ...issue,
            path: owner ? where(owner, issue.path) : issue.path,
            message: at ? `${at} → ${issue.message}` : issue.message,
          });
        }
      }
    }
    const report: ImportReport = {
      source: this.source,
      document: this.document,
      complete,
      fields,
      classifications: this.classifications,
      lots: this.lots,
      context: this.context,
      warnings: this.warnings,
      issues,
    };
    if (options.strict && !complete) {
      const head = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
      throw new FairtenderError(
        "invalid-profile",
        `The profile read from ${this.document} has ${head}:\n${issues.map((i) => `  - ${i.message}`).join("\n")}`,
        { issues },
      );
    }
    return { profile: options.strict && parsedProfile ? parsedProfile : (draft as ProfileDraft), report };
  }

  private applySupplied(supplied: ProfileDraft): void {
    for (const spec of PROFILE_FIELDS) {
      const value = getPath(supplied, spec.field);
      if (value === undefined) continue;
      const before = this.fields.get(spec.field);
      const note =
        before?.status === "mapped"
          ? `Supplied by the caller; the source said ${JSON.stringify(before.value)} (${before.from.map((s) => s.path).join(", ")}).`
          : "Supplied by the caller.";
      this.fields.set(spec.field, {
        field: spec.field,
        status: "supplied",
        required: spec.required,
        value,
        from: [],
        note,
      });
    }
  }
}

/** The profile of a strict import (complete and validated). */
export type StrictResult = ImportResult<TenderProfile>;
