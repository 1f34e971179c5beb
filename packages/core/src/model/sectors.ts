import * as z from "zod";

/**
 * Sector ids a profile may name. The sector data itself (name, risk signal, sources) lives in the
 * clause library (`library/sectors.yaml`), which the library self-check keeps in step with this list.
 */
export const SECTOR_IDS = [
  "agriculture",
  "fishing",
  "mining",
  "logging",
  "construction",
  "manufacturing",
  "electronics",
  "garments",
  "textiles",
  "footwear",
  "food-processing",
  "hospitality",
  "security",
  "cleaning",
  "catering",
  "logistics",
  "healthcare",
  "social-care",
  "ppe",
  "solar",
  "it-services",
  "professional-services",
] as const;
export type SectorId = (typeof SECTOR_IDS)[number];
export const SectorIdSchema = z.enum(SECTOR_IDS);
