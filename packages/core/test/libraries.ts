import type { Library } from "../src/model/clause.js";
import { fixtureLibrary } from "./fixtures/library.js";

let builtin: Library | undefined;
try {
  builtin = (await import("../src/library/builtin.js")).builtinLibrary();
} catch {
  builtin = undefined;
}

/** The libraries the engine tests run against: the fixture library and (once compiled) the built-in one. */
export function libraries(): [string, Library][] {
  const out: [string, Library][] = [["fixture", fixtureLibrary()]];
  if (builtin) out.push(["built-in", builtin]);
  return out;
}
