import { builtinLibrary } from "../src/library/builtin.js";
import type { Library } from "../src/model/clause.js";
import { fixtureLibrary } from "./fixtures/library.js";

/**
 * The libraries the engine tests run against: a small fixture library that follows the clause
 * catalogue (so that the rules are tested independently of one library's wording) and the built-in one.
 */
export function libraries(): [string, Library][] {
  return [
    ["fixture", fixtureLibrary()],
    ["built-in", builtinLibrary()],
  ];
}
