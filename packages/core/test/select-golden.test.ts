import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { select } from "../src/index.js";

/**
 * Equivalence goldens: the full `select --json` output of every example profile and of every profile
 * the test suites select with. Recorded before the selection law moved from TypeScript into the
 * library, so that the move can be shown to change nothing it was not meant to change. A difference is
 * a change of selection that a reviewer must see: run with UPDATE_GOLDEN=1 to accept it, and say why
 * in the commit.
 */
const dir = new URL("./golden/select/", import.meta.url);
const profiles = new URL("./profiles/", dir);
const names = readdirSync(profiles)
  .filter((f) => f.endsWith(".json"))
  .sort();

describe("select goldens (UPDATE_GOLDEN=1 to rewrite)", () => {
  it("has the recorded profiles", () => {
    expect(names.length).toBeGreaterThan(50);
  });
  it.each(names)("%s", (name) => {
    const profile: unknown = JSON.parse(readFileSync(new URL(name, profiles), "utf8"));
    const actual = `${JSON.stringify(select(profile), null, 2)}\n`;
    const file = new URL(name.replace(/\.json$/, ".selection.json"), dir);
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
      if (process.env.CI && process.env.UPDATE_GOLDEN !== "1") throw new Error(`golden file ${name} is missing`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, actual);
      return;
    }
    expect(actual, `golden ${name} differs (run with UPDATE_GOLDEN=1 to accept)`).toBe(readFileSync(file, "utf8"));
  });
});
