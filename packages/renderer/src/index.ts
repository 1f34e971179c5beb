/**
 * @packageDocumentation
 * `@fairtender/renderer`: builds the tender pack (one plain-JSON document model with every number
 * computed) from a selection. The backends are separate entries so a Markdown-only user never loads
 * `docx`: `@fairtender/renderer/markdown`, `/html` and `/docx`.
 */

// Build the document model
export { buildTenderPack } from "./pack/build.js";
// Document model types
export type {
  Block,
  ClauseNode,
  Edition,
  EmphasisNode,
  Inline,
  ItemNode,
  ListItemNode,
  ListNode,
  NoteNode,
  PackMeta,
  PackNode,
  PackOptions,
  ParagraphNode,
  PartKind,
  PartNode,
  RefNode,
  StrongNode,
  SubclauseNode,
  TableCellNode,
  TableNode,
  TableRowNode,
  TenderPack,
  TermNode,
  TextNode,
  TitleBlockNode,
  TocNode,
  TopicNode,
} from "./pack/types.js";
// Word style names (documented; the .docx backend uses exactly these)
export type { StyleName } from "./styles.js";
export { STYLE_NAMES } from "./styles.js";
export { RENDERER_VERSION } from "./version.js";
