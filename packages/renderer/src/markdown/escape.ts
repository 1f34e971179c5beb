import { oneLine } from "../text/scrub.js";

const INLINE = /[\\`*_[\]<>|~&#]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const NEEDS_WORK = /[\\`*_[\]<>|~&#\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufffe\uffff]/;

/**
 * What a GitHub-flavoured renderer turns into a link without any markup (the GFM autolink extension,
 * markdown-it's `linkify`, marked, pandoc `gfm`): a scheme (`https:`, `mailto:`), a protocol-relative
 * `//`, an e-mail `@`, a domain's dot before its next label (`example.com`, `www.`), a dotted IPv4
 * address. Escaping the one punctuation character each form needs keeps it literal text.
 */
const LINKISH = /[:@]|\/\/|\.\p{L}|www\.|\d\.\d+\.\d+\.\d/iu;
const LINK_PUNCTUATION = /@|:(?=\S)|(?<=\/)\/|\.(?=\p{L})|(?<=www)\./giu;
const IPV4 = /\d(?:\.\d+){3,}/g;

/**
 * Escapes a value for CommonMark/GFM inline text so that it always reads back as literal text:
 * every character that can open markup (`` \ ` * _ [ ] < > | ~ & # ``) is backslash-escaped, line
 * breaks become spaces, control characters and lone surrogates are removed, and the punctuation that
 * would make a GFM autolink (a URL, `www.` address or e-mail address) is backslash-escaped too. Every
 * escape is a CommonMark backslash escape of ASCII punctuation, so the visible text is unchanged.
 */
export function escapeMarkdown(value: string): string {
  const markup = NEEDS_WORK.test(value);
  const links = LINKISH.test(value);
  if (!markup && !links) return value;
  const text = markup ? oneLine(value).replace(INLINE, (c) => `\\${c}`) : value;
  return links ? breakAutolinks(text) : text;
}

/**
 * Backslash-escapes the punctuation of every autolink form in already-escaped Markdown text (no
 * character it escapes is one the markup pass escapes, so nothing is escaped twice).
 */
function breakAutolinks(text: string): string {
  return text.replace(IPV4, (ip) => ip.replaceAll(".", "\\.")).replace(LINK_PUNCTUATION, (c) => `\\${c}`);
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
