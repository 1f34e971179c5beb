/**
 * `toOcds`: carries what Fairtender selected back into the tender's OCDS data — contract terms, a
 * sustainability entry, selection criteria and exclusion grounds where tender-stage provisions were
 * selected, and a document entry for the tender pack — as a release and a release package that
 * validate against OCDS 1.1.5 and the OCDS for eForms profile.
 */
import type { Selection, TenderProfile } from "@fairtender/core";
import { BUYER_LEGAL_TYPES, WRITE_BACK } from "../data/tables.generated.js";
import { countryCode, daysInclusive, endOfMonths } from "../shared.js";
import { writeBackTerms } from "../terms.js";

/** The tender pack as a document of the tender. */
export interface PackDocument {
  /** The file format: `docx`, `md`, `html`, `pdf`, or a media type. */
  format: string;
  /** Where the document is published, if it is. */
  url?: string;
  /** The document id in the release (default `fairtender-tender-pack`). */
  id?: string;
  /** The document title (default: the pack's title). */
  title?: string;
  /** The document language, ISO 639-1 (default `en`: packs are written in English). */
  language?: string;
  /** The pack from `@fairtender/renderer`'s `buildTenderPack`: its title, edition, version and issue date are used. */
  pack?: { meta: { title: string; edition: string; documentVersion: string; issueDate: string } };
}

/** Options of {@link toOcds}. */
export interface ToOcdsOptions {
  /** The contracting process's ocid (your registered prefix + process id). Without it a placeholder is written and a note says so. */
  ocid?: string;
  /** The release id (default `<ocid>-fairtender-<library version>`). */
  releaseId?: string;
  /** The release date, ISO date-time (default: the day the procurement commenced, else its start date, at 00:00Z — never the clock). */
  date?: string;
  /** Write the terms on this lot (`tender.lots[]`) rather than on the tender. */
  lot?: string;
  /** The package publisher (default: the buyer). */
  publisher?: { name: string; scheme?: string; uid?: string; uri?: string };
  /** The package URI (default `urn:fairtender:<ocid>:<release id>`). */
  uri?: string;
  /** The extension.json URLs to declare in the package (the OCDS for eForms extensions your data uses). */
  extensions?: string[];
}

/** An OCDS release (plain JSON). */
export type OcdsRelease = Record<string, unknown> & {
  ocid: string;
  id: string;
  date: string;
  tag: string[];
  initiationType: "tender";
};

/** An OCDS release package of one release. */
export interface OcdsReleasePackage {
  uri: string;
  version: "1.1";
  publishedDate: string;
  publisher: { name: string; scheme?: string; uid?: string; uri?: string };
  extensions?: string[];
  releases: [OcdsRelease];
}

/** What {@link toOcds} returns. */
export interface OcdsOutput {
  release: OcdsRelease;
  package: OcdsReleasePackage;
  /** What the caller should know: placeholders written, fields left out and why. */
  notes: string[];
}

const dateTime = (d: string) => (d.includes("T") ? d : `${d}T00:00:00Z`);
const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60) || "tender";

const MEDIA: Readonly<Record<string, string>> = WRITE_BACK.document.formats;

function buyerParty(profile: TenderProfile, notes: string[]) {
  const party: Record<string, unknown> = { id: "buyer", name: profile.buyer.name, roles: ["buyer"] };
  const j = profile.buyer.jurisdiction;
  // A jurisdiction that is an ISO 3166-1 country is the buyer's country; EU and UN (or a library's own
  // non-country jurisdictions) are not.
  if (countryCode(j) === j) party.address = { country: j };
  else notes.push(`buyer.jurisdiction ${j} is not a country: the buyer party has no address.country.`);
  const kind = profile.buyer.kind;
  const types = kind ? BUYER_LEGAL_TYPES.types.filter((t) => t.kind === kind && t.jurisdiction === "country") : [];
  if (kind && types.length === 1 && (kind === "central-government" || kind === "local-government")) {
    const t = types[0] as { code: string; description: string };
    party.details = { classifications: [{ scheme: "TED_CA_TYPE", id: t.code, description: t.description }] };
  } else if (kind) {
    notes.push(`buyer.kind ${kind} has no single eForms buyer legal type: it is not written.`);
  }
  return party;
}

/**
 * Writes a selection back as OCDS: `tender.contractTerms` (social standards and terms of performance
 * summarising the selected clauses, with their ids and the library version), a `sustainability`
 * entry (social goal, strategy `contractPerformanceConditions`, plus `selectionCriteria` when
 * tender-stage provisions were selected), `tender.selectionCriteria` and `tender.exclusionGrounds`
 * for those provisions, and a `tender.documents[]` entry for the tender pack (`contractSchedule`).
 * The tender's own fields that the profile carries (buyer, title, reference, category, value,
 * places of performance, contract period) are written too, so `fromOcds` reads the same profile back.
 *
 * @param selection - the result of core's `select()` (other selections are validated with `parseSelection`).
 * @param document - the tender pack as a document (format, URL, the built pack).
 * @param options - ocid, release id and date, lot, publisher.
 * @returns the release, a release package of it, and notes.
 */
export function toOcds(selection: Selection, document?: PackDocument, options: ToOcdsOptions = {}): OcdsOutput {
  const terms = writeBackTerms(selection);
  const profile = selection.profile;
  const p = profile.procurement;
  const notes: string[] = [];
  const ocid = options.ocid ?? `fairtender-${slug(p.reference ?? p.title)}`;
  if (!options.ocid)
    notes.push(`ocid ${ocid} is a placeholder: pass options.ocid (your registered OCDS prefix and the process id).`);
  const releaseId = options.releaseId ?? `${ocid}-fairtender-${terms.libraryVersion}`;
  const date = options.date ?? dateTime(p.commencedOn ?? p.startDate);

  const tender: Record<string, unknown> = {
    id: p.reference ?? ocid,
    title: p.title,
    mainProcurementCategory: p.category,
    value: { amount: p.value.amount, currency: p.value.currency },
  };
  if (p.reference) tender.identifiers = [{ id: p.reference, scheme: "internal" }];
  const period: Record<string, unknown> = { startDate: dateTime(p.startDate) };
  if (p.durationMonths) {
    const end = endOfMonths(p.startDate, p.durationMonths);
    period.endDate = `${end}T23:59:59Z`;
    period.durationInDays = daysInclusive(p.startDate, end);
  }
  tender.contractPeriod = period;
  if (p.commencedOn) tender.tenderPeriod = { startDate: dateTime(p.commencedOn) };
  if (p.countries.length > 0 && p.category !== "goods")
    tender.deliveryAddresses = p.countries.map((country) => ({ country }));
  else if (p.countries.length > 0)
    notes.push(
      "procurement.countries are sourcing countries of goods, not places of delivery: they are not written as delivery addresses.",
    );

  const terms_: Record<string, unknown> = {
    contractTerms: { socialStandards: terms.socialStandards, performanceTerms: terms.performanceTerms() },
    hasSustainability: true,
    sustainability: terms.socialObjectives.map((o) => ({
      goal: o.ocds,
      strategies: terms.strategies,
      description: `Contract performance conditions on forced labour, child labour and human trafficking selected with Fairtender (eForms social objective ${o.eforms}).`,
    })),
  };
  if (terms.selectionCriteria.length > 0) {
    terms_.selectionCriteria = {
      criteria: terms.selectionCriteria.map((c) => ({
        type: c.type,
        description: `${c.description} (${c.clauses.join(", ")})`,
        appliesTo: ["supplier"],
      })),
    };
  }
  if (terms.exclusionGrounds.length > 0) {
    terms_.exclusionGrounds = {
      criteria: terms.exclusionGrounds.map((g) => ({
        type: g.code,
        description: `${g.description} (${g.clauses.join(", ")})`,
      })),
    };
  }
  if (terms.subcontracting.length > 0) {
    terms_.subcontractingTerms = {
      description: terms.subcontracting.map((s) => `${s.description} (${s.clauses.join(", ")})`).join(" "),
    };
  }
  if (options.lot) tender.lots = [{ id: options.lot, ...terms_ }];
  else Object.assign(tender, terms_);

  if (document) {
    const format = MEDIA[document.format.toLowerCase()] ?? document.format;
    if (!format.includes("/"))
      notes.push(`Document format ${JSON.stringify(document.format)} is not a media type: written as given.`);
    const meta = document.pack?.meta;
    if (meta?.edition === "guidance")
      notes.push("The pack is the guidance edition (notes for the buyer's team): publish the tender edition.");
    const doc: Record<string, unknown> = {
      id: document.id ?? "fairtender-tender-pack",
      documentType: WRITE_BACK.document.documentType,
      title: document.title ?? meta?.title ?? `Anti-trafficking and forced-labour terms: ${p.title}`,
      description: `The anti-trafficking and forced-labour schedule of the contract: ${terms.clauses.length} clauses and the harmonised schedule of supplier obligations (Fairtender clause library ${terms.libraryVersion}${meta ? `, ${meta.edition} edition ${meta.documentVersion}` : ""}).`,
      format,
      language: document.language ?? "en",
    };
    if (document.url) doc.url = document.url;
    if (meta?.issueDate) doc.datePublished = dateTime(meta.issueDate);
    if (options.lot) doc.relatedLots = [options.lot];
    tender.documents = [doc];
  }

  const release: OcdsRelease = {
    ocid,
    id: releaseId,
    date,
    tag: ["tender"],
    initiationType: "tender",
    language: "en",
    parties: [buyerParty(profile, notes)],
    buyer: { id: "buyer", name: profile.buyer.name },
    tender,
  };
  const pkg: OcdsReleasePackage = {
    uri: options.uri ?? `urn:fairtender:${encodeURIComponent(ocid)}:${encodeURIComponent(releaseId)}`,
    version: "1.1",
    publishedDate: date,
    publisher: options.publisher ?? { name: profile.buyer.name },
    ...(options.extensions ? { extensions: options.extensions } : {}),
    releases: [release],
  };
  return { release, package: pkg, notes };
}
