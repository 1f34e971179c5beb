import { describe, expect, test } from "vitest";
import { fixtureLibrary } from "../test/fixtures/library.js";
import { merge, selectWith, UN_BUYER, US_AGENCY } from "../test/helpers.js";
import { lint } from "./lint.js";
import type { Selection } from "./model/selection.js";

const lib = fixtureLibrary();
const highRiskUs = () =>
  selectWith(
    lib,
    merge(US_AGENCY, {
      procurement: {
        sectors: ["cleaning"],
        labour: { migrantWorkers: true, recruitmentAgencies: true, subcontracting: true },
      },
    }),
  );
const codes = (s: Selection) => lint(s).map((f) => f.code);
const without = (s: Selection, pred: (id: string, topic: string) => boolean): Selection => ({
  ...s,
  clauses: s.clauses.filter((c) => !pred(c.id, c.topic)),
});

describe("lint", () => {
  test("a complete high-risk selection has no errors", () => {
    const s = highRiskUs();
    expect(s.risk.level).toBe("high");
    expect(lint(s).filter((f) => f.severity === "error")).toEqual([]);
  });

  test("high risk without audit rights or supply-chain mapping is an error", () => {
    const s = without(highRiskUs(), (_id, topic) => topic === "audit" || topic === "supply-chain-mapping");
    const found = lint(s);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "high-risk-without-audit", severity: "error" }),
        expect.objectContaining({ code: "high-risk-without-mapping", severity: "error" }),
      ]),
    );
  });

  test("a reference to a clause that is not selected is an error naming both clauses", () => {
    const s = without(highRiskUs(), (id) => id === "us-far-flow-down");
    const f = lint(s).find((x) => x.code === "dangling-reference");
    expect(f).toMatchObject({ severity: "error", clause: "us-far-52-222-50" });
    expect(f?.message).toMatch(/us-far-flow-down/);
  });

  test("a term used but not defined is an error", () => {
    const s = highRiskUs();
    const broken = { ...s, definitions: s.definitions.filter((d) => d.id !== "recruitment-fees") };
    expect(lint(broken)).toContainEqual(
      expect.objectContaining({ code: "undefined-term", clause: "us-far-52-222-50" }),
    );
    // Definitions are collected transitively: "forced labour" uses "worker".
    expect(s.definitions.map((d) => d.id)).toEqual(["forced-labour", "recruitment-fees", "worker"]);
  });

  test("subcontracting without a flow-down clause is an error", () => {
    expect(codes(without(highRiskUs(), (_id, topic) => topic === "flow-down"))).toContain(
      "subcontracting-without-flow-down",
    );
  });

  test("an obligation without evidence is a warning", () => {
    const s = highRiskUs();
    const first = s.clauses[0];
    if (!first) throw new Error("no clause");
    const broken = {
      ...s,
      clauses: [
        { ...first, obligations: first.obligations.map((o) => ({ ...o, evidence: [] })) },
        ...s.clauses.slice(1),
      ],
    };
    expect(lint(broken)).toContainEqual(
      expect.objectContaining({ code: "obligation-without-evidence", severity: "warning", clause: first.id }),
    );
  });

  test("termination with no remediation step is flagged; the remedies ladder brings the remediation clause with it", () => {
    const un = selectWith(lib, UN_BUYER);
    // The remedies ladder brings the remediation clause with it (remediation before exit).
    expect(un.clauses.some((c) => c.id === "general-remediation")).toBe(true);
    expect(codes(un)).not.toContain("exit-without-remediation");
    const bare = without(un, (_id, topic) => topic === "remediation");
    expect(
      lint(bare)
        .filter((f) => f.code === "exit-without-remediation")
        .map((f) => f.clause),
    ).toEqual(expect.arrayContaining(["un-termination", "general-remedies-ladder"]));
  });
});
