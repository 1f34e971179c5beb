import { describe, expect, test } from "vitest";
import { merge, UK_DEPARTMENT } from "../../test/helpers.js";
import { builtinLibrary } from "../library/builtin.js";
import { libraryRules } from "../library/rules.js";
import type { Clause } from "../model/clause.js";
import type { SelectedClause } from "../model/selection.js";
import type { WarningWording } from "../model/warning.js";
import { parseProfile } from "../validate/profile.js";
import { runSelection } from "./pipeline.js";
import { packClauses } from "./stages/clauses.js";
import { timeObligations } from "./stages/obligations.js";
import { resolveParameters } from "./stages/parameters.js";
import { analyseRegimes } from "./stages/regimes.js";
import { assessRisk } from "./stages/risk.js";
import { decideClauses } from "./stages/rules.js";
import { datedDefinitions } from "./stages/sources.js";
import { collectWarnings } from "./stages/warnings.js";

const lib = builtinLibrary();
const notification = lib.clauses.find((c) => c.id === "general-incident-notification") as Clause;
const high = parseProfile(merge(UK_DEPARTMENT, { risk: { level: "high", basis: "the buyer's own assessment" } }));

/** The stages up to the obligation stage, each fed from the results before it. */
function stages(profile = high) {
  const input = {
    profile,
    lib,
    rules: libraryRules(lib),
    regimes: analyseRegimes(profile, lib),
    risk: assessRisk(profile, lib),
  };
  const parameters = resolveParameters({ clauses: lib.clauses, risk: input.risk });
  const { decisions } = decideClauses(input);
  return { ...input, parameters, decisions, obligations: timeObligations({ decisions, parameters }) };
}

describe("the selection stages", () => {
  test("parameters: a parameter's rule value at the risk level, with the reason", () => {
    const out = resolveParameters({ clauses: [notification], risk: { level: "high" } });
    expect(out.get(notification.id)).toEqual({
      values: { notificationHours: 24 },
      resolved: {
        notificationHours: {
          value: 24,
          default: 72,
          reason:
            "24 hours instead of the default 72 hours because the risk is high: a high-risk procurement needs faster notification",
        },
      },
      warnings: [],
    });
    const low = resolveParameters({ clauses: [notification], risk: { level: "low" } }).get(notification.id);
    expect(low?.values).toEqual({ notificationHours: 72 });
  });

  test("parameters: a rule value outside the allowed range keeps the default, with a warning", () => {
    const spec = notification.parameters.notificationHours;
    if (spec?.type !== "integer") throw new Error("notificationHours is an integer parameter");
    const odd: Clause = { ...notification, parameters: { notificationHours: { ...spec, byRisk: { high: 1000 } } } };
    const out = resolveParameters({ clauses: [odd], risk: { level: "high" } }).get(odd.id);
    expect(out?.values).toEqual({ notificationHours: 72 });
    expect(out?.warnings.map((w) => [w.code, w.subject])).toEqual([
      ["parameter-out-of-range", "general-incident-notification.notificationHours"],
    ]);
  });

  test("rules: one decision per library clause, in library order", () => {
    const { decisions } = stages();
    expect(decisions.map((d) => d.clause.id)).toEqual(lib.clauses.map((c) => c.id));
    expect(decisions.find((d) => d.clause.id === notification.id)?.decision).toMatchObject({ selected: true });
  });

  test("obligations: only selected clauses, with the timings their parameters drive", () => {
    const { decisions, obligations } = stages();
    const selected = decisions.filter((d) => d.decision.selected).map((d) => d.clause.id);
    expect([...obligations.keys()]).toEqual(selected);
    const timings = obligations.get(notification.id)?.map((o) => o.timing);
    expect(timings).toContainEqual(expect.objectContaining({ kind: "on-event", withinHours: 24 }));
    expect(notification.obligations.map((o) => o.timing)).toContainEqual(
      expect.objectContaining({ kind: "on-event", withinHours: 72 }),
    );
  });

  test("warnings: a parameter's warning counts only for a selected clause, and each warning once", () => {
    const s = stages();
    const excluded = s.decisions.find((d) => !d.decision.selected) as (typeof s.decisions)[number];
    const warning = { code: "parameter-out-of-range", subject: `${excluded.clause.id}.x`, message: "m" };
    const parameters = new Map(s.parameters);
    parameters.set(excluded.clause.id, { values: {}, resolved: {}, warnings: [warning] });
    const { selected } = packClauses(s);
    const twice = { code: "unconfirmed-fact", message: "twice" };
    const warnings = collectWarnings({
      ...s,
      wording: lib.warnings,
      parameters,
      selected,
      annexes: [twice],
      sources: [twice],
    });
    expect(warnings).not.toContainEqual(warning);
    expect(warnings.filter((w) => w.message === "twice")).toHaveLength(1);
  });

  test("warnings: SME proportionality is the library's wording, its mandatory sentence for a clause required by law", () => {
    const s = stages(
      parseProfile(merge(UK_DEPARTMENT, { risk: { level: "high", basis: "b" }, supplier: { sme: true } })),
    );
    const { selected } = packClauses(s);
    const burdened = selected.find((c) => s.rules.get(c.id)?.smeBurden !== undefined);
    if (!burdened) throw new Error("no selected clause with an smeBurden");
    const sources = lib.warnings[0]?.sources ?? [];
    const wording: WarningWording[] = [
      {
        id: "sme-proportionality",
        text: { mandatory: "required by law: {{title}}", other: "{{title}} | {{strength}} | {{burden}}" },
        sources,
      },
    ];
    const sme = (clause: SelectedClause, words = wording) =>
      collectWarnings({ ...s, wording: words, selected: [clause], annexes: [], sources: [] }).filter(
        (w) => w.code === "sme-proportionality",
      );
    expect(sme(burdened)).toEqual([
      {
        code: "sme-proportionality",
        subject: burdened.id,
        message: `${burdened.title} | ${burdened.strength} | ${s.rules.get(burdened.id)?.smeBurden}`,
      },
    ]);
    expect(sme({ ...burdened, strength: "mandatory" }).map((w) => w.message)).toEqual([
      `required by law: ${burdened.title}`,
    ]);
    expect(() => sme(burdened, [])).toThrow(
      expect.objectContaining({
        code: "invalid-library",
        issues: [expect.objectContaining({ code: "missing-warning", path: ["warnings"] })],
      }),
    );
  });

  test("the pipeline is the composition of the stages", () => {
    const s = stages();
    const packed = packClauses(s);
    const selection = runSelection(high, lib);
    expect(selection.definitions).toEqual(datedDefinitions(high, packed.definitions));
    expect(selection.clauses.map((c) => [c.id, c.strength])).toEqual(packed.selected.map((c) => [c.id, c.strength]));
    expect(selection.excluded.map((c) => c.id)).toEqual(packed.excluded.map((c) => c.id));
  });
});
