/**
 * A kept version stored as what changed since the version before it: `~[{field: value…}, [removed…]]`.
 * A whole document is JSON and never starts with `~`. Only top-level fields are compared (a
 * document's fields are replaced, not edited in place, so most keep their object: no JSON needed).
 */
const MARK = '~';

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields JSON keeps (an undefined one is left out). */
const present = (doc: Fields): string[] => Object.keys(doc).filter((k) => doc[k] !== undefined);

/**
 * `doc` as a delta from `before`, or undefined when it must be stored whole: either is not an
 * object, or applying the delta would not give its fields in the same order.
 */
export function encodeDelta(before: unknown, doc: unknown): string | undefined {
  if (!isFields(before) || !isFields(doc)) return undefined;
  const had = present(before);
  const has = present(doc);
  const kept = new Set(has);
  const removed = had.filter((k) => !kept.has(k));
  const old = new Set(had);
  const order = [...had.filter((k) => kept.has(k)), ...has.filter((k) => !old.has(k))];
  if (order.some((k, i) => k !== has[i])) return undefined;
  const changed: Fields = {};
  for (const k of has) {
    if (doc[k] === before[k]) continue;
    if (old.has(k) && JSON.stringify(doc[k]) === JSON.stringify(before[k])) continue;
    changed[k] = doc[k];
  }
  return MARK + JSON.stringify(removed.length === 0 ? [changed] : [changed, removed]);
}

export const isDelta = (text: string): boolean => text.startsWith(MARK);

/** The document a delta makes of the version before it. */
export function applyDelta(before: unknown, text: string): unknown {
  const [changed, removed = []] = JSON.parse(text.slice(MARK.length)) as [Fields, string[]?];
  const doc: Fields = { ...(before as Fields), ...changed };
  for (const k of removed) delete doc[k];
  return doc;
}
