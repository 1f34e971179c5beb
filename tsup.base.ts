import { defineConfig, type Options } from "tsup";

/**
 * One build configuration for every published package: ESM only, with declarations,
 * for Node 20.19+ and evergreen browsers. Each package's tsup.config.ts is one line.
 *
 * No source maps: the libraries' `dist/` is unminified ES2022 with the names of the sources (and
 * the TypeScript sources ship in `src/`), so a map would only add megabytes to every install. The
 * CLI's minified bundle turns them back on, without `sourcesContent` (see its tsup.bin.config.ts).
 */
export function base(options: Pick<Options, "entry"> & Partial<Options>) {
  return defineConfig({
    format: ["esm"],
    dts: true,
    sourcemap: false,
    clean: true,
    target: "es2022",
    platform: "neutral",
    splitting: true,
    treeshake: true,
    ...options,
  });
}
