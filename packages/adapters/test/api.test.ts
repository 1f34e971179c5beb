import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** Every export of the package's one entry point has TSDoc, and the entry point is the only barrel. */
describe("public API", () => {
  const entry = fileURLToPath(new URL("../src/index.ts", import.meta.url));
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    customConditions: ["@fairtender/source"],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry) as ts.SourceFile;
  const symbol = checker.getSymbolAtLocation(source) as ts.Symbol;
  const exports = checker.getExportsOfModule(symbol);

  it("exports the readers, the writers, the report types and the data tables", () => {
    const names = exports.map((e) => e.getName());
    for (const n of [
      "fromOcds",
      "fromEforms",
      "toOcds",
      "toEforms",
      "classify",
      "ImportReport",
      "CLASSIFICATION_TABLE",
      "EFORMS_FIELDS",
    ]) {
      expect(names).toContain(n);
    }
  });

  it.each(exports.map((e) => e.getName()))("%s has TSDoc", (name) => {
    const exported = exports.find((e) => e.getName() === name) as ts.Symbol;
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const docs = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
    expect(docs.length, `${name} needs a TSDoc comment`).toBeGreaterThan(10);
  });
});
