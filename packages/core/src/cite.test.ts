import { describe, expect, it } from "vitest";
import { formatCitation } from "./index.js";

describe("formatCitation", () => {
  it.each([
    [{ citation: "FAR 52.222-50", provision: "(d)(1)", edition: "Nov 2021" }, "FAR 52.222-50(d)(1) (Nov 2021)"],
    [
      { citation: "Directive (EU) 2024/1760 Art. 10", provision: "Art. 10(2)(b)" },
      "Directive (EU) 2024/1760 Art. 10(2)(b)",
    ],
    [{ citation: "22 U.S.C. 7104(g)", provision: "7104(g)" }, "22 U.S.C. 7104(g)"],
    [{ citation: "Directive 2014/24/EU Art. 18", provision: "Art. 18(2)" }, "Directive 2014/24/EU Art. 18(2)"],
    [{ citation: "PPN 009", edition: "2025-02-17" }, "PPN 009 (2025-02-17)"],
    [{ citation: "Modern Slavery Act 2015 s.54" }, "Modern Slavery Act 2015 s.54"],
  ])("%o → %s", (source, expected) => {
    expect(formatCitation(source)).toBe(expected);
  });

  it("can leave the edition out", () => {
    expect(formatCitation({ citation: "FAR 52.222-56", edition: "Oct 2020" }, { edition: false })).toBe(
      "FAR 52.222-56",
    );
  });
});
