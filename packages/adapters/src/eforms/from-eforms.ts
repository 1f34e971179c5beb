/**
 * `fromEforms`: an eForms notice (UBL XML) → a Fairtender tender profile and a report naming, for
 * every field, the business term and element it came from or what the buyer must supply. Built for
 * contract notices (cn-*) and prior information notices (pin-*); other eForms notices are read the
 * same way, with a warning.
 */
import { FairtenderError, type TenderProfile } from "@fairtender/core";
import { classify } from "../classify.js";
import { BUYER_LEGAL_TYPES, EFORMS_FIELDS } from "../data/tables.generated.js";
import type { ClassificationReport, ImportOptions, ImportResult, ProfileDraft, SourceRef } from "../report.js";
import { importIssue, ProfileBuilder, sourcePath } from "../report.js";
import {
  applyClassifications,
  countryCode,
  datePart,
  jurisdictionOf,
  monthsOfDays,
  setLongestDuration,
  underEuRegime,
  wholeMonths,
} from "../shared.js";
import { type FieldValue, nodes, read, type Scope, text } from "./fields.js";
import { NOTICE_ROOTS, parseXml, type XmlElement } from "./xml.js";

/** The eForms SDK major version fromEforms reads, and the newest minor its field table was checked against. */
export const SUPPORTED_SDK = { major: 1, checkedMinor: 16, table: EFORMS_FIELDS.sdk.version } as const;

/** BT-65 codes by which the buyer requires the supplier to subcontract (Directive 2009/81/EC, Title III). */
const SUBCONTRACTING_REQUIRED = new Set(["subc-min", "subc-oblig"]);

const LEGAL_BASES: Readonly<Record<string, string>> = {
  "32014L0024": "Directive 2014/24/EU (public sector)",
  "32014L0025": "Directive 2014/25/EU (utilities)",
  "32014L0023": "Directive 2014/23/EU (concessions)",
  "32009L0081": "Directive 2009/81/EC (defence and security)",
  "32007R1370": "Regulation (EC) No 1370/2007 (public passenger transport)",
  "32018R1046": "Regulation (EU, Euratom) 2018/1046 (EU institutions)",
  "32024R2509": "Regulation (EU, Euratom) 2024/2509 (EU institutions)",
};

const ref = (v: FieldValue): SourceRef => ({ path: v.ref, value: v.value });

/** Throws the `unsupported-source` error for a notice written for an SDK outside 1.x. */
function checkSdk(b: ProfileBuilder, root: XmlElement): string | undefined {
  const custom = read("OPT-002-notice", root)[0];
  if (!custom) {
    b.warnings.push(
      `The notice has no cbc:CustomizationID (OPT-002-notice): its SDK version is unknown; it was read with the field table of ${SUPPORTED_SDK.table}.`,
    );
    return undefined;
  }
  const m = /^eforms-sdk-(\d+)\.(\d+)/.exec(custom.value);
  if (!m || Number(m[1]) !== SUPPORTED_SDK.major) {
    const message = `The notice is written for ${JSON.stringify(custom.value)} (${custom.ref}); fromEforms reads notices of eForms SDK ${SUPPORTED_SDK.major}.x, with the field table of ${SUPPORTED_SDK.table}.`;
    throw new FairtenderError("unsupported-source", message, {
      issues: [
        importIssue("unsupported-version", sourcePath("eforms", custom.ref), message, {
          received: custom.value,
          expected: `eforms-sdk-${SUPPORTED_SDK.major}.x`,
        }),
      ],
    });
  }
  if (Number(m[2]) > SUPPORTED_SDK.checkedMinor) {
    b.warnings.push(
      `The notice is written for ${custom.value}, newer than the SDK the field table was checked against (${SUPPORTED_SDK.table}); it was read with that table.`,
    );
  }
  return custom.value;
}

/**
 * Reads an eForms notice (the UBL XML of a contract notice or prior information notice, lots
 * included) into a tender profile, with the eForms SDK's XPaths. Nothing is guessed: a field the
 * notice does not state is reported as unknown with what to supply, and an unmapped CPV code is
 * listed in `report.classifications`. Throws `invalid-source` for text that is not well-formed XML or
 * not an eForms notice, and `unsupported-source` for a notice of an SDK version outside 1.x.
 *
 * @param xml - the notice's XML text.
 * @param options - `lot` to read one lot (or PIN part), `supplied` values for what the notice does not say, `strict` to throw when incomplete, `library` for the jurisdictions and regimes (default the built-in library).
 * @returns the profile (complete when `report.complete`) and the report.
 */
export function fromEforms(xml: string, options: ImportOptions & { strict: true }): ImportResult<TenderProfile>;
export function fromEforms(xml: string, options?: ImportOptions): ImportResult<ProfileDraft>;
export function fromEforms(xml: string, options: ImportOptions = {}): ImportResult<ProfileDraft | TenderProfile> {
  const root = parseXml(xml);
  const form = NOTICE_ROOTS[root.ns];
  if (!form) {
    const message = `The root element ${root.local} (namespace ${root.ns || "none"}) is not an eForms notice: expected ContractNotice, PriorInformationNotice or ContractAwardNotice in the UBL 2.3 namespaces.`;
    throw new FairtenderError("invalid-source", message, {
      issues: [
        importIssue("unknown-document", sourcePath("eforms", `/${root.name}`), message, {
          received: root.name,
          expected: "an eForms notice",
        }),
      ],
    });
  }
  const b = new ProfileBuilder("eforms", `eForms ${form}`, options.library);
  const sdk = checkSdk(b, root);
  const subtype = read("OPP-070-notice", root)[0]?.value;
  const type = read("BT-02-notice", root)[0]?.value;
  const formType = read("BT-03-notice", root)[0]?.value;
  b.document = `eForms ${type ?? form} notice${subtype ? ` (subtype ${subtype})` : ""}${sdk ? `, ${sdk}` : ""}`;
  const cnOrPin = type !== undefined && (/^(cn|pin)-/.test(type) || type === "qu-sy" || type === "subco");
  if (form === "BusinessRegistrationInformationNotice") {
    b.warnings.push(
      "A business registration notice describes a European company, not a procurement: it has nothing for a tender profile.",
    );
  } else if (!cnOrPin) {
    b.warnings.push(
      `The notice is ${type ? `a ${type} notice (form type ${formType ?? "unknown"})` : "of an unknown type (no BT-02-notice)"}, not a contract notice or a prior information notice: it was read for the procurement it describes.`,
    );
  }
  const language = read("BT-702(a)-notice", root)[0]?.value;

  // Lots, or the parts of a prior information notice.
  const lotEls = nodes(root, "ND-Lot");
  const partEls = nodes(root, "ND-Part");
  const unit: "Lot" | "Part" = lotEls.length === 0 && partEls.length > 0 ? "Part" : "Lot";
  const scope: Scope = unit === "Lot" ? "ND-Lot" : "ND-Part";
  const units = (unit === "Lot" ? lotEls : partEls).map((el) => ({
    el,
    id: read(`BT-137-${unit}`, el, scope)[0]?.value ?? "?",
    title: text(`BT-21-${unit}`, el, scope, language)?.value,
  }));
  let chosen = units;
  if (options.lot !== undefined) {
    chosen = units.filter((u) => u.id === options.lot);
    if (chosen.length === 0) {
      const ids = units.map((u) => u.id).join(", ") || "none";
      const message = `No lot ${JSON.stringify(options.lot)} in the notice (BT-137-${unit}: ${ids})`;
      throw new FairtenderError("invalid-source", message, {
        issues: [
          importIssue("unknown-lot", sourcePath("eforms", `BT-137-${unit}`), message, {
            received: options.lot,
            expected: `one of ${ids}`,
          }),
        ],
      });
    }
  }
  for (const u of units) b.lots.push({ id: u.id, ...(u.title ? { title: u.title } : {}), read: chosen.includes(u) });
  const single = options.lot !== undefined ? chosen[0] : undefined;

  readBuyer(b, root, language);
  readTitle(b, root, language, unit, scope, single, units);
  readCategory(b, root, unit, scope, chosen, single);
  readValue(b, root, unit, scope, chosen, single, units.length === 1);
  readClassifications(b, root, unit, scope, chosen, single);
  readCountries(b, root, unit, scope, chosen, single);
  readPeriods(b, unit, scope, chosen);
  readCommencement(b, root, formType);
  readSubcontracting(b, unit, chosen);
  readContext(b, root, unit, chosen);
  b.notInSource(
    "eForms has no business term for this.",
    "A notice for a competition does not name the supplier; supply supplier facts for a contract after award.",
  );
  return b.finish(options);
}

function readBuyer(b: ProfileBuilder, root: XmlElement, language: string | undefined): void {
  const parties = nodes(root, "ND-ContractingParty");
  const buyerIds = parties.map((p) => read("OPT-300-Procedure-Buyer", p, "ND-ContractingParty")[0]);
  if (parties.length > 1) {
    b.warnings.push(
      `The notice has ${parties.length} buyers (joint procurement: ${buyerIds.map((v) => v?.value ?? "?").join(", ")}); the profile is read for the first.`,
    );
  }
  const party = parties[0];
  const buyerId = buyerIds[0];
  const orgs = nodes(root, "ND-Organization");
  const org = buyerId
    ? orgs.find((o) => read("OPT-200-Organization-Company", o, "ND-Organization")[0]?.value === buyerId.value)
    : undefined;
  if (!buyerId) b.unknown("buyer.name", "The notice names no buyer (OPT-300-Procedure-Buyer).");
  else if (!org)
    b.unknown(
      "buyer.name",
      `The buyer ${buyerId.value} is not among the notice's organisations (OPT-200-Organization-Company).`,
      [ref(buyerId)],
    );
  const name = org ? text("BT-500-Organization-Company", org, "ND-Organization", language) : undefined;
  if (org && name && buyerId)
    b.set("buyer.name", name.value, [ref(buyerId), ref(name)], `The name of organisation ${buyerId.value}, the buyer.`);
  else if (org) b.unknown("buyer.name", `Organisation ${buyerId?.value} has no name (BT-500).`);

  const legal = party ? read("BT-11-Procedure-Buyer", party, "ND-ContractingParty")[0] : undefined;
  const type = legal ? BUYER_LEGAL_TYPES.types.find((t) => t.code === legal.value) : undefined;
  if (legal && !type)
    b.warnings.push(
      `${legal.ref}: buyer legal type ${JSON.stringify(legal.value)} is not in data/buyer-legal-types.yaml.`,
    );
  if (type?.kind && legal)
    b.set("buyer.kind", type.kind, [ref(legal)], `Buyer legal type ${type.code} (${type.description}): ${type.note}`);
  else
    b.unknown(
      "buyer.kind",
      type
        ? `Buyer legal type ${type.code} (${type.description}) does not tell the kind: ${type.note}`
        : "The notice gives no buyer legal type (BT-11).",
      legal ? [ref(legal)] : [],
    );
  const activity = party ? read("BT-610-Procedure-Buyer", party, "ND-ContractingParty")[0] : undefined;
  if (activity)
    b.context.push({
      path: activity.ref,
      text: `The buyer is a contracting entity (utilities), activity ${activity.value}.`,
    });

  const country = org ? read("BT-514-Organization-Company", org, "ND-Organization")[0] : undefined;
  const alpha2 = country ? countryCode(country.value) : undefined;
  if (type?.jurisdiction === "EU" && legal) {
    if (jurisdictionOf("EU", b.library))
      b.set("buyer.jurisdiction", "EU", [ref(legal)], `${type.description}: ${type.note}`);
    else b.unknown("buyer.jurisdiction", `${type.description}, but the library has no jurisdiction EU.`, [ref(legal)]);
  } else if (type?.jurisdiction === "unknown" && legal)
    b.unknown("buyer.jurisdiction", `${type.description}: ${type.note}`, [
      ref(legal),
      ...(country ? [ref(country)] : []),
    ]);
  else if (!country) b.unknown("buyer.jurisdiction", "The buyer organisation has no country (BT-514).");
  else if (!alpha2)
    b.unknown(
      "buyer.jurisdiction",
      `${JSON.stringify(country.value)} is not an ISO 3166-1 alpha-3 code in data/countries.yaml.`,
      [ref(country)],
    );
  else {
    const j = jurisdictionOf(alpha2, b.library);
    if (j) b.set("buyer.jurisdiction", j, [ref(country)], `The buyer's country, ${country.value} = ${alpha2}.`);
    else
      b.unknown(
        "buyer.jurisdiction",
        `The buyer is in ${alpha2} (${country.value}), which is not a jurisdiction of the library.`,
        [ref(country)],
      );
  }
}

type Unit = { el: XmlElement; id: string; title: string | undefined };

function readTitle(
  b: ProfileBuilder,
  root: XmlElement,
  language: string | undefined,
  unit: string,
  scope: Scope,
  single: Unit | undefined,
  units: Unit[],
): void {
  const lotTitle = single ? text(`BT-21-${unit}`, single.el, scope, language) : undefined;
  const title =
    lotTitle ??
    text("BT-21-Procedure", root, "ND-Root", language) ??
    (units.length === 1 && units[0] ? text(`BT-21-${unit}`, units[0].el, scope, language) : undefined);
  if (title)
    b.set(
      "procurement.title",
      title.value,
      [ref(title)],
      lotTitle
        ? "The lot's title."
        : title.ref.startsWith("BT-21-Procedure")
          ? "The procedure's title."
          : "The title of the notice's only lot.",
    );
  else b.unknown("procurement.title", "The notice has no title (BT-21).");
  const internal = read("BT-22-Procedure", root)[0];
  const folder = read("BT-04-notice", root)[0];
  if (internal)
    b.set(
      "procurement.reference",
      internal.value,
      [ref(internal)],
      "The buyer's internal identifier of the procedure (BT-22).",
    );
  else if (folder) b.set("procurement.reference", folder.value, [ref(folder)], "The procedure identifier (BT-04).");
  else
    b.unknown(
      "procurement.reference",
      "The notice has no internal identifier (BT-22) or procedure identifier (BT-04).",
    );
}

const CATEGORY: Readonly<Record<string, "goods" | "services" | "works">> = {
  supplies: "goods",
  services: "services",
  works: "works",
};

function readCategory(
  b: ProfileBuilder,
  root: XmlElement,
  unit: string,
  scope: Scope,
  chosen: Unit[],
  single: Unit | undefined,
): void {
  const lotNature = single ? read(`BT-23-${unit}`, single.el, scope)[0] : undefined;
  const nature = lotNature ?? read("BT-23-Procedure", root)[0];
  if (nature && CATEGORY[nature.value]) {
    b.set(
      "procurement.category",
      CATEGORY[nature.value],
      [ref(nature)],
      `Main nature ${nature.value}${nature.value === "supplies" ? " (goods)" : ""}.`,
    );
    return;
  }
  const all = chosen.flatMap((u) => read(`BT-23-${unit}`, u.el, scope));
  const values = [...new Set(all.map((v) => CATEGORY[v.value]))];
  if (all.length > 0 && values.length === 1 && values[0])
    b.set("procurement.category", values[0], all.map(ref), "Every lot has this main nature.");
  else if (values.length > 1)
    b.unknown(
      "procurement.category",
      `The lots have different main natures (${[...new Set(all.map((v) => v.value))].join(", ")}): import one lot with options.lot or supply the category.`,
      all.map(ref),
    );
  else
    b.unknown(
      "procurement.category",
      nature
        ? `Main nature ${JSON.stringify(nature.value)} is not works, supplies or services.`
        : "The notice has no main nature (BT-23).",
      nature ? [ref(nature)] : [],
    );
}

function amount(v: FieldValue | undefined): { amount: number; currency: string } | undefined {
  if (!v) return undefined;
  const n = Number(v.value);
  const currency = v.element.attrs.currencyID;
  return Number.isFinite(n) && currency ? { amount: n, currency } : undefined;
}

function readValue(
  b: ProfileBuilder,
  root: XmlElement,
  unit: string,
  scope: Scope,
  chosen: Unit[],
  single: Unit | undefined,
  onlyLot: boolean,
): void {
  if (single) {
    const v = read(`BT-27-${unit}`, single.el, scope)[0];
    const m = amount(v);
    const proc = onlyLot && !m ? read("BT-27-Procedure", root)[0] : undefined;
    const pm = amount(proc);
    if (m && v) b.set("procurement.value", m, [ref(v)], "The lot's estimated value (BT-27) and currency.");
    else if (pm && proc)
      b.set(
        "procurement.value",
        pm,
        [ref(proc)],
        "The notice has this one lot: the procedure's estimated value (BT-27) is the lot's.",
      );
    else b.unknown("procurement.value", "The lot has no estimated value with a currency (BT-27).", v ? [ref(v)] : []);
    return;
  }
  const proc = read("BT-27-Procedure", root)[0];
  const pm = amount(proc);
  if (pm && proc) {
    b.set("procurement.value", pm, [ref(proc)], "The procedure's estimated value (BT-27) and currency.");
    return;
  }
  const lots = chosen.map((u) => read(`BT-27-${unit}`, u.el, scope)[0]);
  const ms = lots.map(amount);
  const currencies = [...new Set(ms.map((m) => m?.currency))];
  if (lots.length > 0 && ms.every(Boolean) && currencies.length === 1) {
    const total = ms.reduce((s, m) => s + (m as { amount: number }).amount, 0);
    b.set(
      "procurement.value",
      { amount: total, currency: currencies[0] },
      lots.map((v) => ref(v as FieldValue)),
      `No procedure value: the sum of the ${lots.length} ${unit.toLowerCase()} values (BT-27).`,
    );
  } else if (lots.length > 0 && ms.every(Boolean)) {
    b.unknown(
      "procurement.value",
      `The lot values are in different currencies (${currencies.join(", ")}): supply the total in one currency.`,
      lots.map((v) => ref(v as FieldValue)),
    );
  } else {
    b.unknown(
      "procurement.value",
      lots.length > 0
        ? `The notice gives no procedure value, and ${lots.filter((v) => !amount(v)).length} of ${lots.length} ${unit.toLowerCase()}s have no value to add up (BT-27).`
        : "The notice gives no estimated value (BT-27).",
      lots.filter((v): v is FieldValue => v !== undefined).map(ref),
    );
  }
}

function readClassifications(
  b: ProfileBuilder,
  root: XmlElement,
  unit: string,
  scope: Scope,
  chosen: Unit[],
  single: Unit | undefined,
): void {
  const codes = (main: FieldValue[], extra: FieldValue[]) =>
    [...main, ...extra].map((v) => classify(v.ref, v.element.attrs.listName, v.value));
  let reports: ClassificationReport[] = [];
  const unitCodes = chosen.flatMap((u) =>
    codes(read(`BT-262-${unit}`, u.el, scope), read(`BT-263-${unit}`, u.el, scope)),
  );
  if (single) {
    reports = unitCodes.length > 0 ? unitCodes : codes(read("BT-262-Procedure", root), read("BT-263-Procedure", root));
  } else {
    reports = [...codes(read("BT-262-Procedure", root), read("BT-263-Procedure", root)), ...unitCodes];
  }
  // The same code given at procedure and lot level is one fact: keep the first mention, list the rest as where it also appears.
  const seen = new Map<string, ClassificationReport>();
  const kept: ClassificationReport[] = [];
  for (const r of reports) {
    const key = `${r.scheme.toUpperCase()} ${r.code}`;
    const first = seen.get(key);
    if (first) continue;
    seen.set(key, r);
    kept.push(r);
  }
  applyClassifications(b, kept);
}

function readCountries(
  b: ProfileBuilder,
  root: XmlElement,
  unit: string,
  scope: Scope,
  chosen: Unit[],
  single: Unit | undefined,
): void {
  const own = chosen.flatMap((u) => read(`BT-5141-${unit}`, u.el, scope));
  // One lot: its own places, else the procedure's; all lots: the procedure's and every lot's.
  const values = single
    ? own.length > 0
      ? own
      : read("BT-5141-Procedure", root)
    : [...read("BT-5141-Procedure", root), ...own];
  const anywhere = [
    ...(single ? [] : read("BT-727-Procedure", root)),
    ...chosen.flatMap((u) => read(`BT-727-${unit}`, u.el, scope)),
  ];
  for (const a of anywhere)
    b.context.push({
      path: a.ref,
      text: `Place of performance: ${a.value === "anyw" ? "anywhere" : a.value === "anyw-eea" ? "anywhere in the EEA" : a.value === "anyw-cou" ? "anywhere in the given country" : a.value}.`,
    });
  const found = values.map((v) => ({ v, c: countryCode(v.value) }));
  for (const f of found)
    if (!f.c)
      b.warnings.push(
        `${f.v.ref}: ${JSON.stringify(f.v.value)} is not an ISO 3166-1 alpha-3 code in data/countries.yaml.`,
      );
  const codes = [...new Set(found.map((f) => f.c).filter((c): c is string => c !== undefined))];
  const category = b.valueOf("procurement.category");
  if (codes.length === 0) {
    b.unknown(
      "procurement.countries",
      anywhere.length > 0
        ? "The place of performance is given as an area, not a country (BT-727)."
        : "The notice gives no place of performance with a country (BT-5141).",
      anywhere.map(ref),
    );
  } else if (category === "goods") {
    b.context.push({
      path: found[0]?.v.ref ?? "",
      text: `Goods are delivered to ${codes.join(", ")}; that is not where they are made.`,
    });
    b.unknown(
      "procurement.countries",
      `For supplies the place of performance (${codes.join(", ")}) is where goods are delivered, not where they are made or sourced; procurement.countries is left for the sourcing countries.`,
      found.map((f) => ref(f.v)),
    );
  } else {
    b.set(
      "procurement.countries",
      codes,
      found.filter((f) => f.c).map((f) => ref(f.v)),
      "The countries of the places of performance (BT-5141), where the work is done.",
    );
  }
}

function readPeriods(b: ProfileBuilder, unit: string, scope: Scope, chosen: Unit[]): void {
  type Period = { id: string; start?: FieldValue; months?: number; refs: SourceRef[]; note?: string };
  const periods: Period[] = chosen.map((u) => {
    const start = read(`BT-536-${unit}`, u.el, scope)[0];
    const end = read(`BT-537-${unit}`, u.el, scope)[0];
    const duration = read(`BT-36-${unit}`, u.el, scope)[0];
    const out: Period = { id: u.id, ...(start ? { start } : {}), refs: [] };
    const s = datePart(start?.value);
    const e = datePart(end?.value);
    if (s && e && start && end) {
      const n = wholeMonths(s, e);
      if (n) return { ...out, months: n, refs: [ref(start), ref(end)], note: `${s} to ${e}: ${n} months.` };
      out.note = `${u.id}: ${s} to ${e} is not a whole number of months.`;
    }
    if (duration) {
      const count = Number(duration.value);
      const unitCode = duration.element.attrs.unitCode;
      const months =
        unitCode === "MONTH" && Number.isInteger(count) && count > 0
          ? count
          : unitCode === "YEAR" && Number.isInteger(count) && count > 0
            ? count * 12
            : unitCode === "DAY"
              ? monthsOfDays(count)
              : undefined;
      if (months) return { ...out, months, refs: [ref(duration)], note: `Duration ${count} ${unitCode} (BT-36).` };
      return {
        ...out,
        refs: [ref(duration)],
        note: `${u.id}: duration ${duration.value} ${unitCode ?? ""} (BT-36) is not a whole number of months.`,
      };
    }
    return out;
  });
  const starts = periods.filter((p) => p.start && datePart(p.start.value));
  if (starts.length > 0) {
    const first = starts.reduce((a, c) =>
      (datePart(c.start?.value) as string) < (datePart(a.start?.value) as string) ? c : a,
    );
    const date = datePart(first.start?.value) as string;
    const distinct = new Set(starts.map((p) => datePart(p.start?.value)));
    b.set(
      "procurement.startDate",
      date,
      (distinct.size > 1 ? starts : [first]).map((p) => ref(p.start as FieldValue)),
      distinct.size > 1
        ? `The lots start on different dates; the earliest (${date}) is used — import one lot with options.lot for its own date.`
        : `The contract start date (BT-536)${starts.length > 1 ? " of every lot" : ""}.`,
    );
  } else b.unknown("procurement.startDate", `The notice gives no contract start date (BT-536-${unit}).`);
  if (!setLongestDuration(b, periods)) {
    b.unknown(
      "procurement.durationMonths",
      periods.map((p) => p.note).find(Boolean) ?? `The notice gives no duration (BT-36) or end date (BT-537).`,
      periods.flatMap((p) => p.refs),
    );
  }
}

function readCommencement(b: ProfileBuilder, root: XmlElement, formType: string | undefined): void {
  const issue = read("BT-05(a)-notice", root)[0];
  const date = datePart(issue?.value);
  if (issue && date && formType === "competition") {
    b.set(
      "procurement.commencedOn",
      date,
      [ref(issue)],
      "The notice dispatch date (BT-05): a notice calling for competition commences the procurement.",
    );
  } else if (issue && date) {
    b.unknown(
      "procurement.commencedOn",
      `The notice is a ${formType ?? "notice of unknown form"} notice, not a call for competition: it does not commence the procurement.`,
      [ref(issue)],
    );
  } else b.unknown("procurement.commencedOn", "The notice has no dispatch date (BT-05).");
}

function readSubcontracting(b: ProfileBuilder, unit: string, chosen: Unit[]): void {
  if (unit !== "Lot") {
    b.unknown("procurement.labour.subcontracting", "A prior information notice's parts carry no subcontracting terms.");
    return;
  }
  const codes = chosen.flatMap((u) => read("BT-65-Lot", u.el, "ND-Lot"));
  const required = codes.filter((c) => SUBCONTRACTING_REQUIRED.has(c.value));
  if (required.length > 0)
    b.set(
      "procurement.labour.subcontracting",
      true,
      required.map(ref),
      `The buyer requires the supplier to subcontract (BT-65 ${[...new Set(required.map((c) => c.value))].join(", ")}).`,
    );
  else
    b.unknown(
      "procurement.labour.subcontracting",
      codes.length > 0
        ? `The subcontracting terms (BT-65 ${[...new Set(codes.map((c) => c.value))].join(", ")}) do not say whether the supplier will subcontract.`
        : "The notice does not say whether the supplier is expected to subcontract.",
      codes.map(ref),
    );
}

const SOCIAL: Readonly<Record<string, string>> = {
  "hum-right": "human-rights due diligence in global supply chains",
  "work-cond": "fair working conditions",
  "acc-all": "accessibility for all",
  "et-eq": "ethnic equality",
  "gen-eq": "gender equality",
  opp: "employment opportunities for disadvantaged people",
  other: "another social objective",
};

function readContext(b: ProfileBuilder, root: XmlElement, unit: string, chosen: Unit[]): void {
  const basis = read("BT-01-notice", root)[0];
  if (basis) {
    b.context.push({
      path: basis.ref,
      text: `Legal basis ${basis.value}${LEGAL_BASES[basis.value] ? `: ${LEGAL_BASES[basis.value]}` : ""}.`,
    });
    const j = b.valueOf("buyer.jurisdiction");
    if (/^3\d{4}L\d{4}$/.test(basis.value) && typeof j === "string" && !underEuRegime(j, b.library)) {
      b.warnings.push(
        `The notice cites an EU directive (${basis.ref}) but the buyer's jurisdiction is ${j}: Fairtender derives regimes from the buyer's jurisdiction; set profile.regimes to apply others.`,
      );
    }
  }
  if (unit !== "Lot") return;
  for (const u of chosen) {
    for (const v of read("BT-06-Lot", u.el, "ND-Lot")) {
      if (v.value !== "none")
        b.context.push({
          path: v.ref,
          text: `${u.id}: strategic procurement ${v.value}${v.value === "soc-obj" ? " (social objectives)" : ""} (BT-06).`,
        });
    }
    for (const v of read("BT-775-Lot", u.el, "ND-Lot"))
      b.context.push({
        path: v.ref,
        text: `${u.id}: social objective ${v.value}, ${SOCIAL[v.value] ?? "see the code list"} (BT-775).`,
      });
    for (const v of read("BT-70-Lot", u.el, "ND-Lot"))
      b.context.push({
        path: v.ref,
        text: `${u.id}: existing terms of performance (BT-70): ${v.value.length > 300 ? `${v.value.slice(0, 300)}…` : v.value}`,
      });
    for (const v of read("BT-64-Lot", u.el, "ND-Lot"))
      b.context.push({ path: v.ref, text: `${u.id}: minimum percentage to subcontract ${v.value} % (BT-64).` });
  }
}
