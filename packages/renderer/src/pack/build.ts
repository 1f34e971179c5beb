import {
  FairtenderError,
  flowDownSummary,
  flowDownTiers,
  formatCitation,
  IsoDate,
  type IssueCode,
  lint,
  parseSelection,
  type Inline as ResolvedInline,
  referenceText,
  type ScheduledObligation,
  type SelectedAnnex,
  type SelectedAnnexEntry,
  type SelectedClause,
  type Selection,
  type Source,
  strengthLabel,
  TOPICS,
  type Wording,
} from "@fairtender/core";
import { RENDERER_VERSION } from "../version.js";
import { phrase } from "./text.js";
import type {
  Block,
  ClauseNode,
  Edition,
  Inline,
  ListNode,
  NoteNode,
  PackOptions,
  ParagraphNode,
  PartNode,
  SubclauseNode,
  TableCellNode,
  TableNode,
  TenderPack,
  TopicNode,
} from "./types.js";

// ---------------------------------------------------------------------------------------------
// Small node builders
// ---------------------------------------------------------------------------------------------

const text = (value: string): Inline => ({ type: "text", value });
const strong = (value: string): Inline => ({ type: "strong", children: [text(value)] });
const para = (children: Inline[] | string, role: ParagraphNode["role"] = "body"): ParagraphNode => ({
  type: "paragraph",
  role,
  children: typeof children === "string" ? [text(children)] : children,
});
const cell = (value: Inline[] | string): TableCellNode => ({
  type: "tableCell",
  children: typeof value === "string" ? (value === "" ? [] : [text(value)]) : value,
});
function table(id: string, caption: string, columns: Array<[string, number]>, rows: Array<Array<Inline[] | string>>) {
  const node: TableNode = {
    type: "table",
    id,
    caption,
    header: columns.map((c) => c[0]),
    widths: columns.map((c) => c[1]),
    children: rows.map((r) => ({ type: "tableRow", children: r.map(cell) })),
  };
  return node;
}
function orderedList(items: Inline[][], ordered = true): ListNode {
  return {
    type: "list",
    ordered,
    children: items.map((children, i) => ({ type: "listItem", number: ordered ? String(i + 1) : null, children })),
  };
}

/** `a`…`z`, then `aa`, `bb`… as Word's lower-letter numbering does. */
export function letter(n: number): string {
  const i = (n - 1) % 26;
  const repeat = Math.floor((n - 1) / 26) + 1;
  return String.fromCharCode(97 + i).repeat(repeat);
}

const citation = (s: Source): string => formatCitation(s);

function uniq<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/**
 * Builds the tender pack, the one document model every backend renders, from a selection.
 *
 * The selection is validated first (it may come as JSON from another tool); one that `select()`
 * returned is frozen, so it is taken as it is without validating again. Clause numbers and
 * cross-references are computed here, once, so Markdown, HTML and Word print the same numbers.
 * Pure and deterministic: the issue date defaults to the procurement start date, never the clock.
 *
 * @param selection - The output of `select(profile)` from `@fairtender/core`, or the same shape as JSON.
 * @param options - Edition, issue date and document version.
 * @returns The tender pack (plain JSON).
 * @throws {FairtenderError} `invalid-selection` when the selection is not valid; `invalid-options` for a bad option.
 * @example
 * ```ts
 * const pack = buildTenderPack(select(profile), { edition: "guidance" });
 * const md = toMarkdown(pack);
 * ```
 */
export function buildTenderPack(selection: Selection, options: PackOptions = {}): TenderPack {
  const sel = parseSelection(selection);
  const edition: Edition = options.edition ?? "tender";
  if (edition !== "tender" && edition !== "guidance") {
    throw optionError("edition", edition, '"tender" or "guidance"', "unknown-value");
  }
  const issueDate = options.issueDate ?? sel.profile.procurement.startDate;
  if (!IsoDate.safeParse(issueDate).success)
    throw optionError("issueDate", issueDate, "a date YYYY-MM-DD", "invalid-date");
  const documentVersion = options.documentVersion ?? "1.0";
  if (typeof documentVersion !== "string" || documentVersion.trim() === "") {
    throw optionError("documentVersion", documentVersion, "a non-empty string", "invalid-value");
  }
  return new PackBuilder(sel, edition, issueDate, documentVersion).build();
}

function optionError(field: string, value: unknown, expected: string, code: IssueCode): FairtenderError {
  const message = `options.${field}: expected ${expected} (received ${JSON.stringify(value)}).`;
  return new FairtenderError("invalid-options", message, {
    issues: [{ code, path: ["options", field], received: value, expected, message }],
  });
}

// ---------------------------------------------------------------------------------------------
// The builder
// ---------------------------------------------------------------------------------------------

interface Numbered {
  clause: SelectedClause;
  number: string;
  topicNumber: string;
}

class PackBuilder {
  readonly guidance: boolean;
  /** Clause id → computed number ("3.2", or "A1.1" for solicitation provisions). */
  readonly numbers = new Map<string, string>();
  readonly contract: Map<string, Numbered[]>;
  readonly provisions: Map<string, Numbered[]>;
  readonly regimeName: Map<string, string>;
  readonly annexLetters = new Map<string, string>();
  /** Clause id → whether it is a contract clause or a solicitation provision. */
  readonly kinds: Map<string, SelectedClause["kind"]>;

  constructor(
    readonly sel: Selection,
    readonly edition: Edition,
    readonly issueDate: string,
    readonly documentVersion: string,
  ) {
    this.guidance = edition === "guidance";
    this.kinds = new Map(sel.clauses.map((c) => [c.id, c.kind]));
    this.contract = this.number(
      sel.clauses.filter((c) => c.kind === "clause"),
      "",
    );
    this.provisions = this.number(
      sel.clauses.filter((c) => c.kind === "provision"),
      "A",
    );
    this.regimeName = new Map(sel.regimes.map((r) => [r.id, r.name]));
    sel.annexes.forEach((annex, i) => {
      this.annexLetters.set(annex.id, String.fromCharCode(65 + i)); // "A", "B", …
    });
  }

  /** Groups clauses by topic in the canonical order and numbers them: topic "3", clause "3.2". */
  number(clauses: SelectedClause[], prefix: string): Map<string, Numbered[]> {
    const out = new Map<string, Numbered[]>();
    let t = 0;
    for (const topic of TOPICS) {
      const inTopic = clauses.filter((c) => c.topic === topic.id);
      if (inTopic.length === 0) continue;
      t++;
      const topicNumber = `${prefix}${t}`;
      out.set(
        topic.id,
        inTopic.map((clause, i) => {
          const number = `${topicNumber}.${i + 1}`;
          this.numbers.set(clause.id, number);
          return { clause, number, topicNumber };
        }),
      );
    }
    return out;
  }

  build(): TenderPack {
    const { profile } = this.sel;
    const title = profile.procurement.title;
    const reference = profile.procurement.reference ?? null;
    const parts: PartNode[] = [
      this.scopePart(),
      this.definitionsPart(),
      this.clausesPart(),
      this.schedulePart(),
      this.crosswalkPart(),
      ...this.sel.annexes.map((annex) => this.annexPart(annex)),
    ];
    if (this.guidance) parts.push(this.guidancePart());

    return {
      type: "tenderPack",
      meta: {
        title,
        buyer: profile.buyer.name,
        reference,
        edition: this.edition,
        documentVersion: this.documentVersion,
        issueDate: this.issueDate,
        libraryVersion: this.sel.libraryVersion,
        rendererVersion: RENDERER_VERSION,
        keywords: uniq(
          [
            "anti-trafficking",
            "forced labour",
            ...this.sel.regimes.map((r) => r.id),
            ...this.sel.clauses.map((c) => c.topic),
          ],
          (s) => s,
        ),
        header: reference ? phrase("header", { reference, title }) : phrase("headerNoRef", { title }),
      },
      children: [
        {
          type: "titleBlock",
          title,
          subtitle: phrase(this.guidance ? "subtitleGuidance" : "subtitleTender"),
          rows: [
            { label: "Buyer", value: profile.buyer.name },
            { label: "Reference", value: reference ?? "Not given" },
            { label: "Document version", value: this.documentVersion },
            { label: "Issue date", value: this.issueDate },
            { label: "Edition", value: this.guidance ? "Guidance (not for issue)" : "Tender" },
            { label: "Clause library version", value: this.sel.libraryVersion },
          ],
        },
        { type: "toc", title: "Contents" },
        ...parts,
      ],
    };
  }

  // --- inline text ----------------------------------------------------------------------------

  /**
   * Clause text as running text. A cross-reference names what it points at ("clause 9.1",
   * "provision A1.1"), as the reader of any format (and of any converter's output) needs; a
   * reference to a clause not in the pack is its own visible marker.
   */
  inlines(runs: readonly ResolvedInline[]): Inline[] {
    const out: Inline[] = [];
    // Whether the text already names the references it leads into ("clauses {{ref a}} and {{ref b}}").
    let named = false;
    runs.forEach((r, i) => {
      if (r.type === "text") out.push(text(r.value));
      else if (r.type === "term") out.push({ type: "term", term: r.term, value: r.text });
      else {
        const number = this.numbers.get(r.clause) ?? null;
        const before = runs[i - 1];
        const prev = before?.type === "text" ? before.value : "";
        named = NAMES_REFERENCE.test(prev) || (named && runs[i - 2]?.type === "ref" && JOINS_REFERENCES.test(prev));
        if (number !== null && !named)
          out.push(text(this.kinds.get(r.clause) === "provision" ? "provision " : "clause "));
        out.push({ type: "ref", target: r.clause, number });
      }
    });
    return out;
  }

  clauseRefs(ids: readonly string[]): Inline[] {
    const out: Inline[] = [];
    ids.forEach((id, i) => {
      if (i > 0) out.push(text(", "));
      out.push({ type: "ref", target: id, number: this.numbers.get(id) ?? null });
    });
    return out;
  }

  regimeLabel(id: string): string {
    return this.regimeName.get(id) ?? id;
  }

  /** Library wording as one run of text: clause references print their number, annex references their letter. */
  say(wording: Wording): string {
    let out = "";
    for (const run of wording) {
      if (run.type === "text") out += run.value;
      else if (run.type === "ref") out += referenceText(this.numbers.get(run.clause), run.clause);
      else out += referenceText(this.annexLetters.get(run.annex), run.annex, "annex");
    }
    return out;
  }

  /** The paragraphs of the pack's own wording with this id (none when the library has no such wording). */
  packWording(id: string, role: ParagraphNode["role"] = "body"): ParagraphNode[] {
    return this.sel.wording.filter((w) => w.id === id).map((w) => para(this.say(w.text), role));
  }

  // --- parts ----------------------------------------------------------------------------------

  scopePart(): PartNode {
    const { risk } = this.sel;
    const children: Block[] = [
      ...this.packWording("scope-intro"),
      para(phrase("scopeRegimes")),
      table(
        "regimes",
        "Requirements that apply",
        [
          ["Requirement", 22],
          ["Type", 10],
          ["Why it applies", 40],
          ["Instruments", 28],
        ],
        this.sel.regimes.map((r) => [
          r.name,
          r.kind === "module" ? "Buyer's choice" : "Legal regime",
          r.reasons.join(" "),
          r.instruments.map(citation).join("; "),
        ]),
      ),
      para([strong(phrase("riskLevel", { level: risk.level, score: risk.score }))]),
      para(
        risk.overridden
          ? phrase("riskOverridden", { computed: risk.computedLevel, basis: risk.basis })
          : phrase("riskBasis", { basis: risk.basis }),
      ),
    ];
    if (risk.factors.length > 0) {
      children.push(
        table(
          "riskFactors",
          "Risk factors",
          [
            ["Factor", 55],
            ["Weight", 10],
            ["Source", 35],
          ],
          risk.factors.map((f) => [f.description, String(f.weight), f.source]),
        ),
      );
    } else {
      children.push(para(phrase("riskNoFactors")));
    }
    if (this.provisions.size > 0) children.push(...this.packWording("provisions-note", "note"));
    return {
      type: "part",
      id: "scope",
      kind: "scope",
      label: "Part 1",
      title: "Scope and applicable requirements",
      children,
    };
  }

  definitionsPart(): PartNode {
    const defs = [...this.sel.definitions].sort(
      (a, b) => a.term.localeCompare(b.term, "en", { sensitivity: "base" }) || a.id.localeCompare(b.id),
    );
    const children: Block[] =
      defs.length === 0
        ? [para(phrase("definitionsNone"))]
        : [
            ...this.packWording("definitions-intro"),
            table(
              "definitions",
              "Defined terms",
              [
                ["Term", 22],
                ["Meaning", 53],
                ["Source", 25],
              ],
              defs.map((d) => [[strong(d.term)], d.text, d.sources.map(citation).join("; ")]),
            ),
          ];
    return { type: "part", id: "definitions", kind: "definitions", label: "Part 2", title: "Definitions", children };
  }

  topics(groups: Map<string, Numbered[]>): TopicNode[] {
    const out: TopicNode[] = [];
    for (const topic of TOPICS) {
      const numbered = groups.get(topic.id);
      if (!numbered) continue;
      out.push({
        type: "topic",
        id: topic.id,
        number: numbered[0]!.topicNumber,
        title: topic.title,
        children: numbered.map((n) => this.clauseNode(n)),
      });
    }
    return out;
  }

  clauseNode({ clause, number }: Numbered): ClauseNode {
    const children: ClauseNode["children"] = [];
    if (clause.body.intro) children.push(para(this.inlines(clause.body.intro)));
    clause.body.subclauses.forEach((s, i) => {
      const subNumber = `${number}.${i + 1}`;
      const node: SubclauseNode = {
        type: "subclause",
        number: subNumber,
        children: this.inlines(s.text),
        items: s.items.map((item, j) => ({
          type: "item",
          number: `(${letter(j + 1)})`,
          fullNumber: `${subNumber}(${letter(j + 1)})`,
          children: this.inlines(item),
        })),
      };
      children.push(node);
    });
    const sources = uniq(clause.sources.map(citation), (s) => s);
    if (sources.length > 0) children.push(para(phrase("clauseSources", { sources: sources.join("; ") }), "small"));
    if (this.guidance) children.push(...this.clauseGuidance(clause));
    return { type: "clause", id: clause.id, number, title: clause.title, kind: clause.kind, children };
  }

  clauseGuidance(clause: SelectedClause): NoteNode[] {
    const notes: NoteNode[] = [
      {
        type: "note",
        label: `Why selected: ${strengthLabel(clause.strength)}`,
        children: [
          orderedList(
            clause.reasons.map((r) => [
              text(r.text),
              ...(r.sources.length > 0 ? [text(` (${r.sources.map(citation).join("; ")})`)] : []),
            ]),
            false,
          ),
        ],
      },
      { type: "note", label: "Drafting note", children: [para(clause.draftingNote)] },
    ];
    const params = Object.entries(clause.parameters).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (params.length > 0) {
      notes.push({
        type: "note",
        label: "Parameters",
        children: [
          orderedList(
            params.map(([name, p]) => {
              const show = (v: unknown) => (Array.isArray(v) ? v.join(", ") : String(v));
              let line = `${name} = ${show(p.value)} (default ${show(p.default)})`;
              if (p.reason) line += `: ${p.reason}`;
              return [text(line)];
            }),
            false,
          ),
        ],
      });
    }
    return notes;
  }

  clausesPart(): PartNode {
    const topics = this.topics(this.contract);
    return {
      type: "part",
      id: "clauses",
      kind: "clauses",
      label: "Part 3",
      title: "Contract clauses",
      children: topics.length === 0 ? [para(phrase("clausesNone"))] : [...this.packWording("clauses-intro"), ...topics],
    };
  }

  obligationRow(o: ScheduledObligation, i: number): Array<Inline[] | string> {
    const satisfied = uniq(o.satisfies, (s) => `${s.regime}|${s.citation}`);
    const byRegime = new Map<string, string[]>();
    for (const s of satisfied) byRegime.set(s.regime, [...(byRegime.get(s.regime) ?? []), s.citation]);
    return [
      String(i + 1),
      o.action,
      o.timingText,
      o.evidence.join("; "),
      flowDownSummary(o.flowsDown),
      this.clauseRefs(o.clauses),
      [...byRegime].map(([r, cites]) => `${this.regimeLabel(r)}: ${cites.join(", ")}`).join("; "),
    ];
  }

  schedulePart(): PartNode {
    return this.obligationSchedule(
      "schedule-obligations",
      "Schedule 1",
      "Schedule of supplier obligations",
      "scheduleIntro",
      (obligations) =>
        table(
          "obligations",
          "Schedule of supplier obligations",
          [
            ["No.", 6],
            ["Obligation", 24],
            ["Timing", 13],
            ["Evidence", 17],
            ["Flows down", 11],
            ["Clause", 10],
            ["Regimes satisfied", 19],
          ],
          obligations.map((o, i) => this.obligationRow(o, i)),
        ),
    );
  }

  /** A schedule part over the obligation rows: its intro and table, or a line saying there are none. */
  obligationSchedule(
    id: string,
    label: string,
    title: string,
    intro: "scheduleIntro" | "crosswalkIntro",
    body: (obligations: ScheduledObligation[]) => Block,
  ): PartNode {
    const obligations = this.supplierObligations();
    return {
      type: "part",
      id,
      kind: "schedule",
      label,
      title,
      children: obligations.length === 0 ? [para(phrase("scheduleNone"))] : [para(phrase(intro)), body(obligations)],
    };
  }

  /** The schedule rows, in selection order (harmonised by core), numbered 1, 2, 3. */
  supplierObligations(): ScheduledObligation[] {
    return this.sel.obligations;
  }

  crosswalkPart(): PartNode {
    const obligations = this.supplierObligations();
    const regimeIds = uniq(
      [...this.sel.regimes.map((r) => r.id), ...obligations.flatMap((o) => o.satisfies.map((s) => s.regime))],
      (s) => s,
    ).filter((r) => obligations.some((o) => o.satisfies.some((s) => s.regime === r)));
    const width = regimeIds.length === 0 ? 0 : Math.floor(60 / regimeIds.length);
    const columns: Array<[string, number]> = [
      ["No.", 6],
      ["Obligation", 100 - 6 - width * regimeIds.length],
      ...regimeIds.map((r): [string, number] => [this.regimeLabel(r), width]),
    ];
    return this.obligationSchedule(
      "crosswalk",
      "Schedule 2",
      "Crosswalk of obligations and regimes",
      "crosswalkIntro",
      (rows) =>
        table(
          "crosswalk",
          "Obligations by regime",
          columns,
          rows.map((o, i) => [
            String(i + 1),
            o.action,
            ...regimeIds.map(
              (r) =>
                uniq(
                  o.satisfies.filter((s) => s.regime === r).map((s) => s.citation),
                  (s) => s,
                ).join("; ") || "—",
            ),
          ]),
        ),
    );
  }

  annexLabel(id: string): string {
    return `Annex ${this.annexLetters.get(id)}`;
  }

  /** An annex of the library, set out by its layout. */
  annexPart(annex: SelectedAnnex): PartNode {
    switch (annex.layout) {
      case "declaration":
        return this.declarationAnnex(annex);
      case "plan":
        return this.planAnnex(annex);
      case "questionnaire":
        return this.questionnaireAnnex(annex);
      case "flow-down":
        return this.flowDownAnnex(annex);
      case "instruments":
        return this.instrumentsAnnex(annex);
    }
  }

  /** The schedule row (and its number, 1-based) an obligation entry stands for. */
  scheduleRow(entry: SelectedAnnexEntry): { row: ScheduledObligation; no: number } | undefined {
    if (entry.kind !== "obligation") return undefined;
    const i = this.sel.obligations.findIndex((o) => o.id === entry.obligation);
    const row = this.sel.obligations[i];
    return row ? { row, no: i + 1 } : undefined;
  }

  declarationAnnex(annex: Extract<SelectedAnnex, { layout: "declaration" }>): PartNode {
    const { profile } = this.sel;
    const children: Array<Block | TopicNode> = [para(this.say(annex.text.intro))];
    const provisionTopics = this.topics(this.provisions);
    children.push(...provisionTopics);

    const declarations: Inline[][] = [];
    for (const entry of annex.entries) {
      if (entry.kind === "obligation") {
        const found = this.scheduleRow(entry);
        if (!found) continue;
        const action = found.row.action.replace(/\.\s*$/, "");
        declarations.push([text(`${action} (clause `), ...this.clauseRefs(found.row.clauses), text(");")]);
      } else if ("text" in entry) {
        declarations.push([text(this.say(entry.text))]);
      }
    }
    children.push(para([strong(this.say(annex.text.lead))]), orderedList(declarations));
    children.push(
      para(this.say(annex.text.signature)),
      table(
        "signature",
        "Signature",
        [
          ["", 35],
          ["", 65],
        ],
        [
          ["Supplier", profile.supplier?.name ?? ""],
          ["Name of signatory", ""],
          ["Position", ""],
          ["Signature", ""],
          ["Date", ""],
        ],
      ),
    );
    return this.annexFrame(annex, children, provisionTopics.length > 0 ? annex.titleWithProvisions : annex.title);
  }

  /** An annex part: lettered, titled and identified from the selected annex. */
  annexFrame(annex: SelectedAnnex, children: Array<Block | TopicNode>, title: string = annex.title): PartNode {
    return { type: "part", id: `annex-${annex.id}`, kind: "annex", label: this.annexLabel(annex.id), title, children };
  }

  planAnnex(annex: Extract<SelectedAnnex, { layout: "plan" }>): PartNode {
    const elements = annex.entries.filter((e) => e.kind === "plan-element");
    return this.annexFrame(annex, [
      para(this.say(annex.text.intro)),
      table(
        "compliancePlan",
        "Minimum elements of the compliance plan",
        [
          ["No.", 6],
          ["Element", 19],
          ["Minimum content", 35],
          ["Citation", 15],
          ["Supplier's description and evidence", 25],
        ],
        elements.map((e, i) => [String(i + 1), e.title, this.say(e.text), e.citation, ""]),
      ),
      para(this.say(annex.text.closing)),
    ]);
  }

  questionnaireAnnex(annex: Extract<SelectedAnnex, { layout: "questionnaire" }>): PartNode {
    const questions = annex.entries.flatMap((e) => ("text" in e ? [this.say(e.text)] : []));
    return this.annexFrame(annex, [
      para(this.say(annex.text.intro)),
      table(
        "questionnaire",
        "Selection-stage questions",
        [
          ["No.", 6],
          ["Question", 54],
          ["Answer", 40],
        ],
        questions.map((q, i) => [String(i + 1), q, ""]),
      ),
    ]);
  }

  flowDownAnnex(annex: Extract<SelectedAnnex, { layout: "flow-down" }>): PartNode {
    const rows = annex.entries.flatMap((e) => this.scheduleRow(e) ?? []);
    return {
      type: "part",
      id: `annex-${annex.id}`,
      kind: "annex",
      label: this.annexLabel(annex.id),
      title: annex.title,
      children:
        rows.length === 0
          ? [para(this.say(annex.text.none))]
          : [
              para(this.say(annex.text.intro)),
              table(
                "flowDown",
                "Obligations that flow down",
                [
                  ["Schedule 1 no.", 9],
                  ["Obligation", 41],
                  ["Tiers", 15],
                  ["Agents", 10],
                  ["Clause", 10],
                  ["Timing", 15],
                ],
                rows.map(({ row: o, no }) => [
                  String(no),
                  o.action,
                  capitalise(flowDownTiers(o.flowsDown)),
                  o.flowsDown.agents ? "Yes" : "No",
                  this.clauseRefs(o.clauses),
                  o.timingText,
                ]),
              ),
            ],
    };
  }

  instrumentsAnnex(annex: Extract<SelectedAnnex, { layout: "instruments" }>): PartNode {
    interface Row {
      source: Source;
      by: string[];
    }
    const rows = new Map<string, Row>();
    const add = (s: Source, by: string) => {
      const key = `${s.citation}|${s.provision ?? ""}|${s.edition ?? ""}`;
      const row = rows.get(key) ?? { source: s, by: [] };
      if (!row.by.includes(by)) row.by.push(by);
      rows.set(key, row);
    };
    for (const c of this.sel.clauses) {
      for (const s of c.incorporates) add(s, `clause ${this.numbers.get(c.id)}`);
    }
    for (const r of this.sel.regimes) for (const s of r.instruments) add(s, r.name);
    const sorted = [...rows.values()].sort(
      (a, b) =>
        a.source.citation.localeCompare(b.source.citation, "en") ||
        (a.source.edition ?? "").localeCompare(b.source.edition ?? ""),
    );
    return this.annexFrame(annex, [
      para(this.say(annex.text.intro)),
      table(
        "instruments",
        "Instruments and their dates",
        [
          ["Citation", 20],
          ["Instrument", 35],
          ["Version or date", 15],
          ["Applies through", 30],
        ],
        sorted.map(({ source, by }) => [
          formatCitation(source, { edition: false }),
          source.instrument,
          source.edition ?? "Current version",
          by.join("; "),
        ]),
      ),
    ]);
  }

  guidancePart(): PartNode {
    const selected = [...this.sel.clauses].sort((a, b) =>
      compareNumbers(this.numbers.get(a.id)!, this.numbers.get(b.id)!),
    );
    const findings: Inline[][] = [
      ...lint(this.sel).map((f) => [
        strong(`${f.severity === "error" ? "Error" : "Warning"} (${f.code})`),
        text(
          `: ${f.message}${f.clause ? ` [${f.clause}${this.numbers.has(f.clause) ? `, clause ${this.numbers.get(f.clause)}` : ""}]` : ""}`,
        ),
      ]),
      ...this.sel.warnings.map((w) => [
        strong(`Selection warning (${w.code})`),
        text(`: ${w.message}${w.subject ? ` [${w.subject}]` : ""}`),
      ]),
    ];
    return {
      type: "part",
      id: "guidance",
      kind: "guidance",
      label: null,
      title: "Guidance for the buyer (not for issue)",
      children: [
        para(phrase("guidanceIntro"), "note"),
        table(
          "selected",
          "Clauses selected and why",
          [
            ["Clause", 8],
            ["Title", 22],
            ["Strength", 15],
            ["Why", 55],
          ],
          selected.map((c) => [
            this.clauseRefs([c.id]),
            c.title,
            strengthLabel(c.strength),
            c.reasons.map((r) => r.text).join(" "),
          ]),
        ),
        this.sel.excluded.length === 0
          ? para(phrase("excludedNone"))
          : table(
              "excluded",
              "Clauses left out and why",
              [
                ["Library clause", 22],
                ["Title", 25],
                ["Why left out", 53],
              ],
              this.sel.excluded.map((c) => [c.id, c.title, c.reasons.map((r) => r.text).join(" ")]),
            ),
        findings.length === 0
          ? para(phrase("findingsNone"))
          : { type: "note", label: "Warnings and findings", children: [orderedList(findings, false)] },
      ],
    };
  }
}

/** Text ending in a word that names what a reference points at ("clause ", "under sections "). */
const NAMES_REFERENCE = /\b(?:clauses?|provisions?|sections?|paragraphs?|articles?)\s*$/i;
/** Text that joins two references of one list (", ", " and ", ", or "). */
const JOINS_REFERENCES = /^\s*(?:,|,?\s*(?:and|or))\s*$/i;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Orders "2.10" after "2.9", and "A1.1" after every contract clause. */
function compareNumbers(a: string, b: string): number {
  const pa = a.startsWith("A") ? 1 : 0;
  const pb = b.startsWith("A") ? 1 : 0;
  if (pa !== pb) return pa - pb;
  const xa = a.replace(/^A/, "").split(".").map(Number);
  const xb = b.replace(/^A/, "").split(".").map(Number);
  for (let i = 0; i < Math.max(xa.length, xb.length); i++) {
    const d = (xa[i] ?? 0) - (xb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
