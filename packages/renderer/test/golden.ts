import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

const dir = new URL("./golden/", import.meta.url);

/**
 * Compares `actual` with `test/golden/<name>`, a file people can read in review. With
 * `UPDATE_GOLDEN=1` (or when the file does not exist yet) the file is written instead.
 */
export function golden(name: string, actual: string): void {
  const file = new URL(name, dir);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    if (process.env.CI && process.env.UPDATE_GOLDEN !== "1") throw new Error(`golden file ${name} is missing`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(actual, `golden ${name} differs (run with UPDATE_GOLDEN=1 to accept)`).toBe(readFileSync(file, "utf8"));
}
