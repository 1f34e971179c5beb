/**
 * `fromOcds`: an OCDS release, compiled record or package → a Fairtender tender profile and a report
 * naming, for every field, the OCDS path it came from or what the buyer must supply.
 */
import { FairtenderError, type IssueCode, type TenderProfile } from "@fairtender/core";
import { classify } from "../classify.js";
import { BUYER_LEGAL_TYPES } from "../data/tables.generated.js";
import {
  type ImportOptions,
  type ImportResult,
  importIssue,
  ProfileBuilder,
  type ProfileDraft,
  type SourceRef,
  sourcePath,
} from "../report.js";
import {
  applyClassifications,
  countryCode,
  countryFromName,
  datePart,
  jurisdictionOf,
  monthsOfDays,
  setLongestDuration,
  wholeMonths,
} from "../shared.js";

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/** Options of {@link fromOcds}. */
export interface FromOcdsOptions extends ImportOptions {
  /** In a package with several releases or records: the release `id` (or record `ocid`) to read. */
  release?: string;
}

/** The release to read, and the path prefix of its fields in the input. */
function pickRelease(input: unknown, options: FromOcdsOptions): { release: Json; at: string; kind: string } {
  const invalid = (
    code: IssueCode,
    message: string,
    path = "",
    extra: { received?: unknown; expected?: string } = {},
  ): never => {
    throw new FairtenderError("invalid-source", message, {
      issues: [importIssue(code, sourcePath("ocds", path), message, extra)],
    });
  };
  if (!isObj(input)) {
    const received = Array.isArray(input) ? "an array" : typeof input;
    return invalid(
      "invalid-type",
      `fromOcds expects an OCDS release, record or package (a JSON object), received ${received}`,
      "",
      { received, expected: "a JSON object" },
    );
  }
  const choose = (items: unknown[], key: "releases" | "records"): { item: Json; index: number } => {
    const objs = items.map((x, i) => ({ x, i })).filter((e): e is { x: Json; i: number } => isObj(e.x));
    const one = key === "releases" ? "release" : "record";
    if (objs.length === 0)
      return invalid("too-small", `The package's ${key} array is empty`, key, { expected: `at least one ${one}` });
    const idOf = (x: Json) => (key === "releases" ? str(x.id) : str(x.ocid));
    const ids = objs.map((e) => idOf(e.x) ?? "?").join(", ");
    if (options.release !== undefined) {
      const hit = objs.find((e) => idOf(e.x) === options.release || str(e.x.ocid) === options.release);
      if (!hit) {
        return invalid(
          "unknown-release",
          `No ${one} ${JSON.stringify(options.release)} in the package (it has ${objs.map((e) => idOf(e.x)).join(", ")})`,
          key,
          { received: options.release, expected: `one of ${ids}` },
        );
      }
      return { item: hit.x, index: hit.i };
    }
    if (objs.length > 1) {
      return invalid(
        "ambiguous-release",
        `The package has ${objs.length} ${key} (${ids}): pass options.release to choose one${key === "releases" ? ", or compile them into a record first (releases are partial updates)" : ""}`,
        key,
        { expected: `options.release: one of ${ids}` },
      );
    }
    return { item: (objs[0] as { x: Json }).x, index: (objs[0] as { i: number }).i };
  };
  if (Array.isArray(input.records)) {
    const { item, index } = choose(input.records, "records");
    return fromRecord(item, `records[${index}].`);
  }
  if (Array.isArray(input.releases) && (str(input.uri) !== undefined || input.ocid === undefined)) {
    const { item, index } = choose(input.releases, "releases");
    return { release: item, at: `releases[${index}].`, kind: "release" };
  }
  if (isObj(input.compiledRelease) || (Array.isArray(input.releases) && input.ocid !== undefined)) {
    return fromRecord(input, "");
  }
  if (str(input.ocid) === undefined && !isObj(input.tender)) {
    return invalid(
      "unknown-document",
      "The JSON is not an OCDS release, record or package: it has no ocid, tender, releases or records",
      "",
      { expected: "an OCDS release, record or package" },
    );
  }
  return { release: input, at: "", kind: "release" };

  function fromRecord(record: Json, at: string) {
    if (isObj(record.compiledRelease))
      return { release: record.compiledRelease, at: `${at}compiledRelease.`, kind: "compiled release" };
    return invalid(
      "missing",
      `The record ${str(record.ocid) ?? ""} has no compiledRelease: compile it (OCDS merge) or pass one release`,
      `${at}compiledRelease`,
      { expected: "a compiled release" },
    );
  }
}

/**
 * Reads an OCDS release, compiled record, release package or record package (OCDS 1.1, with the OCDS
 * for eForms fields where present) into a tender profile. Nothing is guessed: a field the data does
 * not state is reported as unknown with what to supply, and an unmapped classification code is
 * listed in `report.classifications`. The profile is validated with core's `safeParseProfile`; its
 * problems name the OCDS paths. Throws `invalid-source` when the input is not OCDS.
 *
 * @param input - the parsed JSON (a release, a record with `compiledRelease`, or a package of one).
 * @param options - `lot` to read one lot, `supplied` values for what the data does not say, `strict` to throw when incomplete, `release` to pick from a package, `library` for the jurisdictions and regimes (default the built-in library).
 * @returns the profile (complete when `report.complete`) and the report.
 */
export function fromOcds(input: unknown, options: FromOcdsOptions & { strict: true }): ImportResult<TenderProfile>;
export function fromOcds(input: unknown, options?: FromOcdsOptions): ImportResult<ProfileDraft>;
export function fromOcds(input: unknown, options: FromOcdsOptions = {}): ImportResult<ProfileDraft | TenderProfile> {
  const { release, at, kind } = pickRelease(input, options);
  const b = new ProfileBuilder(
    "ocds",
    `OCDS ${kind} ${str(release.id) ?? str(release.ocid) ?? "(no id)"}`,
    options.library,
  );
  const p = (path: string) => `${at}${path}`;
  const tender = isObj(release.tender) ? release.tender : {};
  const lots = arr(tender.lots).filter(isObj);
  const lotIndex = options.lot === undefined ? -1 : lots.findIndex((l) => str(l.id) === options.lot);
  if (options.lot !== undefined && lotIndex < 0) {
    const ids = lots.map((l) => str(l.id)).join(", ") || "none";
    const message = `No lot ${JSON.stringify(options.lot)} in tender.lots (${ids})`;
    throw new FairtenderError("invalid-source", message, {
      issues: [
        importIssue("unknown-lot", sourcePath("ocds", p("tender.lots")), message, {
          received: options.lot,
          expected: `one of ${ids}`,
        }),
      ],
    });
  }
  const lot = lotIndex >= 0 ? (lots[lotIndex] as Json) : undefined;
  const lotAt = `tender.lots[${lotIndex}]`;
  for (const l of lots)
    b.lots.push({
      id: str(l.id) ?? "?",
      ...(str(l.title) ? { title: str(l.title) } : {}),
      read: lot === undefined || l === lot,
    });
  const readLots = lot ? [{ l: lot, i: lotIndex }] : lots.map((l, i) => ({ l, i }));

  readBuyer(b, release, p);
  readTitle(b, tender, lot, p, lotAt);
  readCategory(b, tender, readLots, p);
  readValue(b, tender, readLots, p);
  readClassifications(b, tender, readLots, lot, p);
  readCountries(b, tender, lot, p);
  readPeriod(b, tender, readLots, p);
  readCommencement(b, release, tender, p);
  readSubcontracting(b, tender, readLots, p);
  readContext(b, tender, readLots, p);
  b.notInSource(
    "OCDS has no field for this.",
    "A tender does not name the supplier; supply supplier facts for a contract after award.",
  );
  return b.finish(options);
}

function readBuyer(b: ProfileBuilder, release: Json, p: (s: string) => string): void {
  const parties = arr(release.parties);
  const buyerRef = isObj(release.buyer) ? release.buyer : undefined;
  let partyIndex = -1;
  if (str(buyerRef?.id)) partyIndex = parties.findIndex((x) => isObj(x) && str(x.id) === str(buyerRef?.id));
  if (partyIndex < 0) {
    const buyers = parties.map((x, i) => ({ x, i })).filter((e) => isObj(e.x) && arr(e.x.roles).includes("buyer"));
    if (buyers.length === 1) partyIndex = (buyers[0] as { i: number }).i;
    else if (buyers.length > 1) {
      b.warnings.push(
        `${buyers.length} parties have the role buyer (${buyers.map((e) => str((e.x as Json).name) ?? str((e.x as Json).id)).join(", ")}) and release.buyer does not say which leads: the buyer is unknown.`,
      );
    }
  }
  const party = partyIndex >= 0 ? (parties[partyIndex] as Json) : undefined;
  const partyAt = `parties[${partyIndex}]`;
  const name = str(party?.name) ?? str(buyerRef?.name);
  if (name) {
    b.set(
      "buyer.name",
      name,
      [{ path: p(str(party?.name) ? `${partyAt}.name` : "buyer.name"), value: name }],
      "The buyer's name.",
    );
  } else {
    const procuring =
      isObj(release.tender) && isObj(release.tender.procuringEntity)
        ? str(release.tender.procuringEntity.name)
        : undefined;
    b.unknown(
      "buyer.name",
      procuring
        ? `The release names no buyer; tender.procuringEntity is ${JSON.stringify(procuring)}, which may buy on another's behalf.`
        : "The release names no buyer (release.buyer or a party with the role buyer).",
    );
  }

  // The buyer's legal type (OCDS for eForms: details.classifications, scheme TED_CA_TYPE).
  const classifications = party && isObj(party.details) ? arr(party.details.classifications) : [];
  const ci = classifications.findIndex(
    (c) => isObj(c) && ["TED_CA_TYPE", "EU-BUYER-LEGAL-TYPE"].includes((str(c.scheme) ?? "").toUpperCase()),
  );
  const legal = ci >= 0 ? (classifications[ci] as Json) : undefined;
  const legalRef: SourceRef | undefined = legal
    ? { path: p(`${partyAt}.details.classifications[${ci}].id`), value: legal.id }
    : undefined;
  const type = legal ? BUYER_LEGAL_TYPES.types.find((t) => t.code === str(legal.id)) : undefined;
  if (legal && !type) {
    b.warnings.push(
      `${legalRef?.path}: buyer legal type ${JSON.stringify(legal.id)} is not in data/buyer-legal-types.yaml.`,
    );
  }
  if (type?.kind && legalRef) {
    b.set("buyer.kind", type.kind, [legalRef], `Buyer legal type ${type.code} (${type.description}): ${type.note}`);
  } else {
    b.unknown(
      "buyer.kind",
      type && legalRef
        ? `Buyer legal type ${type.code} (${type.description}) does not tell the kind: ${type.note}`
        : "The buyer party has no legal type (details.classifications with scheme TED_CA_TYPE).",
      legalRef ? [legalRef] : [],
    );
  }

  // Jurisdiction: the buyer's country, unless the legal type says otherwise.
  const address = party && isObj(party.address) ? party.address : undefined;
  const code = str(address?.country);
  const cname = str(address?.countryName);
  const alpha2 = code ? countryCode(code) : cname ? countryFromName(cname) : undefined;
  const countryRef: SourceRef | undefined = code
    ? { path: p(`${partyAt}.address.country`), value: code }
    : cname
      ? { path: p(`${partyAt}.address.countryName`), value: cname }
      : undefined;
  if (type?.jurisdiction === "EU" && legalRef) {
    if (jurisdictionOf("EU", b.library))
      b.set("buyer.jurisdiction", "EU", [legalRef], `${type.description}: ${type.note}`);
    else b.unknown("buyer.jurisdiction", `${type.description}, but the library has no jurisdiction EU.`, [legalRef]);
  } else if (type?.jurisdiction === "unknown" && legalRef) {
    b.unknown("buyer.jurisdiction", `${type.description}: ${type.note}`, [
      legalRef,
      ...(countryRef ? [countryRef] : []),
    ]);
  } else if (!countryRef) {
    b.unknown("buyer.jurisdiction", "The buyer party has no address.country or address.countryName.");
  } else if (!alpha2) {
    b.unknown(
      "buyer.jurisdiction",
      `${JSON.stringify(countryRef.value)} is not an ISO 3166-1 country code or a country name in data/countries.yaml.`,
      [countryRef],
    );
  } else {
    const j = jurisdictionOf(alpha2, b.library);
    if (j)
      b.set(
        "buyer.jurisdiction",
        j,
        [countryRef],
        code ? "The buyer's country." : `The buyer's country, ${JSON.stringify(cname)} = ${alpha2}.`,
      );
    else
      b.unknown("buyer.jurisdiction", `The buyer is in ${alpha2}, which is not a jurisdiction of the library.`, [
        countryRef,
      ]);
  }
}

function readTitle(
  b: ProfileBuilder,
  tender: Json,
  lot: Json | undefined,
  p: (s: string) => string,
  lotAt: string,
): void {
  const lotTitle = lot ? str(lot.title) : undefined;
  const title = lotTitle ?? str(tender.title);
  if (title)
    b.set(
      "procurement.title",
      title,
      [{ path: p(lotTitle ? `${lotAt}.title` : "tender.title"), value: title }],
      lotTitle ? "The lot's title." : "The tender's title.",
    );
  else b.unknown("procurement.title", "The release has no tender.title.");
  const ids = arr(tender.identifiers);
  const ii = ids.findIndex((x) => isObj(x) && str(x.scheme)?.toLowerCase() === "internal" && str(x.id));
  if (ii >= 0) {
    const v = str((ids[ii] as Json).id);
    b.set(
      "procurement.reference",
      v,
      [{ path: p(`tender.identifiers[${ii}].id`), value: v }],
      "The buyer's internal identifier of the procedure.",
    );
  } else if (str(tender.id)) {
    b.set(
      "procurement.reference",
      str(tender.id),
      [{ path: p("tender.id"), value: tender.id }],
      "The tender's identifier.",
    );
  } else b.unknown("procurement.reference", "The release has no tender.id or internal identifier.");
}

function readCategory(
  b: ProfileBuilder,
  tender: Json,
  readLots: Array<{ l: Json; i: number }>,
  p: (s: string) => string,
): void {
  const ok = (v: unknown) => (v === "goods" || v === "services" || v === "works" ? v : undefined);
  const single = readLots.length === 1 && readLots.length < arr(tender.lots).length ? readLots[0] : undefined;
  if (single && ok(single.l.mainProcurementCategory)) {
    b.set(
      "procurement.category",
      single.l.mainProcurementCategory,
      [{ path: p(`tender.lots[${single.i}].mainProcurementCategory`), value: single.l.mainProcurementCategory }],
      "The lot's main procurement category.",
    );
    return;
  }
  if (ok(tender.mainProcurementCategory)) {
    b.set(
      "procurement.category",
      tender.mainProcurementCategory,
      [{ path: p("tender.mainProcurementCategory"), value: tender.mainProcurementCategory }],
      "The tender's main procurement category.",
    );
    return;
  }
  const cats = readLots.map(({ l, i }) => ({
    v: ok(l.mainProcurementCategory),
    path: p(`tender.lots[${i}].mainProcurementCategory`),
  }));
  const values = [...new Set(cats.map((c) => c.v))];
  if (cats.length > 0 && values.length === 1 && values[0]) {
    b.set(
      "procurement.category",
      values[0],
      cats.map((c) => ({ path: c.path, value: c.v })),
      "Every lot has this main procurement category.",
    );
  } else if (values.length > 1) {
    b.unknown(
      "procurement.category",
      `The lots have different main procurement categories (${values.join(", ")}): import one lot with options.lot or supply the category.`,
      cats.map((c) => ({ path: c.path, value: c.v })),
    );
  } else
    b.unknown("procurement.category", "The release has no tender.mainProcurementCategory (goods, services or works).");
}

function money(v: unknown): { amount: number; currency: string } | undefined {
  if (!isObj(v) || typeof v.amount !== "number" || !str(v.currency)) return undefined;
  return { amount: v.amount, currency: str(v.currency) as string };
}

function readValue(
  b: ProfileBuilder,
  tender: Json,
  readLots: Array<{ l: Json; i: number }>,
  p: (s: string) => string,
): void {
  const single = readLots.length === 1 && arr(tender.lots).length > 1 ? readLots[0] : undefined;
  if (single) {
    const m = money(single.l.value);
    if (m)
      b.set(
        "procurement.value",
        m,
        [{ path: p(`tender.lots[${single.i}].value`), value: single.l.value }],
        "The lot's estimated value.",
      );
    else b.unknown("procurement.value", "The lot has no value with amount and currency.");
    return;
  }
  const m = money(tender.value);
  if (m) {
    b.set("procurement.value", m, [{ path: p("tender.value"), value: tender.value }], "The tender's estimated value.");
    return;
  }
  const values = readLots.map(({ l, i }) => ({ m: money(l.value), path: p(`tender.lots[${i}].value`), raw: l.value }));
  const currencies = [...new Set(values.map((v) => v.m?.currency))];
  if (values.length > 0 && values.every((v) => v.m) && currencies.length === 1) {
    const amount = values.reduce((s, v) => s + (v.m as { amount: number }).amount, 0);
    b.set(
      "procurement.value",
      { amount, currency: currencies[0] },
      values.map((v) => ({ path: v.path, value: v.raw })),
      `No tender.value: the sum of the ${values.length} lot values.`,
    );
  } else if (values.length > 0 && values.every((v) => v.m)) {
    b.unknown(
      "procurement.value",
      `The lot values are in different currencies (${currencies.join(", ")}): supply the total in one currency.`,
      values.map((v) => ({ path: v.path, value: v.raw })),
    );
  } else
    b.unknown(
      "procurement.value",
      values.length > 0
        ? "No tender.value, and not every lot has a value to add up."
        : "The release has no tender.value with amount and currency.",
    );
}

function readClassifications(
  b: ProfileBuilder,
  tender: Json,
  readLots: Array<{ l: Json; i: number }>,
  lot: Json | undefined,
  p: (s: string) => string,
): void {
  const reports = [];
  const items = arr(tender.items);
  for (const [i, item] of items.entries()) {
    if (!isObj(item)) continue;
    if (lot && str(item.relatedLot) !== undefined && str(item.relatedLot) !== str(lot.id)) continue;
    if (isObj(item.classification) && str(item.classification.id)) {
      reports.push(
        classify(
          p(`tender.items[${i}].classification`),
          str(item.classification.scheme),
          str(item.classification.id) as string,
        ),
      );
    }
    for (const [j, c] of arr(item.additionalClassifications).entries()) {
      if (isObj(c) && str(c.id))
        reports.push(
          classify(p(`tender.items[${i}].additionalClassifications[${j}]`), str(c.scheme), str(c.id) as string),
        );
    }
  }
  for (const { l, i } of readLots) {
    for (const [j, c] of arr(l.additionalClassifications).entries()) {
      if (isObj(c) && str(c.id))
        reports.push(
          classify(p(`tender.lots[${i}].additionalClassifications[${j}]`), str(c.scheme), str(c.id) as string),
        );
    }
  }
  applyClassifications(b, reports);
}

function readCountries(b: ProfileBuilder, tender: Json, lot: Json | undefined, p: (s: string) => string): void {
  const found: Array<{ code: string; ref: SourceRef }> = [];
  const bad: SourceRef[] = [];
  const addresses = (list: unknown, at: string) => {
    for (const [i, a] of arr(list).entries()) address(a, `${at}[${i}]`);
  };
  const address = (a: unknown, at: string) => {
    if (!isObj(a)) return;
    const code = str(a.country);
    const name = str(a.countryName);
    const c = code ? countryCode(code) : name ? countryFromName(name) : undefined;
    const ref = { path: p(code ? `${at}.country` : `${at}.countryName`), value: code ?? name };
    if (c) found.push({ code: c, ref });
    else if (code || name) bad.push(ref);
  };
  if (!lot) addresses(tender.deliveryAddresses, "tender.deliveryAddresses");
  for (const [i, item] of arr(tender.items).entries()) {
    if (!isObj(item)) continue;
    if (lot && str(item.relatedLot) !== undefined && str(item.relatedLot) !== str(lot.id)) continue;
    addresses(item.deliveryAddresses, `tender.items[${i}].deliveryAddresses`);
    address(item.deliveryAddress, `tender.items[${i}].deliveryAddress`);
  }
  for (const r of bad)
    b.warnings.push(
      `${r.path}: ${JSON.stringify(r.value)} is not a country code or a country name in data/countries.yaml.`,
    );
  const codes = [...new Set(found.map((f) => f.code))];
  const category = b.valueOf("procurement.category");
  if (codes.length === 0) {
    b.unknown("procurement.countries", "The release gives no delivery address with a country.", bad);
  } else if (category === "goods") {
    b.context.push({
      path: found[0]?.ref.path ?? "",
      text: `Goods are delivered to ${codes.join(", ")}; that is not where they are made.`,
    });
    b.unknown(
      "procurement.countries",
      `For goods the delivery countries (${codes.join(", ")}) are not where the goods are made or sourced; procurement.countries is left for the sourcing countries.`,
      found.map((f) => f.ref),
    );
  } else {
    b.set(
      "procurement.countries",
      codes,
      found.map((f) => f.ref),
      "The countries of the places of delivery or performance (where the work is done).",
    );
  }
}

function readPeriod(
  b: ProfileBuilder,
  tender: Json,
  readLots: Array<{ l: Json; i: number }>,
  p: (s: string) => string,
): void {
  type Period = { start?: string; months?: number; startRef?: SourceRef; monthsRefs: SourceRef[]; note?: string };
  const read = (period: unknown, at: string): Period => {
    if (!isObj(period)) return { monthsRefs: [] };
    const start = datePart(period.startDate);
    const end = datePart(period.endDate);
    const out: Period = { monthsRefs: [] };
    if (start) {
      out.start = start;
      out.startRef = { path: p(`${at}.startDate`), value: period.startDate };
    }
    if (start && end) {
      const n = wholeMonths(start, end);
      if (n) {
        out.months = n;
        out.monthsRefs = [out.startRef as SourceRef, { path: p(`${at}.endDate`), value: period.endDate }];
        out.note = `${start} to ${end}: ${n} months.`;
        return out;
      }
      out.note = `${start} to ${end} is not a whole number of months.`;
    }
    if (typeof period.durationInDays === "number") {
      const n = monthsOfDays(period.durationInDays);
      const ref = { path: p(`${at}.durationInDays`), value: period.durationInDays };
      if (n) {
        out.months = n;
        out.monthsRefs = [ref];
        out.note = `${period.durationInDays} days = ${n} months (${period.durationInDays % 365 === 0 ? "365-day years" : "30-day months, as the OCDS for eForms mapping counts them"}).`;
      } else {
        out.monthsRefs = [ref];
        out.note = `${period.durationInDays} days is not a whole number of months (30-day months or 365-day years).`;
      }
    }
    return out;
  };
  const single = readLots.length === 1 && arr(tender.lots).length > 1 ? readLots[0] : undefined;
  const periods: Period[] = [];
  if (single) periods.push(read(single.l.contractPeriod, `tender.lots[${single.i}].contractPeriod`));
  const tenderPeriod = read(tender.contractPeriod, "tender.contractPeriod");
  if (!single && (tenderPeriod.start || tenderPeriod.months)) periods.push(tenderPeriod);
  if (!single && periods.length === 0)
    for (const { l, i } of readLots) periods.push(read(l.contractPeriod, `tender.lots[${i}].contractPeriod`));
  if (single && !periods[0]?.start && !periods[0]?.months) periods.push(tenderPeriod);

  const starts = periods.filter((x) => x.start);
  if (starts.length > 0) {
    const first = starts.reduce((a, c) => ((c.start as string) < (a.start as string) ? c : a));
    const distinct = new Set(starts.map((s) => s.start));
    b.set(
      "procurement.startDate",
      first.start,
      starts.length > 1 ? starts.map((s) => s.startRef as SourceRef) : [first.startRef as SourceRef],
      distinct.size > 1
        ? `The lots start on different dates; the earliest (${first.start}) is used — import one lot with options.lot for its own date.`
        : "The contract period's start date.",
    );
  } else b.unknown("procurement.startDate", "The release has no contractPeriod.startDate.");
  if (
    !setLongestDuration(
      b,
      periods.map((x) => ({ ...x, refs: x.monthsRefs })),
    )
  ) {
    const why = periods.map((x) => x.note).find(Boolean);
    b.unknown(
      "procurement.durationMonths",
      why ?? "The release has no contractPeriod end date or durationInDays.",
      periods.flatMap((x) => x.monthsRefs),
    );
  }
}

function readCommencement(b: ProfileBuilder, release: Json, tender: Json, p: (s: string) => string): void {
  const tags = arr(release.tag).map(String);
  const tenderStage = tags.some(
    (t) => t === "tender" || t === "tenderUpdate" || t === "tenderAmendment" || t === "compiled",
  );
  const start = isObj(tender.tenderPeriod) ? datePart(tender.tenderPeriod.startDate) : undefined;
  if (start && tenderStage) {
    b.set(
      "procurement.commencedOn",
      start,
      [{ path: p("tender.tenderPeriod.startDate"), value: (tender.tenderPeriod as Json).startDate }],
      "The first day tenders could be submitted, taken as the day the procurement commenced (the tender notice).",
    );
  } else if (start) {
    b.unknown(
      "procurement.commencedOn",
      `The release is tagged ${tags.join(", ") || "with no tag"}, not a tender release: a planned procurement has not commenced.`,
      [{ path: p("tag"), value: release.tag }],
    );
  } else b.unknown("procurement.commencedOn", "The release has no tender.tenderPeriod.startDate.");
}

function readSubcontracting(
  b: ProfileBuilder,
  tender: Json,
  readLots: Array<{ l: Json; i: number }>,
  p: (s: string) => string,
): void {
  const terms: Array<{ t: Json; at: string }> = [];
  if (isObj(tender.subcontractingTerms))
    terms.push({ t: tender.subcontractingTerms, at: "tender.subcontractingTerms" });
  for (const { l, i } of readLots)
    if (isObj(l.subcontractingTerms))
      terms.push({ t: l.subcontractingTerms, at: `tender.lots[${i}].subcontractingTerms` });
  const required = terms.filter(
    ({ t }) => typeof t.competitiveMinimumPercentage === "number" && t.competitiveMinimumPercentage > 0,
  );
  for (const { t, at } of terms)
    if (str(t.description))
      b.context.push({ path: p(`${at}.description`), text: `Subcontracting terms: ${str(t.description)}` });
  if (required.length > 0) {
    b.set(
      "procurement.labour.subcontracting",
      true,
      required.map(({ t, at }) => ({
        path: p(`${at}.competitiveMinimumPercentage`),
        value: t.competitiveMinimumPercentage,
      })),
      "The buyer requires a minimum share of the contract to be subcontracted.",
    );
  } else
    b.unknown(
      "procurement.labour.subcontracting",
      "The release does not say whether the supplier is expected to subcontract.",
    );
}

const GOALS: Readonly<Record<string, string>> = {
  "social.humanRightsInSupplyChain": "human-rights due diligence in supply chains",
  "social.humanRightsInSupplyChains": "human-rights due diligence in supply chains",
  "social.laborRightsPromotion": "fair working conditions (labour rights)",
  social: "a social objective (not specified)",
};

function readContext(
  b: ProfileBuilder,
  tender: Json,
  readLots: Array<{ l: Json; i: number }>,
  p: (s: string) => string,
): void {
  if (isObj(tender.legalBasis) && str(tender.legalBasis.id)) {
    b.context.push({
      path: p("tender.legalBasis.id"),
      text: `Legal basis ${str(tender.legalBasis.scheme) ?? ""} ${str(tender.legalBasis.id)}`.replace("  ", " "),
    });
  }
  const holders: Array<{ o: Json; at: string }> = [
    { o: tender, at: "tender" },
    ...readLots.map(({ l, i }) => ({ o: l, at: `tender.lots[${i}]` })),
  ];
  for (const { o, at } of holders) {
    for (const [k, s] of arr(o.sustainability).entries()) {
      if (!isObj(s) || !str(s.goal)) continue;
      const goal = str(s.goal) as string;
      b.context.push({
        path: p(`${at}.sustainability[${k}].goal`),
        text: `The buyer pursues ${GOALS[goal] ?? goal}${arr(s.strategies).length ? ` through ${arr(s.strategies).join(", ")}` : ""}.`,
      });
    }
    if (isObj(o.contractTerms)) {
      for (const key of ["socialStandards", "performanceTerms", "otherTerms"]) {
        const text = str(o.contractTerms[key]);
        if (text)
          b.context.push({
            path: p(`${at}.contractTerms.${key}`),
            text: `Existing contract terms (${key}): ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`,
          });
      }
    }
  }
  if (isObj(tender.exclusionGrounds)) {
    for (const [k, c] of arr(tender.exclusionGrounds.criteria).entries()) {
      if (isObj(c) && str(c.type))
        b.context.push({
          path: p(`tender.exclusionGrounds.criteria[${k}].type`),
          text: `Exclusion ground ${str(c.type)}${str(c.description) ? `: ${str(c.description)}` : ""}`,
        });
    }
  }
  if (str(tender.procurementMethod))
    b.context.push({
      path: p("tender.procurementMethod"),
      text: `Procurement method ${str(tender.procurementMethod)}${str(tender.procurementMethodDetails) ? ` (${str(tender.procurementMethodDetails)})` : ""}.`,
    });
}
