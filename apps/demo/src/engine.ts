/**
 * What the page composes from the Fairtender packages: selection, the tender-pack renderers and the
 * obligations calendar. Each piece is `undefined` until the package that provides it is available,
 * and the page then says what it is waiting for instead of showing results.
 */

import type { Selection, TenderProfile } from "@fairtender/core";

/** The two editions of the tender pack. */
export type Edition = "tender" | "guidance";

/** A sector as the page lists it. */
export interface SectorInfo {
  id: string;
  name: string;
  risk?: "low" | "medium" | "high";
  signal?: string;
}

/** Selects regimes, risk and clauses for a valid profile. */
export const selectProfile: ((profile: TenderProfile) => Selection) | undefined = undefined;

/** The tender pack as a complete HTML document, for the sandboxed preview. */
export const renderHtml: ((selection: Selection, edition: Edition) => string) | undefined = undefined;

/** The tender pack as Markdown. */
export const renderMarkdown: ((selection: Selection, edition: Edition) => string) | undefined = undefined;

/** The supplier obligations as an iCalendar file. */
export const renderCalendar: ((selection: Selection) => string) | undefined = undefined;

/** Loads the Word renderer on demand (a separate chunk), then renders the pack as a .docx file. */
export const renderDocx: ((selection: Selection, edition: Edition) => Promise<Uint8Array>) | undefined = undefined;

/** The library's sectors with their names and risk signals, when the library is available. */
export function librarySectors(): SectorInfo[] | undefined {
  return undefined;
}

/** What the page still waits for, in words, e.g. `select() in @fairtender/core`. */
export function waitingFor(): { selection: string[]; pack: string[] } {
  const selection: string[] = [];
  const pack: string[] = [];
  if (!selectProfile) selection.push("the selection engine, select() in @fairtender/core");
  if (!renderHtml) pack.push("the HTML renderer, @fairtender/renderer/html");
  if (!renderMarkdown) pack.push("the Markdown renderer, @fairtender/renderer/markdown");
  if (!renderDocx) pack.push("the Word renderer, @fairtender/renderer/docx");
  if (!renderCalendar) pack.push("the obligations calendar, calendarToICalendar() in @fairtender/core");
  return { selection, pack };
}
