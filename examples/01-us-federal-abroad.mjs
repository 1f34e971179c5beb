// 01: A US federal services contract performed abroad.
//
// A US federal executive agency buys cleaning services for an embassy compound; USD 900,000 of the
// USD 1.2 million is performed outside the United States. Above the FAR threshold for work abroad,
// the supplier must have a compliance plan and certify it (FAR 52.222-50(h), 52.222-56): this example
// shows those clauses being selected, with the reason and the profile values each rule read, and
// writes the tender pack as Word and Markdown.
//
// Run: node examples/01-us-federal-abroad.mjs   (after `npm run build`)
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { parseProfile, select } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import { toMarkdown } from "@fairtender/renderer/markdown";
import { parse } from "yaml";

// Profiles are YAML or JSON; parseProfile validates and applies defaults.
const yaml = await readFile(new URL("./profiles/us-embassy-cleaning.yaml", import.meta.url), "utf8");
const profile = parseProfile(parse(yaml));

// select() is pure and deterministic: the same profile always gives the same selection.
const selection = select(profile);

console.log("Regimes:", selection.regimes.map((r) => r.id).join(", "));
console.log(`Risk: ${selection.risk.level}`);
console.log("");

// The clauses this example is about: the compliance plan and the certifications.
for (const id of ["us-far-52-222-50", "us-far-compliance-plan", "us-far-52-222-56", "us-far-annual-certification"]) {
  const clause = selection.clauses.find((c) => c.id === id);
  if (!clause) {
    const excluded = selection.excluded.find((c) => c.id === id);
    console.log(`${id}: not selected${excluded ? `: ${excluded.reasons[0].text}` : ""}`);
    continue;
  }
  console.log(`${clause.strength.toUpperCase()} ${clause.title} [${clause.sources.map((s) => s.citation).join("; ")}]`);
  for (const reason of clause.reasons) {
    console.log(`  why: ${reason.text}`);
    // `inputs` are the profile values the rule read: the audit trail of the decision.
    for (const [field, value] of Object.entries(reason.inputs))
      console.log(`       ${field} = ${JSON.stringify(value)}`);
  }
}

// The pack: build once, render to each format. toDocx resolves to the bytes of a .docx file.
const pack = buildTenderPack(selection, { issueDate: "2026-06-01" });
const out = new URL("./out/", import.meta.url);
await mkdir(out, { recursive: true });
await writeFile(new URL("01-us-federal-abroad.docx", out), await toDocx(pack));
await writeFile(new URL("01-us-federal-abroad.md", out), toMarkdown(pack));
console.log("\nWrote examples/out/01-us-federal-abroad.docx and .md");
