/** True for undefined, null, non-strings and strings of only whitespace. */
export function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim().length === 0;
}

/** Why a text cannot be stored: the first offending UTF-16 code unit, where it is and what it is. */
export interface TextProblem {
  readonly problem: 'control-character' | 'lone-surrogate';
  /** UTF-16 index in the text. */
  readonly index: number;
  /** "U+0000". */
  readonly codePoint: string;
}

const TAB = 0x09, LINE_FEED = 0x0a, CARRIAGE_RETURN = 0x0d;
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
const hex = (unit: number) => `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The rule for every text the engine accepts: well-formed Unicode (no lone UTF-16 surrogate,
 * which strict JSON parsers and UTF-8 encoders refuse) without control characters: C0 controls
 * other than tab, line feed and carriage return, DEL, and C1 controls (U+0080–U+009F). They
 * have no place in names, notes or references, and they hide text from people who read it
 * (terminal escapes, NUL truncation). Everything else, emoji and every script included, passes.
 */
export function findTextProblem(text: string): TextProblem | undefined {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x20) {
      if (unit !== TAB && unit !== LINE_FEED && unit !== CARRIAGE_RETURN) return { problem: 'control-character', index, codePoint: hex(unit) };
    } else if (unit >= 0x7f && unit <= 0x9f) {
      return { problem: 'control-character', index, codePoint: hex(unit) };
    } else if (isHighSurrogate(unit)) {
      if (!isLowSurrogate(text.charCodeAt(index + 1))) return { problem: 'lone-surrogate', index, codePoint: hex(unit) };
      index++;
    } else if (isLowSurrogate(unit)) {
      return { problem: 'lone-surrogate', index, codePoint: hex(unit) };
    }
  }
  return undefined;
}
