import { compareText } from "../compare.js";
import { addDays, addMonths, contractEnd } from "../dates.js";
import type { Party } from "../model/clause.js";
import type { Selection } from "../model/selection.js";
import { TOPICS, type TopicId } from "../model/topics.js";

/** One entry of the obligations calendar. */
export interface CalendarEntry {
  /** The schedule row (harmonised obligation) id. */
  obligation: string;
  topic: TopicId;
  party: Party;
  action: string;
  /** The timing in words, as in the schedule. */
  timingText: string;
  /** `dated`: falls due on `date`; `on-event`: when something happens (no date); `ongoing`: throughout the term. */
  when: "dated" | "on-event" | "ongoing";
  /** Due date (YYYY-MM-DD), for `dated` entries. */
  date?: string;
  /** For recurring obligations: 1 for the first occurrence, 2 for the second… */
  occurrence?: number;
  /** How the date was worked out (or why there is none). */
  dateNote: string;
  evidence: string[];
  clauses: string[];
  /** Every citation the obligation satisfies, e.g. `us-far: FAR 52.222-50 (h)(5)`. */
  satisfies: string[];
  /** The contract start date (used as the calendar's fixed timestamp). */
  contractStart: string;
}

/**
 * Lays the harmonised obligation schedule out on the contract's calendar: dates from
 * `procurement.startDate` and `durationMonths`. Recurring obligations are expanded over the contract
 * term (each occurrence on or before the last day of the term; only the first when no duration is
 * given); one-off steps before award are dated the day before the start date and steps at signature on
 * the start date (the award date is not in the profile); steps within N days of award or start are
 * counted from the start date, steps after the end from the last day of the term; event-driven
 * obligations are listed "on event" without a date, ongoing ones as "ongoing".
 *
 * Dated entries come first in date order, then the undated ones in schedule order.
 */
export function obligationCalendar(selection: Selection): CalendarEntry[] {
  const p = selection.profile.procurement;
  const start = p.startDate;
  const end = contractEnd(selection.profile);
  const hasTerm = p.durationMonths !== undefined;
  const dated: CalendarEntry[] = [];
  const undated: CalendarEntry[] = [];
  for (const row of selection.obligations) {
    const base = {
      obligation: row.id,
      topic: row.topic,
      party: row.party,
      action: row.action,
      timingText: row.timingText,
      evidence: [...row.evidence],
      clauses: [...row.clauses],
      satisfies: row.satisfies.map((s) => `${s.regime}: ${s.citation}`),
      contractStart: start,
    };
    const t = row.timing;
    switch (t.kind) {
      case "before-award":
        dated.push({
          ...base,
          when: "dated",
          date: addDays(start, -1),
          dateNote: "before award: dated the day before the start date (the award date is not in the profile)",
        });
        break;
      case "at-signature":
        dated.push({ ...base, when: "dated", date: start, dateNote: "at signature: dated on the start date" });
        break;
      case "within":
        if (t.from === "request") {
          undated.push({
            ...base,
            when: "on-event",
            dateNote: `within ${t.days} days of a request: no date until a request is made`,
          });
        } else if (t.from === "end") {
          if (hasTerm)
            dated.push({
              ...base,
              when: "dated",
              date: addDays(end, t.days),
              dateNote: `${t.days} days after the last day of the term (${end})`,
            });
          else
            undated.push({
              ...base,
              when: "on-event",
              dateNote: `within ${t.days} days of the end of the contract: no durationMonths given`,
            });
        } else {
          dated.push({
            ...base,
            when: "dated",
            date: addDays(start, t.days),
            dateNote: `${t.days} days after ${t.from === "award" ? "award, counted from the start date (the award date is not in the profile)" : "the start date"}`,
          });
        }
        break;
      case "recurring": {
        const first = t.firstAfterMonths ?? t.everyMonths;
        let n = 1;
        let months = first;
        for (;;) {
          const date = addMonths(start, months);
          if (n > 1 && (!hasTerm || date > end)) break;
          if (n === 1 && hasTerm && date > end) {
            undated.push({
              ...base,
              when: "ongoing",
              dateNote: `first due ${date}, after the last day of the term (${end}): no occurrence within the term`,
            });
            break;
          }
          dated.push({
            ...base,
            when: "dated",
            date,
            occurrence: n,
            dateNote: hasTerm
              ? `occurrence ${n}: ${months} months after the start date`
              : `occurrence ${n}: ${months} months after the start date (no durationMonths given, so only the first occurrence is listed)`,
          });
          n += 1;
          months += t.everyMonths;
          if (n > 1000) break;
        }
        break;
      }
      case "on-event":
        undated.push({ ...base, when: "on-event", dateNote: `on event: ${t.event}` });
        break;
      case "ongoing":
        undated.push({
          ...base,
          when: "ongoing",
          dateNote: `throughout the contract term, from ${start}${hasTerm ? ` to ${end}` : ""}`,
        });
        break;
    }
  }
  dated.sort(
    (a, b) =>
      compareText(a.date ?? "", b.date ?? "") ||
      compareText(a.obligation, b.obligation) ||
      (a.occurrence ?? 0) - (b.occurrence ?? 0),
  );
  return [...dated, ...undated];
}

/* ----------------------------------------------------------------------------------------------
 * CSV (RFC 4180)
 * -------------------------------------------------------------------------------------------- */

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV columns, in order. */
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
] as const;

/**
 * The calendar as CSV (RFC 4180): a header row, CRLF line endings, fields quoted when they contain a
 * comma, a double quote or a line break (quotes doubled). Lists are joined with "; ".
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
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${rows.join("\r\n")}\r\n`;
}

/* ----------------------------------------------------------------------------------------------
 * iCalendar (RFC 5545)
 * -------------------------------------------------------------------------------------------- */

/** Options of {@link calendarToICalendar}. */
export interface ICalendarOptions {
  /** PRODID of the calendar (default `-//Fairtender//Obligations calendar//EN`). */
  prodId?: string;
  /** Domain part of the event UIDs (default `fairtender.invalid`). */
  uidDomain?: string;
  /** Calendar name (X-WR-CALNAME); default none. */
  name?: string;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character; continuation lines start with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > limit) {
      out.push(current);
      current = ch;
      size = n;
      limit = 74; // the leading space of a continuation line counts
    } else {
      current += ch;
      size += n;
    }
  }
  out.push(current);
  return out.join("\r\n ");
}

/** A stable 64-bit FNV-1a hash of a string, as 16 hex digits (no crypto, no randomness). */
function stableHash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 + 0x1000) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}

function icsDate(date: string): string {
  return date.replace(/-/g, "");
}

function topicTitle(topic: TopicId): string {
  return TOPICS.find((t) => t.id === topic)?.title ?? topic;
}

/**
 * The dated calendar entries as an iCalendar file (RFC 5545): CRLF line endings, lines folded at 75
 * octets, TEXT values escaped, one all-day `VEVENT` per dated entry (`DTSTART;VALUE=DATE`). UIDs are
 * derived from the content (obligation, date, occurrence, action) and DTSTAMP is the contract start
 * date, so the same selection always gives the same file. Undated (on-event, ongoing) entries are not
 * events; they are listed in the calendar's description.
 */
export function calendarToICalendar(entries: readonly CalendarEntry[], options: ICalendarOptions = {}): string {
  const prodId = options.prodId ?? "-//Fairtender//Obligations calendar//EN";
  const domain = options.uidDomain ?? "fairtender.invalid";
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${escapeText(prodId)}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
  ];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  const undated = entries.filter((e) => e.when !== "dated" || e.date === undefined);
  if (undated.length) {
    lines.push(
      `X-WR-CALDESC:${escapeText(`Obligations without a date: ${undated.map((e) => `${topicTitle(e.topic)} (${e.party}): ${e.timingText}`).join("; ")}`)}`,
    );
  }
  for (const e of entries) {
    if (e.when !== "dated" || e.date === undefined) continue;
    const uid = `${stableHash([e.obligation, e.date, String(e.occurrence ?? 0), e.action, e.party].join("\u0000"))}@${domain}`;
    const summary = `${topicTitle(e.topic)} (${e.party})${e.occurrence ? ` #${e.occurrence}` : ""}: ${e.timingText}`;
    const description = [
      e.action,
      `When: ${e.timingText} (${e.dateNote})`,
      e.evidence.length ? `Evidence: ${e.evidence.join("; ")}` : "",
      `Clauses: ${e.clauses.join(", ")}`,
      `Satisfies: ${e.satisfies.join("; ")}`,
    ]
      .filter(Boolean)
      .join("\n");
    lines.push(
      "BEGIN:VEVENT",
      `UID:${uid}`,
      `DTSTAMP:${icsDate(e.contractStart)}T000000Z`,
      `DTSTART;VALUE=DATE:${icsDate(e.date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${escapeText(e.topic)}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
