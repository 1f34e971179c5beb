import { base } from "../../tsup.base";

export default base({ entry: ["src/index.ts"], platform: "node", target: "node20" });
