/**
 * The standards data in ../shared/standards (eForms SDK, OCDS schemas). Tests that need it run when
 * it is there and are skipped, with the reason in their name, when it is not — except in CI
 * (`CI` set), where a missing folder fails them instead.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findStandards, type Standards } from "../scripts/standards.js";

const found = findStandards();
if (!found && process.env.CI) {
  throw new Error(
    "CI: the standards data (shared/standards beside the repository, or FAIRTENDER_STANDARDS) is missing; tests that read it must run in CI",
  );
}

/** The standards folders, or undefined when absent (outside CI only). */
export const STANDARDS: Standards | undefined = found;

/** The suffix for the names of tests that need the standards data. */
export const NEEDS_STANDARDS = found
  ? ""
  : " [skipped: ../shared/standards not found; set FAIRTENDER_STANDARDS to run]";

/** Reads a JSON file of the standards data. */
export function standardsJson<T = unknown>(...path: string[]): T {
  if (!STANDARDS) throw new Error("standards data not found");
  return JSON.parse(readFileSync(join(STANDARDS.root, ...path), "utf8")) as T;
}

/** Reads a text file of the standards data. */
export function standardsText(...path: string[]): string {
  if (!STANDARDS) throw new Error("standards data not found");
  return readFileSync(join(STANDARDS.root, ...path), "utf8");
}

export type { Standards };
