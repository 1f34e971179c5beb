/** The "What applies" pane: risk, regimes, warnings, selected clauses and what was left out, with reasons. */

import {
  formatPath,
  type Issue,
  type Reason,
  type SelectedClause,
  type Selection,
  strengthCounts,
  strengthMeaning,
  strengthName,
} from "@fairtender/core";
import { h } from "./dom.js";
import type { LintFinding } from "./engine.js";
import { plainMessage } from "./messages.js";

const LEVEL: Record<string, string> = { low: "Low", medium: "Medium", high: "High" };

/** The first words of a factor, up to its first colon or bracket: "High-risk sector", "Work abroad". */
function shortFactor(description: string): string {
  const cut = description.split(/[:(]/)[0]?.trim() ?? description;
  return cut.length > 48 ? `${cut.slice(0, 45).trimEnd()}…` : cut;
}

/**
 * A reason in the tender's words: the parenthesised field paths the engine cites
 * ("(procurement.labour.migrantWorkers = true)") are taken out of the sentence; they stay available
 * behind "Details", with what the rule read.
 */
export function reasonWords(text: string): string {
  return text.replace(/\s\([a-z]\w*(?:\.\w+|\[\d+\])+ = [^()]*\)/g, "");
}

function reasonList(reasons: readonly Reason[]): HTMLUListElement {
  return h(
    "ul",
    { class: "reasons" },
    reasons.map((r) => {
      const read = Object.entries(r.inputs);
      return h(
        "li",
        { "data-rule": r.rule },
        reasonWords(r.text),
        read.length > 0 &&
          h(
            "details",
            { class: "error-details reason-details" },
            h("summary", {}, "Details"),
            h(
              "p",
              {},
              read
                .map(([path, value]) => `${path} = ${Array.isArray(value) ? value.join(", ") : String(value)}`)
                .join("; "),
            ),
          ),
      );
    }),
  );
}

function showValue(value: SelectedClause["parameters"][string]["value"]): string {
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/** The clause's parameters that this procurement sets away from the library default, with why. */
function parameterList(clause: SelectedClause): HTMLUListElement | false {
  const changed = Object.entries(clause.parameters).filter(
    ([, p]) => JSON.stringify(p.value) !== JSON.stringify(p.default),
  );
  if (changed.length === 0) return false;
  return h(
    "ul",
    { class: "parameters" },
    changed.map(([name, p]) =>
      h(
        "li",
        { "data-parameter": name },
        h("span", { class: "parameter-name" }, name),
        // The engine's reason already names the value and the default ("24 hours instead of 72 because…").
        p.reason ? ` ${p.reason}` : ` ${showValue(p.value)} (default ${showValue(p.default)})`,
      ),
    ),
  );
}

/** Shows what the profile still needs, each problem a button that takes the user to its field. */
export function renderIncomplete(
  target: HTMLElement,
  issues: readonly Issue[],
  focusPath: (path: Issue["path"]) => void,
): void {
  const items = issues.map((issue) => {
    const button = h(
      "button",
      { type: "button", class: "link-button issue-link", "data-path": formatPath(issue.path), "data-code": issue.code },
      plainMessage(issue),
    );
    button.addEventListener("click", () => focusPath(issue.path));
    return h("li", {}, button);
  });
  const list = h("ul", { class: "issue-list" }, items);
  const count = issues.length === 1 ? "1 answer is" : `${issues.length} answers are`;
  target.replaceChildren(
    h(
      "div",
      { class: "empty-state" },
      h("p", { class: "empty-title" }, "The clauses appear here once the profile is complete."),
      h("p", {}, `${count} still missing or need a change:`),
      list,
    ),
  );
}

/** Shows an unexpected failure of the selection, in words, without losing the form. */
export function renderFailure(target: HTMLElement, message: string): void {
  target.replaceChildren(
    h(
      "div",
      { class: "empty-state failure", role: "alert" },
      h("p", { class: "empty-title" }, "The clauses could not be selected for this profile."),
      h("p", {}, message),
    ),
  );
}

/** Shows the selection: risk and its factors, regimes, warnings, the clauses and what was left out. */
export function renderSelection(
  target: HTMLElement,
  selection: Selection,
  findings: readonly LintFinding[] = [],
): void {
  const { risk } = selection;
  const level = LEVEL[risk.level] ?? risk.level;
  const factorsOpen = target.querySelector<HTMLDetailsElement>("#risk-factors")?.open ?? false;
  const factorCount = `${risk.factors.length} factor${risk.factors.length === 1 ? "" : "s"}`;
  const riskCard = h(
    "section",
    { class: `card risk risk-${risk.level}`, "aria-labelledby": "risk-heading", "data-risk": risk.level },
    h(
      "div",
      { class: "risk-head" },
      h("h3", { id: "risk-heading" }, "Risk of forced labour"),
      h("span", { class: "risk-level", id: "risk-level" }, level),
    ),
    risk.overridden &&
      h(
        "p",
        { class: "risk-basis" },
        `The buyer's own assessment: ${risk.basis}. The factors alone give ${LEVEL[risk.computedLevel] ?? risk.computedLevel}.`,
      ),
    risk.factors.length === 0
      ? h("p", { class: "risk-basis" }, "No risk factor found in the profile.")
      : h(
          "details",
          { class: "factor-details", id: "risk-factors", open: factorsOpen },
          h(
            "summary",
            {},
            h("span", { class: "factor-summary" }, risk.factors.map((f) => shortFactor(f.description)).join(" · ")),
            h("span", { class: "factor-toggle" }, `${factorCount} and their sources`),
          ),
          h(
            "ul",
            { class: "factors" },
            risk.factors.map((f) =>
              h("li", { "data-factor": f.id }, h("span", {}, f.description), h("span", { class: "source" }, f.source)),
            ),
          ),
        ),
  );

  const regimes =
    selection.regimes.length > 0 &&
    h(
      "p",
      { class: "regimes" },
      h("span", { class: "label" }, "Regimes"),
      selection.regimes.map((r) => h("span", { class: "tag", title: r.reasons.join(" ") }, r.name)),
    );

  const warningsOpen = target.querySelector<HTMLDetailsElement>("#warnings")?.open ?? false;
  const gaps = findings.filter((f) => f.severity === "error").length;
  const points = selection.warnings.length + findings.length;
  const warnings =
    points > 0 &&
    h(
      "details",
      { class: `card warnings${gaps > 0 ? " has-gaps" : ""}`, id: "warnings", open: warningsOpen },
      h(
        "summary",
        {},
        `${points} ${points === 1 ? "point" : "points"} to check before issuing`,
        gaps > 0 && h("span", { class: "gap-count" }, ` (${gaps} ${gaps === 1 ? "gap" : "gaps"} in the clause set)`),
      ),
      h(
        "ul",
        {},
        findings.map((f) =>
          h(
            "li",
            { "data-lint": f.code, class: `finding-${f.severity}` },
            f.severity === "error" ? "Gap: " : "",
            f.message,
          ),
        ),
        selection.warnings.map((w) => h("li", { "data-code": w.code }, w.message)),
      ),
    );

  const meta = h(
    "p",
    { class: "selection-meta" },
    `Rules and thresholds as of ${selection.asOf} · clause library ${selection.libraryVersion}`,
  );

  const byStrength = strengthCounts(selection.clauses);

  const clauses = h(
    "section",
    { class: "clauses", "aria-labelledby": "clauses-heading" },
    h(
      "h3",
      { id: "clauses-heading" },
      "Selected clauses ",
      h("span", { class: "count", id: "clause-count" }, selection.clauses.length),
    ),
    byStrength && h("p", { class: "strength-summary" }, byStrength),
    h(
      "ol",
      { class: "clause-list", id: "selected-clauses" },
      selection.clauses.map((c) => {
        return h(
          "li",
          { class: "clause", "data-clause-id": c.id, "data-strength": c.strength },
          h(
            "div",
            { class: "clause-head" },
            h("span", { class: "clause-title" }, c.title),
            h(
              "span",
              { class: `strength strength-${c.strength}`, title: strengthMeaning(c.strength) },
              strengthName(c.strength),
            ),
          ),
          reasonList(c.reasons),
          parameterList(c),
          h("code", { class: "clause-id" }, c.id),
        );
      }),
    ),
  );

  const excluded = h(
    "details",
    { class: "excluded", id: "excluded" },
    h(
      "summary",
      { class: "excluded-summary" },
      h("h3", {}, "Left out, and why ", h("span", { class: "count", id: "excluded-count" }, selection.excluded.length)),
    ),
    h(
      "ul",
      { class: "clause-list", id: "excluded-clauses" },
      selection.excluded.map((c) =>
        h(
          "li",
          { class: "clause", "data-clause-id": c.id },
          h("div", { class: "clause-head" }, h("span", { class: "clause-title" }, c.title)),
          reasonList(c.reasons),
          h("code", { class: "clause-id" }, c.id),
        ),
      ),
    ),
  );

  const open = target.querySelector<HTMLDetailsElement>("#excluded")?.open ?? false;
  excluded.open = open;
  target.replaceChildren(riskCard, regimes || "", warnings || "", clauses, excluded, meta);
}
