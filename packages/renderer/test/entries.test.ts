import { build } from "esbuild";
import { describe, expect, it } from "vitest";

async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: `export * from "${entry}";`, resolveDir: new URL("..", import.meta.url).pathname, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["@fairtender/source"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs);
}

describe("entries", () => {
  it("the root, Markdown and HTML entries never load docx (and build for the browser)", async () => {
    for (const entry of ["@fairtender/renderer", "@fairtender/renderer/markdown", "@fairtender/renderer/html"]) {
      const inputs = await inputsOf(entry);
      expect(
        inputs.some((i) => i.includes("node_modules/docx/")),
        entry,
      ).toBe(false);
      expect(
        inputs.some((i) => i.includes("node_modules/fflate/")),
        entry,
      ).toBe(false);
    }
  });

  it("the docx entry builds for the browser", async () => {
    const inputs = await inputsOf("@fairtender/renderer/docx");
    expect(inputs.some((i) => i.includes("node_modules/docx/"))).toBe(true);
  });
});
