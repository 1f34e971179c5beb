import { base } from "../../tsup.base";

// Two builds, run one after the other by `npm run build` (so neither cleans away the other's files):
//
// 1. This one: the library entry (`main`, for tests and embedding) with its declarations. Its
//    dependencies (@fairtender/core, @fairtender/renderer, yaml) stay imports, so a program that
//    imports both this package and @fairtender/core shares one copy of core.
// 2. tsup.bin.config.ts: the `fairtender` executable, bundled with its dependencies.
export default base({
  entry: { index: "src/index.ts" },
  platform: "node",
  target: "node20",
});
