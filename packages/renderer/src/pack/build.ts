import {
  FairtenderError,
  formatCitation,
  IsoDate,
  type IssueCode,
  lint,
  parseSelection,
  type Inline as ResolvedInline,
  type ScheduledObligation,
  type SelectedClause,
  type Selection,
  type Source,
  TOPICS,
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

const STRENGTH_LABEL = {
  mandatory: "Mandatory (required by law)",
  policy: "Policy (binding policy for this buyer)",
  recommended: "Recommended",
  optional: "Optional",
} as const;

function citation(s: Source): string {
  return formatCitation(s);
}

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

  constructor(
    readonly sel: Selection,
    readonly edition: Edition,
    readonly issueDate: string,
    readonly documentVersion: string,
  ) {
    this.guidance = edition === "guidance";
    this.contract = this.number(
      sel.clauses.filter((c) => c.kind === "clause"),
      "",
    );
    this.provisions = this.number(
      sel.clauses.filter((c) => c.kind === "provision"),
      "A",
    );
    this.regimeName = new Map(sel.regimes.map((r) => [r.id, r.name]));
    let code = 65; // "A"
    for (const annex of ["declaration", "plan", "questionnaire", "flowdown", "instruments"]) {
      if (annex === "plan" && !this.numbers.has("us-far-compliance-plan")) continue;
      this.annexLetters.set(annex, String.fromCharCode(code++));
    }
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
      this.declarationAnnex(),
    ];
    const plan = this.planAnnex();
    if (plan) parts.push(plan);
    parts.push(this.questionnaireAnnex(), this.flowDownAnnex(), this.instrumentsAnnex());
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

  inlines(runs: readonly ResolvedInline[]): Inline[] {
    return runs.map((r): Inline => {
      if (r.type === "text") return text(r.value);
      if (r.type === "term") return { type: "term", term: r.term, value: r.text };
      return { type: "ref", target: r.clause, number: this.numbers.get(r.clause) ?? null };
    });
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

  // --- parts ----------------------------------------------------------------------------------

  scopePart(): PartNode {
    const { profile, risk } = this.sel;
    const children: Block[] = [
      para(phrase("scopeIntro", { buyer: profile.buyer.name, title: profile.procurement.title })),
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
    if (this.provisions.size > 0) children.push(para(phrase("provisionsNote"), "note"));
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
            para(phrase("definitionsIntro")),
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
        label: `Why selected: ${STRENGTH_LABEL[clause.strength]}`,
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
      children: topics.length === 0 ? [para(phrase("clausesNone"))] : [para(phrase("clausesIntro")), ...topics],
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
      flowsDownText(o),
      this.clauseRefs(o.clauses),
      [...byRegime].map(([r, cites]) => `${this.regimeLabel(r)}: ${cites.join(", ")}`).join("; "),
    ];
  }

  schedulePart(): PartNode {
    const obligations = this.supplierObligations();
    return {
      type: "part",
      id: "schedule-obligations",
      kind: "schedule",
      label: "Schedule 1",
      title: "Schedule of supplier obligations",
      children:
        obligations.length === 0
          ? [para(phrase("scheduleNone"))]
          : [
              para(phrase("scheduleIntro")),
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
            ],
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
    return {
      type: "part",
      id: "crosswalk",
      kind: "schedule",
      label: "Schedule 2",
      title: "Crosswalk of obligations and regimes",
      children:
        obligations.length === 0
          ? [para(phrase("scheduleNone"))]
          : [
              para(phrase("crosswalkIntro")),
              table(
                "crosswalk",
                "Obligations by regime",
                columns,
                obligations.map((o, i) => [
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
            ],
    };
  }

  annexLabel(key: string): string {
    return `Annex ${this.annexLetters.get(key)}`;
  }

  declarationAnnex(): PartNode {
    const { profile } = this.sel;
    const supplier = profile.supplier?.name ?? "[name of supplier]";
    const children: Array<Block | TopicNode> = [para(phrase("annexAIntro"))];
    const provisionTopics = this.topics(this.provisions);
    children.push(...provisionTopics);

    const declarations: Inline[][] = [[text(phrase("declarationComply"))]];
    for (const o of this.supplierObligations()) {
      if (o.timing.kind !== "before-award" && o.timing.kind !== "at-signature") continue;
      const action = o.action.replace(/\.\s*$/, "");
      declarations.push([text(`${action} (clause `), ...this.clauseRefs(o.clauses), text(");")]);
    }
    if (this.numbers.has("us-far-52-222-56")) {
      declarations.push([text(phrase("far56Certification", { clause: this.numbers.get("us-far-52-222-56")! }))]);
    }
    declarations.push([text(phrase("declarationTrue", { questionnaire: this.annexLetters.get("questionnaire")! }))]);
    children.push(para([strong(phrase("declarationLead", { supplier }))]), orderedList(declarations));
    children.push(
      para(phrase("signatureIntro")),
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
    return {
      type: "part",
      id: "annex-declaration",
      kind: "annex",
      label: this.annexLabel("declaration"),
      title: provisionTopics.length > 0 ? "Solicitation provisions and supplier declaration" : "Supplier declaration",
      children,
    };
  }

  planAnnex(): PartNode | null {
    const planClause = this.numbers.get("us-far-compliance-plan");
    if (!planClause) return null;
    const housing = this.sel.profile.procurement.labour.housingProvided === true;
    const elements: Array<[string, string, string]> = [
      [
        "Awareness programme",
        "FAR 52.222-50(h)(3)(i)",
        "How workers are told of the policy against trafficking-related activities, what is prohibited, and what happens to workers who breach it.",
      ],
      [
        "Reporting without retaliation",
        "FAR 52.222-50(h)(3)(ii)",
        "How workers can report conduct that breaches the policy without fear of retaliation, including how the Global Human Trafficking Hotline is made known to all workers.",
      ],
      [
        "Recruitment and wage plan",
        "FAR 52.222-50(h)(3)(iii)",
        "Use only recruitment companies whose staff are trained; no recruitment fees charged to workers; wages meet host-country legal requirements, or any difference is explained.",
      ],
      [
        housing
          ? "Housing plan"
          : "Housing plan (only if the supplier or a subcontractor provides or arranges housing)",
        "FAR 52.222-50(h)(3)(iv)",
        "How housing provided or arranged for workers meets host-country housing and safety standards, or any difference is explained.",
      ],
      [
        "Agents and subcontractors",
        "FAR 52.222-50(h)(3)(v)",
        "Procedures to prevent agents and subcontractors at any tier and of any value from trafficking-related conduct, and to monitor, detect and end the engagement of any agent, subcontract or subcontractor worker who engages in it.",
      ],
    ];
    return {
      type: "part",
      id: "annex-compliance-plan",
      kind: "annex",
      label: this.annexLabel("plan"),
      title: "Compliance plan template",
      children: [
        para(phrase("planIntro", { clause: planClause })),
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
          elements.map(([element, cite, content], i) => [String(i + 1), element, content, cite, ""]),
        ),
        para(phrase("planPosting")),
      ],
    };
  }

  questionnaireAnnex(): PartNode {
    const level = this.sel.risk.level;
    const questions: string[] = [
      "Does the supplier have a written policy that prohibits human trafficking, forced labour and child labour in its own operations and its supply chain? Attach it.",
      "Has the supplier, or any person with powers of representation, decision or control over it, been convicted of an offence of forced labour, human trafficking or child labour in the last five years? If so, give details and the measures taken since.",
      "Name the person who will be responsible for compliance with the anti-trafficking clauses of this contract.",
    ];
    if (level !== "low") {
      questions.push(
        "Describe how the supplier identifies and assesses the risk of forced labour in its own operations and in the supply chain for this contract.",
        "Will recruitment or labour agencies supply workers for this contract? If so, how does the supplier make sure that no worker pays a recruitment fee?",
        "Describe the grievance mechanism open to workers on this contract and how it protects those who use it.",
      );
    }
    if (level === "high") {
      questions.push(
        "List the supply-chain members who will perform or supply a material part of this contract, with their countries of operation.",
        "Describe any case in the last three years in which indicators of forced labour or trafficking were found in the supplier's operations or supply chain, and the remediation that followed.",
        "Describe the audits or independent checks of labour conditions carried out in the last two years and give a summary of the most recent.",
        "Will the supplier or a subcontractor provide or arrange housing for workers on this contract? If so, describe how it meets host-country housing and safety standards.",
      );
    }
    return {
      type: "part",
      id: "annex-questionnaire",
      kind: "annex",
      label: this.annexLabel("questionnaire"),
      title: "Supplier questionnaire",
      children: [
        para(phrase("questionnaireIntro", { level })),
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
      ],
    };
  }

  flowDownAnnex(): PartNode {
    const rows = this.supplierObligations()
      .map((o, i) => ({ o, no: i + 1 }))
      .filter(({ o }) => o.flowsDown.required);
    return {
      type: "part",
      id: "annex-flow-down",
      kind: "annex",
      label: this.annexLabel("flowdown"),
      title: "Subcontractor flow-down schedule",
      children:
        rows.length === 0
          ? [para(phrase("flowDownNone"))]
          : [
              para(phrase("flowDownIntro")),
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
                rows.map(({ o, no }) => [
                  String(no),
                  o.action,
                  o.flowsDown.tiers === undefined || o.flowsDown.tiers === "all"
                    ? "All tiers"
                    : `${o.flowsDown.tiers} tier${o.flowsDown.tiers === 1 ? "" : "s"} below the supplier`,
                  o.flowsDown.agents ? "Yes" : "No",
                  this.clauseRefs(o.clauses),
                  o.timingText,
                ]),
              ),
            ],
    };
  }

  instrumentsAnnex(): PartNode {
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
    return {
      type: "part",
      id: "annex-instruments",
      kind: "annex",
      label: this.annexLabel("instruments"),
      title: "Instruments incorporated by reference",
      children: [
        para(phrase("instrumentsIntro")),
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
      ],
    };
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
            STRENGTH_LABEL[c.strength],
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

function flowsDownText(o: ScheduledObligation): string {
  if (!o.flowsDown.required) return "No";
  const tiers =
    o.flowsDown.tiers === undefined || o.flowsDown.tiers === "all" ? "all tiers" : `${o.flowsDown.tiers} tier(s)`;
  return `Yes, ${tiers}${o.flowsDown.agents ? ", and agents" : ""}`;
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
