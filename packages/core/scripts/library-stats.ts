/**
 * Prints the built-in library's clause counts per regime and per topic.
 * Run from packages/core: `npx tsx scripts/library-stats.ts`.
 */
import { builtinLibrary } from "../src/library/builtin.js";
import { TOPICS } from "../src/model/topics.js";

const lib = builtinLibrary();
const count = (pred: (c: (typeof lib.clauses)[number]) => boolean) => lib.clauses.filter(pred).length;
console.log(
  `Library ${lib.version}: ${lib.clauses.length} clauses (${count((c) => c.kind === "provision")} provisions), ${lib.clauses.reduce((n, c) => n + c.obligations.length, 0)} obligations, ${lib.definitions.length} definitions, ${lib.sectors.length} sectors, ${lib.parameters.length} dated parameters`,
);
console.log("\nPer regime (a cross-regime clause counts in each regime it serves):");
for (const { id } of lib.regimes)
  console.log(`  ${id.padEnd(22)} ${String(count((c) => c.regimes.includes(id))).padStart(3)}`);
console.log("\nPer topic:");
for (const t of TOPICS) console.log(`  ${t.id.padEnd(22)} ${String(count((c) => c.topic === t.id)).padStart(3)}`);
