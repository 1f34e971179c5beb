import type { CalendarEntry } from "./calendar.js";

/* The obligations calendar as CSV (RFC 4180), for spreadsheets. */

/** What a spreadsheet reads as the start of a formula (OWASP's CSV-injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: quoted when it holds a comma, a double quote or a line break (quotes doubled). A
 * field a spreadsheet would evaluate as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) is written as text instead: prefixed with a single quote, and quoted.
 */
function csvField(value: string): string {
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV columns, in order (the last three name the tender, so two tenders' files never look alike). */
export const CALENDAR_CSV_COLUMNS = [
  "date",
  "when",
  "occurrence",
  "obligation",
  "topic",
  "party",
  "action",
  "timing",
  "date_note",
  "evidence",
  "clauses",
  "satisfies",
  "tender_reference",
  "tender_title",
  "buyer",
] as const;

/**
 * The calendar as CSV (RFC 4180): a header row, CRLF line endings, fields quoted when they contain a
 * comma, a double quote or a line break (quotes doubled). Lists are joined with "; ". A field that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a single quote and
 * quoted, so a spreadsheet shows it as text and never evaluates it as a formula.
 */
export function calendarToCsv(entries: readonly CalendarEntry[]): string {
  const rows = [CALENDAR_CSV_COLUMNS.join(",")];
  for (const e of entries) {
    rows.push(
      [
        e.date ?? "",
        e.when,
        e.occurrence === undefined ? "" : String(e.occurrence),
        e.obligation,
        e.topic,
        e.party,
        e.action,
        e.timingText,
        e.dateNote,
        e.evidence.join("; "),
        e.clauses.join("; "),
        e.satisfies.join("; "),
        e.tender.reference ?? "",
        e.tender.title,
        e.tender.buyer,
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${rows.join("\r\n")}\r\n`;
}
