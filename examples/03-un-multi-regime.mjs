// 03: A UN agency buying across regimes: the harmonised obligation schedule and the crosswalk.
//
// Several regimes often ask for the same thing in different words (report incidents, pay no
// recruitment fees, keep a grievance mechanism). Fairtender merges them into one obligation per topic
// and keeps every citation it satisfies, so the supplier sees one duty and the buyer sees that no
// regime was lost. This example prints the schedule, then a crosswalk (topic x regime -> citations),
// and writes the obligations calendar as CSV and iCalendar and the pack as Markdown.
//
// Run: node examples/03-un-multi-regime.mjs   (after `npm run build`)
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { calendarToCsv, calendarToICalendar, obligationCalendar, parseProfile, select } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import { toMarkdown } from "@fairtender/renderer/markdown";
import { parse } from "yaml";

const profile = parseProfile(
  parse(await readFile(new URL("./profiles/un-multi-regime.yaml", import.meta.url), "utf8")),
);
const selection = select(profile);
const regimes = selection.regimes.map((r) => r.id);
console.log(`Regimes: ${regimes.join(", ")}\n`);

// The harmonised schedule: one row per obligation, with every regime and citation it meets.
console.log("Harmonised obligation schedule");
for (const o of selection.obligations) {
  console.log(`- [${o.party}] ${o.action}`);
  console.log(`    when: ${o.timingText}`);
  console.log(`    meets: ${o.satisfies.map((s) => `${s.regime}: ${s.citation}`).join("; ")}`);
}

// The crosswalk: for each topic, which citation of each regime the schedule satisfies.
const crosswalk = new Map();
for (const o of selection.obligations) {
  const row = crosswalk.get(o.topic) ?? new Map();
  for (const s of o.satisfies) row.set(s.regime, [...new Set([...(row.get(s.regime) ?? []), s.citation])]);
  crosswalk.set(o.topic, row);
}
console.log("\nCrosswalk (topic → regime → citations)");
const width = Math.max(...[...crosswalk.keys()].map((t) => t.length));
for (const [topic, row] of crosswalk) {
  const cells = regimes.map((r) => `${r}: ${row.has(r) ? row.get(r).join(", ") : "—"}`);
  console.log(`${topic.padEnd(width)}  ${cells.join(" | ")}`);
}

// The calendar of dated supplier obligations, for spreadsheets and calendar apps.
const entries = obligationCalendar(selection);
const out = new URL("./out/", import.meta.url);
await mkdir(out, { recursive: true });
await writeFile(new URL("03-un-multi-regime.csv", out), calendarToCsv(entries));
await writeFile(new URL("03-un-multi-regime.ics", out), calendarToICalendar(entries));
await writeFile(new URL("03-un-multi-regime.md", out), toMarkdown(buildTenderPack(selection)));
console.log(`\nWrote examples/out/03-un-multi-regime.{csv,ics,md} (${entries.length} calendar entries)`);
