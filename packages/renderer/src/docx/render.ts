import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type IRunOptions,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type XmlComponent,
} from "docx";
import { partHeading } from "../pack/labels.js";
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
import { bookmarkEnd, bookmarkStart, field, fieldEnd, fieldStart, textRun } from "./raw.js";

/** Look of the Word output. Every option only changes named styles, so a user can still restyle in Word. */
export interface DocxTheme {
  /** Body font. Default `"Arial"`. */
  font?: string;
  /** Heading font. Default: the body font. */
  headingFont?: string;
  /** Body font size in points. Default `10.5`. */
  fontSize?: number;
  /** Heading colour, hex `RRGGBB`. Default `"1F3864"`. */
  colour?: string;
  /** Page size. Default `"A4"`. */
  pageSize?: "A4" | "Letter";
  /** A logo for the page header (PNG or JPEG bytes), with its size in pixels. */
  logo?: { data: Uint8Array; type: "png" | "jpg"; width: number; height: number };
}

/** Numbering definitions (abstract numbering references). */
export const NUMBERING = {
  clauses: "fairtender-clauses",
  provisions: "fairtender-provisions",
  listNumber: "fairtender-list-number",
  listBullet: "fairtender-list-bullet",
} as const;

const PAGE = {
  A4: { width: 11906, height: 16838 },
  Letter: { width: 12240, height: 15840 },
} as const;
const MARGIN = 1304; // 23 mm

/** The styles of the four numbered levels, in the contract clauses and in the annexes (solicitation provisions). */
const LEVEL_STYLES = {
  [NUMBERING.clauses]: ["Heading2", "Heading3", "ClauseText", "ClauseItem"],
  [NUMBERING.provisions]: ["AnnexHeading2", "AnnexHeading3", "AnnexClauseText", "AnnexClauseItem"],
} as const;

interface Ctx {
  clauseNumbering: typeof NUMBERING.clauses | typeof NUMBERING.provisions;
  listInstance: number;
  tableCount: number;
  bookmarks: Map<string, { id: number; name: string }>;
}

/** A bookmark name Word accepts: ≤ 40 characters, letters, digits and `_`; hidden (`_Ref` prefix). */
export function bookmarkName(clauseId: string): string {
  const base = `_Ref_${clauseId.replace(/[^A-Za-z0-9]/g, "_")}`;
  if (base.length <= 40) return base;
  let h = 0x811c9dc5;
  for (let i = 0; i < clauseId.length; i++) {
    h ^= clauseId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${base.slice(0, 31)}_${h.toString(16).padStart(8, "0")}`;
}

function runs(nodes: readonly Inline[], props: IRunOptions = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case "text":
      case "term":
        if (n.value !== "") out.push(new TextRun({ ...props, text: scrub(n.value) }));
        break;
      case "strong":
        out.push(...runs(n.children, { ...props, bold: true }));
        break;
      case "emphasis":
        out.push(...runs(n.children, { ...props, italics: true }));
        break;
      case "ref":
        if (n.number === null) {
          out.push(
            new TextRun({ ...props, text: scrub(`[clause not included: ${n.target}]`), bold: true, color: "B00020" }),
          );
        } else {
          // A complex field (begin / instruction / separate / cached number / end), not `w:fldSimple`:
          // converters such as pandoc and mammoth read the cached result of a complex field, and drop
          // a simple field's, number and all. Word updates it to the paragraph number in full context.
          out.push(
            ...field(`REF ${bookmarkName(n.target)} \\h \\w`, n.number, {
              bold: props.bold === true,
              italic: props.italics === true,
            }).map(asChild),
          );
        }
        break;
    }
  }
  return out;
}

const asChild = (c: XmlComponent) => c as unknown as ParagraphChild;

/** Builds the `docx` Document for a pack (not yet packed). */
export function buildDocument(pack: TenderPack, theme: DocxTheme = {}): Document {
  const page = PAGE[theme.pageSize ?? "A4"];
  const textWidth = page.width - 2 * MARGIN;
  const ctx: Ctx = { clauseNumbering: NUMBERING.clauses, listInstance: 0, tableCount: 0, bookmarks: new Map() };
  // Bookmarks first, so references anywhere (before or after) resolve to the same names and ids.
  let nextId = 1;
  for (const part of pack.children) {
    if (part.type !== "part") continue;
    for (const c of part.children) {
      if (c.type !== "topic") continue;
      for (const clause of c.children) ctx.bookmarks.set(clause.id, { id: nextId++, name: bookmarkName(clause.id) });
    }
  }

  const body: Array<Paragraph | Table> = [];
  for (const child of pack.children) {
    switch (child.type) {
      case "titleBlock":
        body.push(...titleBlock(child, textWidth, ctx));
        break;
      case "toc":
        body.push(...toc(child.title, pack));
        break;
      case "part":
        body.push(...part(child, textWidth, ctx));
        break;
    }
  }

  const font = theme.font ?? "Arial";
  const headingFont = theme.headingFont ?? font;
  const colour = (theme.colour ?? "1F3864").replace(/^#/, "");
  const size = Math.round((theme.fontSize ?? 10.5) * 2);
  const meta = pack.meta;

  const headerChildren: ParagraphChild[] = [];
  if (theme.logo) {
    headerChildren.push(
      new ImageRun({
        type: theme.logo.type,
        data: theme.logo.data,
        transformation: { width: theme.logo.width, height: theme.logo.height },
      }),
      new TextRun({ text: "\t" }),
    );
  }
  headerChildren.push(new TextRun({ text: scrub(meta.header) }));

  return new Document({
    title: scrub(meta.title),
    subject: scrub(
      meta.edition === "guidance"
        ? "Anti-trafficking and forced-labour requirements (guidance edition)"
        : "Anti-trafficking and forced-labour requirements (tender pack)",
    ),
    keywords: scrub(meta.keywords.join(", ")),
    creator: "Fairtender",
    lastModifiedBy: "Fairtender",
    description: scrub(
      `${meta.buyer}. Document version ${meta.documentVersion}, issued ${meta.issueDate}. Clause library ${meta.libraryVersion}; @fairtender/renderer ${meta.rendererVersion}.`,
    ),
    revision: 1,
    customProperties: [
      { name: "FairtenderLibraryVersion", value: meta.libraryVersion },
      { name: "FairtenderRendererVersion", value: meta.rendererVersion },
      { name: "FairtenderEdition", value: meta.edition },
      { name: "TenderReference", value: scrub(meta.reference ?? "") || "-" },
      { name: "DocumentVersion", value: scrub(meta.documentVersion) },
    ],
    features: { updateFields: true },
    numbering: numbering(),
    styles: styles({ font, headingFont, colour, size }),
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
          },
        },
        headers: { default: new Header({ children: [new Paragraph({ style: "Header", children: headerChildren })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: "Footer",
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
}

// --- blocks -----------------------------------------------------------------------------------

function titleBlock(node: TitleBlockNode, width: number, ctx: Ctx): Array<Paragraph | Table> {
  return [
    new Paragraph({ style: "Title", children: [new TextRun(scrub(node.title))] }),
    new Paragraph({ style: "Subtitle", children: [new TextRun(scrub(node.subtitle))] }),
    table(
      {
        type: "table",
        id: "facts",
        caption: "Document details",
        header: ["", ""],
        widths: [35, 65],
        children: node.rows.map((r) => ({
          type: "tableRow",
          children: [
            { type: "tableCell", children: [{ type: "text", value: r.label }] },
            { type: "tableCell", children: [{ type: "text", value: r.value }] },
          ],
        })),
      },
      width,
      ctx,
      false,
    ),
  ].flat();
}

/** The table of contents as a TOC field whose cached result already lists the headings (no page numbers). */
function toc(title: string, pack: TenderPack): Paragraph[] {
  const entries: Array<{ level: 1 | 2 | 3; text: string }> = [];
  for (const p of pack.children) {
    if (p.type !== "part") continue;
    entries.push({ level: 1, text: partHeading(p) });
    for (const t of p.children) {
      if (t.type !== "topic") continue;
      entries.push({ level: 2, text: `${t.number}\t${t.title}` });
      for (const c of t.children) entries.push({ level: 3, text: `${c.number}\t${c.title}` });
    }
  }
  const paragraphs = [new Paragraph({ style: "TOCHeading", children: [new TextRun(scrub(title))] })];
  entries.forEach((e, i) => {
    const children: ParagraphChild[] = [];
    if (i === 0) children.push(...fieldStart('TOC \\o "1-3" \\h \\z \\u').map(asChild));
    children.push(asChild(textRun(e.text)));
    if (i === entries.length - 1) children.push(asChild(fieldEnd()));
    paragraphs.push(new Paragraph({ style: `TOC${e.level}`, children }));
  });
  return paragraphs;
}

function part(node: PartNode, width: number, ctx: Ctx): Array<Paragraph | Table> {
  ctx.clauseNumbering = node.kind === "annex" ? NUMBERING.provisions : NUMBERING.clauses;
  const out: Array<Paragraph | Table> = [
    new Paragraph({
      style: "Heading1",
      pageBreakBefore: true,
      children: [new TextRun(scrub(partHeading(node)))],
    }),
  ];
  for (const c of node.children) {
    if (c.type === "topic") out.push(...topic(c, width, ctx));
    else out.push(...block(c, width, ctx));
  }
  return out;
}

function topic(node: TopicNode, width: number, ctx: Ctx): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [
    new Paragraph({
      style: LEVEL_STYLES[ctx.clauseNumbering][0],
      numbering: { reference: ctx.clauseNumbering, level: 0 },
      children: [new TextRun(scrub(node.title))],
    }),
  ];
  for (const c of node.children) out.push(...clause(c, width, ctx));
  return out;
}

function clause(node: ClauseNode, width: number, ctx: Ctx): Array<Paragraph | Table> {
  const bm = ctx.bookmarks.get(node.id)!;
  const out: Array<Paragraph | Table> = [
    new Paragraph({
      style: LEVEL_STYLES[ctx.clauseNumbering][1],
      numbering: { reference: ctx.clauseNumbering, level: 1 },
      children: [asChild(bookmarkStart(bm.id, bm.name)), new TextRun(scrub(node.title)), asChild(bookmarkEnd(bm.id))],
    }),
  ];
  for (const c of node.children) {
    switch (c.type) {
      case "paragraph":
        out.push(paragraph(c, "ClauseIntro"));
        break;
      case "subclause":
        out.push(...subclause(c, ctx));
        break;
      case "note":
        out.push(...note(c, width, ctx));
        break;
    }
  }
  return out;
}

function subclause(node: SubclauseNode, ctx: Ctx): Paragraph[] {
  return [
    new Paragraph({
      style: LEVEL_STYLES[ctx.clauseNumbering][2],
      numbering: { reference: ctx.clauseNumbering, level: 2 },
      children: runs(node.children),
    }),
    ...node.items.map(
      (i) =>
        new Paragraph({
          style: LEVEL_STYLES[ctx.clauseNumbering][3],
          numbering: { reference: ctx.clauseNumbering, level: 3 },
          children: runs(i.children),
        }),
    ),
  ];
}

const ROLE_STYLE = { body: "Normal", small: "SmallPrint", note: "Note" } as const;

function paragraph(node: ParagraphNode, bodyStyle = "Normal"): Paragraph {
  return new Paragraph({
    style: node.role === "body" ? bodyStyle : ROLE_STYLE[node.role],
    children: runs(node.children),
  });
}

function list(node: ListNode, ctx: Ctx, inNote = false): Paragraph[] {
  const instance = ++ctx.listInstance;
  return node.children.map(
    (item) =>
      new Paragraph({
        style: node.ordered ? "ListNumber" : inNote ? "NoteBullet" : "ListBullet",
        numbering: node.ordered
          ? { reference: NUMBERING.listNumber, level: 0, instance }
          : { reference: NUMBERING.listBullet, level: 0 },
        // Inside a note, the bullet sits within the note's indent (direct indent beats the list's).
        ...(inNote ? { indent: { left: 1134, hanging: 283 } } : {}),
        children: runs(item.children),
      }),
  );
}

function note(node: NoteNode, _width: number, ctx: Ctx): Paragraph[] {
  const out = [new Paragraph({ style: "NoteLabel", children: [new TextRun(scrub(node.label))] })];
  for (const c of node.children) {
    if (c.type === "list") out.push(...list(c, ctx, true));
    else out.push(paragraph(c, "Note"));
  }
  return out;
}

function table(node: TableNode, width: number, ctx: Ctx, caption = true): Array<Paragraph | Table> {
  const blankHeader = node.header.every((h) => h === "");
  const total = node.widths.reduce((a, b) => a + b, 0) || 1;
  const columnWidths = node.widths.map((w) => Math.floor((w / total) * width));
  const cell = (children: Paragraph[], w: number, shade = false) =>
    new TableCell({
      width: { size: w, type: WidthType.DXA },
      children: children.length === 0 ? [new Paragraph({ style: "TableText" })] : children,
      ...(shade ? { shading: { fill: "E8E8E8", type: "clear", color: "auto" } } : {}),
    });
  const rows: TableRow[] = [];
  if (!blankHeader) {
    rows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: node.header.map((h, i) =>
          cell([new Paragraph({ style: "TableHeading", children: [new TextRun(scrub(h))] })], columnWidths[i]!, true),
        ),
      }),
    );
  }
  for (const row of node.children) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: row.children.map((c, i) =>
          cell(
            [
              new Paragraph({
                style: blankHeader && i === 0 ? "TableHeading" : "TableText",
                children: runs(c.children),
              }),
            ],
            columnWidths[i]!,
            blankHeader && i === 0,
          ),
        ),
      }),
    );
  }
  const out: Array<Paragraph | Table> = [];
  if (caption) {
    const n = ++ctx.tableCount;
    out.push(
      new Paragraph({
        style: "Caption",
        keepNext: true,
        children: [
          new TextRun("Table "),
          ...field("SEQ Table \\* ARABIC", String(n)).map(asChild),
          new TextRun(`: ${scrub(node.caption)}`),
        ],
      }),
    );
  }
  out.push(
    new Table({
      style: "PackTable",
      width: { size: width, type: WidthType.DXA },
      columnWidths,
      rows,
    }),
  );
  // An empty paragraph after a table keeps two adjacent tables from merging in Word.
  out.push(new Paragraph({ style: "TableSpacer" }));
  return out;
}

function block(node: Block, width: number, ctx: Ctx): Array<Paragraph | Table> {
  switch (node.type) {
    case "paragraph":
      return [paragraph(node)];
    case "list":
      return list(node, ctx);
    case "table":
      return table(node, width, ctx);
    case "note":
      return note(node, width, ctx);
  }
}

// --- numbering and styles ---------------------------------------------------------------------

function legalLevels(prefix: string, styles: readonly string[]): INumberingOptions["config"][number]["levels"] {
  return [
    {
      level: 0,
      format: LevelFormat.DECIMAL,
      text: `${prefix}%1`,
      suffix: LevelSuffix.TAB,
      style: { paragraph: { indent: { left: 851, hanging: 851 } }, style: styles[0] },
    },
    {
      level: 1,
      format: LevelFormat.DECIMAL,
      text: `${prefix}%1.%2`,
      suffix: LevelSuffix.TAB,
      style: { paragraph: { indent: { left: 851, hanging: 851 } }, style: styles[1] },
    },
    {
      level: 2,
      format: LevelFormat.DECIMAL,
      text: `${prefix}%1.%2.%3`,
      suffix: LevelSuffix.TAB,
      style: { paragraph: { indent: { left: 1702, hanging: 851 } }, style: styles[2] },
    },
    {
      level: 3,
      format: LevelFormat.LOWER_LETTER,
      text: "(%4)",
      suffix: LevelSuffix.TAB,
      style: { paragraph: { indent: { left: 2268, hanging: 567 } }, style: styles[3] },
    },
  ];
}

function numbering(): INumberingOptions {
  return {
    config: [
      { reference: NUMBERING.clauses, levels: legalLevels("", LEVEL_STYLES[NUMBERING.clauses]) },
      { reference: NUMBERING.provisions, levels: legalLevels("A", LEVEL_STYLES[NUMBERING.provisions]) },
      {
        reference: NUMBERING.listNumber,
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text: "%1.",
            suffix: LevelSuffix.TAB,
            style: { paragraph: { indent: { left: 567, hanging: 567 } } },
          },
        ],
      },
      {
        reference: NUMBERING.listBullet,
        levels: [
          {
            level: 0,
            format: LevelFormat.BULLET,
            text: "\u2022",
            suffix: LevelSuffix.TAB,
            style: { paragraph: { indent: { left: 567, hanging: 283 } } },
          },
        ],
      },
    ],
  };
}

function styles(t: { font: string; headingFont: string; colour: string; size: number }) {
  const heading = (size: number, extra: Partial<IParagraphStyleOptions["paragraph"]> = {}) => ({
    run: { font: t.headingFont, size, bold: true, color: t.colour },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true, ...extra },
  });
  const ps = (
    id: string,
    name: string,
    options: Omit<IParagraphStyleOptions, "id" | "name"> = {},
  ): IParagraphStyleOptions => ({ id, name, basedOn: "Normal", next: "Normal", quickFormat: true, ...options });
  return {
    default: {
      document: {
        run: { font: t.font, size: t.size },
        paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
      },
      title: {
        run: { font: t.headingFont, size: 44, bold: true, color: t.colour },
        paragraph: { spacing: { after: 120 } },
      },
      heading1: { ...heading(32, { outlineLevel: 0 }), basedOn: "Normal", next: "Normal", quickFormat: true },
      heading2: {
        ...heading(26, { outlineLevel: 1, numbering: { reference: NUMBERING.clauses, level: 0 } }),
        basedOn: "Normal",
        next: "Normal",
        quickFormat: true,
      },
      heading3: {
        ...heading(t.size + 2, { outlineLevel: 2, numbering: { reference: NUMBERING.clauses, level: 1 } }),
        basedOn: "Normal",
        next: "ClauseText",
        quickFormat: true,
      },
    },
    paragraphStyles: [
      { id: "Normal", name: "Normal", quickFormat: true, next: "Normal" },
      ps("Subtitle", "Subtitle", {
        run: { size: 26, italics: true, color: "404040" },
        paragraph: { spacing: { after: 360 } },
      }),
      ps("ClauseText", "Clause Text", {
        next: "ClauseText",
        paragraph: { numbering: { reference: NUMBERING.clauses, level: 2 }, spacing: { after: 120 } },
      }),
      ps("ClauseItem", "Clause Item", {
        next: "ClauseItem",
        paragraph: { numbering: { reference: NUMBERING.clauses, level: 3 }, spacing: { after: 60 } },
      }),
      // The annexes' solicitation provisions ("A1", "A1.1"): the clause styles' look, the provision numbering.
      ps("AnnexHeading2", "Annex Heading 2", {
        basedOn: "Heading2",
        next: "Normal",
        paragraph: { numbering: { reference: NUMBERING.provisions, level: 0 } },
      }),
      ps("AnnexHeading3", "Annex Heading 3", {
        basedOn: "Heading3",
        next: "AnnexClauseText",
        paragraph: { numbering: { reference: NUMBERING.provisions, level: 1 } },
      }),
      ps("AnnexClauseText", "Annex Clause Text", {
        basedOn: "ClauseText",
        next: "AnnexClauseText",
        paragraph: { numbering: { reference: NUMBERING.provisions, level: 2 } },
      }),
      ps("AnnexClauseItem", "Annex Clause Item", {
        basedOn: "ClauseItem",
        next: "AnnexClauseItem",
        paragraph: { numbering: { reference: NUMBERING.provisions, level: 3 } },
      }),
      ps("ClauseIntro", "Clause Intro", { paragraph: { indent: { left: 851 } } }),
      ps("SmallPrint", "Small Print", {
        run: { size: Math.max(14, t.size - 4), color: "555555" },
        paragraph: { indent: { left: 851 }, spacing: { after: 160 } },
      }),
      ps("NoteLabel", "Note Label", {
        run: { bold: true, color: "7A5200", size: Math.max(14, t.size - 2) },
        paragraph: {
          keepNext: true,
          indent: { left: 851 },
          spacing: { before: 80, after: 40 },
          shading: { fill: "FFF4D6", type: "clear", color: "auto" },
        },
      }),
      ps("Note", "Note", {
        run: { size: Math.max(14, t.size - 2) },
        paragraph: {
          indent: { left: 851 },
          shading: { fill: "FFF4D6", type: "clear", color: "auto" },
          spacing: { after: 60 },
        },
      }),
      ps("NoteBullet", "Note Bullet", {
        basedOn: "Note",
        paragraph: {
          numbering: { reference: NUMBERING.listBullet, level: 0 },
          indent: { left: 1134, hanging: 283 },
          shading: { fill: "FFF4D6", type: "clear", color: "auto" },
        },
      }),
      ps("ListNumber", "List Number", { paragraph: { spacing: { after: 80 } } }),
      ps("ListBullet", "List Bullet", { paragraph: { spacing: { after: 60 } } }),
      ps("Caption", "caption", {
        run: { bold: true, size: Math.max(14, t.size - 1), color: t.colour },
        paragraph: { spacing: { before: 160, after: 60 } },
      }),
      ps("TableText", "Table Text", {
        run: { size: Math.max(14, t.size - 2) },
        paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } },
      }),
      ps("TableHeading", "Table Heading", {
        basedOn: "TableText",
        run: { bold: true, size: Math.max(14, t.size - 2) },
        paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO }, keepNext: true },
      }),
      ps("TableSpacer", "Table Spacer", {
        run: { size: 8 },
        paragraph: { spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.AUTO } },
      }),
      ps("TOCHeading", "TOC Heading", {
        run: { font: t.headingFont, size: 32, bold: true, color: t.colour },
        paragraph: { spacing: { before: 240, after: 120 } },
      }),
      ps("TOC1", "toc 1", { run: { bold: true }, paragraph: { spacing: { before: 120, after: 40 } } }),
      ps("TOC2", "toc 2", { paragraph: { indent: { left: 284 }, spacing: { after: 20 }, leftTabStop: 851 } }),
      ps("TOC3", "toc 3", { paragraph: { indent: { left: 851 }, spacing: { after: 20 }, leftTabStop: 1702 } }),
      ps("Header", "header", { run: { size: 16, color: "555555" }, paragraph: { spacing: { after: 0 } } }),
      ps("Footer", "footer", { run: { size: 16, color: "555555" }, paragraph: { spacing: { after: 0 } } }),
    ],
  };
}

const BORDER = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>';

/** The table style every table uses (docx has no table-style builder): thin grey grid, shaded bold header row. */
export const PACK_TABLE_STYLE = `<w:style w:type="table" w:customStyle="1" w:styleId="PackTable"><w:name w:val="Pack Table"/><w:uiPriority w:val="59"/><w:qFormat/><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr><w:tblPr><w:tblBorders>${[
  "top",
  "left",
  "bottom",
  "right",
  "insideH",
  "insideV",
]
  .map((side) => BORDER.replace("{side}", side))
  .join(
    "",
  )}</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E8E8E8"/></w:tcPr></w:tblStylePr></w:style>`;
