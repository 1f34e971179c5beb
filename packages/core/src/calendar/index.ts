/**
 * The obligations calendar: the harmonised schedule of a selection laid out on the contract's dates
 * (`obligationCalendar`), and writers for it — CSV for spreadsheets (`calendarToCsv`) and iCalendar
 * for calendar applications (`calendarToICalendar`). Reads a finished `Selection`; no part of the
 * selection pipeline.
 */
export { type CalendarEntry, type CalendarTender, obligationCalendar } from "./calendar.js";
export { CALENDAR_CSV_COLUMNS, calendarToCsv } from "./csv.js";
export { calendarToICalendar, escapeText, foldLine, type ICalendarOptions } from "./icalendar.js";
