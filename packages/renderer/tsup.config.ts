import { base } from "../../tsup.base";

export default base({ entry: ["src/index.ts", "src/markdown/index.ts", "src/html/index.ts", "src/docx/index.ts"] });
