import { formatCitation, type Obligation, type Source, type Timing } from "@fairtender/core";

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

/** `FAR 52.222-50 (b) (Nov 2021)`: a citation as lawyers write it. */
export function cite(source: Source): string {
  return formatCitation(source);
}

/** A source on one line, with its confidence when not confirmed. */
export function sourceLine(source: Source): string {
  const conf = source.confidence === "confirmed" ? "" : ` [${source.confidence}: verify]`;
  return `${cite(source)}: ${source.instrument}${conf}${source.url ? ` <${source.url}>` : ""}`;
}

/** When an obligation falls due, in words. */
export function timingText(timing: Timing): string {
  switch (timing.kind) {
    case "before-award":
      return "before award";
    case "at-signature":
      return "at contract signature";
    case "within":
      return `within ${timing.days} days of ${timing.from === "end" ? "the end of the contract" : `the ${timing.from}`}`;
    case "recurring":
      return `every ${timing.everyMonths} months${timing.firstAfterMonths !== undefined ? `, first after ${timing.firstAfterMonths} months` : ""}`;
    case "on-event":
      return `on ${timing.event}${timing.withinHours === undefined ? ", without undue delay" : timing.withinHours === 0 ? ", immediately" : `, within ${hours(timing.withinHours)}`}`;
    case "ongoing":
      return "throughout the contract";
  }
}

/** `72 hours`, `30 days` (whole days from 48 hours up). */
function hours(n: number): string {
  return n >= 48 && n % 24 === 0 ? `${n / 24} days` : `${n} hour${n === 1 ? "" : "s"}`;
}

/** How far an obligation flows down, in words. */
export function flowText(flow: Obligation["flowsDown"]): string {
  if (!flow.required) return "does not flow down";
  const tiers =
    flow.tiers === undefined
      ? ""
      : flow.tiers === "all"
        ? " to all tiers"
        : ` to ${flow.tiers} tier${flow.tiers === 1 ? "" : "s"}`;
  return `flows down${tiers}${flow.agents ? ", including agents" : ""}`;
}
