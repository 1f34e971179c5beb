/**
 * What the page composes from the Fairtender packages: selection with the built-in clause library,
 * review findings, the tender pack in its HTML and Markdown forms, the obligations calendar, and the
 * Word renderer, which is a separate chunk loaded only when the user asks for a .docx file.
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
export function selectProfile(profile: TenderProfile): Selection {
  return select(profile);
}

/** Gaps a legal reviewer would flag in a selection (remedies without remediation, a dangling reference…). */
export function reviewSelection(selection: Selection): LintFinding[] {
  return lint(selection);
}

export type { LintFinding };

/** The tender pack as a complete HTML document (inline CSS, no script), for the sandboxed preview. */
export function renderHtml(selection: Selection, edition: Edition): string {
  return toHtml(pack(selection, edition), { lang: "en" });
}

/** The tender pack as Markdown. */
export function renderMarkdown(selection: Selection, edition: Edition): string {
  return toMarkdown(pack(selection, edition));
}

/** The supplier obligations as an iCalendar file. */
export function renderCalendar(selection: Selection): string {
  const p = selection.profile.procurement;
  return calendarToICalendar(obligationCalendar(selection), {
    name: `${p.reference ? `${p.reference} ` : ""}${p.title}: supplier obligations`,
  });
}

/** Loads the Word renderer on demand (a separate chunk), then renders the pack as a .docx file. */
export async function renderDocx(selection: Selection, edition: Edition): Promise<Uint8Array> {
  const { toDocx } = await import("@fairtender/renderer/docx");
  return toDocx(pack(selection, edition));
}

/** The library's sectors with their names and risk signals. */
export function librarySectors(): SectorInfo[] {
  return builtinLibrary().sectors.map((s) => ({ id: s.id, name: s.name, risk: s.risk, signal: s.signal }));
}
