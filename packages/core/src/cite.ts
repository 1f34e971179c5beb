import type { Source } from "./model/common.js";
import { citationText } from "./select/harmonise.js";

/**
 * A source as lawyers write it, on one line: `FAR 52.222-50(d)(1) (Nov 2021)`,
 * `Directive (EU) 2024/1760 Art. 10(2)(b)`. A provision that restates the citation's own article or
 * section is not repeated, and a bracketed paragraph is attached to its section without a space.
 *
 * @param source The source to cite.
 * @param options `edition: false` leaves out the instrument's version or date.
 */
export function formatCitation(
  source: Pick<Source, "citation" | "provision" | "edition">,
  options: { edition?: boolean } = {},
): string {
  const text = citationText(source);
  return options.edition !== false && source.edition ? `${text} (${source.edition})` : text;
}
