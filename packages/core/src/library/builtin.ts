import type { Library } from "../model/clause.js";
import { BUILTIN_LIBRARY } from "./builtin.generated.js";
import { deepFreeze } from "./freeze.js";
import { markChecked } from "./rules.js";

let cached: Library | undefined;

/**
 * The built-in clause library of Fairtender: cited clauses and solicitation provisions for the US
 * FAR, UK, EU, Australian, Canadian and UN regimes and the ABA / ILO buyer-choice modules, with
 * definitions, regime instruments by date, sector risk signals, date-effective thresholds and the
 * country and listed-goods risk tables.
 *
 * The library is compiled from the Markdown and YAML files in `library/` (which a legal team can edit)
 * and checked by {@link checkLibrary} at build time. The returned object is deeply frozen and the
 * same object on every call: copy it (for example with `structuredClone`) to change it, or use
 * {@link createLibrary} to add your own clauses.
 */
export function builtinLibrary(): Library {
  if (!cached) {
    cached = deepFreeze(BUILTIN_LIBRARY);
    // Checked when it was compiled (`npm run library`), so select() does not check its rules again.
    markChecked(cached);
  }
  return cached;
}
