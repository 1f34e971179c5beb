/**
 * Compiles packages/core/library/ into src/library/builtin.generated.ts.
 * Run from packages/core: `npx tsx scripts/compile-library.ts` (or `npm run library`).
 * `--check` compares instead of writing, and fails when the committed file is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compileLibrary, LibraryCompileError, renderModule } from "./library-compiler.js";
import { readLibraryFiles } from "./read-library.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const target = join(root, "src/library/builtin.generated.ts");

try {
  const { library } = compileLibrary(readLibraryFiles(root));
  const text = renderModule(library);
  if (process.argv.includes("--check")) {
    const current = readFileSync(target, "utf8");
    if (current !== text) {
      console.error("src/library/builtin.generated.ts is stale: run `npm run library` in packages/core.");
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
  }
  console.log(
    `Compiled ${library.clauses.length} clauses, ${library.definitions.length} definitions (library ${library.version}).`,
  );
} catch (error) {
  if (error instanceof LibraryCompileError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
