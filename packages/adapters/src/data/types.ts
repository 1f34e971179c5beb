/**
 * The shapes of the adapter's data tables (`data/*.yaml`, compiled into `tables.generated.ts` by
 * `npm run data`). Exported from the package so that tools can show and test the tables.
 */
import type { BuyerKind, SectorId } from "@fairtender/core";

/** A source a data table rests on, in the shape of core's `Source` (without the provision). */
export interface TableSource {
  citation: string;
  instrument: string;
  url?: string;
  /** When the editors last checked the table against the source, `YYYY-MM-DD`. */
  checked: string;
  confidence: "confirmed" | "secondary" | "unconfirmed";
  note?: string;
}

/** A classification scheme the sector table maps. */
export type ClassificationScheme = "CPV" | "UNSPSC";

/** One row of the classification table: a code prefix and what it means for a profile. */
export interface ClassificationRow {
  scheme: ClassificationScheme;
  /** The code prefix: a CPV division (2 digits), group (3), class (4) or longer; a UNSPSC segment, family or class. */
  code: string;
  /** The code's label, as the editors read it in the source. */
  label: string;
  /** Fairtender sectors; empty when the editors decided no sector applies. */
  sectors: SectorId[];
  /** DOL-list goods the code itself names (free text, as `procurement.commodities`). */
  commodities: string[];
  /** Workforce facts the code itself states (the supply of agency staff). */
  labour?: { recruitmentAgencies?: true };
  /** Why the row maps as it does. */
  note: string;
}

/** A prefix the table deliberately leaves unmapped, and why. */
export interface NotCoveredRow {
  scheme: ClassificationScheme;
  code: string;
  label: string;
  note: string;
}

/** The classification → sector table (`data/cpv-sectors.yaml`). */
export interface ClassificationTable {
  version: string;
  sources: Record<ClassificationScheme | "sectors", TableSource>;
  rows: ClassificationRow[];
  notCovered: NotCoveredRow[];
}

/** One eForms buyer legal type (`data/buyer-legal-types.yaml`). */
export interface BuyerLegalType {
  code: string;
  description: string;
  /** The Fairtender buyer kind, where the type names one without doubt. */
  kind?: BuyerKind;
  /** `country`: the buyer's country is its jurisdiction; `EU`: an EU institution; `unknown`: the country does not tell. */
  jurisdiction: "country" | "EU" | "unknown";
  note: string;
}

/** The buyer legal type table. */
export interface BuyerLegalTypeTable {
  source: TableSource;
  types: BuyerLegalType[];
}

/** One country: ISO 3166-1 alpha-2 and alpha-3 codes and an English name. */
export interface Country {
  alpha2: string;
  alpha3: string;
  name: string;
  aliases?: string[];
}

/** The country table (`data/countries.yaml`). */
export interface CountryTable {
  source: { citation: string; note: string };
  countries: Country[];
}

/** An eForms node (a repeatable or structural element) from the SDK's `xmlStructure`. */
export interface EformsNode {
  id: string;
  parent?: string;
  xpath: string;
  relative: string;
  /** XSD sequence position of each step of `relative`. */
  order?: number[];
  repeatable: boolean;
}

/** An eForms field from the SDK's `fields.json`, with what Fairtender uses it for. */
export interface EformsField {
  id: string;
  bt: string;
  name: string;
  use: string;
  parent: string;
  xpath: string;
  relative: string;
  order?: number[];
  type: string;
  attribute?: string;
  attributeOf?: string;
  codeList?: string;
  preset?: string;
  maxLength?: number;
  repeatable: boolean;
  /** Notice subtypes in which the field is always forbidden. */
  forbiddenIn?: string[];
}

/** The eForms field table (`data/eforms-fields.yaml`), with the SDK version it was taken from. */
export interface EformsFieldTable {
  sdk: { version: string; ubl: string };
  nodes: EformsNode[];
  fields: EformsField[];
}

/** How Fairtender's decisions are written back to OCDS and eForms (`data/write-back.yaml`). */
export interface WriteBackTable {
  source: TableSource;
  strategic: { eforms: string; ocds: string };
  socialObjectives: Array<{ eforms: string; ocds: string; always?: boolean; topics?: string[]; note: string }>;
  strategies: { always: string[]; selectionStage: string };
  exclusionGrounds: Array<{ code: string; clauses: string[]; description: string; note: string }>;
  selectionCriteria: Array<{ type: string; clauses: string[]; description: string; note: string }>;
  subcontracting: Array<{ code: string; clauses: string[]; description: string; note: string }>;
  document: { documentType: string; note: string; formats: Record<string, string> };
}
