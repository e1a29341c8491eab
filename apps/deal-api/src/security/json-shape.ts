export type JsonShapeProblem =
  | { readonly problem: 'too-deep' }
  | { readonly problem: 'too-many-parameters' };

const QUOTE = 0x22, BACKSLASH = 0x5c, COLON = 0x3a, COMMA = 0x2c;
const OPEN_OBJECT = 0x7b, CLOSE_OBJECT = 0x7d, OPEN_ARRAY = 0x5b, CLOSE_ARRAY = 0x5d;
const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/**
 * Measures raw JSON bytes before they are parsed: nesting deeper than `maxDepth`, or an object
 * with more than `maxEntries` members or an array with more elements. One pass, no allocation
 * per value; structure inside strings is skipped (UTF-8 continuation bytes are never ASCII, so
 * bytes can be compared directly). Malformed JSON is left for the parser to refuse.
 */
export function measureJson(bytes: Uint8Array, maxDepth: number, maxEntries: number): JsonShapeProblem | undefined {
  const entries: number[] = [];
  const isArray: boolean[] = [];
  let inString = false;
  let escaped = false;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    if (inString) {
      if (escaped) escaped = false;
      else if (byte === BACKSLASH) escaped = true;
      else if (byte === QUOTE) inString = false;
      continue;
    }
    if (isSpace(byte)) continue;
    const top = entries.length - 1;
    // An array's first element: any value that does not close it at once.
    if (top >= 0 && isArray[top] && entries[top] === 0 && byte !== CLOSE_ARRAY) entries[top] = 1;
    switch (byte) {
      case QUOTE: inString = true; break;
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        if (entries.length >= maxDepth) return { problem: 'too-deep' };
        entries.push(0);
        isArray.push(byte === OPEN_ARRAY);
        break;
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        entries.pop();
        isArray.pop();
        break;
      case COLON:
      case COMMA:
        // A member per colon in an object; one more element per comma in an array.
        if (top >= 0 && isArray[top] === (byte === COMMA) && ++entries[top] > maxEntries) return { problem: 'too-many-parameters' };
        break;
    }
  }
  return undefined;
}
