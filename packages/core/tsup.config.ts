import { base } from "../../tsup.base";

// `src/text/index.ts` is `@fairtender/core/text` (profiles read from YAML or JSON text): the only entry
// that imports yaml, so the main entry stays free of it.
export default base({ entry: ["src/index.ts", "src/text/index.ts"] });
