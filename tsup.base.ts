import { defineConfig, type Options } from "tsup";

/**
 * One build configuration for every published package: ESM only, with declarations,
 * for Node 20.19+ and evergreen browsers. Each package's tsup.config.ts is one line.
 */
export function base(options: Pick<Options, "entry"> & Partial<Options>) {
  return defineConfig({
    format: ["esm"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    splitting: true,
    treeshake: true,
    ...options,
  });
}
