/**
 * What the page composes from the Fairtender packages: selection with the built-in clause library,
 * the tender pack in its HTML and Markdown forms, the obligations calendar, and the Word renderer,
 * which is a separate chunk loaded only when the user asks for a .docx file.
 */

import {
  builtinLibrary,
  calendarToICalendar,
  type LintFinding,
  lint,
  obligationCalendar,
  type Selection,
  select,
  type TenderProfile,
} from "@fairtender/core";
import { buildTenderPack, type Edition, type TenderPack } from "@fairtender/renderer";
import { toHtml } from "@fairtender/renderer/html";
import { toMarkdown } from "@fairtender/renderer/markdown";

export type { Edition };

/** A sector as the page lists it. */
export interface SectorInfo {
  id: string;
  name: string;
  risk?: "low" | "medium" | "high";
  signal?: string;
}

// The pack is built once per selection and edition, then shared by the preview and the downloads.
const packs = new WeakMap<Selection, Map<Edition, TenderPack>>();
function pack(selection: Selection, edition: Edition): TenderPack {
  let byEdition = packs.get(selection);
  if (!byEdition) {
    byEdition = new Map();
    packs.set(selection, byEdition);
  }
  let built = byEdition.get(edition);
  if (!built) {
    built = buildTenderPack(selection, { edition });
    byEdition.set(edition, built);
  }
  return built;
}

/** Selects regimes, risk and clauses for a valid profile, with the built-in library. */
export const selectProfile: ((profile: TenderProfile) => Selection) | undefined = (profile) => select(profile);

/** Gaps a legal reviewer would flag in a selection (remedies without remediation, a dangling reference…). */
export function reviewSelection(selection: Selection): LintFinding[] {
  return lint(selection);
}

export type { LintFinding };

/** The tender pack as a complete HTML document (inline CSS, no script), for the sandboxed preview. */
export const renderHtml: ((selection: Selection, edition: Edition) => string) | undefined = (selection, edition) =>
  toHtml(pack(selection, edition), { lang: "en" });

/** The tender pack as Markdown. */
export const renderMarkdown: ((selection: Selection, edition: Edition) => string) | undefined = (selection, edition) =>
  toMarkdown(pack(selection, edition));

/** The supplier obligations as an iCalendar file. */
export const renderCalendar: ((selection: Selection) => string) | undefined = (selection) => {
  const p = selection.profile.procurement;
  return calendarToICalendar(obligationCalendar(selection), {
    name: `${p.reference ? `${p.reference} ` : ""}${p.title}: supplier obligations`,
  });
};

/** Loads the Word renderer on demand (a separate chunk), then renders the pack as a .docx file. */
export const renderDocx: ((selection: Selection, edition: Edition) => Promise<Uint8Array>) | undefined = async (
  selection,
  edition,
) => {
  const { toDocx } = await import("@fairtender/renderer/docx");
  return toDocx(pack(selection, edition));
};

/** The library's sectors with their names and risk signals. */
export function librarySectors(): SectorInfo[] | undefined {
  return builtinLibrary().sectors.map((s) => ({ id: s.id, name: s.name, risk: s.risk, signal: s.signal }));
}

/** What the page still waits for, in words (nothing, now that every piece is wired in). */
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
