// 04: Add your organisation's own clause to the library, and override a built-in one.
//
// Legal teams keep house clauses next to the built-in ones. A clause is plain data (the same shape as
// the library's Markdown files compile to); createLibrary() validates it exactly like the built-in
// library (ids, sources, template variables, cross-references) and merges it. An own clause carries
// its own selection rule (`selection`, see RuleSchema) saying when it applies: rules are library data
// too, checked like the built-in ones, and each decision quotes the rule. With { override: true } a
// clause with a built-in id replaces the built-in one.
//
// Run: node examples/04-own-clause.mjs   (after `npm run build`)
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { builtinLibrary, createLibrary, getClause, parseProfile, safeCreateLibrary, select } from "@fairtender/core";
import { buildTenderPack } from "@fairtender/renderer";
import { toDocx } from "@fairtender/renderer/docx";
import { toMarkdown } from "@fairtender/renderer/markdown";
import { parse } from "yaml";

// The source every house clause cites: the organisation's own policy (a source can be any instrument).
const policy = {
  citation: "Example Dept. Procurement Policy 4.2",
  instrument: "Department of Example Responsible Procurement Policy",
  provision: "section 4.2",
  edition: "2026",
  checked: "2026-05-01",
  confidence: "confirmed",
};

// 1. A new clause: a living wage for low-skilled service workers, with one parameter, one obligation and
//    its selection rule: select it, as a binding policy, when the work is largely low-skilled. The
//    condition is the library's named condition "low-skilled-work" (library/conditions.yaml); an
//    inline { kind: "flag", path: "procurement.labour.lowSkilled", yes, no } works too. Reason
//    templates place {{because}} (the facts that decided), {{strength}} and {{regime}}.
const livingWage = {
  id: "example-living-wage",
  version: "1.0.0",
  title: "Living wage for service workers",
  topic: "wages",
  kind: "clause",
  regimes: ["us-far"],
  body: {
    subclauses: [
      {
        text: "The Supplier shall pay every worker performing the services at least the living wage for the place of performance, as published by the Buyer, and shall review pay every {{params.reviewMonths}} months.",
      },
      { text: "The Supplier shall give the Buyer, on request, payroll records that show compliance with this clause." },
    ],
  },
  parameters: {
    reviewMonths: { type: "integer", description: "How often pay is reviewed", unit: "months", default: 12, min: 1 },
  },
  sources: [policy],
  draftingNote: "House clause. Publish the living-wage rates for each place of performance with the tender.",
  obligations: [
    {
      id: "example-living-wage-pay",
      topic: "wages",
      party: "supplier",
      action:
        "Pay every worker on the contract at least the published living wage, and review pay at the set interval.",
      timing: { kind: "recurring", everyMonths: 12 },
      evidence: ["Payroll records", "Pay review minutes"],
      flowsDown: { required: true, tiers: 1 },
      sources: [policy],
    },
  ],
  selection: {
    id: "example-living-wage",
    label: "the living wage clause",
    when: [{ if: { kind: "ref", id: "low-skilled-work" }, strength: "policy" }],
    why: "Policy 4.2 of the Department requires a living wage in low-skilled service contracts: {{because}}.",
    whyNot: "Living wage clause not included: {{because}}.",
    sources: [policy],
  },
};

// 2. An override: the built-in grievance clause with one more sub-clause (and a minor version bump).
const builtin = getClause(builtinLibrary(), "general-grievance-mechanism");
const grievance = structuredClone(builtin);
grievance.version = "1.1.0";
grievance.body.subclauses.push({
  text: "The Supplier shall display the contact details of the grievance mechanism at every site where the services are performed.",
});
grievance.sources.push(policy);

// 3. Merge. Validation errors (a bad id, a missing source, an unknown template variable, a rule's bad
//    condition) list every problem.
const library = createLibrary(builtinLibrary(), { clauses: [livingWage, grievance] }, { override: true });

// 4. A mistyped condition is caught when the library is made, not when a tender is selected: the
//    error (code "invalid-rule") names the clause, the path and the values expected.
const typo = structuredClone(livingWage);
typo.selection.when = [
  {
    if: { kind: "flag", path: "procurement.labour.lowskilled", yes: "low-skilled", no: "skilled" },
    strength: "policy",
  },
];
const bad = safeCreateLibrary(builtinLibrary(), { clauses: [typo] });
if (!bad.success) console.log(`A rule with a typo is refused (${bad.error.code}):\n${bad.error.message}\n`);

const profile = parseProfile(
  parse(await readFile(new URL("./profiles/us-embassy-cleaning.yaml", import.meta.url), "utf8")),
);
const selection = select(profile, { library });

const own = selection.clauses.find((c) => c.id === "example-living-wage");
console.log(`${own.strength}: ${own.title} (version ${own.version})`);
console.log(`  why: ${own.reasons[0].text}`);
const overridden = selection.clauses.find((c) => c.id === "general-grievance-mechanism");
console.log(`${overridden.strength}: ${overridden.title} (version ${overridden.version}, built-in ${builtin.version})`);
console.log(`  sub-clauses: ${overridden.body.subclauses.length} (built-in: ${builtin.body.subclauses.length})`);

const pack = buildTenderPack(selection, { issueDate: "2026-06-01" });
const out = new URL("./out/", import.meta.url);
await mkdir(out, { recursive: true });
await writeFile(new URL("04-own-clause.md", out), toMarkdown(pack));
await writeFile(new URL("04-own-clause.docx", out), await toDocx(pack));
console.log("\nWrote examples/out/04-own-clause.md and .docx");
