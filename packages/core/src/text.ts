/*
 * What a text value shows: whether it has any visible character, and the characters that change how
 * it reads without being seen (bidirectional controls and zero-width characters: text spoofing).
 */

/**
 * Characters that print as nothing: controls, format characters (which include the bidirectional
 * and zero-width ones), lone surrogates, separators and white space, default-ignorable code points
 * (fillers, variation selectors, tags) and noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last
 * two code points of every plane).
 */
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Cs}\p{Z}\s\p{Default_Ignorable_Code_Point}\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/u;

/** True when the text has at least one character that is not in {@link INVISIBLE}. */
export function hasVisibleCharacter(text: string): boolean {
  for (const ch of text) if (!INVISIBLE.test(ch)) return true;
  return false;
}

/**
 * The characters that change how text reads without being seen, with their Unicode names: the
 * bidirectional embeddings, overrides and isolates, the directional marks, and the zero-width
 * characters.
 */
const SPOOFING: Readonly<Record<string, string>> = {
  "\u061C": "ARABIC LETTER MARK",
  "\u180E": "MONGOLIAN VOWEL SEPARATOR",
  "\u200B": "ZERO WIDTH SPACE",
  "\u200C": "ZERO WIDTH NON-JOINER",
  "\u200D": "ZERO WIDTH JOINER",
  "\u200E": "LEFT-TO-RIGHT MARK",
  "\u200F": "RIGHT-TO-LEFT MARK",
  "\u202A": "LEFT-TO-RIGHT EMBEDDING",
  "\u202B": "RIGHT-TO-LEFT EMBEDDING",
  "\u202C": "POP DIRECTIONAL FORMATTING",
  "\u202D": "LEFT-TO-RIGHT OVERRIDE",
  "\u202E": "RIGHT-TO-LEFT OVERRIDE",
  "\u2060": "WORD JOINER",
  "\u2066": "LEFT-TO-RIGHT ISOLATE",
  "\u2067": "RIGHT-TO-LEFT ISOLATE",
  "\u2068": "FIRST STRONG ISOLATE",
  "\u2069": "POP DIRECTIONAL ISOLATE",
  "\uFEFF": "ZERO WIDTH NO-BREAK SPACE",
};

const SPOOFING_ANY = new RegExp(`[${Object.keys(SPOOFING).join("")}]`, "gu");

/** The text without bidirectional controls and zero-width characters (for identifiers such as a reference). */
export function stripSpoofing(text: string): string {
  return text.replace(SPOOFING_ANY, "");
}

/**
 * The bidirectional controls and zero-width characters a text holds, each once, in code point
 * order, written `U+202E RIGHT-TO-LEFT OVERRIDE`.
 */
export function spoofingCharacters(text: string): string[] {
  const found = new Set(text.match(SPOOFING_ANY) ?? []);
  return [...found]
    .sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0))
    .map((ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")} ${SPOOFING[ch]}`);
}

/**
 * The text with every invisible character other than a plain space (see {@link hasVisibleCharacter})
 * written as a `\\uXXXX` escape, so that a message quoting a value shows what is in it and cannot
 * be reordered by a bidirectional control.
 */
export function showInvisible(text: string): string {
  let out = "";
  for (const ch of text) {
    if (ch === " " || !INVISIBLE.test(ch)) out += ch;
    else
      for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return out;
}
