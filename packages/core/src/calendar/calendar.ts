import { compareText } from "../collections.js";
import { addDays, addMonths, contractEnd } from "../dates.js";
import { problemsError } from "../errors.js";
import type { Party } from "../model/clause.js";
import { Procurement } from "../model/profile.js";
import type { Selection } from "../model/selection.js";
import type { TopicId } from "../model/topics.js";
import { toIssues } from "../validate/issues.js";

/** The tender a calendar entry belongs to, as the profile names it. */
export interface CalendarTender {
  /** `procurement.title`. */
  title: string;
  /** `buyer.name`. */
  buyer: string;
  /** `procurement.reference`, when the profile has one. */
  reference?: string;
}

/** One entry of the obligations calendar. */
export interface CalendarEntry {
  /** The tender: every calendar and event written from the entry names it, and event UIDs derive from it. */
  tender: CalendarTender;
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
  checkTerm(selection);
  const p = selection.profile.procurement;
  const start = p.startDate;
  const end = contractEnd(selection.profile);
  const hasTerm = p.durationMonths !== undefined;
  const tender: CalendarTender = {
    title: p.title,
    buyer: selection.profile.buyer.name,
    ...(p.reference === undefined ? {} : { reference: p.reference }),
  };
  const dated: CalendarEntry[] = [];
  const undated: CalendarEntry[] = [];
  for (const row of selection.obligations) {
    const base = {
      tender,
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

const Term = Procurement.pick({ startDate: true, durationMonths: true });

/**
 * The term a calendar is laid out on is a selection's: a start date within `PROCUREMENT_DATES` and
 * at most 600 months. A selection made by `select()` always has one; one built by hand that does
 * not is an `invalid-selection` error naming the field, never a calendar running to another century.
 */
function checkTerm(selection: Selection): void {
  const p = (selection as { profile?: { procurement?: Record<string, unknown> } }).profile?.procurement;
  const term = { startDate: p?.startDate, durationMonths: p?.durationMonths };
  const result = Term.safeParse(term);
  if (result.success) return;
  const issues = toIssues(result.error, term, { schema: Term }).map((i) => ({
    ...i,
    path: ["profile", "procurement", ...i.path],
    message: `profile.procurement.${i.message}`,
  }));
  throw problemsError("invalid-selection", "The selection's contract term", issues);
}
