import { addDays } from "../dates.js";
import { TOPICS, type TopicId } from "../model/topics.js";
import type { CalendarEntry, CalendarTender } from "./calendar.js";

/* The obligations calendar as iCalendar (RFC 5545), for calendar applications. */

/** Options of {@link calendarToICalendar}. */
export interface ICalendarOptions {
  /** PRODID of the calendar (default `-//Fairtender//Obligations calendar//EN`). */
  prodId?: string;
  /** Domain part of the event UIDs (default `fairtender.invalid`). */
  uidDomain?: string;
  /**
   * Calendar name (`NAME`, RFC 7986, and `X-WR-CALNAME`); default: the tender's reference, title and
   * buyer with "obligations".
   */
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

/** The tender in words: "REF-1 Title (Buyer)" or, without a reference, "Title (Buyer)". */
function tenderName(t: CalendarTender): string {
  return `${t.reference === undefined ? "" : `${t.reference} `}${t.title} (${t.buyer})`;
}

/**
 * What identifies a tender in event UIDs: its reference and buyer (the title instead of the reference
 * when there is none), so editing the title of a referenced tender keeps its events.
 */
function tenderKey(t: CalendarTender): string {
  return [t.reference === undefined ? `title:${t.title}` : `ref:${t.reference}`, t.buyer].join("\u0000");
}

/**
 * The dated calendar entries as an iCalendar file (RFC 5545): CRLF line endings, lines folded at 75
 * octets, TEXT values escaped, one all-day `VEVENT` per dated entry (`DTSTART;VALUE=DATE`). The
 * calendar is named after the tender (`NAME`, `X-WR-CALNAME`), and every event's summary and
 * description name it too. UIDs are a stable hash of the tender (reference, buyer) and the obligation
 * (schedule row and occurrence), so two tenders never share an event and re-importing a revised
 * calendar of the same tender updates its events. DTSTAMP is the contract start date, so the same
 * selection always gives the same file. Undated (on-event, ongoing) entries are not events; they are
 * listed in the calendar's description.
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
  const tender = entries[0]?.tender;
  const name = options.name ?? (tender ? `${tenderName(tender)}: obligations` : undefined);
  if (name) lines.push(`NAME:${escapeText(name)}`, `X-WR-CALNAME:${escapeText(name)}`);
  const undated = entries.filter((e) => e.when !== "dated" || e.date === undefined);
  if (undated.length) {
    lines.push(
      `X-WR-CALDESC:${escapeText(`Obligations without a date: ${undated.map((e) => `${topicTitle(e.topic)} (${e.party}): ${e.timingText}`).join("; ")}`)}`,
    );
  }
  for (const e of entries) {
    if (e.when !== "dated" || e.date === undefined) continue;
    const uid = `${stableHash([tenderKey(e.tender), e.obligation, String(e.occurrence ?? 0)].join("\u0000"))}@${domain}`;
    const summary = `${e.tender.reference ?? e.tender.title}: ${topicTitle(e.topic)} (${e.party})${e.occurrence ? ` #${e.occurrence}` : ""}: ${e.timingText}`;
    const description = [
      `Tender: ${tenderName(e.tender)}`,
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
