import { compileText, type TextTemplate } from "@fairtender/core";

/**
 * The Markdown layout of each block, as Handlebars templates that only place pre-rendered,
 * pre-escaped strings (`{{number}}`, `{{body}}`). A user may override any of them by name; the
 * variables each template receives are listed in {@link PARTIAL_VARIABLES}.
 */
export const DEFAULT_PARTIALS = {
  document: "{{titleBlock}}\n\n{{body}}\n",
  titleBlock: "# {{title}}\n\n_{{subtitle}}_\n\n{{facts}}",
  toc: "",
  part: "## {{heading}}\n\n{{body}}",
  topic: "### {{number}} {{title}}\n\n{{body}}",
  clause: "#### {{number}} {{title}}\n\n{{body}}",
  subclause: "**{{number}}** {{text}}{{items}}",
  item: "- **{{number}}** {{text}}",
  paragraph: "{{text}}",
  note: "> **{{label}}**\n>\n{{quoted}}",
  list: "{{items}}",
  listItem: "{{marker}} {{text}}",
  table: "**{{caption}}**\n\n{{table}}",
} as const;

/** The name of a block layout template. Tables may also be overridden by table id, e.g. `obligationsTable`. */
export type PartialName = keyof typeof DEFAULT_PARTIALS;

/** The variables each layout template receives (all strings, already escaped for Markdown). */
export const PARTIAL_VARIABLES: Record<PartialName, readonly string[]> = {
  document: ["titleBlock", "body", "title", "buyer", "reference", "edition", "issueDate", "documentVersion"],
  titleBlock: ["title", "subtitle", "facts"],
  toc: ["title"],
  part: ["heading", "label", "title", "body", "id"],
  topic: ["number", "title", "body", "id"],
  clause: ["number", "title", "body", "id", "kind"],
  subclause: ["number", "text", "items"],
  item: ["number", "fullNumber", "text"],
  paragraph: ["text", "role"],
  note: ["label", "body", "quoted"],
  list: ["items", "ordered"],
  listItem: ["marker", "number", "text"],
  table: ["caption", "table", "id", "header", "rows"],
};

/** Table ids of the pack whose layout can be overridden as `<id>Table`. */
export const TABLE_IDS = [
  "regimes",
  "riskFactors",
  "definitions",
  "obligations",
  "crosswalk",
  "signature",
  "compliancePlan",
  "questionnaire",
  "flowDown",
  "instruments",
  "selected",
  "excluded",
] as const;

const cache = new Map<string, TextTemplate>();

/** Compiles a layout template after checking that it only places the variables of its block. */
export function compilePartial(name: string, source: string, variables: readonly string[]): TextTemplate {
  const key = `${name}\u0000${source}`;
  let template = cache.get(key);
  if (!template) {
    template = compileText(`partials.${name}`, source, variables);
    if (cache.size > 500) cache.clear();
    cache.set(key, template);
  }
  return template;
}
