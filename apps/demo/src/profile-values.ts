/**
 * The form's values as plain data, and the two pure conversions between them and a tender profile:
 * {@link valuesToInput} (what the page validates and selects with) and {@link inputToValues} (what an
 * imported YAML/JSON file fills in). Nothing here touches the DOM, so it is unit-tested in Node.
 */

import { builtinLibrary, type Issue } from "@fairtender/core";

/** The labour questions, in the order the form asks them. */
export const LABOUR_KEYS = [
  "recruitmentAgencies",
  "migrantWorkers",
  "lowSkilled",
  "subcontracting",
  "housingProvided",
] as const;
export type LabourKey = (typeof LABOUR_KEYS)[number];

/** Every control of the form, as the text or state the user sees. */
export interface FormValues {
  buyerName: string;
  jurisdiction: string;
  buyerKind: string;
  title: string;
  reference: string;
  category: string;
  valueAmount: string;
  valueCurrency: string;
  abroadAmount: string;
  abroadCurrency: string;
  cots: boolean;
  usDirectives: boolean;
  countries: string;
  sectors: string[];
  commodities: string;
  labour: Record<LabourKey, boolean>;
  startDate: string;
  /** The day the procurement was started (notice published), when it differs from the start date. */
  commencedOn: string;
  durationMonths: string;
  turnoverAmount: string;
  turnoverCurrency: string;
  /** `""` not known, `"yes"`, `"no"`. */
  sme: string;
  modules: string[];
  riskLevel: string;
  riskBasis: string;
  /** One `BASE/QUOTE = rate` a line. */
  exchangeRates: string;
}

/** An empty form. */
export function emptyValues(currency = "USD"): FormValues {
  return {
    buyerName: "",
    jurisdiction: "",
    buyerKind: "",
    title: "",
    reference: "",
    category: "",
    valueAmount: "",
    valueCurrency: currency,
    abroadAmount: "",
    abroadCurrency: currency,
    cots: false,
    usDirectives: false,
    countries: "",
    sectors: [],
    commodities: "",
    labour: {
      recruitmentAgencies: false,
      migrantWorkers: false,
      lowSkilled: false,
      subcontracting: false,
      housingProvided: false,
    },
    startDate: "",
    commencedOn: "",
    durationMonths: "",
    turnoverAmount: "",
    turnoverCurrency: currency,
    sme: "",
    modules: [],
    riskLevel: "",
    riskBasis: "",
    exchangeRates: "",
  };
}

/** The currency a buyer in this jurisdiction usually tenders in, as the library says (a default the user can change). */
export function currencyFor(jurisdiction: string): string | undefined {
  return builtinLibrary().jurisdictions.find((j) => j.code === jurisdiction)?.currency;
}

/** `"PH, my ; VN"` → `["PH", "MY", "VN"]`: split on commas, semicolons or spaces, upper-cased. */
export function splitCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s.length > 0);
}

/** `"cotton, polysilicon"` → `["cotton", "polysilicon"]`: split on commas or semicolons only. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * `"1,200,000"` → `1200000`. Grouping commas, spaces and underscores are allowed. Anything that is not a
 * plain number is returned as the text typed, so that the profile validation reports it with the same
 * message as the CLI (`… is text, expected a number`).
 */
export function parseAmount(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const compact = trimmed.replace(/[\s,_]/g, "");
  return /^\d+(\.\d+)?$/.test(compact) ? Number(compact) : trimmed;
}

/** Like {@link parseAmount}, for whole numbers such as a duration in months. */
export function parseWhole(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * `"GBP/USD = 1.27"` lines → `{ "GBP/USD": 1.27 }`. Lines that are not written `PAIR = rate` become
 * issues on `exchangeRates`; the pair and the rate themselves are checked by the profile validation.
 */
export function parseRates(text: string): { rates: Record<string, number | string>; issues: Issue[] } {
  const rates: Record<string, number | string> = {};
  const issues: Issue[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") return;
    const m = /^(\S+?)\s*[=:]\s*(\S+)$/.exec(line);
    if (!m) {
      issues.push({
        code: "invalid-format",
        path: ["exchangeRates"],
        received: line,
        expected: 'a line written "BASE/QUOTE = rate"',
        message: `exchangeRates: line ${i + 1} ${JSON.stringify(line)} is not written "BASE/QUOTE = rate" (expected e.g. "GBP/USD = 1.27")`,
      });
      return;
    }
    const pair = m[1]!.toUpperCase();
    const rate = m[2]!;
    rates[pair] = /^\d+(\.\d+)?$/.test(rate) ? Number(rate) : rate;
  });
  return { rates, issues };
}

function money(amountText: string, currency: string): { amount: number | string; currency: string } | undefined {
  const amount = parseAmount(amountText);
  return amount === undefined ? undefined : { amount, currency };
}

/** A plain JSON object (what a YAML/JSON profile file holds). */
export type JsonObject = { [key: string]: unknown };

/**
 * The profile input the form describes: what the user would write in a YAML file for the CLI. Empty
 * optional fields are left out; required fields are always present (possibly empty) so that the
 * validation names them. `issues` holds problems found before validation (an unreadable rate line).
 */
export function valuesToInput(v: FormValues): { input: JsonObject; issues: Issue[] } {
  const buyer: JsonObject = { name: v.buyerName };
  if (v.jurisdiction) buyer.jurisdiction = v.jurisdiction;
  if (v.buyerKind) buyer.kind = v.buyerKind;

  const procurement: JsonObject = { title: v.title };
  if (v.reference.trim()) procurement.reference = v.reference.trim();
  if (v.category) procurement.category = v.category;
  procurement.value = money(v.valueAmount, v.valueCurrency) ?? { currency: v.valueCurrency };
  const abroad = money(v.abroadAmount, v.abroadCurrency);
  if (abroad) procurement.outsideBuyerCountryValue = abroad;
  procurement.commercialOffTheShelf = v.cots;
  procurement.usDirectivesApply = v.usDirectives;
  procurement.sectors = [...v.sectors];
  const commodities = splitList(v.commodities);
  if (commodities.length > 0) procurement.commodities = commodities;
  procurement.countries = splitCodes(v.countries);
  procurement.labour = { ...v.labour };
  if (v.startDate) procurement.startDate = v.startDate;
  if (v.commencedOn) procurement.commencedOn = v.commencedOn;
  const duration = parseWhole(v.durationMonths);
  if (duration !== undefined) procurement.durationMonths = duration;

  const input: JsonObject = { buyer, procurement };

  const supplier: JsonObject = {};
  const turnover = money(v.turnoverAmount, v.turnoverCurrency);
  if (turnover) supplier.annualTurnover = turnover;
  if (v.sme === "yes") supplier.sme = true;
  if (v.sme === "no") supplier.sme = false;
  if (Object.keys(supplier).length > 0) input.supplier = supplier;

  if (v.modules.length > 0) input.modules = [...v.modules];

  const { rates, issues } = parseRates(v.exchangeRates);
  if (Object.keys(rates).length > 0) input.exchangeRates = rates;

  if (v.riskLevel || v.riskBasis.trim()) {
    const risk: JsonObject = {};
    if (v.riskLevel) risk.level = v.riskLevel;
    risk.basis = v.riskBasis;
    input.risk = risk;
  }
  return { input, issues };
}

/** The profile fields the form shows; everything else in an imported file is carried over unchanged. */
const MANAGED: Record<string, readonly string[] | true> = {
  buyer: ["name", "jurisdiction", "kind"],
  procurement: [
    "title",
    "reference",
    "category",
    "value",
    "outsideBuyerCountryValue",
    "commercialOffTheShelf",
    "usDirectivesApply",
    "sectors",
    "commodities",
    "countries",
    "labour",
    "startDate",
    "commencedOn",
    "durationMonths",
  ],
  supplier: ["annualTurnover", "sme"],
  modules: true,
  exchangeRates: true,
  risk: true,
};

/**
 * Sets `key` as an own property, even `__proto__` (which plain assignment would take as the object's
 * prototype): a file's keys are data, never a way to reach `Object.prototype`.
 */
function setOwn(target: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The form's rule for a top-level key: own entries of {@link MANAGED} only (`constructor` is not one). */
function managedFields(key: string): readonly string[] | true | undefined {
  return Object.hasOwn(MANAGED, key) ? MANAGED[key] : undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string =>
  value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);

/** `4200000` → `"4,200,000"` (what {@link parseAmount} reads back); other numbers as written. */
export function groupDigits(amount: number): string {
  if (!Number.isFinite(amount) || amount < 0) return String(amount);
  const [whole = "", fraction] = String(amount).split(".");
  if (!/^\d+$/.test(whole)) return String(amount);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function amountText(value: unknown): string {
  if (!isObject(value)) return "";
  return typeof value.amount === "number" ? groupDigits(value.amount) : text(value.amount);
}

function currencyText(value: unknown, fallback: string): string {
  return isObject(value) && typeof value.currency === "string" ? value.currency : fallback;
}

function listText(value: unknown, sep: string): string {
  return Array.isArray(value) ? value.map(text).join(sep) : text(value);
}

/**
 * Fills the form from a profile read from a file. Returns the values and the `carry`: the parts of the
 * file the form has no control for (e.g. `regimes`, `supplier.employees`, or a misspelt field), which
 * {@link mergeCarry} puts back so that saving never loses what was imported.
 */
export function inputToValues(input: unknown): { values: FormValues; carry: JsonObject; carried: string[] } {
  const root = isObject(input) ? input : {};
  const buyer = isObject(root.buyer) ? root.buyer : {};
  const p = isObject(root.procurement) ? root.procurement : {};
  const supplier = isObject(root.supplier) ? root.supplier : {};
  const labour = isObject(p.labour) ? p.labour : {};
  const risk = isObject(root.risk) ? root.risk : {};
  const currency = currencyText(p.value, currencyFor(text(buyer.jurisdiction)) ?? "USD");

  const values: FormValues = {
    buyerName: text(buyer.name),
    jurisdiction: text(buyer.jurisdiction),
    buyerKind: text(buyer.kind),
    title: text(p.title),
    reference: text(p.reference),
    category: text(p.category),
    valueAmount: amountText(p.value),
    valueCurrency: currency,
    abroadAmount: amountText(p.outsideBuyerCountryValue),
    abroadCurrency: currencyText(p.outsideBuyerCountryValue, currency),
    cots: p.commercialOffTheShelf === true,
    usDirectives: p.usDirectivesApply === true,
    countries: listText(p.countries, ", "),
    sectors: Array.isArray(p.sectors) ? p.sectors.map(text) : [],
    commodities: listText(p.commodities, ", "),
    labour: {
      recruitmentAgencies: labour.recruitmentAgencies === true,
      migrantWorkers: labour.migrantWorkers === true,
      lowSkilled: labour.lowSkilled === true,
      subcontracting: labour.subcontracting === true,
      housingProvided: labour.housingProvided === true,
    },
    startDate: text(p.startDate),
    commencedOn: text(p.commencedOn),
    durationMonths: text(p.durationMonths),
    turnoverAmount: amountText(supplier.annualTurnover),
    turnoverCurrency: currencyText(supplier.annualTurnover, currency),
    sme: supplier.sme === true ? "yes" : supplier.sme === false ? "no" : "",
    modules: Array.isArray(root.modules) ? root.modules.map(text) : [],
    riskLevel: text(risk.level),
    riskBasis: text(risk.basis),
    exchangeRates: isObject(root.exchangeRates)
      ? Object.entries(root.exchangeRates)
          .map(([k, r]) => `${k} = ${text(r)}`)
          .join("\n")
      : "",
  };

  const carry: JsonObject = {};
  const carried: string[] = [];
  for (const [key, value] of Object.entries(root)) {
    const managed = managedFields(key);
    if (managed === true) continue;
    if (managed && isObject(value)) {
      const rest: JsonObject = {};
      for (const [k, v] of Object.entries(value)) {
        if (!managed.includes(k)) {
          setOwn(rest, k, v);
          carried.push(`${key}.${k}`);
        }
      }
      if (Object.keys(rest).length > 0) setOwn(carry, key, rest);
    } else {
      setOwn(carry, key, value);
      carried.push(key);
    }
  }
  return { values, carry, carried };
}

/** The form's profile with the imported fields it has no control for put back. */
export function mergeCarry(input: JsonObject, carry: JsonObject): JsonObject {
  const out: JsonObject = { ...input };
  for (const [key, value] of Object.entries(carry)) {
    const mine = Object.hasOwn(out, key) ? out[key] : undefined;
    if (isObject(mine) && isObject(value)) {
      const merged: JsonObject = { ...mine };
      for (const [k, v] of Object.entries(value)) setOwn(merged, k, v);
      setOwn(out, key, merged);
    } else setOwn(out, key, value);
  }
  return out;
}

/**
 * The form field that shows an issue: the longest of `prefixes` (field names written as the page
 * writes them in `data-paths`, keys joined by dots: `procurement.value`) whose keys the issue's
 * `path` starts with. `undefined` when no field shows that path (the issue goes in the summary).
 */
export function fieldForPath(path: Issue["path"], prefixes: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestLength = 0;
  for (const prefix of prefixes) {
    const keys = prefix.split(".");
    const hit = keys.length <= path.length && keys.every((k, i) => path[i] === k);
    if (hit && keys.length > bestLength) {
      best = prefix;
      bestLength = keys.length;
    }
  }
  return best;
}

/**
 * A file name from the procurement's reference, else its title: letters, digits, `-`, `_` and `.`
 * kept, everything else folded to `-`, at most 80 characters. `"tender"` when both are empty.
 */
export function fileBase(reference: string, title: string): string {
  const source = reference.trim() || title.trim();
  const base = source
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 80)
    .replace(/[-.]+$/g, "");
  return base || "tender";
}
