/** A worked example a first-time user can start from: the profile the CLI's examples use. */

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
