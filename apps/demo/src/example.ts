/**
 * Worked examples a first-time user can start from. Each answers every question the form asks (so it
 * round-trips through the form unchanged); the UK and UN ones are modelled on the repository's
 * example profiles (`examples/profiles/`), which the tests also open in the form.
 */

import type { JsonObject } from "./profile-values.js";

/** A US federal services contract performed in part abroad, with agency-recruited migrant workers. */
export const US_FEDERAL_EXAMPLE: JsonObject = {
  buyer: {
    name: "US Department of State, Bureau of Overseas Buildings",
    jurisdiction: "US",
    kind: "federal-executive-agency",
  },
  procurement: {
    title: "Embassy facilities maintenance and cleaning services",
    reference: "SAQMMA-26-R-0142",
    category: "services",
    value: { amount: 4200000, currency: "USD" },
    outsideBuyerCountryValue: { amount: 3100000, currency: "USD" },
    commercialOffTheShelf: false,
    usDirectivesApply: false,
    sectors: ["construction", "cleaning"],
    countries: ["PH", "QA"],
    labour: {
      recruitmentAgencies: true,
      migrantWorkers: true,
      lowSkilled: true,
      subcontracting: true,
      housingProvided: false,
    },
    startDate: "2026-10-01",
    durationMonths: 36,
  },
};

/** A UK central-government department buying high-risk goods (PPE and solar panels) made abroad. */
export const UK_GOODS_EXAMPLE: JsonObject = {
  buyer: { name: "Department for Example Services", jurisdiction: "GB", kind: "central-government" },
  procurement: {
    title: "Nitrile examination gloves and rooftop solar panels",
    reference: "DFES-2026-117",
    category: "goods",
    value: { amount: 4800000, currency: "GBP" },
    outsideBuyerCountryValue: { amount: 4500000, currency: "GBP" },
    commercialOffTheShelf: false,
    usDirectivesApply: false,
    sectors: ["manufacturing", "ppe", "solar"],
    commodities: ["gloves", "polysilicon"],
    countries: ["MY", "CN"],
    labour: {
      recruitmentAgencies: true,
      migrantWorkers: true,
      lowSkilled: true,
      subcontracting: true,
      housingProvided: false,
    },
    startDate: "2026-04-01",
    durationMonths: 24,
  },
  supplier: { annualTurnover: { amount: 52000000, currency: "GBP" }, sme: false },
};

/** A UN agency buying catering and cleaning for field offices, with the ILO fair-recruitment module. */
export const UN_SERVICES_EXAMPLE: JsonObject = {
  buyer: { name: "United Nations Example Agency", jurisdiction: "UN", kind: "un-agency" },
  procurement: {
    title: "Catering and cleaning services for field offices",
    reference: "UNEA-RFP-2026-031",
    category: "services",
    value: { amount: 2600000, currency: "USD" },
    commercialOffTheShelf: false,
    usDirectivesApply: false,
    sectors: ["cleaning", "catering"],
    countries: ["TH", "BD"],
    labour: {
      recruitmentAgencies: true,
      migrantWorkers: true,
      lowSkilled: true,
      subcontracting: true,
      housingProvided: true,
    },
    startDate: "2026-10-01",
    durationMonths: 48,
  },
  modules: ["ilo-fair-recruitment"],
};

/** The examples the page offers, in the order shown. */
export const EXAMPLES: readonly { id: string; label: string; profile: JsonObject }[] = [
  { id: "us", label: "US federal services abroad", profile: US_FEDERAL_EXAMPLE },
  { id: "uk", label: "UK high-risk goods", profile: UK_GOODS_EXAMPLE },
  { id: "un", label: "UN agency services", profile: UN_SERVICES_EXAMPLE },
];
