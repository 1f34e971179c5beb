import { formatCitation, type Source } from "@fairtender/core";

/** Wraps text to `width` columns, each line prefixed with `indent`. */
export function wrap(text: string, width = 100, indent = ""): string {
  const out: string[] = [];
  for (const paragraph of text.split(/\n{2,}/)) {
    let line = indent;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line.length > indent.length && line.length + 1 + word.length > width) {
        out.push(line);
        line = indent;
      }
      line += `${line.length > indent.length ? " " : ""}${word}`;
    }
    out.push(line);
    out.push("");
  }
  out.pop();
  return out.join("\n");
}

/**
 * Wraps text with a hanging indent: the first line starts with `first` (e.g. "  - "), the following
 * lines are indented to line up under the text.
 */
export function hang(first: string, text: string, width = 100): string {
  const indent = " ".repeat(first.length);
  return first + wrap(text, width, indent).slice(indent.length);
}

/** Pads cells into aligned columns (the last column is not padded). */
export function table(rows: readonly (readonly string[])[], gap = "  "): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, c] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, c.length);
  }
  return rows
    .map((row) =>
      row
        .map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
        .join(gap)
        .trimEnd(),
    )
    .join("\n");
}

/** A source on one line, with its confidence when not confirmed. */
export function sourceLine(source: Source): string {
  const conf = source.confidence === "confirmed" ? "" : ` [${source.confidence}: verify]`;
  return `${formatCitation(source)}: ${source.instrument}${conf}${source.url ? ` <${source.url}>` : ""}`;
}
