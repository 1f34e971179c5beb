import { describe, expect, it } from "vitest";
import { isFairtenderError } from "../errors.js";
import { builtinLibrary } from "../library/builtin.js";
import { getClause } from "../library/get.js";
import type { Clause } from "../model/clause.js";
import { compileText, fillText, joinList, resolveBody, templateUsage } from "./index.js";

const lib = builtinLibrary();

function withBody(base: Clause, body: Clause["body"], parameters: Clause["parameters"] = base.parameters): Clause {
  return { ...base, body, parameters };
}

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isFairtenderError(error)) return error;
    throw error;
  }
  throw new Error("expected an error");
}

describe("joinList", () => {
  it("reads lists as A, B and C", () => {
    expect(joinList([])).toBe("");
    expect(joinList(["A"])).toBe("A");
    expect(joinList(["A", "B"])).toBe("A and B");
    expect(joinList(["A", "B", "C"])).toBe("A, B and C");
  });
});

describe("resolveBody", () => {
  const grievance = getClause(lib, "general-grievance-mechanism");

  it("fills parameters (lists joined) and splits refs and terms into runs", () => {
    const body = resolveBody(
      grievance,
      { grievanceLanguages: ["English", "Tagalog", "Nepali"], responseDays: 14 },
      lib,
    );
    const first = body.subclauses[0]?.text ?? [];
    expect(first[0]).toEqual({ type: "text", value: "The Supplier must have a " });
    expect(first[1]).toEqual({ type: "term", term: "grievance-mechanism", text: "Grievance Mechanism" });
    const flat = first.map((r) => (r.type === "text" ? r.value : `<${r.type}>`)).join("");
    expect(flat).toContain("in English, Tagalog and Nepali.");
    expect(body.subclauses[2]?.text.map((r) => (r.type === "text" ? r.value : "")).join("")).toContain(
      "within 14 days",
    );
  });

  it("uses the defaults when no value is given", () => {
    const body = resolveBody(grievance, {}, lib);
    const flat = JSON.stringify(body);
    expect(flat).toContain("in English.");
    expect(flat).toContain("within 30 days");
  });

  it("emits a ref run for {{ref}}", () => {
    const ladder = getClause(lib, "general-remedies-ladder");
    const runs = resolveBody(ladder, {}, lib).subclauses[0]?.text ?? [];
    expect(runs).toContainEqual({ type: "ref", clause: "general-remediation" });
  });

  it("keeps parameter values literal, whatever characters they contain", () => {
    const nasty = ['{{ref "x"}}', "\uE000\uE001r-evil\uE000\uE001", "<b>&amp;</b>", "{{params.responseDays}}", "}}{{"];
    const body = resolveBody(grievance, { grievanceLanguages: nasty }, lib);
    const runs = body.subclauses[0]?.text ?? [];
    const text = runs.filter((r) => r.type === "text").map((r) => (r.type === "text" ? r.value : ""));
    expect(text.join("")).toContain(joinList(nasty));
    expect(runs.filter((r) => r.type === "ref")).toEqual([]);
    expect(runs.filter((r) => r.type === "term").map((r) => (r.type === "term" ? r.term : ""))).toEqual([
      "grievance-mechanism",
      "worker",
      "subcontractor",
    ]);
  });

  it("rejects a value of the wrong type, out of range, or for an undeclared parameter", () => {
    expect(errorOf(() => resolveBody(grievance, { responseDays: "soon" }, lib)).message).toContain(
      'params.responseDays: "soon" is not a whole number',
    );
    expect(errorOf(() => resolveBody(grievance, { responseDays: 0 }, lib)).message).toContain("below the minimum 1");
    const e = errorOf(() => resolveBody(grievance, { responseDay: 3 }, lib));
    expect(e.code).toBe("template-error");
    expect(e.message).toContain("params.responseDay: the clause declares no such parameter");
    expect(e.issues).toEqual([expect.objectContaining({ code: "unknown-parameter", path: ["params", "responseDay"] })]);
    expect(errorOf(() => resolveBody(grievance, { responseDays: 0 }, lib)).issues).toEqual([
      expect.objectContaining({
        code: "too-small",
        path: ["params", "responseDays"],
        received: 0,
        expected: "at least 1",
      }),
    ]);
  });

  it("throws template-error naming the clause and leaf for a term the library does not define", () => {
    const c = withBody(grievance, {
      subclauses: [
        { text: "ok {{params.responseDays}} {{params.grievanceLanguages}}" },
        { text: 'See {{term "nope"}}.' },
      ],
    });
    const e = errorOf(() => resolveBody(c, {}, lib));
    expect(e.code).toBe("template-error");
    expect(e.message).toContain('clause "general-grievance-mechanism" body.subclauses[1].text');
    expect(e.issues).toEqual([
      expect.objectContaining({ code: "invalid-template", path: ["body", "subclauses", 1, "text"] }),
    ]);
  });

  it("resolves intro and lettered items", () => {
    const c = getClause(lib, "us-far-52-222-50");
    const body = resolveBody(c, {}, lib);
    expect(body.intro?.[0]).toMatchObject({ type: "text" });
    expect(body.subclauses[0]?.items.length).toBe(7);
    expect(body.subclauses[0]?.items[0]).toContainEqual({
      type: "term",
      term: "severe-forms-of-trafficking",
      text: "Severe Forms of Trafficking in Persons",
    });
  });

  it("never reaches the prototype: an undeclared {{params.constructor}} is an error, not a function", () => {
    const c = withBody(grievance, { subclauses: [{ text: "x {{params.constructor}} {{params.__proto__}}" }] }, {});
    const e = errorOf(() => resolveBody(c, {}, lib));
    expect(e.code).toBe("template-error");
    expect(e.message).toContain("body.subclauses[0].text");
  });

  it("reports a missing parameter value in strict mode, naming the leaf", () => {
    const c = withBody(
      grievance,
      { intro: "Intro.", subclauses: [{ text: "ok" }, { text: "{{params.missing}}" }] },
      {},
    );
    const e = errorOf(() => resolveBody(c, {}, lib));
    expect(e.message).toContain('clause "general-grievance-mechanism" body.subclauses[1].text');
  });

  it("resolves every built-in clause with its defaults", () => {
    for (const c of lib.clauses) expect(() => resolveBody(c, {}, lib), c.id).not.toThrow();
  });
});

describe("templateUsage", () => {
  const base = getClause(lib, "general-wages");

  it("lists params, refs and terms from the syntax tree", () => {
    const c = withBody(base, {
      intro: 'Intro {{term "worker"}} {{! a comment }}',
      subclauses: [
        { text: "{{params.a}} and {{ params.b }}", items: ['{{ref "general-remediation"}} {{term "worker"}}'] },
      ],
    });
    expect(templateUsage(c)).toEqual({ params: ["a", "b"], refs: ["general-remediation"], terms: ["worker"] });
  });

  it("ignores text that merely looks like a tag when escaped", () => {
    const c = withBody(base, { subclauses: [{ text: "Literal \\{{params.x}} stays text" }] });
    expect(templateUsage(c).params).toEqual([]);
  });

  it.each([
    ["{{#each params.list}}x{{/each}}", "uses a block"],
    ["{{> other}}", "uses a partial"],
    ["{{lookup params 'x'}}", 'calls an unknown helper "lookup"'],
    ["{{params}}", 'uses "params"'],
    ["{{this.params.x}}", 'uses "this.params.x"'],
    ["{{params.x.y}}", 'uses "params.x.y"'],
    ["{{@root.params.x}}", "uses"],
    ["{{../params.x}}", "uses"],
    ['{{ref "A_B"}}', "not a kebab-case id"],
    ["{{ref params.x}}", "without exactly one quoted id"],
    ['{{term "a" "b"}}', "without exactly one quoted id"],
    ["{{{params.x}}}", "triple-stash"],
    ["{{params.x", "is not a valid template"],
  ])("rejects %s", (text, expected) => {
    const c = withBody(base, { subclauses: [{ text }] });
    const e = errorOf(() => templateUsage(c));
    expect(e.code).toBe("template-error");
    expect(e.message).toContain('clause "general-wages" body.subclauses[0].text');
    expect(e.message).toContain(expected);
  });
});

describe("fillText and compileText (plain value templates)", () => {
  it("fills {{name}} placeholders with literal values, strictly", () => {
    expect(fillText("t", "Hello {{who}}, {{n}} times.", { who: "<b>{{x}}</b>", n: 3 })).toBe(
      "Hello <b>{{x}}</b>, 3 times.",
    );
    expect(fillText("t", "No placeholder \\{{kept}}", {})).toBe("No placeholder {{kept}}");
    const e = errorOf(() => fillText("rule x why", "Because {{because}}.", {}));
    expect(e.code).toBe("template-error");
    expect(e.message).toBe('Template error in rule x why: needs a value for "because"');
  });

  it("never reaches the prototype", () => {
    expect(errorOf(() => fillText("t", "{{constructor}}", {})).message).toContain('needs a value for "constructor"');
    expect(errorOf(() => fillText("t", "{{__proto__}}", {})).message).toContain("not a value name");
  });

  it.each([
    ["{{#each a}}x{{/each}}", "uses a block"],
    ["{{> other}}", "uses a partial"],
    ["{{lookup this 'x'}}", 'calls an unknown helper "lookup"'],
    ["{{a.b}}", 'uses "a.b"'],
    ["{{@root.a}}", "uses"],
    ["{{this}}", "uses"],
    ['{{ref "x"}}', 'calls an unknown helper "ref"'],
    ["{{params.x}}", 'uses "params.x"'],
    ["{{{a}}}", "triple-stash"],
    ["{{a", "is not a valid template"],
  ])("rejects %s", (text, expected) => {
    const e = errorOf(() => compileText("partials.clause", text));
    expect(e.code).toBe("template-error");
    expect(e.message).toContain("Template error in partials.clause: ");
    expect(e.message).toContain(expected);
  });

  it("limits the names a compiled template may use", () => {
    expect(compileText("p", "{{a}}-{{b}}", ["a", "b"])({ a: 1, b: "x" })).toBe("1-x");
    expect(errorOf(() => compileText("p", "{{c}}", ["a", "b"])).message).toContain(
      'uses "{{c}}", which is not one of its values (a, b)',
    );
  });
});

describe("no code generation", () => {
  it("fills clause text without generating or evaluating code (runs under a CSP without unsafe-eval)", () => {
    const c = withBody(getClause(lib, "general-grievance-mechanism"), {
      subclauses: [{ text: `Unique ${Date.now()} text {{params.responseDays}} {{term "agent"}}.` }],
    });
    const RealFunction = globalThis.Function;
    const forbidden = new Proxy(RealFunction, {
      construct() {
        throw new Error("code generation attempted");
      },
      apply() {
        throw new Error("code generation attempted");
      },
    });
    globalThis.Function = forbidden;
    try {
      const body = resolveBody(c, { responseDays: 7 }, lib);
      expect(body.subclauses[0]?.text[0]).toEqual({ type: "text", value: expect.stringContaining("text 7 ") });
    } finally {
      globalThis.Function = RealFunction;
    }
  });
});
