import fc from 'fast-check';
import { applyDelta, encodeDelta, isDelta } from './version-delta';

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const fields = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.oneof(fc.jsonValue(), fc.constant(undefined)));

describe('a version stored as what changed', () => {
  it('gives back the document, fields in the same order, or is not made', () => {
    fc.assert(
      fc.property(fields, fields, (before, doc) => {
        const delta = encodeDelta(before, doc);
        if (delta === undefined) return;
        expect(isDelta(delta)).toBe(true);
        expect(JSON.stringify(applyDelta(json(before), delta))).toBe(JSON.stringify(doc));
      }),
    );
  });

  it('holds only the fields that changed, and the removed ones', () => {
    const team = [{ userId: 'u1' }];
    const before = { id: 'd1', stage: 'qualify', team, amount: 10 };
    const delta = encodeDelta(before, { id: 'd1', stage: 'propose', team: [{ userId: 'u1' }] })!;
    expect(JSON.parse(delta.slice(1))).toEqual([{ stage: 'propose' }, ['amount']]);
  });

  it('is not made for a document that is not an object, or whose fields would come in another order', () => {
    expect(encodeDelta(undefined, { a: 1 })).toBeUndefined();
    expect(encodeDelta([1], [1, 2])).toBeUndefined();
    expect(encodeDelta({ a: 1, b: 2 }, { b: 2, a: 1 })).toBeUndefined();
    expect(encodeDelta({ a: 1 }, { z: 0, a: 1 })).toBeUndefined();
  });
});
