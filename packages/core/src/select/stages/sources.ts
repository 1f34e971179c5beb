import type { Definition, Library, Obligation } from "../../model/clause.js";
import type { Source } from "../../model/common.js";
import type { TenderProfile } from "../../model/profile.js";
import type {
  ExcludedClause,
  Reason,
  SelectedAnnex,
  SelectedClause,
  SelectedWording,
  SelectionWarning,
} from "../../model/selection.js";
import { type DateWindow, dateBasisOf, dateWindow, inForce } from "../dated.js";

/**
 * Date-effective citation: a selection cites only the instruments in force for the procurement.
 *
 * A dated source (`effectiveFrom` / `effectiveTo` in `library/sources.yaml`, or on an inline source)
 * is read at the date basis of its regime (`regimes.yaml` `dateBasis`): for the UK the day the
 * procurement commenced (`procurement.commencedOn ?? startDate`), so that a UK procurement commenced
 * in 2024 cites PPN 02/23 and never PPN 009, and one commenced in 2026 the reverse; for the other
 * regimes, and for sources of no regime, any day of the contract term, so that an instrument that
 * starts mid-contract (the EU Forced Labour Regulation) is still cited by the clause it brings in.
 *
 * A source not in force is dropped from the sources of each clause (selected or excluded), of its
 * obligations (and so of the obligations schedule and what it `satisfies`), of its reasons, from
 * its incorporated instruments, from the reasons of the annexes and their entries and from the
 * pack's wording. Where that would leave a clause, an obligation or a piece of wording with no source at
 * all, the source nearest in time (for instruments that have ended, the latest) is kept, and for a
 * selected clause a `source-not-in-force` warning says so: the library should cite the instrument
 * that replaced it. Reasons and incorporated instruments may be left with none. Definitions keep
 * their sources (they say where the library's plain-language meaning of a term was taken from, not
 * which instrument applies), except that only the edition of a source with editions in force at the
 * solicitation is kept ({@link datedDefinitions}).
 *
 * A source may override its regime's date basis (`dateBasis: commencement`): every edition of a
 * source with `editions:` does, so a clause incorporates the edition in force on the day the
 * solicitation is issued, never a later one that starts during the contract term.
 */
export interface SourceDating {
  /** The sources of a list that are in force (see {@link SourceDating}); `keep` applies the fallback. */
  cite(sources: readonly Source[], keep?: { subject: string; what: string; warn: boolean }): Source[];
  /** Selected clauses with every source list dated. */
  selected(clauses: readonly SelectedClause[]): SelectedClause[];
  /** Excluded clauses with their sources and reasons dated (no warnings: they are not in the pack). */
  excluded(clauses: readonly ExcludedClause[]): ExcludedClause[];
  /** Selected annexes with the reasons of the annex and of each entry dated. */
  annexes(list: readonly SelectedAnnex[]): SelectedAnnex[];
  /** The pack's wording with its sources dated (kept nearest in time, with a warning, when none is in force). */
  wording(list: readonly SelectedWording[]): SelectedWording[];
  /** The `source-not-in-force` warnings raised so far. */
  readonly warnings: SelectionWarning[];
}

/** When the procurement reads a source: the window of its regime's date basis, in words too. */
function windowOf(profile: TenderProfile, lib: Pick<Library, "regimes">, s: Source): DateWindow & { words: string } {
  const basis = s.dateBasis ?? dateBasisOf(lib, s.regime);
  const w = dateWindow(profile, basis);
  const field = profile.procurement.commencedOn
    ? "procurement.commencedOn"
    : "procurement.startDate, no commencedOn given";
  const words =
    basis === "commencement"
      ? `on ${w.from}, the day the procurement commenced (${field})`
      : w.from === w.to
        ? `on the start date ${w.from}`
        : `during the contract term ${w.from} to ${w.to}`;
  return { ...w, words };
}

/** How many days a source's period lies before or after the window (0 when it is in force). */
function distance(s: Source, w: DateWindow): number {
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  if (s.effectiveTo !== undefined && s.effectiveTo < w.from) return day(w.from) - day(s.effectiveTo);
  if (s.effectiveFrom !== undefined && s.effectiveFrom > w.to) return day(s.effectiveFrom) - day(w.to);
  return 0;
}

function period(s: Source): string {
  if (s.effectiveFrom && s.effectiveTo) return `in force ${s.effectiveFrom} to ${s.effectiveTo}`;
  if (s.effectiveTo) return `in force until ${s.effectiveTo}`;
  return `in force from ${s.effectiveFrom}`;
}

/** The source dating of one selection (see {@link SourceDating}). */
export function sourceDating(profile: TenderProfile, lib: Pick<Library, "regimes">): SourceDating {
  const warnings: SelectionWarning[] = [];
  const cite: SourceDating["cite"] = (sources, keep) => {
    const kept = sources.filter((s) => inForce(s, windowOf(profile, lib, s)));
    if (kept.length > 0 || sources.length === 0 || !keep) return kept;
    const nearest = sources.reduce((best, s) =>
      distance(s, windowOf(profile, lib, s)) < distance(best, windowOf(profile, lib, best)) ? s : best,
    );
    if (keep.warn) {
      const dropped = sources.map((s) => `${s.citation} (${period(s)})`);
      warnings.push({
        code: "source-not-in-force",
        subject: keep.subject,
        message: `${keep.what} cites no instrument in force ${windowOf(profile, lib, nearest).words}: ${[...new Set(dropped)].join(", ")}. ${nearest.citation} is still cited, as the nearest in time; check which instrument carries the requirement now.`,
      });
    }
    return [nearest];
  };
  const reasons = (list: readonly Reason[]): Reason[] => list.map((r) => ({ ...r, sources: cite(r.sources) }));
  const obligation = (o: Obligation, clause: string): Obligation => ({
    ...o,
    sources: cite(o.sources, { subject: o.id, what: `Obligation ${o.id} (clause ${clause})`, warn: true }),
  });
  return {
    cite,
    warnings,
    selected: (clauses) =>
      clauses.map((c) => ({
        ...c,
        reasons: reasons(c.reasons),
        sources: cite(c.sources, { subject: c.id, what: `Clause ${c.id}`, warn: true }),
        incorporates: cite(c.incorporates),
        obligations: c.obligations.map((o) => obligation(o, c.id)),
      })),
    annexes: (list) =>
      list.map((a) => ({
        ...a,
        reasons: reasons(a.reasons),
        ...("entries" in a ? { entries: a.entries.map((e) => ({ ...e, reasons: reasons(e.reasons) })) } : {}),
      })) as SelectedAnnex[],
    wording: (list) =>
      list.map((w) => ({
        ...w,
        sources: cite(w.sources, { subject: w.id, what: `The pack's wording ${w.id}`, warn: true }),
      })),
    excluded: (clauses) =>
      clauses.map((c) => ({
        ...c,
        reasons: reasons(c.reasons),
        sources: cite(c.sources, { subject: c.id, what: `Clause ${c.id}`, warn: false }),
      })),
  };
}

/**
 * The definitions' sources with each edition of a source with editions (`dateBasis: commencement`)
 * kept only when in force the day the procurement commenced: a definition says where its meaning was
 * taken from, so it keeps every other source whatever its dates, but names one edition of a FAR clause,
 * never two. Pure.
 */
export function datedDefinitions(profile: TenderProfile, definitions: readonly Definition[]): Definition[] {
  const at = dateWindow(profile, "commencement");
  return definitions.map((d) => ({
    ...d,
    sources: d.sources.filter((s) => s.dateBasis !== "commencement" || inForce(s, at)),
  }));
}

/** What the source stage reads: the profile's dates and the library's date bases (`regimes.yaml`). */
export interface SourceStageInput {
  profile: TenderProfile;
  lib: Pick<Library, "regimes">;
}

/** The selection's clauses with every source list dated, and the `source-not-in-force` warnings. */
export interface DatedClauses {
  selected: SelectedClause[];
  excluded: ExcludedClause[];
  warnings: SelectionWarning[];
}

/** The pack's annexes and wording with their sources dated, and the `source-not-in-force` warnings. */
export interface DatedAnnexes {
  annexes: SelectedAnnex[];
  wording: SelectedWording[];
  warnings: SelectionWarning[];
}

/**
 * The source stage for clauses: the selected and excluded clauses citing only the instruments in
 * force for the procurement (see {@link SourceDating}); run before harmonisation, so that the
 * schedule cites what the clauses cite. Pure.
 */
export function datedClauses(
  input: SourceStageInput,
  clauses: { selected: readonly SelectedClause[]; excluded: readonly ExcludedClause[] },
): DatedClauses {
  const dating = sourceDating(input.profile, input.lib);
  const selected = dating.selected(clauses.selected);
  const excluded = dating.excluded(clauses.excluded);
  return { selected, excluded, warnings: [...dating.warnings] };
}

/** The source stage for the annex stage's output: the annexes' reasons and the pack's wording dated. Pure. */
export function datedAnnexes(
  input: SourceStageInput,
  annexes: { annexes: readonly SelectedAnnex[]; wording: readonly SelectedWording[] },
): DatedAnnexes {
  const dating = sourceDating(input.profile, input.lib);
  return {
    annexes: dating.annexes(annexes.annexes),
    wording: dating.wording(annexes.wording),
    warnings: [...dating.warnings],
  };
}
