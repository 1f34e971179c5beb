import type { Library, RiskBands, RiskModel, RiskWeights } from "../../model/clause.js";
import type { Source } from "../../model/common.js";
import type { TenderProfile } from "../../model/profile.js";
import type { RiskAssessment, RiskFactor } from "../../model/selection.js";
import { isBuyerCountry } from "../jurisdictions.js";
import { formatMoney } from "../money.js";

/**
 * Options of {@link assessRisk}: other weights or band cut-offs than the library's risk model
 * (`library/risk.yaml` `model:`).
 */
export interface AssessRiskOptions {
  weights?: RiskWeights;
  bands?: RiskBands;
}

/** What each risk factor step reads. */
type Profile = Pick<TenderProfile, "buyer" | "procurement">;
type Tables = Pick<Library, "sectors" | "risk" | "jurisdictions" | "countryGroups">;

/**
 * Assesses the forced-labour risk of a procurement (`low | medium | high`) from sector, commodity (US
 * DOL List of Goods matched with the sourcing countries), supplier location (the library's country
 * risk table), workforce (agencies, migrant, low-skilled, housing), work abroad and supply-chain
 * complexity (subcontracting). Every factor that fired is returned with its weight, a plain
 * description, the data it rests on and the profile fields it read. A buyer's own `profile.risk`
 * overrides the level (`overridden: true`, the computed level kept in `computedLevel`).
 *
 * @param profile A validated tender profile.
 * @param lib The library whose `sectors` and `risk` tables (with its risk model) are read.
 * @param options Optional weight table and band cut-offs (default: the library's risk model).
 */
export function assessRisk(
  profile: TenderProfile,
  lib: Pick<Library, "sectors" | "risk" | "jurisdictions" | "countryGroups">,
  options: AssessRiskOptions = {},
): RiskAssessment {
  const w = options.weights ?? modelWeights(lib.risk.model);
  const factors = [
    sectorFactor(profile, lib, w),
    commodityFactor(profile, lib, w),
    countryFactor(profile, lib, w),
    ...workforceFactors(profile, lib, w),
    workAbroadFactor(profile, lib, w),
    subcontractingFactor(profile, lib, w),
  ].filter((f): f is RiskFactor => f !== undefined);
  return level(profile, factors, options.bands ?? lib.risk.model.bands);
}

/** The weight of each factor of the risk model. */
function modelWeights({ factors: f }: RiskModel): RiskWeights {
  return {
    sector: f.sector.weight,
    commodityForcedLabour: f.commodityForcedLabour.weight,
    commodityChildLabour: f.commodityChildLabour.weight,
    commodityListedElsewhere: f.commodityListedElsewhere.weight,
    country: f.country.weight,
    recruitmentAgencies: f.recruitmentAgencies.weight,
    migrantWorkers: f.migrantWorkers.weight,
    lowSkilled: f.lowSkilled.weight,
    housingProvided: f.housingProvided.weight,
    workAbroad: f.workAbroad.weight,
    subcontracting: f.subcontracting.weight,
  };
}

/** A model factor's source as printed: its citation, with its provision (the Table 1 factor) in brackets. */
function printed(source: Source): string {
  return source.provision ? `${source.citation} (${source.provision})` : source.citation;
}

/** Industry type: the riskiest sector named, at its band. */
function sectorFactor({ procurement: p }: Profile, lib: Tables, w: RiskWeights): RiskFactor | undefined {
  const sectors = p.sectors
    .map((id) => lib.sectors.find((s) => s.id === id))
    .filter((s): s is NonNullable<typeof s> => s !== undefined);
  const top = riskiest(sectors, (s) => s.risk);
  if (!top || w.sector[top.risk] <= 0) return undefined;
  const same = sectors.filter((s) => s.risk === top.risk);
  return {
    id: "sector",
    description: `${top.risk === "high" ? "High" : "Medium"}-risk sector: ${same.map((s) => s.name).join(", ")} (${top.signal})`,
    weight: w.sector[top.risk],
    source: [...new Set(same.flatMap((s) => s.sources.map((x) => x.citation)))].join("; "),
    inputs: { "procurement.sectors": [...p.sectors] },
  };
}

/** Commodity type: the heaviest match of a commodity on the DOL List of Goods with the sourcing countries. */
function commodityFactor({ procurement: p }: Profile, lib: Tables, w: RiskWeights): RiskFactor | undefined {
  const goods = lib.risk.listedGoods;
  let best: RiskFactor | undefined;
  for (const commodity of p.commodities) {
    const key = normalise(commodity);
    // A good may have several rows (a forced-labour row and a child-labour row with other countries):
    // every row is read, and the heaviest match wins.
    const entries = goods.goods.filter((g) => normalise(g.good) === key);
    if (entries.length === 0) continue;
    let factor: RiskFactor | undefined;
    for (const entry of entries) {
      const hit = entry.countries.filter((c) => p.countries.includes(c));
      if (hit.length === 0) continue;
      const kinds = [entry.forcedLabour ? "forced labour" : "", entry.childLabour ? "child labour" : ""].filter(
        Boolean,
      );
      const weight = entry.forcedLabour ? w.commodityForcedLabour : w.commodityChildLabour;
      if (factor !== undefined && weight <= factor.weight) continue;
      factor = {
        id: "commodity",
        description: `${entry.good} from ${hit.join(", ")} is on the US DOL List of Goods Produced by Child Labor or Forced Labor (${kinds.join(" and ")})`,
        weight,
        source: goods.source.citation,
        inputs: { "procurement.commodities": [...p.commodities], "procurement.countries": [...p.countries] },
      };
    }
    if (factor === undefined && p.countries.length === 0) {
      const listed = [...new Set(entries.flatMap((e) => e.countries))];
      factor = {
        id: "commodity",
        description: `${(entries[0] as (typeof entries)[number]).good} is on the US DOL List of Goods for ${listed.join(", ")}; no sourcing country is given to match (procurement.countries)`,
        weight: w.commodityListedElsewhere,
        source: goods.source.citation,
        inputs: { "procurement.commodities": [...p.commodities], "procurement.countries": [] },
      };
    }
    if (factor && factor.weight > 0 && (best === undefined || factor.weight > best.weight)) best = factor;
  }
  return best;
}

/** Supplier location: the riskiest sourcing country in the library's country-risk table, at its band. */
function countryFactor({ procurement: p }: Profile, lib: Tables, w: RiskWeights): RiskFactor | undefined {
  const rated = p.countries
    .map((c) => lib.risk.countryRisk.countries.find((r) => r.country === c))
    .filter((r): r is NonNullable<typeof r> => r !== undefined);
  const worst = riskiest(rated, (r) => r.band);
  if (!worst || w.country[worst.band] <= 0) return undefined;
  const same = rated.filter((r) => r.band === worst.band).map((r) => r.country);
  return {
    id: "country",
    description: `Work done or goods made in ${worst.band}-risk ${same.length > 1 ? "countries" : "country"} ${same.join(", ")}`,
    weight: w.country[worst.band],
    source: lib.risk.countryRisk.source.citation,
    inputs: { "procurement.countries": [...p.countries] },
  };
}

/** The workforce signals of the profile, each a factor of its own. */
const WORKFORCE = [
  {
    key: "recruitmentAgencies",
    id: "recruitment-agencies",
    description: "Workers are hired through recruitment or labour agencies",
  },
  { key: "migrantWorkers", id: "migrant-workers", description: "Migrant workers are expected" },
  { key: "lowSkilled", id: "low-skilled", description: "The work is largely low-skilled" },
  {
    key: "housingProvided",
    id: "housing",
    description: "The supplier or a subcontractor provides or arranges housing for workers",
  },
] as const;

/** Nature of the workforce: agencies, migrant workers, low-skilled work, housing. */
function workforceFactors({ procurement: p }: Profile, lib: Tables, w: RiskWeights): RiskFactor[] {
  return WORKFORCE.filter(({ key }) => p.labour[key] === true && w[key] > 0).map(({ key, id, description }) => ({
    id,
    description,
    weight: w[key],
    source: printed(lib.risk.model.factors[key].source),
    inputs: { [`procurement.labour.${key}`]: true },
  }));
}

/** Work performed abroad: value performed outside the buyer's country, or sourcing countries abroad. */
function workAbroadFactor(profile: Profile, lib: Tables, w: RiskWeights): RiskFactor | undefined {
  const p = profile.procurement;
  const abroad = p.countries.filter((c) => isBuyerCountry(profile, c, lib) === false);
  const outside = p.outsideBuyerCountryValue;
  const outsideValue = outside !== undefined && outside.amount > 0;
  if ((!outsideValue && abroad.length === 0) || w.workAbroad <= 0) return undefined;
  const parts: string[] = [];
  if (outsideValue) {
    parts.push(`${formatMoney(outside.amount, outside.currency)} is performed or supplied outside the buyer's country`);
  }
  if (abroad.length > 0) parts.push(`work is done or goods are made in ${abroad.join(", ")}`);
  const inputs: Record<string, string[] | number | string> = { "procurement.countries": [...p.countries] };
  if (outside) {
    inputs["procurement.outsideBuyerCountryValue.amount"] = outside.amount;
    inputs["procurement.outsideBuyerCountryValue.currency"] = outside.currency;
  }
  return {
    id: "work-abroad",
    description: `Work abroad: ${parts.join("; ")}`,
    weight: w.workAbroad,
    source: printed(lib.risk.model.factors.workAbroad.source),
    inputs,
  };
}

/** Business and supply-chain model: subcontracting expected. */
function subcontractingFactor({ procurement: p }: Profile, lib: Tables, w: RiskWeights): RiskFactor | undefined {
  if (p.labour.subcontracting !== true || w.subcontracting <= 0) return undefined;
  return {
    id: "subcontracting",
    description: "Subcontracting is expected: a longer, less visible supply chain",
    weight: w.subcontracting,
    source: printed(lib.risk.model.factors.subcontracting.source),
    inputs: { "procurement.labour.subcontracting": true },
  };
}

/** The score and level of the factors, or the buyer's own level (`profile.risk`) with the computed one kept. */
function level(profile: TenderProfile, factors: RiskFactor[], bands: RiskBands): RiskAssessment {
  const score = factors.reduce((s, f) => s + f.weight, 0);
  const computedLevel = score >= bands.high ? "high" : score >= bands.medium ? "medium" : "low";
  const computedBasis = `computed: score ${score} from ${factors.length} factor${factors.length === 1 ? "" : "s"} (medium from ${bands.medium}, high from ${bands.high})`;
  if (profile.risk) {
    return {
      level: profile.risk.level,
      computedLevel,
      score,
      factors,
      basis: `the buyer's own assessment (profile.risk): ${profile.risk.basis}; the factors alone give ${computedLevel}`,
      overridden: true,
    };
  }
  return { level: computedLevel, computedLevel, score, factors, basis: computedBasis, overridden: false };
}

const BAND_RANK = { low: 0, medium: 1, high: 2 } as const;

/** The first item of the highest band, or undefined for an empty list. */
function riskiest<T>(list: readonly T[], band: (item: T) => keyof typeof BAND_RANK): T | undefined {
  return list.reduce<T | undefined>(
    (best, x) => (best === undefined || BAND_RANK[band(x)] > BAND_RANK[band(best)] ? x : best),
    undefined,
  );
}

function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/(ies)$/, "y")
    .replace(/([^s])s$/, "$1");
}
