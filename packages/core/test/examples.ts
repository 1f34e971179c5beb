import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import type { TenderProfileInput } from "../src/model/profile.js";

/**
 * The repository's example profiles (`examples/profiles/*.yaml`): the one set of example tenders
 * that the examples, the CLI, core and the demo all read, so that a change to one shows in every
 * workspace's tests. Profiles made for one test (broken on purpose, say) stay with that test.
 */
const dir = new URL("../../../examples/profiles/", import.meta.url);

/** The file names of the example profiles, sorted. */
export const EXAMPLE_FILES: readonly string[] = readdirSync(dir)
  .filter((f) => f.endsWith(".yaml"))
  .sort();

/** A fresh copy of one example profile, e.g. `exampleProfile("us-embassy-cleaning")`. */
export function exampleProfile(name: string): TenderProfileInput {
  return parse(readFileSync(new URL(`${name}.yaml`, dir), "utf8")) as TenderProfileInput;
}

/** Every example profile, as `[name, profile]`. */
export function exampleProfiles(): [string, TenderProfileInput][] {
  return EXAMPLE_FILES.map((f) => {
    const name = f.replace(/\.yaml$/, "");
    return [name, exampleProfile(name)];
  });
}
