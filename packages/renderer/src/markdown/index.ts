/**
 * @packageDocumentation
 * `@fairtender/renderer/markdown`: renders a tender pack as CommonMark with GFM tables. Browser-safe;
 * does not load `docx`.
 */
import { FairtenderError } from "@fairtender/core";
import { partHeading, refText } from "../pack/labels.js";
import type {
  Block,
  ClauseNode,
  Inline,
  ListNode,
  NoteNode,
  ParagraphNode,
  PartNode,
  SubclauseNode,
  TableNode,
  TenderPack,
  TitleBlockNode,
  TopicNode,
} from "../pack/types.js";
import { escapeMarkdown, guardBlockStart } from "./escape.js";
import { compilePartial, DEFAULT_PARTIALS, PARTIAL_VARIABLES, type PartialName, TABLE_IDS } from "./templates.js";

export type { PartialName } from "./templates.js";
export { DEFAULT_PARTIALS, PARTIAL_VARIABLES, TABLE_IDS } from "./templates.js";

/** Options of {@link toMarkdown}. */
export interface MarkdownOptions {
  /**
   * Your own layout for any block, by name (`clause`, `titleBlock`, `part`, …, or a table by id such
   * as `obligationsTable`). A partial may only place its variables (`{{number}} {{title}}`); blocks,
   * helpers and partial calls are rejected, so a partial cannot change what the pack contains.
   */
  partials?: Record<string, string>;
}

type Render = (name: string, data: Record<string, string>) => string;

/**
 * Renders a tender pack as Markdown (CommonMark with GFM tables). Clause numbers are the pack's
 * computed numbers, the same as in Word and HTML. Every value is escaped, so text from the profile
 * can never add a heading, a list, a table row or HTML.
 *
 * @param pack - A pack from `buildTenderPack`.
 * @param options - Layout overrides per block.
 * @returns The Markdown text, ending with one newline.
 * @throws {FairtenderError} `template-error` when a partial is not valid; `invalid-options` when it names an unknown block.
 * @example
 * ```ts
 * const md = toMarkdown(pack, { partials: { clause: "#### Clause {{number}}: {{title}}\n\n{{body}}" } });
 * ```
 */
export function toMarkdown(pack: TenderPack, options: MarkdownOptions = {}): string {
  const overrides = options.partials ?? {};
  for (const name of Object.keys(overrides)) {
    if (!Object.hasOwn(PARTIAL_VARIABLES, name) && !isTableName(name)) {
      const expected = `one of ${[...Object.keys(DEFAULT_PARTIALS), ...TABLE_IDS.map((t) => `${t}Table`)].join(", ")}`;
      const message = `Markdown partial "${name}" is not a block name (expected ${expected}).`;
      const issue = { code: "unknown-value", path: ["partials", name], received: name, expected, message };
      throw new FairtenderError("invalid-options", message, { issues: [issue] });
    }
  }
  const resolved = new Map<string, (data: Record<string, string>) => string>();
  const render: Render = (name, data) => {
    let template = resolved.get(name);
    if (!template) {
      const table = isTableName(name);
      const base = (table ? "table" : name) as PartialName;
      const source = Object.hasOwn(overrides, name)
        ? overrides[name]!
        : Object.hasOwn(overrides, base)
          ? overrides[base]!
          : DEFAULT_PARTIALS[base];
      template = compilePartial(name, source, PARTIAL_VARIABLES[base]);
      resolved.set(name, template);
    }
    return template(data);
  };
  const blocks: string[] = [];
  let titleBlock = "";
  for (const child of pack.children) {
    switch (child.type) {
      case "titleBlock":
        titleBlock = titleBlockMd(child, render);
        break;
      case "toc":
        blocks.push(render("toc", { title: escapeMarkdown(child.title) }));
        break;
      case "part":
        blocks.push(partMd(child, render));
        break;
    }
  }
  const m = pack.meta;
  const out = render("document", {
    titleBlock,
    body: join(blocks),
    title: escapeMarkdown(m.title),
    buyer: escapeMarkdown(m.buyer),
    reference: escapeMarkdown(m.reference ?? ""),
    edition: m.edition,
    issueDate: escapeMarkdown(m.issueDate),
    documentVersion: escapeMarkdown(m.documentVersion),
  });
  // The default layouts never leave blank-line runs; a user's partials may, so normalise only then
  // (a regular-expression pass over the whole document costs more than rendering it).
  return Object.keys(overrides).length === 0 ? out : `${out.replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

function isTableName(name: string): boolean {
  return name.endsWith("Table") && (TABLE_IDS as readonly string[]).includes(name.slice(0, -5));
}

/**
 * Joins blocks with one blank line, dropping empty ones. (Runs of blank lines a user partial may
 * leave are collapsed once at the end; testing each block with a regular expression would flatten
 * every nested string and make rendering quadratic.)
 */
function join(blocks: readonly string[]): string {
  // String concatenation builds a rope that is flattened once, at the end; Array#join would copy
  // every nested level again.
  let out = "";
  for (const b of blocks) {
    if (b === "") continue;
    out = out === "" ? b : `${out}\n\n${b}`;
  }
  return out;
}

function inlineMd(runs: readonly Inline[]): string {
  let out = "";
  for (const r of runs) {
    switch (r.type) {
      case "text":
      case "term":
        out += escapeMarkdown(r.value);
        break;
      case "strong": {
        const inner = inlineMd(r.children);
        out += inner.trim() === "" ? inner : `**${inner}**`;
        break;
      }
      case "emphasis": {
        const inner = inlineMd(r.children);
        out += inner.trim() === "" ? inner : `_${inner}_`;
        break;
      }
      case "ref":
        out += escapeMarkdown(refText(r));
        break;
    }
  }
  return out;
}

function titleBlockMd(node: TitleBlockNode, render: Render): string {
  const facts = gfmTable(
    ["Item", "Detail"],
    node.rows.map((r) => [escapeMarkdown(r.label), escapeMarkdown(r.value)]),
  );
  return render("titleBlock", {
    title: escapeMarkdown(node.title),
    subtitle: escapeMarkdown(node.subtitle),
    facts,
  });
}

function partMd(part: PartNode, render: Render): string {
  const body = join(part.children.map((c) => (c.type === "topic" ? topicMd(c, render) : blockMd(c, render))));
  return render("part", {
    heading: escapeMarkdown(partHeading(part)),
    label: escapeMarkdown(part.label ?? ""),
    title: escapeMarkdown(part.title),
    body,
    id: part.id,
  });
}

function topicMd(topic: TopicNode, render: Render): string {
  return render("topic", {
    number: escapeMarkdown(topic.number),
    title: escapeMarkdown(topic.title),
    body: join(topic.children.map((c) => clauseMd(c, render))),
    id: topic.id,
  });
}

function clauseMd(clause: ClauseNode, render: Render): string {
  const body = join(clause.children.map((c) => clauseChildMd(c, render)));
  return render("clause", {
    number: escapeMarkdown(clause.number),
    title: escapeMarkdown(clause.title),
    body,
    id: clause.id,
    kind: clause.kind,
  });
}

function clauseChildMd(c: ClauseNode["children"][number], render: Render): string {
  switch (c.type) {
    case "subclause":
      return subclauseMd(c, render);
    case "paragraph":
      return paragraphMd(c, render);
    case "note":
      return noteMd(c, render);
  }
}

function subclauseMd(node: SubclauseNode, render: Render): string {
  const items = node.items
    .map((i) =>
      render("item", {
        number: escapeMarkdown(i.number),
        fullNumber: escapeMarkdown(i.fullNumber),
        text: inlineMd(i.children),
      }),
    )
    .join("\n");
  return render("subclause", {
    number: escapeMarkdown(node.number),
    text: inlineMd(node.children),
    items: items === "" ? "" : `\n\n${items}`,
  });
}

function paragraphMd(node: ParagraphNode, render: Render): string {
  let text = guardBlockStart(inlineMd(node.children));
  if (node.role === "small" && text !== "") text = `_${text}_`;
  return render("paragraph", { text, role: node.role });
}

function listMd(node: ListNode, render: Render): string {
  const items = node.children
    .map((item) => {
      const marker = node.ordered ? `${item.number ?? "1"}.` : "-";
      return render("listItem", { marker, number: item.number ?? "", text: guardBlockStart(inlineMd(item.children)) });
    })
    .join("\n");
  return render("list", { items, ordered: node.ordered ? "true" : "false" });
}

function noteMd(node: NoteNode, render: Render): string {
  const body = join(node.children.map((c) => (c.type === "list" ? listMd(c, render) : paragraphMd(c, render))));
  const quoted = body
    .split("\n")
    .map((line) => (line === "" ? ">" : `> ${line}`))
    .join("\n");
  return render("note", { label: escapeMarkdown(node.label), body, quoted });
}

function tableMd(node: TableNode, render: Render): string {
  const header = node.header.map((h) => escapeMarkdown(h));
  const rows = node.children.map((row) => row.children.map((c) => inlineMd(c.children)));
  return render(`${node.id}Table`, {
    caption: escapeMarkdown(node.caption),
    table: gfmTable(header, rows),
    id: node.id,
    header: header.join(" | "),
    rows: String(rows.length),
  });
}

function blockMd(block: Block, render: Render): string {
  switch (block.type) {
    case "paragraph":
      return paragraphMd(block, render);
    case "list":
      return listMd(block, render);
    case "table":
      return tableMd(block, render);
    case "note":
      return noteMd(block, render);
  }
}

/** A GFM table; cells are already escaped (pipes included). Empty cells stay empty (blanks to fill in). */
function gfmTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const head = header.map((h) => (h === "" ? " " : h));
  const lines = [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`];
  for (const row of rows) lines.push(`| ${row.map((c) => (c === "" ? " " : c)).join(" | ")} |`);
  return lines.join("\n");
}
