import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { exampleProfile } from "../../test/examples.js";
import { addDays, addMonths } from "../dates.js";
import {
  calendarToICalendar,
  isFairtenderError,
  obligationCalendar,
  PROCUREMENT_DATES,
  type Selection,
  safeParseProfile,
  select,
} from "../index.js";

const valid = exampleProfile("us-embassy-cleaning") as { procurement: Record<string, unknown> } & Record<
  string,
  unknown
>;
const withProcurement = (change: Record<string, unknown>) => ({
  ...valid,
  procurement: { ...valid.procurement, ...change },
});

describe("procurement dates are within a sensible range", () => {
  it.each([
    ["startDate", "0001-01-01", "too-small", "is before 1900-01-01"],
    ["startDate", "0099-12-31", "too-small", "is before 1900-01-01"],
    ["startDate", "1899-12-31", "too-small", "is before 1900-01-01"],
    ["startDate", "9999-01-01", "too-big", "is after 2200-12-31"],
    ["commencedOn", "2201-01-01", "too-big", "is after 2200-12-31"],
  ])("%s %s is %s, naming the field", (field, value, code, text) => {
    const r = safeParseProfile(withProcurement({ [field]: value }));
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues).toEqual([
      {
        code,
        path: ["procurement", field],
        received: value,
        expected: "a date from 1900-01-01 to 2200-12-31",
        message: `procurement.${field}: "${value}" ${text} (expected a date from 1900-01-01 to 2200-12-31)`,
      },
    ]);
  });

  it("the ends of the range are accepted", () => {
    expect(PROCUREMENT_DATES).toEqual({ from: "1900-01-01", to: "2200-12-31" });
    expect(safeParseProfile(withProcurement({ startDate: "1900-01-01" })).success).toBe(true);
    expect(safeParseProfile(withProcurement({ startDate: "2200-12-31", durationMonths: 600 })).success).toBe(true);
  });

  it("the latest start with the longest term writes a calendar iCalendar reads", () => {
    const selection = select(withProcurement({ startDate: "2200-12-31", durationMonths: 600 }));
    const entries = obligationCalendar(selection);
    for (const e of entries) if (e.date) expect(e.date).toMatch(/^2[12]\d\d-\d\d-\d\d$/);
    const ics = calendarToICalendar(entries);
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
    expect(events.length).toBeGreaterThan(0);
    for (const ev of events) expect(ev.getFirstPropertyValue("dtstart")?.toString()).toMatch(/^2[12]\d\d-/);
  });

  it("a hand-built selection with a start out of range is refused by the calendar, naming the field", () => {
    const selection = structuredClone(select(valid)) as Selection;
    (selection.profile.procurement as { startDate: string }).startDate = "0050-01-01";
    let error: unknown;
    try {
      obligationCalendar(selection);
    } catch (e) {
      error = e;
    }
    expect(isFairtenderError(error) && error.code).toBe("invalid-selection");
    expect(isFairtenderError(error) && error.issues[0]).toMatchObject({
      code: "too-small",
      path: ["profile", "procurement", "startDate"],
      received: "0050-01-01",
    });
  });
});

describe("date arithmetic", () => {
  it("years 0–99 are those years, not 1900 + them", () => {
    expect(addDays("0050-01-01", 1)).toBe("0050-01-02");
    expect(addDays("0001-01-01", -1)).toBe("0000-12-31");
    expect(addMonths("0099-01-31", 1)).toBe("0099-02-28");
    expect(addMonths("0096-01-31", 1)).toBe("0096-02-29");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });
});
