/**
 * @packageDocumentation
 * `@fairtender/renderer/html`: renders a tender pack as semantic, accessible, self-contained HTML
 * (inline CSS, no script). Browser-safe; does not load `docx`.
 */
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
import { scrub } from "../text/scrub.js";

/** Options of {@link toHtml}. */
export interface HtmlOptions {
  /** The document language (`lang` attribute). Defaults to `"en"`. */
  lang?: string;
  /** `true` (default): a whole HTML document with `<head>` and inline CSS; `false`: an `<article>` fragment. */
  standalone?: boolean;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return scrub(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSS = `body{font-family:Georgia,"Times New Roman",serif;line-height:1.45;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.9rem;margin-bottom:.2rem}h2{font-size:1.35rem;border-bottom:1px solid #999;margin-top:2.2rem}h3{font-size:1.15rem;margin-top:1.6rem}h4{font-size:1rem;margin:1.2rem 0 .4rem}
.subtitle{font-style:italic;margin-top:0}.num{display:inline-block;min-width:3.2em;font-weight:bold}
.subclause{margin:.4rem 0}.items{list-style:none;margin:.2rem 0 .2rem 3.2em;padding:0}.items li{margin:.15rem 0}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1rem;font-size:.92rem}caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border:1px solid #888;padding:.3rem .4rem;vertical-align:top;text-align:left}th{background:#e8e8e8}
.small{font-size:.85rem;color:#444}.note{border-left:4px solid #c58b00;background:#fff8e6;padding:.4rem .8rem;margin:.6rem 0}.note-label{font-weight:bold;margin:0}
.missing{color:#b00020;font-weight:bold}nav ol{list-style:none;padding-left:1rem}td:empty::after{content:"\\00a0"}`;

/**
 * Renders a tender pack as HTML: `h1` for the title, `h2` for parts, `h3` for topics, `h4` for
 * clauses; tables with `<caption>` and `<th scope>`; no script, no external resource. Every value
 * is escaped (`& < > " '`), so text from the profile stays text.
 *
 * @param pack - A pack from `buildTenderPack`.
 * @param options - Language and whether to produce a whole document.
 * @returns The HTML text.
 * @example
 * ```ts
 * const html = toHtml(pack, { lang: "en-GB" });
 * ```
 */
export function toHtml(pack: TenderPack, options: HtmlOptions = {}): string {
  const lang = escapeHtml(options.lang ?? "en");
  const parts: string[] = [];
  const partNodes = pack.children.filter((c): c is PartNode => c.type === "part");
  for (const child of pack.children) {
    switch (child.type) {
      case "titleBlock":
        parts.push(titleBlockHtml(child));
        break;
      case "toc":
        parts.push(tocHtml(child.title, partNodes));
        break;
      case "part":
        parts.push(partHtml(child));
        break;
    }
  }
  const article = `<article class="tender-pack" lang="${lang}">\n${parts.join("\n")}\n</article>\n`;
  if (options.standalone === false) return article;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="@fairtender/renderer ${escapeHtml(pack.meta.rendererVersion)}">
<title>${escapeHtml(pack.meta.title)}</title>
<style>${CSS}</style>
</head>
<body>
${article}</body>
</html>
`;
}

/** An HTML id from a node id (ids are kebab-case already; anything else is dropped). */
function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^a-z0-9-]/g, "")}`;
}

function inlineHtml(runs: readonly Inline[]): string {
  let out = "";
  for (const r of runs) {
    switch (r.type) {
      case "text":
        out += escapeHtml(r.value);
        break;
      case "term":
        out += `<span class="term">${escapeHtml(r.value)}</span>`;
        break;
      case "strong":
        out += `<strong>${inlineHtml(r.children)}</strong>`;
        break;
      case "emphasis":
        out += `<em>${inlineHtml(r.children)}</em>`;
        break;
      case "ref":
        out +=
          r.number === null
            ? `<span class="missing">${escapeHtml(refText(r))}</span>`
            : `<a class="ref" href="#${anchor("clause", r.target)}">${escapeHtml(r.number)}</a>`;
        break;
    }
  }
  return out;
}

function titleBlockHtml(node: TitleBlockNode): string {
  const rows = node.rows
    .map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th><td>${escapeHtml(r.value)}</td></tr>`)
    .join("\n");
  return `<header>
<h1>${escapeHtml(node.title)}</h1>
<p class="subtitle">${escapeHtml(node.subtitle)}</p>
<table class="facts">
<caption>Document details</caption>
<tbody>
${rows}
</tbody>
</table>
</header>`;
}

function tocHtml(title: string, parts: readonly PartNode[]): string {
  const items = parts
    .map((p) => {
      const topics = p.children.filter((c): c is TopicNode => c.type === "topic");
      const sub =
        topics.length === 0
          ? ""
          : `<ol>${topics.map((t) => `<li><a href="#${anchor("topic", `${p.id}-${t.id}`)}">${escapeHtml(`${t.number} ${t.title}`)}</a></li>`).join("")}</ol>`;
      return `<li><a href="#${anchor("part", p.id)}">${escapeHtml(partHeading(p))}</a>${sub}</li>`;
    })
    .join("\n");
  return `<nav aria-label="${escapeHtml(title)}">\n<h2>${escapeHtml(title)}</h2>\n<ol>\n${items}\n</ol>\n</nav>`;
}

function partHtml(part: PartNode): string {
  const body = part.children.map((c) => (c.type === "topic" ? topicHtml(part, c) : blockHtml(c))).join("\n");
  return `<section id="${anchor("part", part.id)}" class="part part-${part.kind}">\n<h2>${escapeHtml(partHeading(part))}</h2>\n${body}\n</section>`;
}

function topicHtml(part: PartNode, topic: TopicNode): string {
  const clauses = topic.children.map(clauseHtml).join("\n");
  return `<section id="${anchor("topic", `${part.id}-${topic.id}`)}" class="topic">\n<h3><span class="num">${escapeHtml(topic.number)}</span> ${escapeHtml(topic.title)}</h3>\n${clauses}\n</section>`;
}

function clauseHtml(clause: ClauseNode): string {
  const body = clause.children.map(clauseChildHtml).join("\n");
  return `<section id="${anchor("clause", clause.id)}" class="clause clause-${clause.kind}">\n<h4><span class="num">${escapeHtml(clause.number)}</span> ${escapeHtml(clause.title)}</h4>\n${body}\n</section>`;
}

function clauseChildHtml(c: ClauseNode["children"][number]): string {
  switch (c.type) {
    case "paragraph":
      return paragraphHtml(c);
    case "subclause":
      return subclauseHtml(c);
    case "note":
      return noteHtml(c);
  }
}

function subclauseHtml(node: SubclauseNode): string {
  const items =
    node.items.length === 0
      ? ""
      : `\n<ol class="items">\n${node.items
          .map((i) => `<li><span class="num">${escapeHtml(i.number)}</span> ${inlineHtml(i.children)}</li>`)
          .join("\n")}\n</ol>`;
  return `<div class="subclause"><p><span class="num">${escapeHtml(node.number)}</span> ${inlineHtml(node.children)}</p>${items}</div>`;
}

function paragraphHtml(node: ParagraphNode): string {
  const cls = node.role === "body" ? "" : ` class="${node.role}"`;
  return `<p${cls}>${inlineHtml(node.children)}</p>`;
}

function listHtml(node: ListNode): string {
  const tag = node.ordered ? "ol" : "ul";
  return `<${tag}>\n${node.children.map((i) => `<li>${inlineHtml(i.children)}</li>`).join("\n")}\n</${tag}>`;
}

function noteHtml(node: NoteNode): string {
  const body = node.children.map((c) => (c.type === "list" ? listHtml(c) : paragraphHtml(c))).join("\n");
  return `<aside class="note">\n<p class="note-label">${escapeHtml(node.label)}</p>\n${body}\n</aside>`;
}

function tableHtml(node: TableNode): string {
  const blankHeader = node.header.every((h) => h === "");
  const head = blankHeader
    ? ""
    : `<thead><tr>${node.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr></thead>\n`;
  const rows = node.children
    .map((row) => {
      const cells = row.children.map((c, i) =>
        i === 0 && blankHeader
          ? `<th scope="row">${inlineHtml(c.children)}</th>`
          : `<td>${inlineHtml(c.children)}</td>`,
      );
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  return `<table class="table-${escapeHtml(node.id)}">\n<caption>${escapeHtml(node.caption)}</caption>\n${head}<tbody>\n${rows}\n</tbody>\n</table>`;
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case "paragraph":
      return paragraphHtml(block);
    case "list":
      return listHtml(block);
    case "table":
      return tableHtml(block);
    case "note":
      return noteHtml(block);
  }
}
