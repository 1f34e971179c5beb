import { commencementDate, contractEnd } from "../../dates.js";
import type { Library } from "../../model/clause.js";
import type { Source } from "../../model/common.js";
import type { TenderProfile } from "../../model/profile.js";
import type { REGIME_SENTENCE_VALUES, Regime } from "../../model/regime.js";
import type { RegimeDecision, SelectionWarning } from "../../model/selection.js";
import type { RegimeId } from "../../model/topics.js";
import { fillText } from "../../template/interpret.js";
import { datedDate, dateWindow, inForce } from "../dated.js";
import { jurisdictionIn } from "../jurisdictions.js";

/** The library tables the regime stage reads. */
export type RegimeTables = Pick<Library, "regimes" | "parameters" | "jurisdictions" | "countryGroups">;

/** Every regime's decision, applicable or not, with the warnings the decision raised. */
export interface RegimeAnalysis {
  /** Regimes and modules that apply, in library order. */
  applicable: RegimeDecision[];
  /** Why each regime or module that does not apply was left out. */
  notApplicable: Map<RegimeId, string>;
  warnings: SelectionWarning[];
}

/**
 * The first reason of each applicable regime or module, by id, in library order: what the rules'
 * `regime` conditions and the `{{regime}}` of a reason read.
 */
export function regimeReasons(applicable: readonly RegimeDecision[]): ReadonlyMap<RegimeId, string> {
  return new Map(applicable.map((d) => [d.id, d.reasons[0] ?? d.id]));
}

/** The instruments of a regime in force for this procurement's dates (read at the regime's date basis). */
export function instrumentsInForce(profile: TenderProfile, lib: Pick<Library, "regimes">, id: RegimeId): Source[] {
  const regime = lib.regimes.find((r) => r.id === id);
  if (!regime) return [];
  const window = dateWindow(profile, regime.dateBasis);
  // A clause edition (`dateBasis` on the source) is read at the solicitation, whatever the regime's basis.
  const editionWindow = dateWindow(profile, "commencement");
  return regime.instruments.filter((s) => inForce(s, s.dateBasis === "commencement" ? editionWindow : window));
}

interface BuyerRegime {
  id: RegimeId;
  reason: string;
}

/**
 * The regimes the buyer brings in (library order), each with its reason; and the regimes whose
 * jurisdictions hold the buyer but not its kind (e.g. a non-federal US buyer), with the reason and
 * warning the library gives for them.
 */
function buyerRegimes(
  profile: TenderProfile,
  lib: Pick<Library, "regimes" | "countryGroups">,
): { derived: BuyerRegime[]; refused: (BuyerRegime & { warning?: SelectionWarning })[] } {
  const { jurisdiction, kind } = profile.buyer;
  const vars: Record<(typeof REGIME_SENTENCE_VALUES)[number], string> = { jurisdiction, kind: kind ?? "not given" };
  const derived: BuyerRegime[] = [];
  const refused: (BuyerRegime & { warning?: SelectionWarning })[] = [];
  for (const regime of lib.regimes) {
    // A regime sentence is a plain template ({{jurisdiction}}, {{kind}}), named in errors by where it is.
    const fill = (path: string[], template: string) =>
      fillText(`regime ${regime.id} ${path.join(".")}`, template, vars);
    const entries = regime.buyers.filter((b) => jurisdictionIn(lib, b.jurisdictions, jurisdiction));
    const hit = entries.find((b) => b.kinds === undefined || (kind !== undefined && b.kinds.includes(kind)));
    if (hit) {
      derived.push({ id: regime.id, reason: fill(["buyers", "reason"], hit.reason) });
      continue;
    }
    const other = entries.find((b) => b.otherKinds)?.otherKinds;
    if (!other) continue;
    refused.push({
      id: regime.id,
      reason: fill(["buyers", "otherKinds", "reason"], other.reason),
      ...(other.warning
        ? {
            warning: {
              code: other.warning.code,
              subject: "buyer.kind",
              message: fill(["buyers", "otherKinds", "warning", "message"], other.warning.message),
            },
          }
        : {}),
    });
  }
  return { derived, refused };
}

function dateReason(profile: TenderProfile, lib: Pick<Library, "parameters">, regime: Regime): string {
  if (regime.dateBasis === "commencement") {
    const d = commencementDate(profile);
    const field = profile.procurement.commencedOn
      ? "procurement.commencedOn"
      : "procurement.startDate (no commencedOn given)";
    const framework = regime.framework;
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

/**
 * Full regime analysis: what applies and why, what does not and why, and warnings. The library says
 * which buyers bring each regime in (`Regime.buyers`); a buyer may bring in several. `profile.regimes`
 * replaces the derived regimes; `profile.modules` adds buyer-choice modules.
 */
export function analyseRegimes(profile: TenderProfile, lib: RegimeTables): RegimeAnalysis {
  const warnings: SelectionWarning[] = [];
  const reasons = new Map<RegimeId, string[]>();
  const notApplicable = new Map<RegimeId, string>();
  const { derived, refused } = buyerRegimes(profile, lib);
  const add = (id: RegimeId, reason: string) => reasons.set(id, [...(reasons.get(id) ?? []), reason]);
  const derivedIds = derived.map((d) => d.id);

  if (profile.regimes) {
    const alone = derived.length
      ? derived.map((d) => `the buyer alone would give ${d.id}: ${d.reason}`).join("; ")
      : refused.map((r) => r.reason).join("; ") ||
        `no regime is known for buyer.jurisdiction = ${profile.buyer.jurisdiction}`;
    for (const id of profile.regimes) {
      add(id, `it is named in profile.regimes, which overrides the regimes derived from the buyer (${alone})`);
    }
    for (const id of derivedIds) {
      if (profile.regimes.includes(id)) continue;
      notApplicable.set(
        id,
        `profile.regimes (${profile.regimes.join(", ")}) overrides the regimes derived from the buyer and does not name ${id}`,
      );
    }
  } else {
    for (const d of derived) add(d.id, d.reason);
    for (const r of refused) if (r.warning) warnings.push(r.warning);
  }
  for (const id of profile.modules ?? []) add(id, "it is added by profile.modules (a buyer choice)");

  const applicable: RegimeDecision[] = [];
  for (const regime of lib.regimes) {
    const { id } = regime;
    const why = reasons.get(id);
    if (why) {
      applicable.push({
        id,
        name: regime.name,
        kind: regime.kind,
        reasons: [...why, dateReason(profile, lib, regime)],
        instruments: instrumentsInForce(profile, lib, id),
      });
      continue;
    }
    if (notApplicable.has(id)) continue;
    const refusal = refused.find((r) => r.id === id);
    if (regime.kind === "module") {
      notApplicable.set(id, `the buyer-choice module ${id} is named in neither profile.regimes nor profile.modules`);
    } else if (profile.regimes) {
      notApplicable.set(id, `profile.regimes (${profile.regimes.join(", ")}) does not name ${id}`);
    } else if (refusal) {
      notApplicable.set(id, refusal.reason);
    } else {
      notApplicable.set(
        id,
        `the buyer's jurisdiction (${profile.buyer.jurisdiction}) does not give ${id}${derivedIds.length ? ` (it gives ${derivedIds.join(", ")})` : ""}, and profile.regimes does not name it`,
      );
    }
  }
  return { applicable, notApplicable, warnings };
}

/**
 * The regimes and buyer-choice modules that apply to a tender, each with the reasons (jurisdiction,
 * buyer kind, `profile.regimes` override, `profile.modules`) and the instruments in force for the
 * procurement's dates. Which buyers bring which regime in is library data (`regimes.yaml`): in the
 * built-in library EU member-state buyers get `eu`, a `UN` buyer gets `un`, and a US buyer gets
 * `us-far` only when `buyer.kind` is `federal-executive-agency`. Instruments are read at each regime's
 * date basis (the UK's at `procurement.commencedOn ?? startDate`).
 *
 * @param profile A validated tender profile (see `parseProfile`).
 * @param lib The library whose regimes, jurisdictions, instrument dates and date parameters are used.
 * @returns The applicable regimes in library order. `select()` also reports the warnings.
 */
export function applicableRegimes(profile: TenderProfile, lib: RegimeTables): RegimeDecision[] {
  return analyseRegimes(profile, lib).applicable;
}
