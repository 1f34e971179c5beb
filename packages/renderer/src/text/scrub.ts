// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Removes what no output format can carry: C0/C1 control characters (except tab, line feed and
 * carriage return), non-characters U+FFFE/U+FFFF, and lone surrogates (replaced by U+FFFD).
 * XML 1.0 forbids these, and Word reports "unreadable content" when it meets them.
 */
export function scrub(value: string): string {
  return value.replace(CONTROL, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** `scrub`, then every line break becomes a space: for text that must stay on one line. */
export function oneLine(value: string): string {
  return scrub(value).replace(/\r\n?|\n|\u2028|\u2029/g, " ");
}
