import { FairtenderError, type Issue, type IssueCode, type IssuePath } from "../errors.js";
import { WORDING_VALUES } from "../model/annex.js";
import type { Library } from "../model/clause.js";
import type { Condition } from "../model/rule.js";
import { WARNING_VALUES } from "../model/warning.js";
import { TEXT_GRAMMAR, type TemplateGrammar, templateParts, WORDING_GRAMMAR } from "../template/interpret.js";
import { issueAt, issueText } from "../validate/issues.js";
import { suggest } from "../validate/suggest.js";
import { conditionIssues, duplicates } from "./rules.js";

function didYouMean(value: string, candidates: readonly string[]): string {
  const hits = suggest(value, candidates);
  return hits.length ? ` (did you mean ${hits.map((h) => JSON.stringify(h)).join(" or ")}?)` : "";
}

/**
 * The self-checks of the annexes, the pack's wording and the warnings' wording: unique ids (annexes,
 * entries within an annex, wording, warnings); every piece of wording is a valid template that places
 * only the values the engine fills in, refers only to clauses and annexes of the library; every reason
 * template places only `{{because}}`; every clause, dated parameter, named condition and regime a
 * `when` names exists; a warning's sentences place only the values of its id (`WARNING_VALUES`), and
 * a library whose rules name an `smeBurden` words the `sme-proportionality` warning. Issue paths point
 * into the library (`["annexes", 1, "entries", 3, "text"]`).
 */
export function annexIssues(lib: Library): Issue[] {
  const out: Issue[] = [];
  const add = (code: IssueCode, path: IssuePath, message: string, received?: unknown, expected?: string) =>
    out.push(issueAt(code, path, message, { received, expected }));
  const clauseIds = lib.clauses.map((c) => c.id);
  const annexIds = lib.annexes.map((a) => a.id);
  /** What `{{ref "id"}}` and `{{annex "id"}}` may name. */
  const targets = {
    ref: { code: "unknown-clause", ids: clauseIds, what: "a clause in the library" },
    annex: { code: "unknown-annex", ids: annexIds, what: "an annex of the library" },
  } as const;

  const checkTemplate = (
    path: IssuePath,
    who: string,
    text: string,
    grammar: TemplateGrammar,
    values: readonly string[],
  ): void => {
    let parts: ReturnType<typeof templateParts>;
    try {
      parts = templateParts({ label: who, path }, text, grammar);
    } catch (error) {
      const issue = error instanceof FairtenderError ? error.issues[0] : undefined;
      add("invalid-template", path, `${who} ${issue ? issueText(issue) : String(error)}`);
      return;
    }
    const expected = values.map((v) => `{{${v}}}`).join(", ");
    for (const part of parts) {
      if (part.type === "value" && !values.includes(part.name)) {
        add(
          grammar === TEXT_GRAMMAR ? "unknown-variable" : "unknown-wording-value",
          path,
          `${who} places {{${part.name}}}, which the engine does not fill in (expected ${expected})${didYouMean(part.name, values)}`,
          part.name,
          expected,
        );
      } else if ((part.type === "ref" || part.type === "annex") && !targets[part.type].ids.includes(part.id)) {
        const t = targets[part.type];
        add(
          t.code,
          path,
          `${who} refers to {{${part.type} "${part.id}"}}, which is not ${t.what}${didYouMean(part.id, t.ids)}`,
          part.id,
        );
      }
    }
  };
  const checkWording = (path: IssuePath, who: string, text: string) =>
    checkTemplate(path, who, text, WORDING_GRAMMAR, WORDING_VALUES);
  const checkWhy = (path: IssuePath, who: string, text: string | undefined) => {
    if (text !== undefined) checkTemplate(path, who, text, TEXT_GRAMMAR, ["because"]);
  };
  const checkWhen = (path: IssuePath, who: string, when: Condition | undefined) => {
    if (when !== undefined) out.push(...conditionIssues(when, path, who, lib));
  };

  for (const [id, at] of duplicates(annexIds)) {
    add("duplicate-id", ["annexes", at, "id"], `annex id "${id}" is used more than once; ids must be unique`, id);
  }
  lib.annexes.forEach((annex, ai) => {
    const at: IssuePath = ["annexes", ai];
    const who = `annex "${annex.id}"`;
    checkWhy([...at, "why"], who, annex.why);
    checkWhen([...at, "when"], who, annex.when);
    for (const [name, text] of Object.entries(annex.text)) checkWording([...at, "text", name], who, text);
    const entries = "entries" in annex ? annex.entries : [];
    for (const [id, ei] of duplicates(entries.map((e) => e.id))) {
      add(
        "duplicate-id",
        [...at, "entries", ei, "id"],
        `${who} has the entry id "${id}" more than once; ids must be unique`,
        id,
      );
    }
    entries.forEach((entry, ei) => {
      const path: IssuePath = [...at, "entries", ei];
      const whoEntry = `${who} entry "${entry.id}"`;
      checkWhy([...path, "why"], whoEntry, entry.why);
      checkWhen([...path, "when"], whoEntry, entry.when);
      if ("text" in entry) checkWording([...path, "text"], whoEntry, entry.text);
    });
  });

  for (const [id, at] of duplicates(lib.wording.map((w) => w.id))) {
    add("duplicate-id", ["wording", at, "id"], `wording id "${id}" is used more than once; ids must be unique`, id);
  }
  lib.wording.forEach((w, wi) => {
    checkWording(["wording", wi, "text"], `wording "${w.id}"`, w.text);
  });

  for (const [id, at] of duplicates(lib.warnings.map((w) => w.id))) {
    add("duplicate-id", ["warnings", at, "id"], `warning "${id}" is worded more than once; ids must be unique`, id);
  }
  lib.warnings.forEach((w, wi) => {
    for (const [name, text] of Object.entries(w.text)) {
      checkTemplate(["warnings", wi, "text", name], `warning "${w.id}"`, text, TEXT_GRAMMAR, WARNING_VALUES[w.id]);
    }
  });
  // A rule with an smeBurden raises the SME proportionality warning, so the library must word it.
  const burdened = lib.clauses.find((c) => c.selection?.smeBurden !== undefined);
  if (burdened && !lib.warnings.some((w) => w.id === "sme-proportionality")) {
    add(
      "missing-warning",
      ["warnings"],
      `the rule of clause "${burdened.id}" has an smeBurden, so the library must word the warning "sme-proportionality" (library/warnings.yaml)`,
      undefined,
      'a warning with id "sme-proportionality"',
    );
  }
  return out;
}
