/** Reads and writes {@link FormValues} from and to the form's controls, and shows issues next to fields. */

import { formatPath, type Issue } from "@fairtender/core";
import { h } from "./dom.js";
import { plainMessage } from "./messages.js";
import { type FormValues, fieldForPath, LABOUR_KEYS } from "./profile-values.js";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function control(form: HTMLFormElement, name: string): Control {
  const el = form.elements.namedItem(name);
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
    return el;
  }
  throw new Error(`The form has no single control named ${name}`);
}

function checkedValues(form: HTMLFormElement, selector: string): string[] {
  return [...form.querySelectorAll<HTMLInputElement>(selector)].filter((i) => i.checked).map((i) => i.value);
}

const TEXT_FIELDS = [
  "buyerName",
  "jurisdiction",
  "buyerKind",
  "title",
  "reference",
  "category",
  "valueAmount",
  "valueCurrency",
  "abroadAmount",
  "abroadCurrency",
  "countries",
  "commodities",
  "startDate",
  "commencedOn",
  "durationMonths",
  "turnoverAmount",
  "turnoverCurrency",
  "sme",
  "riskLevel",
  "riskBasis",
  "exchangeRates",
] as const satisfies readonly (keyof FormValues)[];

/** The form's current values. */
export function readValues(form: HTMLFormElement): FormValues {
  const text = Object.fromEntries(TEXT_FIELDS.map((name) => [name, control(form, name).value])) as Record<
    (typeof TEXT_FIELDS)[number],
    string
  >;
  const box = (name: string) => (control(form, name) as HTMLInputElement).checked;
  return {
    ...text,
    cots: box("cots"),
    usDirectives: box("usDirectives"),
    sectors: checkedValues(form, 'input[name="sectors"]'),
    modules: checkedValues(form, 'input[name="modules"]'),
    labour: Object.fromEntries(LABOUR_KEYS.map((k) => [k, box(k)])) as FormValues["labour"],
  };
}

function setSelect(select: HTMLSelectElement, value: string): void {
  if (value !== "" && ![...select.options].some((o) => o.value === value)) {
    // Keep a value read from a file even when the list does not offer it, so validation can name it.
    select.append(h("option", { value }, value));
  }
  select.value = value;
}

/** Puts `values` into the form. */
export function writeValues(form: HTMLFormElement, values: FormValues): void {
  for (const name of TEXT_FIELDS) {
    const el = control(form, name);
    if (el instanceof HTMLSelectElement) setSelect(el, values[name]);
    else el.value = values[name];
  }
  (control(form, "cots") as HTMLInputElement).checked = values.cots;
  (control(form, "usDirectives") as HTMLInputElement).checked = values.usDirectives;
  for (const k of LABOUR_KEYS) (control(form, k) as HTMLInputElement).checked = values.labour[k];
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="sectors"]')) {
    input.checked = values.sectors.includes(input.value);
  }
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="modules"]')) {
    input.checked = values.modules.includes(input.value);
  }
}

/** The containers that show issues, keyed by the profile paths they cover (`data-paths`). */
export function fieldContainers(form: HTMLFormElement): Map<string, HTMLElement> {
  const map = new Map<string, HTMLElement>();
  for (const el of form.querySelectorAll<HTMLElement>("[data-paths]")) {
    for (const path of (el.dataset.paths ?? "").split(/\s+/)) if (path) map.set(path, el);
  }
  return map;
}

/** The container that shows the field at `path` (an issue's path), if any. */
export function containerFor(containers: Map<string, HTMLElement>, path: Issue["path"]): HTMLElement | undefined {
  const prefix = fieldForPath(path, [...containers.keys()]);
  return prefix === undefined ? undefined : containers.get(prefix);
}

let errorIds = 0;

/**
 * Shows `issues` next to their fields (only in containers `visible` accepts) and returns the issues
 * no field shows. Marks the controls `aria-invalid` and links the message with `aria-describedby`.
 */
export function showFieldIssues(
  form: HTMLFormElement,
  containers: Map<string, HTMLElement>,
  issues: readonly Issue[],
  visible: (container: HTMLElement) => boolean,
): Issue[] {
  const byContainer = new Map<HTMLElement, Issue[]>();
  const unplaced: Issue[] = [];
  for (const issue of issues) {
    const container = containerFor(containers, issue.path);
    if (!container) {
      unplaced.push(issue);
      continue;
    }
    const list = byContainer.get(container) ?? [];
    list.push(issue);
    byContainer.set(container, list);
  }
  for (const old of form.querySelectorAll(".field-error")) old.remove();
  for (const el of form.querySelectorAll<HTMLElement>("[aria-invalid]")) {
    el.removeAttribute("aria-invalid");
    const ids = (el.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter((id) => id && !id.startsWith("err-"))
      .join(" ");
    if (ids) el.setAttribute("aria-describedby", ids);
    else el.removeAttribute("aria-describedby");
  }
  for (const el of form.querySelectorAll(".has-error")) el.classList.remove("has-error");

  for (const [container, list] of byContainer) {
    if (!visible(container)) continue;
    const id = `err-${++errorIds}`;
    const message = h(
      "div",
      { class: "field-error", id, "data-for": list.map((i) => formatPath(i.path)).join(" ") },
      list.map((i) => h("p", { class: "field-error-text" }, plainMessage(i))),
      // The validator's own words, with the field path, as the CLI prints them: for whoever needs them.
      h(
        "details",
        { class: "error-details" },
        h("summary", {}, "Details"),
        list.map((i) => h("p", { "data-code": i.code }, i.message)),
      ),
    );
    container.classList.add("has-error");
    const anchor = container.querySelector(":scope > legend, :scope > label, :scope > summary");
    const hint = container.querySelector(":scope > .hint:not(.names)");
    (hint ?? anchor)?.after(message);
    if (!hint && !anchor) container.prepend(message);
    for (const el of container.querySelectorAll<HTMLElement>("input:not([type=checkbox]), select, textarea")) {
      el.setAttribute("aria-invalid", "true");
      const ids = el.getAttribute("aria-describedby");
      el.setAttribute("aria-describedby", ids ? `${ids} ${id}` : id);
    }
  }
  return unplaced;
}

/** Moves the focus to the first control that shows `path`, opening a collapsed section first. */
export function focusField(containers: Map<string, HTMLElement>, path: Issue["path"]): void {
  const container = containerFor(containers, path);
  if (!container) return;
  const details = container.closest("details");
  if (details) details.open = true;
  const target = container.querySelector<HTMLElement>("input, select, textarea");
  target?.focus();
  container.scrollIntoView({ block: "center" });
}
