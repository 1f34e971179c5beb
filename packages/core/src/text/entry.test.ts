import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/** The node_modules packages a bundle of `entry` pulls in. */
async function packagesOf(entry: string): Promise<Set<string>> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "browser",
    conditions: ["@fairtender/source"],
    logLevel: "silent",
  });
  const names = new Set<string>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m?.[1]) names.add(m[1]);
  }
  return names;
}

describe("entries", () => {
  it("@fairtender/core never loads yaml; @fairtender/core/text does", async () => {
    const main = await packagesOf("../index.ts");
    expect(main.has("zod")).toBe(true);
    expect(main.has("yaml")).toBe(false);
    const text = await packagesOf("./index.ts");
    expect(text.has("yaml")).toBe(true);
  }, 60_000);
});
