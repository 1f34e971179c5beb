// build/fast-xml.ts must write exactly what the `xml` package (the copy inside docx) writes, for
// every tree docx can hand it: checked against the real package on generated trees.
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastXml, type XmlOptions } from "../build/fast-xml.js";

const xml = createRequire(import.meta.url)("xml") as (input: unknown, options?: unknown) => string;

const name = fc.constantFrom("w:p", "w:r", "w:t", "w:tbl", "w:tc", "a", "x:y-z", "w:b");
// Text and attribute values, including every character the writer must escape.
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", "a & b", `"quoted"`, "it's", "<tag>", "]]>", "x > y < z", "🙂 ‏RTL‏"),
);
const scalar = fc.oneof(text, fc.integer({ min: -5, max: 99_999 }), fc.boolean());
const attrs = fc.dictionary(fc.constantFrom("w:val", "w:w", "w:type", "xml:space", "r:id"), scalar, {
  maxKeys: 3,
});

/** The shapes docx's formatter produces: `{ name: [ {_attr}, ...children | text ] }` and kin. */
const tree = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    // scalar content: text, number, boolean, undefined
    fc.record({ n: name, v: fc.oneof(scalar, fc.constant(undefined)) }).map(({ n, v }) => ({ [n]: v })),
    // attribute-only object, maybe with CDATA
    fc
      .record({ n: name, a: attrs, c: fc.option(text, { nil: undefined }) })
      .map(({ n, a, c }) => ({ [n]: { _attr: a, ...(c !== undefined ? { _cdata: c } : {}) } })),
    // null and empty object
    fc.record({ n: name, e: fc.constantFrom(null, {}) }).map(({ n, e }) => ({ [n]: e })),
    // array content: attributes first or in the middle, children, and text items
    fc
      .record({
        n: name,
        items: fc.array(
          fc.oneof(
            { weight: 4, arbitrary: tie("node") },
            { weight: 1, arbitrary: attrs.map((a) => ({ _attr: a })) },
            { weight: 1, arbitrary: scalar },
          ),
          { maxLength: 5 },
        ),
      })
      .map(({ n, items }) => ({ [n]: items })),
  ),
})).node;

const options = fc.oneof(
  fc.constant<XmlOptions>({}),
  fc.constant<XmlOptions>({ declaration: { standalone: "yes", encoding: "UTF-8" } }),
  fc.constant<XmlOptions>({ declaration: { encoding: "UTF-8" } }),
  fc.constant<XmlOptions>({ indent: undefined, declaration: {} }),
);

describe("fastXml", () => {
  it("writes what the xml package writes, for any tree of the shapes docx produces", () => {
    fc.assert(
      fc.property(tree, options, (t, o) => {
        expect(fastXml(t, o)).toBe(xml(t, o));
      }),
      { numRuns: 2000 },
    );
  });

  it("writes what the xml package writes for a list of top-level items", () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 4 }), options, (items, o) => {
        expect(fastXml(items, o)).toBe(xml(items, o));
      }),
      { numRuns: 500 },
    );
  });

  it("covers the cases the generator might miss", () => {
    const cases: unknown[] = [
      { "w:p": [] },
      { "w:p": [{ _attr: { a: 1 } }] },
      { "w:t": [{ _attr: { "xml:space": "preserve" } }, "Fish & <chips>"] },
      { "w:p": [{ "w:r": [] }, "text replaces the run before it"] },
      { "w:p": ["a", "b"] },
      { "w:p": [undefined] },
      { "w:t": "" },
      { "w:t": undefined },
      { "w:t": null },
      { "w:t": 0 },
      { "w:b": {} },
      { "w:x": { _cdata: "a ]]> b" } },
      { "w:x": { _attr: { q: `'"&<>` } } },
    ];
    for (const c of cases) expect(fastXml(c), JSON.stringify(c)).toBe(xml(c));
  });

  it("refuses the xml.element() streaming form it does not implement, rather than write it wrongly", () => {
    expect(() => fastXml({ a: { _elem: {} } })).toThrow(/not supported/);
  });
});
