/**
 * The named Word styles the `.docx` backend uses, by style id, with the name Word shows and what
 * each is for. A legal team restyles the whole pack by changing these styles (or by passing a
 * reference .docx that defines them). Clause numbering is linked to `Heading2`, `Heading3`,
 * `ClauseText` and `ClauseItem`, and the annexes' provision numbering ("A1", "A1.1") to their
 * `Annex…` twins, so a heading inserted in Word is numbered in its part and renumbers the rest,
 * also after a restyle with a reference document. `name` is the name Word stores (built-in styles
 * in Word's lower-case form, "heading 2", which Word shows as "Heading 2" and python-docx finds
 * as `styles["Heading 2"]`).
 */
export const STYLE_NAMES = [
  { id: "Title", name: "Title", type: "paragraph", use: "The procurement title on the cover" },
  { id: "Subtitle", name: "Subtitle", type: "paragraph", use: "The line under the title (edition)" },
  {
    id: "Heading1",
    name: "heading 1",
    type: "paragraph",
    use: "Parts, schedules and annexes (unnumbered: “Part 3 Contract clauses”)",
  },
  {
    id: "Heading2",
    name: "heading 2",
    type: "paragraph",
    use: "Topics, numbered 1, 2, 3 (linked to the clause numbering, level 1)",
  },
  {
    id: "Heading3",
    name: "heading 3",
    type: "paragraph",
    use: "Clauses, numbered 1.1, 1.2 (clause numbering, level 2)",
  },
  {
    id: "ClauseText",
    name: "Clause Text",
    type: "paragraph",
    use: "Numbered sub-clauses 1.1.1 (clause numbering, level 3)",
  },
  {
    id: "ClauseItem",
    name: "Clause Item",
    type: "paragraph",
    use: "Lettered items (a), (b) (clause numbering, level 4)",
  },
  {
    id: "AnnexHeading2",
    name: "Annex Heading 2",
    type: "paragraph",
    use: "Topics in an annex, numbered A1, A2 (solicitation provision numbering, level 1; based on Heading 2)",
  },
  {
    id: "AnnexHeading3",
    name: "Annex Heading 3",
    type: "paragraph",
    use: "Solicitation provisions in an annex, numbered A1.1 (provision numbering, level 2; based on Heading 3)",
  },
  {
    id: "AnnexClauseText",
    name: "Annex Clause Text",
    type: "paragraph",
    use: "Numbered sub-clauses of a provision, A1.1.1 (provision numbering, level 3)",
  },
  {
    id: "AnnexClauseItem",
    name: "Annex Clause Item",
    type: "paragraph",
    use: "Lettered items of a provision, (a) (provision numbering, level 4)",
  },
  { id: "ClauseIntro", name: "Clause Intro", type: "paragraph", use: "A clause's unnumbered lead-in" },
  { id: "Normal", name: "Normal", type: "paragraph", use: "Body text" },
  { id: "SmallPrint", name: "Small Print", type: "paragraph", use: "Source lines under clauses" },
  { id: "Note", name: "Note", type: "paragraph", use: "Guidance notes (drafting notes, why selected)" },
  { id: "NoteLabel", name: "Note Label", type: "paragraph", use: "The label line of a guidance note" },
  { id: "NoteBullet", name: "Note Bullet", type: "paragraph", use: "Bulleted lines inside a guidance note" },
  {
    id: "ListNumber",
    name: "List Number",
    type: "paragraph",
    use: "Numbered lists (declarations); restart in each list",
  },
  { id: "ListBullet", name: "List Bullet", type: "paragraph", use: "Bulleted lists" },
  { id: "Caption", name: "caption", type: "paragraph", use: "Table captions (“Table 1: …”)" },
  { id: "TableText", name: "Table Text", type: "paragraph", use: "Text inside table cells" },
  { id: "TableHeading", name: "Table Heading", type: "paragraph", use: "Header row cells (repeated on each page)" },
  { id: "TableSpacer", name: "Table Spacer", type: "paragraph", use: "The small gap after each table" },
  { id: "TOCHeading", name: "TOC Heading", type: "paragraph", use: "The “Contents” heading" },
  { id: "TOC1", name: "toc 1", type: "paragraph", use: "Contents entries, level 1" },
  { id: "TOC2", name: "toc 2", type: "paragraph", use: "Contents entries, level 2" },
  { id: "TOC3", name: "toc 3", type: "paragraph", use: "Contents entries, level 3" },
  { id: "Header", name: "header", type: "paragraph", use: "Page header (tender reference)" },
  { id: "Footer", name: "footer", type: "paragraph", use: "Page footer (Page X of Y)" },
  { id: "PackTable", name: "Pack Table", type: "table", use: "Every table (borders, header shading)" },
] as const;

/** One entry of {@link STYLE_NAMES}. */
export type StyleName = (typeof STYLE_NAMES)[number];
