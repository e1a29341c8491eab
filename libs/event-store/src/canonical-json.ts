/**
 * RFC 8785 (JCS) canonical JSON of plain JSON data: object keys sorted by UTF-16 code units,
 * numbers and strings as ECMAScript's JSON.stringify writes them, `toJSON` honoured, undefined
 * members left out. One pass that appends to a string and sorts only keys not already in order
 * (the command path and the hash chain run it for every command and event).
 */
export function canonicalJson(value: unknown): string {
  const text = serialize(value);
  if (text === undefined) throw new TypeError(`${typeof value} has no JSON form`);
  return text;
}

function serialize(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${value} is not allowed in canonical JSON`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return serialize((value as { toJSON(): unknown }).toJSON());
      return Array.isArray(value) ? serializeArray(value) : serializeObject(value as Record<string, unknown>);
    case 'bigint':
      throw new TypeError('a bigint has no JSON form');
    default:
      return undefined;
  }
}

function serializeArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += serialize(items[i]) ?? 'null';
  }
  return out + ']';
}

function serializeObject(object: Record<string, unknown>): string {
  const keys = Object.keys(object);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1] > keys[i]) {
      keys.sort();
      break;
    }
  }
  let out = '{';
  for (const key of keys) {
    const member = serialize(object[key]);
    if (member === undefined) continue;
    if (out.length > 1) out += ',';
    out += JSON.stringify(key) + ':' + member;
  }
  return out + '}';
}
