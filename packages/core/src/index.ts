/**
 * @packageDocumentation
 * `@fairtender/core`: the model of anti-trafficking and forced-labour clauses, supplier obligations,
 * sources and tender profiles; the built-in cited clause library; risk assessment and explainable
 * clause selection. Pure and isomorphic: no file or network I/O.
 */

// --- Obligations calendar (the schedule on the contract's dates; CSV and iCalendar writers) ---
export {
  CALENDAR_CSV_COLUMNS,
  type CalendarEntry,
  type CalendarTender,
  calendarToCsv,
  calendarToICalendar,
  type ICalendarOptions,
  obligationCalendar,
} from "./calendar/index.js";
// Citations
export { formatCitation } from "./cite.js";
export type { FairtenderErrorCode, Issue, IssueCode, IssuePath, SafeResult } from "./errors.js";
// Errors
export { FairtenderError, formatPath, ISSUE_CODES, isFairtenderError } from "./errors.js";
// --- Library (built-in clause library, user libraries, templates) ---
export type { CreateLibraryOptions, DefinitionInput, OwnLibrary } from "./library/index.js";
export {
  assertLibrary,
  builtinLibrary,
  checkLibrary,
  createLibrary,
  findClause,
  getClause,
  parseClause,
  safeCreateLibrary,
  safeParseClause,
} from "./library/index.js";
// --- Lint (gaps a legal reviewer would flag in a selection) ---
export { type LintCode, type LintFinding, lint } from "./lint.js";
export type { AnnexEntry, AnnexInput } from "./model/annex.js";
export {
  Annex,
  CertificationEntry,
  DeclarationEntry,
  ObligationsEntry,
  PackWording,
  PlanElementEntry,
  QuestionEntry,
  WORDING_VALUES,
} from "./model/annex.js";
export type { ClauseInput, LibraryInput, ParameterValue, RiskWeights } from "./model/clause.js";
export {
  Clause,
  ClauseBody,
  ClauseParameter,
  CountryRisk,
  Definition,
  FlowDown,
  Library,
  ListedGood,
  Obligation,
  Party,
  RiskBands,
  RiskModel,
  RiskTables,
  Sector,
  Timing,
} from "./model/clause.js";
// Model (zod schemas are the single source of the types)
export { COUNTRY_CODES, CURRENCY_CODES } from "./model/codes.js";
export {
  Confidence,
  CountryCode,
  CurrencyCode,
  DatedDateValue,
  DatedParameter,
  DatedValue,
  IsoDate,
  JurisdictionCode,
  Money,
  PROCUREMENT_DATES,
  ProcurementDate,
  SemVer,
  Source,
} from "./model/common.js";
export type { TenderProfileInput } from "./model/profile.js";
export { BUYER_KINDS, BuyerKind, RiskLevel, TenderProfile } from "./model/profile.js";
export type { RegimeInput } from "./model/regime.js";
export {
  CountryGroup,
  DateBasis,
  Jurisdiction,
  REGIME_SENTENCE_VALUES,
  Regime,
  RegimeBuyers,
  RegimeFramework,
} from "./model/regime.js";
// Selection rules as library data (the zod schemas are the single source of the types)
export type {
  AmountPath,
  Condition,
  FlagPath,
  NamedCondition,
  ParameterRule,
  Rule,
  RuleBranch,
  RuleInput,
} from "./model/rule.js";
export {
  AMOUNT_PATHS,
  CONDITION_KINDS,
  ConditionSchema,
  FLAG_PATHS,
  NamedConditionSchema,
  ParameterRuleSchema,
  REASON_VARIABLES,
  ReasonTemplate,
  RuleBranchSchema,
  RuleSchema,
  TIMING_FIELDS,
} from "./model/rule.js";
export type { SectorId } from "./model/sectors.js";
export { SECTOR_IDS } from "./model/sectors.js";
export {
  ExcludedClause,
  Inline,
  Reason,
  RegimeDecision,
  ResolvedBody,
  RiskAssessment,
  RiskFactor,
  Satisfies,
  ScheduledObligation,
  SelectedAnnex,
  SelectedAnnexEntry,
  SelectedClause,
  SelectedWording,
  Selection,
  SelectionWarning,
  Strength,
  Wording,
  WordingInline,
} from "./model/selection.js";
export type { RegimeId, TopicId } from "./model/topics.js";
export { RegimeIdSchema, TOPIC_IDS, TOPICS, Topic } from "./model/topics.js";
export type { WarningId } from "./model/warning.js";
export { WARNING_IDS, WARNING_VALUES, WarningWording } from "./model/warning.js";
export { type SelectOptions, safeSelect, select } from "./select/select.js";
// --- Selection engine (regimes, risk, parameters, rules, obligations, harmonisation, annexes, warnings) ---
export { type AnnexStageInput, type AnnexStageOutput, selectAnnexes } from "./select/stages/annexes.js";
export { applicableRegimes, type RegimeTables } from "./select/stages/regimes.js";
export { type AssessRiskOptions, assessRisk } from "./select/stages/risk.js";
export type { ParameterValues, TemplateSource, TemplateUsage, TextTemplate } from "./template/index.js";
export {
  compileText,
  fillText,
  joinList,
  parameterValues,
  resolveBody,
  TEMPLATE_LIMITS,
  templateUsage,
} from "./template/index.js";
// Validation
export {
  checkProfileText,
  DEFAULT_LIMITS,
  Limits,
} from "./validate/limits.js";
export { type ParseProfileOptions, parseProfile, safeParseProfile } from "./validate/profile.js";
export { parseSelection, safeParseSelection } from "./validate/selection.js";
// Wording (timing, flow-down, strength and cross-references in words)
export {
  clauseTextPreview,
  flowDownSummary,
  flowDownText,
  flowDownTiers,
  referenceText,
  strengthCounts,
  strengthLabel,
  strengthMeaning,
  strengthName,
  timingText,
} from "./wording.js";
