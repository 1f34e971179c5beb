import { afterEach, describe, expect, it, vi } from "vitest";
import { builtinLibrary, compileText, isFairtenderError, safeCreateLibrary, TEMPLATE_LIMITS } from "../index.js";
import type { ClauseInput } from "../model/clause.js";
import { parser } from "./interpret.js";

const own = (text: string): ClauseInput => ({
  id: "acme-nested",
  version: "1.0.0",
  title: "Nested",
  topic: "wages",
  regimes: ["gb"],
  body: { subclauses: [{ text }] },
  parameters: {},
  sources: [{ citation: "Acme 1", instrument: "Acme policy", checked: "2026-11-01", confidence: "confirmed" }],
  draftingNote: "Test.",
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("templates are bounded before they are parsed", () => {
  it.each([
    [8000, "too-large", "more than the limit of 50000 for a template"],
    [4000, "too-deep", `nests blocks more than ${TEMPLATE_LIMITS.depth} deep`],
    [9, "too-deep", `nests blocks more than ${TEMPLATE_LIMITS.depth} deep`],
  ])(
    "%i nested blocks in a custom clause are refused by the pre-check (%s); the parser never sees them",
    (n, code, text0) => {
      const parse = vi.spyOn(parser, "parse");
      const text = `${"{{#a}}".repeat(n)}x${"{{/a}}".repeat(n)}`;
      const r = safeCreateLibrary(builtinLibrary(), { clauses: [own(text)] });
      expect(r.success).toBe(false);
      if (r.success) return;
      expect(r.error.issues).toContainEqual(
        expect.objectContaining({
          code,
          path: ["clauses", builtinLibrary().clauses.length, "body", "subclauses", 0, "text"],
        }),
      );
      expect(r.error.message).toContain(text0);
      expect(parse.mock.calls.filter(([source]) => source === text)).toEqual([]);
    },
  );

  it("a text over the length limit is refused by the pre-check", () => {
    const parse = vi.spyOn(parser, "parse");
    const text = "word ".repeat(TEMPLATE_LIMITS.length / 5 + 1);
    let error: unknown;
    try {
      compileText("phrase.long", text);
    } catch (e) {
      error = e;
    }
    expect(isFairtenderError(error) && error.code).toBe("template-error");
    expect(isFairtenderError(error) && error.issues[0]).toMatchObject({ code: "too-large", path: ["phrase.long"] });
    expect(parse).not.toHaveBeenCalled();
  });

  it("one block still gets the grammar's own message (the parser is reached)", () => {
    const parse = vi.spyOn(parser, "parse");
    expect(() => compileText("phrase.block", "{{#each x}}{{this}}{{/each}}")).toThrow(
      /uses a block \{\{#each\}\}: structure belongs in the data/,
    );
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it("text within the limits is read as before", () => {
    expect(compileText("phrase.ok", `${"a".repeat(TEMPLATE_LIMITS.length - 10)}{{b}}`)({ b: "!" })).toHaveLength(
      TEMPLATE_LIMITS.length - 9,
    );
  });
});
