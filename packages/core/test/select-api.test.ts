import { describe, expect, test } from "vitest";
import {
  applicableRegimes,
  builtinLibrary,
  type Clause,
  type ClauseInput,
  createLibrary,
  FairtenderError,
  formatPath,
  getClause,
  isFairtenderError,
  type RuleInput,
  safeCreateLibrary,
  safeSelect,
  select,
} from "../src/index.js";
import { parseProfile } from "../src/validate/profile.js";
import { parseSelection, safeParseSelection } from "../src/validate/selection.js";
import { fixtureLibrary } from "./fixtures/library.js";
import { EU_BUYER, merge, UK_DEPARTMENT, UN_BUYER, US_AGENCY } from "./helpers.js";

const library = fixtureLibrary();

describe("select / safeSelect", () => {
  test("accepts a raw profile and validates it; invalid → invalid-profile with field paths", () => {
    const bad = merge(US_AGENCY, { procurement: { sectors: ["cleanng"], startDate: "2024-02-30" } });
    expect(() => select(bad, { library })).toThrow(FairtenderError);
    const r = safeSelect(bad, { library });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.code).toBe("invalid-profile");
      expect(r.error.issues.map((i) => [i.code, i.path])).toEqual(
        expect.arrayContaining([
          ["unknown-sector", ["procurement", "sectors", 0]],
          ["invalid-date", ["procurement", "startDate"]],
        ]),
      );
      expect(isFairtenderError(r.error)).toBe(true);
    }
  });

  test("a valid profile gives a selection read at the start date, with the library version", () => {
    const r = safeSelect(US_AGENCY, { library });
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data.asOf).toBe("2024-06-01");
      expect(r.data.libraryVersion).toBe(library.version);
      expect(r.data.clauses[0]?.id).toBe("us-far-52-222-50");
    }
  });

  test("clauses come in document order: topic order, then regime, then id", () => {
    const s = select(merge(UK_DEPARTMENT, { regimes: ["gb", "us-far"], risk: { level: "high", basis: "x" } }), {
      library,
    });
    const prohibition = s.clauses.filter((c) => c.topic === "prohibition").map((c) => c.id);
    expect(prohibition).toEqual(["us-far-52-222-50", "gb-modern-slavery-compliance"]);
    const exit = s.clauses.filter((c) => c.topic === "exit").map((c) => c.id);
    expect(exit).toEqual(["us-far-remedies", "gb-termination", "general-remedies-ladder"]);
  });

  test("parameters are resolved with a reason, and the body uses them", () => {
    const s = select(merge(UK_DEPARTMENT, { risk: { level: "high", basis: "x" } }), { library });
    const n = s.clauses.find((c) => c.id === "general-incident-notification");
    expect(n?.parameters.notificationHours).toMatchObject({ value: 24, default: 72 });
    expect(n?.parameters.notificationHours?.reason).toMatch(/risk is high/);
    expect(JSON.stringify(n?.body)).toContain("24 hours");
    expect(n?.obligations[0]?.timing).toMatchObject({ withinHours: 24 });
  });

  test("applicableRegimes: overrides and modules are recorded as reasons", () => {
    const p = parseProfile(merge(US_AGENCY, { regimes: ["eu"], modules: ["aba-mcc2"] }));
    const r = applicableRegimes(p, library);
    expect(r.map((x) => [x.id, x.kind])).toEqual([
      ["eu", "regime"],
      ["aba-mcc2", "module"],
    ]);
    expect(r[0]?.reasons[0]).toMatch(/profile\.regimes.*overrides.*us-far/);
    expect(r[1]?.reasons[0]).toMatch(/profile\.modules/);
  });
});

describe("select output ownership", () => {
  test("the selection is frozen and shares no objects with the library: a copy may be edited", () => {
    const s = select(US_AGENCY);
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.clauses[0]?.sources)).toBe(true);
    expect(() => s.clauses[0]?.sources.push(s.clauses[0].sources[0]!)).toThrow(TypeError);
    const copy = structuredClone(s);
    copy.clauses[0]?.sources.push({ citation: "x", instrument: "x", checked: "2026-01-01", confidence: "confirmed" });
    expect(select(US_AGENCY).clauses[0]?.sources.some((x) => x.citation === "x")).toBe(false);
  });
});

describe("parseSelection", () => {
  test("takes a selection select() made as it is, without copying it", () => {
    const s = select(US_AGENCY);
    expect(parseSelection(s)).toBe(s);
  });

  test("validates anything else, such as a selection read back from JSON", () => {
    const s = select(US_AGENCY);
    const json = JSON.parse(JSON.stringify(s)) as unknown;
    const parsed = parseSelection(json);
    expect(parsed).not.toBe(json);
    expect(parsed).toEqual(s);
  });

  test("an edited copy is checked again: every problem names the field, the value and what was expected", () => {
    const copy = structuredClone(select(US_AGENCY)) as unknown as Record<string, unknown> & {
      clauses: Array<Record<string, unknown>>;
    };
    copy.libraryVersion = "one";
    (copy.clauses[0] as Record<string, unknown>).strength = "compulsory";
    const result = safeParseSelection(copy);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe("invalid-selection");
    const paths = result.error.issues.map((i) => formatPath(i.path));
    expect(paths).toContain("libraryVersion");
    expect(paths).toContain("clauses[0].strength");
    expect(result.error.issues).toContainEqual(
      expect.objectContaining({ code: "unknown-value", path: ["clauses", 0, "strength"], received: "compulsory" }),
    );
    expect(result.error.message).toMatch(/clauses\[0\]\.strength: "compulsory" is not allowed \(expected one of/);
    expect(() => parseSelection(copy)).toThrow(/The selection has 2 problems/);
  });

  test("a copy of a selection is validated, not trusted, even when nothing in it changed", () => {
    const s = select(US_AGENCY);
    const unfrozen = { ...s };
    expect(parseSelection(unfrozen)).not.toBe(unfrozen);
  });
});

describe("your own clauses bring their own rules", () => {
  const wages = builtinLibrary().clauses.find((c) => c.id === "general-wages") as Clause;
  const lowSkilled = {
    kind: "flag",
    path: "procurement.labour.lowSkilled",
    yes: "the work is low-skilled",
    no: "the work is skilled",
  } as const;
  const acme = (selection?: RuleInput): ClauseInput => {
    const { selection: _builtin, ...rest } = structuredClone(wages);
    return {
      ...rest,
      id: "acme-living-wage",
      title: "Acme living wage",
      regimes: ["gb"],
      obligations: rest.obligations.map((o) => ({ ...o, id: `acme-${o.id}` })),
      ...(selection ? { selection } : {}),
    };
  };
  const rule: RuleInput = {
    id: "acme-wage-policy",
    label: "the Acme living wage clause",
    when: [{ if: lowSkilled, strength: "policy" }],
    why: "Acme's procurement policy requires a living wage where {{because}}.",
    whyNot: "Not included: {{because}}.",
  };
  const lowSkilledUk = merge(UK_DEPARTMENT, { procurement: { labour: { lowSkilled: true } } });

  test("a library clause with no rule is excluded with a reason and a warning, never dropped", () => {
    const own = createLibrary(builtinLibrary(), { clauses: [acme()] });
    const s = select(UK_DEPARTMENT, { library: own });
    const ex = s.excluded.find((c) => c.id === "acme-living-wage");
    expect(ex?.reasons[0]?.rule).toBe("no-rule");
    expect(s.warnings).toContainEqual(expect.objectContaining({ code: "no-rule", subject: "acme-living-wage" }));
  });

  test("a clause's own rule (createLibrary) selects it, with the rule's own reason", () => {
    const own = createLibrary(builtinLibrary(), { clauses: [acme(rule)] });
    const s = select(lowSkilledUk, { library: own });
    const c = s.clauses.find((x) => x.id === "acme-living-wage");
    expect(c?.strength).toBe("policy");
    expect(c?.reasons[0]).toMatchObject({
      rule: "acme-wage-policy",
      inputs: { "procurement.labour.lowSkilled": true },
    });
    expect(c?.reasons[0]?.text).toBe(
      "Acme's procurement policy requires a living wage where the work is low-skilled (procurement.labour.lowSkilled = true).",
    );
  });

  test("a rule may use the library's named conditions", () => {
    const withRef: RuleInput = { ...rule, when: [{ if: { kind: "ref", id: "low-skilled-work" }, strength: "policy" }] };
    const own = createLibrary(builtinLibrary(), { clauses: [acme(withRef)] });
    const c = select(lowSkilledUk, { library: own }).clauses.find((x) => x.id === "acme-living-wage");
    expect(c?.reasons[0]?.text).toBe(
      "Acme's procurement policy requires a living wage where the work is largely low-skilled (procurement.labour.lowSkilled = true).",
    );
  });

  test("a bad condition is an invalid-rule error naming the clause, the path and the expected values", () => {
    const bad = {
      ...rule,
      when: [{ if: { ...lowSkilled, path: "procurement.labour.lowskilled" }, strength: "policy" }],
    };
    const result = safeCreateLibrary(builtinLibrary(), { clauses: [acme(bad as RuleInput)] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe("invalid-rule");
    expect(result.error.issues.map((i) => [i.code, formatPath(i.path)])).toEqual([
      ["unknown-value", `clauses[${builtinLibrary().clauses.length}].selection.when[0].if.path`],
    ]);
    expect(result.error.message).toContain('the rule of clause "acme-living-wage"');
    expect(result.error.message).toContain('"procurement.labour.lowskilled" is not allowed (expected one of');
    expect(result.error.message).toContain('did you mean "procurement.labour.lowSkilled"?');
  });

  test("a mistyped kind, field or reference names what was expected", () => {
    const messages = (selection: unknown) => {
      const result = safeCreateLibrary(builtinLibrary(), { clauses: [acme(selection as RuleInput)] });
      return result.success ? [] : result.error.issues.map((i) => i.message);
    };
    expect(messages({ ...rule, when: [{ if: { kind: "risks", atLeast: "high" }, strength: "policy" }] })).toEqual([
      expect.stringMatching(
        /when\[0\]\.if\.kind: .*"risks" is not a condition kind \(expected one of always, all, .*did you mean "risk"\?\)/,
      ),
    ]);
    expect(messages({ ...rule, when: [{ if: { kind: "risk", atleast: "high" }, strength: "policy" }] })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /if\.atleast: .*unknown field of a "risk" condition \(expected kind, atLeast; did you mean "atLeast"\?\)/,
        ),
      ]),
    );
    expect(
      messages({ ...rule, when: [{ if: { kind: "selected", clause: "general-wage" }, strength: "policy" }] }),
    ).toEqual([
      expect.stringMatching(
        /if\.clause: the rule of clause "acme-living-wage" names the clause "general-wage", which the library does not have \(expected the id of a clause of the library; did you mean "general-wages"/,
      ),
    ]);
    expect(messages({ ...rule, whyNot: "Not included: {{becuase}}." })).toEqual([
      expect.stringMatching(
        /selection\.whyNot: .*uses \{\{becuase\}\}, which a reason does not have .*did you mean "because"/,
      ),
    ]);
  });

  test("a library made by hand has its rules checked by select (invalid-rule)", () => {
    const own = fixtureLibrary();
    const first = own.clauses[0] as Clause & { selection: NonNullable<Clause["selection"]> };
    first.selection.when = [{ if: { kind: "ref", id: "migrant-worker" }, strength: "mandatory" }];
    const r = safeSelect(US_AGENCY, { library: own });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.code).toBe("invalid-rule");
    expect(r.error.message).toMatch(
      /clauses\[0\]\.selection\.when\[0\]\.if\.id: the rule of clause "us-far-52-222-50" names the named condition "migrant-worker".*did you mean "migrant-workers"/,
    );
  });

  test("options.rules and options.parameterRules are gone: invalid-options says what replaces them", () => {
    for (const key of ["rules", "parameterRules"]) {
      const r = safeSelect(US_AGENCY, { [key]: [] } as never);
      expect(r.success).toBe(false);
      if (!r.success) {
        expect(r.error.code).toBe("invalid-options");
        expect(r.error.message).toMatch(/library data.*createLibrary/);
      }
    }
  });
});

describe("applicableRegimes", () => {
  const regimes = (p: unknown) => applicableRegimes(parseProfile(p), library);

  test("EU member states and EU bodies get eu; UN gets un; instruments follow the contract term", () => {
    for (const j of ["FR", "DE", "EU", "IE"])
      expect(regimes(merge(EU_BUYER, { buyer: { jurisdiction: j } })).map((r) => r.id)).toEqual(["eu"]);
    expect(regimes(UN_BUYER).map((r) => r.id)).toEqual(["un"]);
    const before = regimes(merge(EU_BUYER, { procurement: { startDate: "2026-06-01", durationMonths: 12 } }))[0];
    expect(before?.instruments.map((i) => i.citation)).not.toContain("Regulation (EU) 2024/3015");
    const reaching = regimes(merge(EU_BUYER, { procurement: { startDate: "2027-06-01", durationMonths: 12 } }))[0];
    expect(reaching?.instruments.map((i) => i.citation)).toContain("Regulation (EU) 2024/3015");
    expect(reaching?.reasons.join(" ")).toMatch(/2027-06-01 to 2028-05-31/);
  });

  test("a non-federal US buyer gets nothing unless it names regimes itself", () => {
    expect(regimes(merge(US_AGENCY, { buyer: { kind: "local-government" } }))).toEqual([]);
    expect(
      regimes(merge(US_AGENCY, { buyer: { kind: "local-government" }, regimes: ["us-far"] })).map((r) => r.id),
    ).toEqual(["us-far"]);
  });
});

describe("parameters drive the schedule, not only the text", () => {
  test("a buyer's own cure period changes the clause text and the obligation's time limit", () => {
    const builtin = builtinLibrary();
    const base = select(US_AGENCY, { library: builtin });
    const ladder = base.clauses.find((c) => c.id === "general-remedies-ladder");
    expect(ladder?.parameters.cureDays?.value).toBe(30);
    // The buyer's own version of the clause carries its own parameter rule (the timing link stays).
    const ladderClause = structuredClone(getClause(builtin, "general-remedies-ladder"));
    const cure = ladderClause.parameters.cureDays;
    if (cure?.type !== "integer") throw new Error("cureDays is an integer parameter");
    ladderClause.parameters.cureDays = { ...cure, byRisk: { low: 21, medium: 21, high: 21 }, why: "buyer policy" };
    const custom = select(US_AGENCY, {
      library: createLibrary(builtin, { clauses: [ladderClause] }, { override: true }),
    });
    const clause = custom.clauses.find((c) => c.id === "general-remedies-ladder");
    expect(clause?.parameters.cureDays?.value).toBe(21);
    const hours = clause?.obligations.map((o) => (o.timing.kind === "on-event" ? o.timing.withinHours : undefined));
    expect(hours).toContain(21 * 24);
    expect(hours).not.toContain(30 * 24);
  });
});
