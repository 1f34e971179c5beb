import { uniqueBy } from "./collections.js";
import type { Source } from "./model/common.js";

/**
 * A source as one citation string: `FAR 52.222-50(d)(1)`, `Directive 2014/24/EU Art. 18(2)` (a
 * provision that restates the citation's own article is not repeated).
 */
export function citationText(s: Pick<Source, "citation" | "provision">): string {
  const { citation, provision } = s;
  if (!provision || citation.includes(provision)) return citation;
  if (provision.startsWith("(")) return `${citation}${provision}`;
  const last = citation.split(" ").pop() ?? "";
  if (last.length > 1 && provision.startsWith(last))
    return `${citation.slice(0, citation.length - last.length)}${provision}`;
  const first = provision.split(" ")[0] ?? "";
  const at = first.length > 1 ? citation.lastIndexOf(` ${first} `) : -1;
  if (at >= 0) return `${citation.slice(0, at)} ${provision}`;
  return `${citation} ${provision}`;
}

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

/** A key that identifies a source citation (two sources with the same key are the same citation). */
export function sourceKey(s: Source): string {
  return [s.citation, s.provision ?? "", s.edition ?? ""].join("\u0000");
}

/** Sources without duplicates (by citation, provision and edition), first occurrence kept. */
export function uniqueSources(list: readonly Source[]): Source[] {
  return uniqueBy(list, sourceKey);
}
