/**
 * Form errors in plain language, in the style of the GOV.UK Design System ("Enter the buyer's name"):
 * what to do, in the words of the form, without field paths. The validator's own message (with the
 * path, as the CLI prints it) stays available behind a "Details" toggle.
 */

import { formatPath, type Issue } from "@fairtender/core";

/** The field an issue is about, as a dotted path without list indexes: `procurement.countries`. */
function fieldOf(path: Issue["path"]): string {
  return path.filter((k) => typeof k === "string").join(".");
}

function quoted(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const short = text === undefined ? "" : text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return `“${short}”`;
}

const MONEY: Record<string, string> = {
  "procurement.value": "the estimated total value",
  "procurement.outsideBuyerCountryValue": "the value outside the buyer's country",
  "supplier.annualTurnover": "the supplier's annual turnover",
};

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The validator's message without its leading path: `procurement.title: x` → `X`. */
function withoutPath(issue: Issue): string {
  const prefix = `${formatPath(issue.path)}: `;
  const rest = issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
  return capital(rest);
}

/**
 * What the user should do about `issue`, in plain words: "Enter the buyer's name", "Enter countries as
 * two-letter codes, like PH or MY: “XX” is not one". Falls back to the validator's message without
 * its path for problems the form has no words of its own for.
 */
export function plainMessage(issue: Issue): string {
  const field = fieldOf(issue.path);
  const { code } = issue;
  const empty = code === "missing" || (code === "too-small" && typeof issue.received === "string");
  switch (field) {
    case "buyer.name":
      return empty ? "Enter the buyer's name" : withoutPath(issue);
    case "buyer.jurisdiction":
      return empty ? "Choose the buyer's jurisdiction" : "Choose a jurisdiction from the list";
    case "buyer.kind":
      return "Choose a kind of buyer from the list, or leave it as not stated";
    case "procurement.title":
      return empty ? "Enter the title of the procurement" : withoutPath(issue);
    case "procurement.category":
      return "Choose whether the procurement is for goods, services or works";
    case "procurement.countries":
      return code === "unknown-country" || code === "invalid-format"
        ? `Enter countries as two-letter codes, like PH or MY: ${quoted(issue.received)} is not one`
        : "Enter the countries where the goods are made or the work is done, like PH, MY";
    case "procurement.sectors":
      return "Choose sectors from the list";
    case "procurement.startDate":
      return code === "missing"
        ? "Enter the contract start date"
        : "The contract start date must be a real date, like 2026-10-01";
    case "procurement.commencedOn":
      return "The date the procurement started must be a real date, like 2026-03-01";
    case "procurement.durationMonths":
      return "Enter the duration as a whole number of months, like 36";
    case "exchangeRates":
      return "Write each exchange rate on its own line as BASE/QUOTE = rate, like GBP/USD = 1.27";
    case "risk.basis":
      return "Give the basis of your own risk assessment";
    case "risk.level":
      return "Choose low, medium or high, or use the computed level";
  }
  for (const [prefix, name] of Object.entries(MONEY)) {
    if (field !== prefix && !field.startsWith(`${prefix}.`)) continue;
    if (field.endsWith(".currency")) return `Choose the currency of ${name}`;
    if (code === "missing") return `Enter ${name}`;
    if (code === "too-small") return `${capital(name)} must be 0 or more`;
    if (code === "invalid-type") return `Enter ${name} as a number, like 4,200,000`;
    return withoutPath(issue);
  }
  return withoutPath(issue);
}
