import { oneLine } from "../text/scrub.js";

const INLINE = /[\\`*_[\]<>|~&#]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const NEEDS_WORK = /[\\`*_[\]<>|~&#\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufffe\uffff]/;

/**
 * Escapes a value for CommonMark/GFM inline text so that it always reads back as literal text:
 * every character that can open markup (`` \ ` * _ [ ] < > | ~ & # ``) is backslash-escaped, line
 * breaks become spaces, control characters and lone surrogates are removed.
 */
export function escapeMarkdown(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return oneLine(value).replace(INLINE, (c) => `\\${c}`);
}

/**
 * Neutralises the start of a block whose first characters come from data: a leading `>`, `-`, `+`,
 * `=`, an ordered-list marker (`1.`, `1)`) or indentation would otherwise open a block quote, a
 * list or a code block.
 */
export function guardBlockStart(block: string): string {
  return block
    .replace(/^[ \t]+/, "")
    .replace(/^([>+=-])/, "\\$1")
    .replace(/^(\d{1,9})([.)])/, "$1\\$2");
}
