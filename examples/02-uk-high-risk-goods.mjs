// 02: A UK central-government tender for high-risk goods.
//
// A central-government department buys medical gloves and solar panels made in Malaysia and China.
// The tender starts after 24 February 2025, so it runs under the Procurement Act 2023 and PPN 009.
// The risk is high, so the supply-chain declarations (suppliers list their supply chain and answer the
// modern-slavery questions at selection stage) and the Modern Slavery Assessment Tool are selected.
// The example prints the risk factors, the instruments in force and the supply-chain clauses, and
// writes the guidance edition (notes for the buyer's team) as Word and HTML.
//
// Run: node examples/02-uk-high-risk-goods.mjs   (after `npm run build`)
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { parseProfile, select } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import { toHtml } from "@fairtender/renderer/html";
import { parse } from "yaml";

const profile = parseProfile(
  parse(await readFile(new URL("./profiles/uk-high-risk-goods.yaml", import.meta.url), "utf8")),
);
const selection = select(profile);

// Why the risk is what it is: each factor has a weight and the data source it rests on.
console.log(`Risk: ${selection.risk.level} (score ${selection.risk.score})`);
for (const f of selection.risk.factors) console.log(`  +${f.weight} ${f.description} [${f.source}]`);

// Which UK instruments apply on the tender's dates (PPN 009 from 2025-02-24, PPN 02/23 before).
const gb = selection.regimes.find((r) => r.id === "gb");
console.log(`\n${gb.name}: ${gb.instruments.map((s) => s.citation).join("; ")}`);

// The supply-chain declarations and the other clauses on supply-chain transparency and audit.
console.log("");
for (const clause of selection.clauses.filter((c) =>
  ["supply-chain-mapping", "certification", "audit"].includes(c.topic),
)) {
  console.log(`${clause.strength.padEnd(11)} ${clause.id}: ${clause.title}`);
  console.log(`            ${clause.reasons[0].text}`);
}

// The guidance edition adds drafting notes, the reason for each clause and what was left out.
const pack = buildTenderPack(selection, { edition: "guidance", issueDate: "2026-01-15" });
const out = new URL("./out/", import.meta.url);
await mkdir(out, { recursive: true });
await writeFile(new URL("02-uk-high-risk-goods.docx", out), await toDocx(pack));
await writeFile(new URL("02-uk-high-risk-goods.html", out), toHtml(pack));
console.log("\nWrote examples/out/02-uk-high-risk-goods.docx and .html (guidance edition)");
