import { ReadModel } from '@deals/projections';

/** A read-only view of the documents whose key passes `keep`. */
export function scopedModel<D>(model: ReadModel<D>, keep: (key: string) => boolean): ReadModel<D> {
  const entries = () => [...model].filter(([key]) => keep(key));
  return {
    get: (key) => (keep(key) ? model.get(key) : undefined),
    has: (key) => keep(key) && model.has(key),
    get size() {
      return entries().length;
    },
    forEach(callback, thisArg) {
      for (const [key, doc] of entries()) callback.call(thisArg, doc, key, this);
    },
    entries: () => entries()[Symbol.iterator](),
    keys: () => entries().map(([key]) => key)[Symbol.iterator](),
    values: () => entries().map(([, doc]) => doc)[Symbol.iterator](),
    [Symbol.iterator]: () => entries()[Symbol.iterator](),
  } as ReadModel<D>;
}
