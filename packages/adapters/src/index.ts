/**
 * @packageDocumentation
 * `@fairtender/adapters`: reads OCDS releases and eForms notices into Fairtender tender profiles, with
 * a report naming where every field came from (or what to supply), and writes what Fairtender
 * selected back as OCDS (contract terms, sustainability, the tender pack document) and as eForms
 * business terms. Browser-safe: no file or network I/O.
 */

// Classification codes → sectors
export { classify } from "./classify.js";
// Data tables (compiled from data/*.yaml)
export {
  BUYER_LEGAL_TYPES,
  CLASSIFICATION_TABLE,
  COUNTRY_TABLE,
  EFORMS_FIELDS,
  WRITE_BACK,
} from "./data/tables.generated.js";
export type {
  BuyerLegalType,
  BuyerLegalTypeTable,
  ClassificationRow,
  ClassificationScheme,
  ClassificationTable,
  Country,
  CountryTable,
  EformsField,
  EformsFieldTable,
  EformsNode,
  NotCoveredRow,
  TableSource,
  WriteBackTable,
} from "./data/types.js";
// eForms
export { fromEforms, SUPPORTED_SDK } from "./eforms/from-eforms.js";
export { type EformsFieldValue, type EformsTerms, type ToEformsOptions, toEforms } from "./eforms/to-eforms.js";
// OCDS
export { type FromOcdsOptions, fromOcds } from "./ocds/from-ocds.js";
export {
  type OcdsOutput,
  type OcdsRelease,
  type OcdsReleasePackage,
  type PackDocument,
  type ToOcdsOptions,
  toOcds,
} from "./ocds/to-ocds.js";
// Import reports
export type {
  ClassificationReport,
  ContextNote,
  FieldReport,
  ImportOptions,
  ImportReport,
  ImportResult,
  LotReport,
  ProfileDraft,
  SourceRef,
} from "./report.js";
export { PROFILE_FIELDS } from "./report.js";
