import type { Library } from "../model/clause.js";
import { EU_MEMBER_STATES, US_OUTLYING_AREAS } from "../model/codes.js";
import type { Source } from "../model/common.js";
import type { TenderProfile } from "../model/profile.js";
import type { RegimeDecision, SelectionWarning } from "../model/selection.js";
import { REGIME_IDS, type RegimeId } from "../model/topics.js";
import { commencementDate, contractEnd, datedDate } from "./util.js";

/** Buyer-choice modules: they apply only when the profile names them. */
export const MODULE_IDS: readonly RegimeId[] = ["aba-mcc2", "ilo-fair-recruitment"];

/**
 * Which date a regime's instruments are read at. `commencement`: the day the procurement commenced
 * (`procurement.commencedOn ?? startDate`) — the UK switch from PCR 2015 / PPN 02/23 to the Procurement
 * Act 2023 / PPN 009 turns on when the procurement commenced (PPN 009; FACTS §2.2). `contract-period`:
 * every instrument in force on any day of the contract term (start date to start + duration), so that an
 * instrument starting mid-contract, such as the EU Forced Labour Regulation, is listed.
 */
export const REGIME_DATE_BASIS: Readonly<Record<RegimeId, "commencement" | "contract-period">> = {
  "us-far": "contract-period",
  gb: "commencement",
  eu: "contract-period",
  au: "contract-period",
  ca: "contract-period",
  un: "contract-period",
  "aba-mcc2": "contract-period",
  "ilo-fair-recruitment": "contract-period",
};

/**
 * Regimes whose legal framework switches on a date held in the library (a dated parameter whose value
 * is the date as YYYYMMDD), read at the regime's date basis: the reason then says which framework
 * applies. The UK: procurements commenced on or after `gb-new-regime-date` (2025-02-24) follow the
 * Procurement Act 2023 and PPN 009, earlier ones PCR 2015 and PPN 02/23.
 */
export const REGIME_FRAMEWORKS: Partial<Record<RegimeId, { param: string; from: string; before: string }>> = {
  gb: {
    param: "gb-new-regime-date",
    from: "the Procurement Act 2023 (with the Procurement Regulations 2024) and PPN 009 apply",
    before: "the Public Contracts Regulations 2015 and PPN 02/23 apply",
  },
};

/** Every regime's decision, applicable or not, with the warnings the decision raised. */
export interface RegimeAnalysis {
  /** Regimes and modules that apply, in `REGIME_IDS` order. */
  applicable: RegimeDecision[];
  /** Why each regime or module that does not apply was left out. */
  notApplicable: Map<RegimeId, string>;
  warnings: SelectionWarning[];
}

/** The regime a buyer jurisdiction derives, or undefined (e.g. a non-federal US buyer). */
function jurisdictionRegime(profile: TenderProfile): { id?: RegimeId; reason: string; warning?: SelectionWarning } {
  const { jurisdiction, kind } = profile.buyer;
  switch (jurisdiction) {
    case "US":
      if (kind === "federal-executive-agency") {
        return {
          id: "us-far",
          reason:
            "the buyer is a US federal executive agency (buyer.jurisdiction = US, buyer.kind = federal-executive-agency); FAR subpart 22.17 applies to all its acquisitions (FAR 22.1701(a))",
        };
      }
      return {
        reason: `the buyer is in the US but buyer.kind is ${kind ?? "not given"}, not federal-executive-agency; FAR subpart 22.17 binds federal executive agencies only`,
        warning: {
          code: "us-non-federal-buyer",
          subject: "buyer.kind",
          message: `FAR 52.222-50 was not applied: the FAR applies to US federal executive agencies only, and buyer.kind is ${kind ?? "not given"}. State and local procurement rules are out of scope; name the regimes to apply in profile.regimes if the buyer has adopted one.`,
        },
      };
    case "GB":
      return { id: "gb", reason: "the buyer is in the United Kingdom (buyer.jurisdiction = GB)" };
    case "AU":
      return { id: "au", reason: "the buyer is in Australia (buyer.jurisdiction = AU)" };
    case "CA":
      return { id: "ca", reason: "the buyer is in Canada (buyer.jurisdiction = CA)" };
    case "UN":
      return { id: "un", reason: "the buyer is a United Nations system organisation (buyer.jurisdiction = UN)" };
    case "EU":
      return { id: "eu", reason: "the buyer is an EU institution or body (buyer.jurisdiction = EU)" };
    default:
      if ((EU_MEMBER_STATES as readonly string[]).includes(jurisdiction)) {
        return {
          id: "eu",
          reason: `the buyer is in EU member state ${jurisdiction}, bound by Directive 2014/24/EU as transposed (buyer.jurisdiction = ${jurisdiction})`,
        };
      }
      return { reason: `no regime is known for buyer.jurisdiction = ${jurisdiction}` };
  }
}

/** The instruments of a regime in force for this procurement's dates (see {@link REGIME_DATE_BASIS}). */
export function instrumentsInForce(profile: TenderProfile, lib: Pick<Library, "regimes">, id: RegimeId): Source[] {
  const regime = lib.regimes.find((r) => r.id === id);
  if (!regime) return [];
  const basis = REGIME_DATE_BASIS[id];
  const from = basis === "commencement" ? commencementDate(profile) : profile.procurement.startDate;
  const to = basis === "commencement" ? from : contractEnd(profile);
  return regime.instruments
    .filter(
      (i) =>
        (i.effectiveFrom === undefined || i.effectiveFrom <= to) &&
        (i.effectiveTo === undefined || i.effectiveTo >= from),
    )
    .map((i) => i.source);
}

function dateReason(profile: TenderProfile, lib: Pick<Library, "parameters">, id: RegimeId): string {
  if (REGIME_DATE_BASIS[id] === "commencement") {
    const d = commencementDate(profile);
    const field = profile.procurement.commencedOn
      ? "procurement.commencedOn"
      : "procurement.startDate (no commencedOn given)";
    const framework = REGIME_FRAMEWORKS[id];
    const switchDate = framework ? datedDate(lib, framework.param, d) : undefined;
    if (framework && switchDate) {
      return d >= switchDate.date
        ? `the procurement commenced on ${d} (${field}), on or after ${switchDate.date}: ${framework.from}`
        : `the procurement commenced on ${d} (${field}), before ${switchDate.date}: ${framework.before}`;
    }
    return `instruments read at ${d}, the day the procurement commenced (${field})`;
  }
  const end = contractEnd(profile);
  return end === profile.procurement.startDate
    ? `instruments read at the start date ${profile.procurement.startDate} (no durationMonths given)`
    : `instruments read for the contract term ${profile.procurement.startDate} to ${end}`;
}

/** Full regime analysis: what applies and why, what does not and why, and warnings. */
export function analyseRegimes(profile: TenderProfile, lib: Pick<Library, "regimes" | "parameters">): RegimeAnalysis {
  const warnings: SelectionWarning[] = [];
  const reasons = new Map<RegimeId, string[]>();
  const notApplicable = new Map<RegimeId, string>();
  const derived = jurisdictionRegime(profile);
  const add = (id: RegimeId, reason: string) => reasons.set(id, [...(reasons.get(id) ?? []), reason]);

  if (profile.regimes) {
    for (const id of profile.regimes) {
      add(
        id,
        `it is named in profile.regimes, which overrides the regimes derived from the buyer (${derived.id ? `the buyer alone would give ${derived.id}: ${derived.reason}` : derived.reason})`,
      );
    }
    if (derived.id && !profile.regimes.includes(derived.id)) {
      notApplicable.set(
        derived.id,
        `profile.regimes (${profile.regimes.join(", ")}) overrides the regimes derived from the buyer and does not name ${derived.id}`,
      );
    }
  } else if (derived.id) {
    add(derived.id, derived.reason);
  }
  if (derived.warning && !profile.regimes) warnings.push(derived.warning);
  for (const id of profile.modules ?? []) add(id, "it is added by profile.modules (a buyer choice)");

  const applicable: RegimeDecision[] = [];
  for (const id of REGIME_IDS) {
    const why = reasons.get(id);
    const regime = lib.regimes.find((r) => r.id === id);
    const isModule = regime ? regime.kind === "module" : MODULE_IDS.includes(id);
    if (why) {
      applicable.push({
        id,
        name: regime?.name ?? id,
        kind: isModule ? "module" : "regime",
        reasons: [...why, dateReason(profile, lib, id)],
        instruments: instrumentsInForce(profile, lib, id),
      });
      continue;
    }
    if (notApplicable.has(id)) continue;
    if (isModule) {
      notApplicable.set(id, `the buyer-choice module ${id} is named in neither profile.regimes nor profile.modules`);
    } else if (profile.regimes) {
      notApplicable.set(id, `profile.regimes (${profile.regimes.join(", ")}) does not name ${id}`);
    } else if (id === "us-far" && profile.buyer.jurisdiction === "US") {
      notApplicable.set(id, derived.reason);
    } else {
      notApplicable.set(
        id,
        `the buyer's jurisdiction (${profile.buyer.jurisdiction}) does not give ${id}${derived.id ? ` (it gives ${derived.id})` : ""}, and profile.regimes does not name it`,
      );
    }
  }
  return { applicable, notApplicable, warnings };
}

/**
 * The regimes and buyer-choice modules that apply to a tender, each with the reasons (jurisdiction,
 * buyer kind, `profile.regimes` override, `profile.modules`) and the instruments in force for the
 * procurement's dates. EU member-state buyers get `eu`; a `UN` buyer gets `un`; a US buyer gets
 * `us-far` only when `buyer.kind` is `federal-executive-agency`. UK instruments are read at
 * `procurement.commencedOn ?? startDate` (procurements commenced on or after 2025-02-24 follow the
 * Procurement Act 2023 and PPN 009, earlier ones PCR 2015 and PPN 02/23).
 *
 * @param profile A validated tender profile (see `parseProfile`).
 * @param lib The library whose regime descriptions, instrument dates and dated parameters are used.
 * @returns The applicable regimes in `REGIME_IDS` order. `select()` also reports the warnings.
 */
export function applicableRegimes(
  profile: TenderProfile,
  lib: Pick<Library, "regimes" | "parameters">,
): RegimeDecision[] {
  return analyseRegimes(profile, lib).applicable;
}

/** True when a country counts as the United States for FAR 22.17 (the 50 States, DC and outlying areas). */
export function isUnitedStates(country: string): boolean {
  return country === "US" || (US_OUTLYING_AREAS as readonly string[]).includes(country);
}

/** True when a country is inside the buyer's own country (or, for an EU buyer, the EU). Undefined for UN buyers. */
export function isBuyerCountry(profile: TenderProfile, country: string): boolean | undefined {
  const j = profile.buyer.jurisdiction;
  if (j === "UN") return undefined;
  if (j === "US") return isUnitedStates(country);
  if (j === "EU") return (EU_MEMBER_STATES as readonly string[]).includes(country);
  return country === j;
}
