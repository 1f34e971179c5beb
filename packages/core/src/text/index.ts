/**
 * @packageDocumentation
 * `@fairtender/core/text`: tender profiles read from YAML or JSON text, every problem located at its
 * line and column. A separate entry so that `@fairtender/core` itself never loads a YAML parser:
 * only programs that read profile text (the `fairtender` command, an editor, a web form, an HTTP
 * service) bring in `yaml`.
 */
export {
  DEFAULT_TEXT_LIMITS,
  type ParseProfileTextOptions,
  type ProfileTextError,
  type ProfileTextFormat,
  type ProfileTextResult,
  parseProfileText,
  safeParseProfileText,
  TEXT_ISSUE_CODES,
  type TextIssue,
} from "./profile-text.js";
