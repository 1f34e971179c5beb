/**
 * The tender-pack document model: a closed, plain-JSON, unist-style tree (`{ type, children }`) with
 * every number already computed. Every backend (Markdown, HTML, Word) handles every node type, so
 * the three outputs show the same structure and the same numbers.
 */

/** Which edition of the pack: `tender` is what suppliers receive; `guidance` adds notes for the buyer's team. */
export type Edition = "tender" | "guidance";

/** Options of {@link buildTenderPack}. */
export interface PackOptions {
  /** `tender` (default) or `guidance` (adds drafting notes, reasons, exclusions and findings). */
  edition?: Edition;
  /** The issue date printed on the pack, `YYYY-MM-DD`. Defaults to the procurement start date, never the clock. */
  issueDate?: string;
  /** The document version printed on the pack. Defaults to `"1.0"`. */
  documentVersion?: string;
}

/** Plain text. Backends escape it for their format; it never carries markup. */
export interface TextNode {
  type: "text";
  value: string;
}
/** Bold text. */
export interface StrongNode {
  type: "strong";
  children: Inline[];
}
/** Italic text. */
export interface EmphasisNode {
  type: "emphasis";
  children: Inline[];
}
/** The use of a defined term (rendered as the term, in bold in Word and HTML). */
export interface TermNode {
  type: "term";
  /** The definition id. */
  term: string;
  /** The words shown. */
  value: string;
}
/**
 * A cross-reference to a contract clause by id. `number` is the computed number ("7.2"), or `null`
 * when the clause is not in the pack; backends then print `[clause not included: id]`.
 */
export interface RefNode {
  type: "ref";
  target: string;
  number: string | null;
}
/** Running text. */
export type Inline = TextNode | StrongNode | EmphasisNode | TermNode | RefNode;

/** A paragraph. `role` picks the paragraph style: body text, a small print line, or a note. */
export interface ParagraphNode {
  type: "paragraph";
  role: "body" | "small" | "note";
  children: Inline[];
}
/** One item of a {@link ListNode}. `number` is the computed label for ordered lists ("3"), `null` for bullets. */
export interface ListItemNode {
  type: "listItem";
  number: string | null;
  children: Inline[];
}
/** A list. Ordered lists restart at 1 in each list. */
export interface ListNode {
  type: "list";
  ordered: boolean;
  children: ListItemNode[];
}
/** A table cell: running text. An empty cell is a blank to fill in (forms). */
export interface TableCellNode {
  type: "tableCell";
  children: Inline[];
}
/** A table row. */
export interface TableRowNode {
  type: "tableRow";
  children: TableCellNode[];
}
/**
 * A table with one header row (repeated on each page in Word) and a caption ("Table 2: Schedule of
 * supplier obligations"). `id` names the kind of table, so Markdown users can override its layout.
 */
export interface TableNode {
  type: "table";
  id: string;
  caption: string;
  /** Header cells. */
  header: string[];
  /** Relative column widths (same length as `header`), summing to 100. */
  widths: number[];
  children: TableRowNode[];
}
/** A guidance-edition note box: why a clause is there, drafting notes, a lint finding. */
export interface NoteNode {
  type: "note";
  /** Short label, e.g. "Drafting note", "Why selected". */
  label: string;
  children: Array<ParagraphNode | ListNode>;
}
/** A numbered sub-clause ("1.2.1") with optional lettered items ("(a)"). */
export interface SubclauseNode {
  type: "subclause";
  number: string;
  children: Inline[];
  items: ItemNode[];
}
/** A lettered item of a sub-clause: `number` is the label ("(a)"), `fullNumber` the reference form ("1.2.1(a)"). */
export interface ItemNode {
  type: "item";
  number: string;
  fullNumber: string;
  children: Inline[];
}
/** Block content. */
export type Block = ParagraphNode | ListNode | TableNode | NoteNode;

/** A contract clause (or a solicitation provision), numbered "1.2" under its topic. */
export interface ClauseNode {
  type: "clause";
  /** The library clause id; also the bookmark / anchor name. */
  id: string;
  number: string;
  title: string;
  kind: "clause" | "provision";
  /** Unnumbered lead-in, then numbered sub-clauses; guidance notes come last. */
  children: Array<ParagraphNode | SubclauseNode | NoteNode>;
}
/** A topic heading ("1 Prohibited practices"), grouping clauses. */
export interface TopicNode {
  type: "topic";
  id: string;
  number: string;
  title: string;
  children: ClauseNode[];
}
/** The table of contents (a pre-filled field in Word, a list of links in HTML; omitted in Markdown). */
export interface TocNode {
  type: "toc";
  title: string;
}
/** What kind of part: front matter, the contract clauses, a schedule or an annex. */
export type PartKind = "scope" | "definitions" | "clauses" | "schedule" | "annex" | "guidance";
/**
 * A top-level part of the pack. `label` is its fixed name ("Schedule 1", "Annex A") or `null`.
 * Numbered lists and clauses restart in each part.
 */
export interface PartNode {
  type: "part";
  id: string;
  kind: PartKind;
  label: string | null;
  title: string;
  children: Array<Block | TopicNode>;
}
/** The title block: the procurement title and a table of facts (buyer, reference, version, dates). */
export interface TitleBlockNode {
  type: "titleBlock";
  title: string;
  subtitle: string;
  /** Label/value pairs: "Buyer", "Reference", "Document version", "Issue date", "Library version". */
  rows: Array<{ label: string; value: string }>;
}

/** Facts about the pack used by every backend (headers, document properties). */
export interface PackMeta {
  title: string;
  buyer: string;
  /** The tender reference, or `null` when the profile has none. */
  reference: string | null;
  edition: Edition;
  documentVersion: string;
  issueDate: string;
  libraryVersion: string;
  rendererVersion: string;
  /** Regimes and topics, for the document's keywords. */
  keywords: string[];
  /** The text of the page header. */
  header: string;
}

/** The whole tender pack. */
export interface TenderPack {
  type: "tenderPack";
  meta: PackMeta;
  children: Array<TitleBlockNode | TocNode | PartNode>;
}

/** Every node type of the tender pack, for exhaustive handler maps. */
export type PackNode =
  | TenderPack
  | TitleBlockNode
  | TocNode
  | PartNode
  | TopicNode
  | ClauseNode
  | SubclauseNode
  | ItemNode
  | ParagraphNode
  | ListNode
  | ListItemNode
  | TableNode
  | TableRowNode
  | TableCellNode
  | NoteNode
  | Inline;
