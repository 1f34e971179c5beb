import { type Inline, type SelectedClause, Selection } from "@fairtender/core";
import { unSelection, usSelection } from "../test/fixtures/selections.js";

/**
 * A selection with `n` clauses, made by repeating the fixture clauses (US and UN/EU) under new ids;
 * cross-references and obligations are renamed with them, so every reference still resolves.
 */
export function stressSelection(n: number): Selection {
  const us = usSelection();
  const un = unSelection();
  const seen = new Set<string>();
  const pool: SelectedClause[] = [];
  for (const c of [...us.clauses, ...un.clauses]) {
    if (!seen.has(c.id)) {
      seen.add(c.id);
      pool.push(c);
    }
  }
  const suffix = (id: string, k: number) => (k === 0 ? id : `${id}-r${k}`);
  const rename = (runs: Inline[], k: number): Inline[] =>
    runs.map((r) => (r.type === "ref" && seen.has(r.clause) ? { ...r, clause: suffix(r.clause, k) } : r));
  const clauses: SelectedClause[] = [];
  for (let i = 0; clauses.length < n; i++) {
    const k = Math.floor(i / pool.length);
    const c = pool[i % pool.length]!;
    clauses.push({
      ...c,
      id: suffix(c.id, k),
      related: c.related.map((r) => suffix(r, k)),
      body: {
        ...(c.body.intro ? { intro: rename(c.body.intro, k) } : {}),
        subclauses: c.body.subclauses.map((s) => ({
          text: rename(s.text, k),
          items: s.items.map((it) => rename(it, k)),
        })),
      },
      obligations: c.obligations.map((o) => ({ ...o, id: suffix(o.id, k) })),
    });
  }
  // obligations: one schedule row per obligation, pointing at the renamed clause
  const byId = new Map([...us.obligations, ...un.obligations].map((o) => [o.id, o]));
  const obligations = clauses.flatMap((c) =>
    c.obligations.map((o) => {
      const baseId = o.id.replace(/-r\d+$/, "");
      const row = byId.get(baseId)!;
      return {
        ...row,
        id: o.id,
        clauses: [c.id],
        mergedFrom: [o.id],
        satisfies: row.satisfies.map((s) => ({ ...s, clause: c.id })),
      };
    }),
  );
  const definitions = [...new Map([...us.definitions, ...un.definitions].map((d) => [d.id, d])).values()];
  return Selection.parse({ ...us, regimes: [...us.regimes, ...un.regimes], clauses, obligations, definitions });
}
