/**
 * The Fairtender demo page: a tender profile form, live validation with the CLI's messages, the
 * selected clauses with their reasons, the tender-pack preview and downloads, all in the browser.
 */

import "./styles.css";
import "./zod-config.js";
import {
  builtinLibrary,
  formatPath,
  type Issue,
  type Selection,
  safeParseProfile,
  type TenderProfile,
} from "@fairtender/core";
import { byId, h } from "./dom.js";
import {
  type Edition,
  librarySectors,
  renderCalendar,
  renderDocx,
  renderHtml,
  renderMarkdown,
  reviewSelection,
  selectProfile,
} from "./engine.js";
import { EXAMPLES } from "./example.js";
import { containerFor, fieldContainers, focusField, readValues, showFieldIssues, writeValues } from "./form-dom.js";
import {
  buyerKindOptions,
  countryName,
  currencyOptions,
  jurisdictionOptions,
  SECTORS,
  sectorFallbackName,
} from "./labels.js";
import {
  currencyFor,
  emptyValues,
  fileBase,
  inputToValues,
  type JsonObject,
  mergeCarry,
  splitCodes,
  valuesToInput,
} from "./profile-values.js";
import { renderFailure, renderIncomplete, renderSelection } from "./results.js";

const form = byId("profile-form", HTMLFormElement);
const summary = byId("summary", HTMLDivElement);
const results = byId("results", HTMLDivElement);
const preview = byId("preview", HTMLIFrameElement);
const placeholder = byId("preview-placeholder", HTMLDivElement);
const status = byId("download-status", HTMLSpanElement);
const liveStatus = byId("live-status", HTMLParagraphElement);
const buttons = {
  docx: byId("download-docx", HTMLButtonElement),
  md: byId("download-md", HTMLButtonElement),
  ics: byId("download-ics", HTMLButtonElement),
};

// ---------------------------------------------------------------- option lists

function fillOptions(select: HTMLSelectElement, options: { value: string; label: string; group?: string }[]): void {
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const o of options) {
    const option = h("option", { value: o.value }, o.label);
    if (o.group === undefined) {
      select.append(option);
      continue;
    }
    let group = groups.get(o.group);
    if (!group) {
      group = h("optgroup", { label: o.group });
      groups.set(o.group, group);
      select.append(group);
    }
    group.append(option);
  }
}

fillOptions(byId("jurisdiction", HTMLSelectElement), jurisdictionOptions());
fillOptions(byId("buyerKind", HTMLSelectElement), buyerKindOptions());
for (const id of ["valueCurrency", "abroadCurrency", "turnoverCurrency"]) {
  const select = byId(id, HTMLSelectElement);
  fillOptions(select, currencyOptions());
  select.value = "USD";
}

const sectorInfo = new Map(librarySectors().map((s) => [s.id, s]));
byId("sector-list", HTMLDivElement).replaceChildren(
  ...SECTORS.map((id) => {
    const info = sectorInfo.get(id);
    const inputId = `sector-${id}`;
    return h(
      "div",
      { class: "check" },
      h("input", { type: "checkbox", name: "sectors", value: id, id: inputId }),
      h(
        "label",
        { for: inputId, title: info?.signal },
        info?.name ?? sectorFallbackName(id),
        info?.risk === "high" && [
          h("span", { class: "risk-dot", "aria-hidden": "true" }, " ●"),
          h("span", { class: "visually-hidden" }, " (high-risk sector)"),
        ],
      ),
    );
  }),
);

const containers = fieldContainers(form);

// ---------------------------------------------------------------- state

/** Fields of an imported file the form has no control for; saved back unchanged. */
let carry: JsonObject = {};
let carried: string[] = [];
/** Containers the user has visited: their errors are shown. After an import every error is shown. */
const touched = new Set<HTMLElement>();
let showAll = false;
/** The currencies follow the jurisdiction until the user picks one. */
let currencyChosen = false;
let importProblem: string | undefined;
let current: { profile: TenderProfile; input: JsonObject; selection?: Selection } | undefined;
let lastPreview = "";
/** The profile the current results were selected for. */
let lastKey = "";

function edition(): Edition {
  const checked = document.querySelector<HTMLInputElement>('input[name="edition"]:checked');
  return checked?.value === "guidance" ? "guidance" : "tender";
}

function currentInput(): { input: JsonObject; issues: Issue[] } {
  const { input, issues } = valuesToInput(readValues(form));
  return { input: mergeCarry(input, carry), issues };
}

// ---------------------------------------------------------------- the update cycle

function showSummary(unplaced: readonly Issue[]): void {
  const parts: HTMLElement[] = [];
  if (importProblem) parts.push(h("p", { class: "summary-title" }, importProblem));
  if (unplaced.length > 0) {
    parts.push(
      h("p", { class: "summary-title" }, "Problems in fields this form does not show:"),
      h(
        "ul",
        {},
        unplaced.map((i) => h("li", { "data-path": formatPath(i.path), "data-code": i.code }, i.message)),
      ),
    );
  }
  if (carried.length > 0) {
    parts.push(
      h("p", { class: "summary-note" }, `Kept from the opened file and saved back unchanged: ${carried.join(", ")}.`),
    );
  }
  // The summary is an alert: touch it only when what it says changes, or it is read out on every keystroke.
  const said = parts.map((p) => p.textContent).join("\n");
  if (said === summary.dataset.said) return;
  summary.dataset.said = said;
  summary.hidden = parts.length === 0;
  summary.classList.toggle("summary-error", importProblem !== undefined || unplaced.length > 0);
  summary.replaceChildren(...parts);
}

/** Questions that only matter in one jurisdiction are shown for it (or while none is chosen). */
function showJurisdictionFields(): void {
  const jurisdiction = byId("jurisdiction", HTMLSelectElement).value;
  for (const el of form.querySelectorAll<HTMLElement>("[data-only-for]")) {
    const wanted = (el.dataset.onlyFor ?? "").split(/\s+/);
    el.hidden = jurisdiction !== "" && !wanted.includes(jurisdiction);
  }
}

function showCountryNames(): void {
  const codes = splitCodes(byId("countries", HTMLInputElement).value);
  const names = codes.map((c) => countryName(c)).filter((n): n is string => n !== undefined);
  byId("countries-names", HTMLParagraphElement).textContent = names.length > 0 ? names.join(" · ") : "";
}

/**
 * Covers the preview with a message, or uncovers it. The frame itself always stays displayed: Chromium
 * does not lay out a sandboxed frame that was loaded while hidden (`display: none`) once it is shown.
 */
function setPreviewPlaceholder(text: string | undefined): void {
  placeholder.hidden = text === undefined;
  placeholder.textContent = text ?? "";
  preview.inert = text !== undefined;
  preview.setAttribute("aria-hidden", String(text !== undefined));
}

function updatePreview(): void {
  const selection = current?.selection;
  for (const button of Object.values(buttons)) button.disabled = !selection;
  if (!current) {
    setPreviewPlaceholder("The tender pack appears here once the profile is complete.");
    return;
  }
  if (!selection) {
    setPreviewPlaceholder("No tender pack: the clauses could not be selected for this profile.");
    return;
  }
  setPreviewPlaceholder(undefined);
  const html = renderHtml(selection, edition());
  if (html !== lastPreview) {
    lastPreview = html;
    preview.srcdoc = html;
  }
}

/** One short sentence for screen readers, announced only when it changes (not the whole pane). */
function announce(text: string): void {
  if (liveStatus.textContent !== text) liveStatus.textContent = text;
}

function update(): void {
  const { input, issues: localIssues } = currentInput();
  // Checked against the library the demo selects with, so that an imported profile's unknown
  // jurisdiction or regime id is shown at its field.
  const parsed = safeParseProfile(input, { library: builtinLibrary() });
  const issues = [...localIssues, ...(parsed.success ? [] : parsed.error.issues)];
  const unplaced = showFieldIssues(form, containers, issues, (c) => showAll || touched.has(c));
  showSummary(unplaced);
  showCountryNames();
  showJurisdictionFields();

  if (!parsed.success || localIssues.length > 0) {
    current = undefined;
    lastKey = "";
    renderIncomplete(results, issues, (path) => {
      const container = containerFor(containers, path);
      if (container) touched.add(container);
      update();
      focusField(containers, path);
    });
    results.dataset.state = "incomplete";
    announce(
      `${issues.length} ${issues.length === 1 ? "answer needs" : "answers need"} attention before the clauses can be selected.`,
    );
    updatePreview();
    return;
  }
  // Leaving a field re-runs the update with the same profile: keep the results (and their open sections).
  const key = JSON.stringify(parsed.data);
  if (key === lastKey && current?.selection) return;
  lastKey = key;
  current = { profile: parsed.data, input };
  try {
    current.selection = selectProfile(parsed.data);
    renderSelection(results, current.selection, reviewSelection(current.selection));
    results.dataset.state = "selected";
    const { clauses, risk } = current.selection;
    announce(`Risk ${risk.level}. ${clauses.length} clauses selected.`);
  } catch (error) {
    renderFailure(results, error instanceof Error ? error.message : String(error));
    results.dataset.state = "failed";
  }
  // The clause list first; the pack (the heavier part) right after the browser has painted it.
  schedulePreview();
}

let previewTimer: ReturnType<typeof setTimeout> | undefined;
function schedulePreview(): void {
  if (previewTimer !== undefined) clearTimeout(previewTimer);
  previewTimer = setTimeout(() => {
    previewTimer = undefined;
    updatePreview();
  }, 0);
}

let timer: ReturnType<typeof setTimeout> | undefined;
function scheduleUpdate(delay = 250): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    update();
  }, delay);
}

// ---------------------------------------------------------------- events

form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("input", () => scheduleUpdate());
form.addEventListener("change", (event) => {
  const target = event.target as HTMLElement;
  const container = target.closest<HTMLElement>("[data-paths]");
  if (container) touched.add(container);
  if (target.id.endsWith("Currency")) currencyChosen = true;
  if (target.id === "jurisdiction" && !currencyChosen) {
    const currency = currencyFor((target as HTMLSelectElement).value);
    if (currency) {
      for (const id of ["valueCurrency", "abroadCurrency", "turnoverCurrency"]) {
        byId(id, HTMLSelectElement).value = currency;
      }
    }
  }
  scheduleUpdate(0);
});
form.addEventListener("focusout", (event) => {
  const container = (event.target as HTMLElement).closest<HTMLElement>("[data-paths]");
  if (container && !touched.has(container)) {
    touched.add(container);
    scheduleUpdate(0);
  }
});

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="edition"]')) {
  radio.addEventListener("change", () => updatePreview());
}

function loadProfile(data: unknown, note?: string): void {
  const filled = inputToValues(data);
  writeValues(form, filled.values);
  carry = filled.carry;
  carried = filled.carried;
  importProblem = note;
  showAll = true;
  currencyChosen = true;
  byId("more-details", HTMLDetailsElement).open ||= Boolean(
    filled.values.turnoverAmount || filled.values.sme || filled.values.riskLevel || filled.values.exchangeRates,
  );
  update();
}

byId("examples", HTMLParagraphElement).append(
  ...EXAMPLES.map((example) => {
    const button = h("button", { type: "button", class: "link-button", "data-example": example.id }, example.label);
    button.addEventListener("click", () => loadProfile(example.profile));
    return button;
  }),
);

byId("import-file", HTMLInputElement).addEventListener("change", async (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  if (!file) return;
  try {
    const text = await file.text();
    // YAML is a superset of JSON, so one parser reads both. Loaded on first use: most visits never need it.
    const { parse } = await import("yaml");
    const data: unknown = parse(text);
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      importProblem = `${file.name} does not hold a tender profile (expected fields such as buyer and procurement).`;
      showSummary([]);
      summary.focus();
    } else {
      loadProfile(data);
      status.textContent = `Opened ${file.name}.`;
    }
  } catch (error) {
    importProblem = `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`;
    showSummary([]);
    summary.focus();
  } finally {
    input.value = "";
  }
});

// ---------------------------------------------------------------- downloads

function download(name: string, type: string, data: BlobPart): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function baseName(): string {
  const values = readValues(form);
  return fileBase(values.reference, values.title);
}

byId("export-yaml", HTMLButtonElement).addEventListener("click", async () => {
  const { input } = currentInput();
  const { stringify } = await import("yaml");
  download(`${baseName()}.profile.yaml`, "text/yaml", stringify(input, { lineWidth: 0 }));
});
byId("export-json", HTMLButtonElement).addEventListener("click", () => {
  const { input } = currentInput();
  download(`${baseName()}.profile.json`, "application/json", `${JSON.stringify(input, null, 2)}\n`);
});

buttons.md.addEventListener("click", () => {
  const selection = current?.selection;
  if (!selection) return;
  download(`${baseName()}-${edition()}.md`, "text/markdown", renderMarkdown(selection, edition()));
});
buttons.ics.addEventListener("click", () => {
  const selection = current?.selection;
  if (!selection) return;
  download(`${baseName()}-obligations.ics`, "text/calendar", renderCalendar(selection));
});
buttons.docx.addEventListener("click", async () => {
  const selection = current?.selection;
  if (!selection) return;
  const which = edition();
  buttons.docx.disabled = true;
  status.textContent = "Preparing the Word file…";
  try {
    const bytes = await renderDocx(selection, which);
    download(
      `${baseName()}-${which}.docx`,
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      bytes as Uint8Array<ArrayBuffer>,
    );
    status.textContent = "Word file ready.";
  } catch (error) {
    status.textContent = `The Word file could not be made: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    buttons.docx.disabled = !current?.selection;
  }
});

// ---------------------------------------------------------------- start

writeValues(form, emptyValues());
update();
