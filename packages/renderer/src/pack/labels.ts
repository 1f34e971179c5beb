import { referenceText } from "@fairtender/core";
import type { Inline, PartNode, RefNode } from "./types.js";

/** The heading of a part as every backend prints it: "Part 3 — Contract clauses", or the title alone. */
export function partHeading(part: PartNode): string {
  return part.label ? `${part.label} — ${part.title}` : part.title;
}

/** The text a cross-reference shows: the computed number, or a visible marker when the clause is absent. */
export function refText(ref: RefNode): string {
  return referenceText(ref.number, ref.target);
}

/** The plain text of running text (no markup), e.g. for tables of contents and document properties. */
export function plainText(runs: readonly Inline[]): string {
  let out = "";
  for (const r of runs) {
    switch (r.type) {
      case "text":
      case "term":
        out += r.value;
        break;
      case "strong":
      case "emphasis":
        out += plainText(r.children);
        break;
      case "ref":
        out += refText(r);
        break;
    }
  }
  return out;
}
