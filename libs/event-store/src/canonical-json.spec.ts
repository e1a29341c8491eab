import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

// canonicalize (the reference JCS implementation) is the oracle: the hash chain and request
// hashes must stay byte for byte what they were.
describe('canonicalJson', () => {
  it('writes what the reference JCS implementation writes, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(canonicalJson(value)).toBe(canonicalize(value));
    }), { numRuns: 2000 });
  });

  it('writes what the reference writes for objects with keys in any order, undefined members and dates', () => {
    const member = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.date({ noInvalidDate: true }));
    const keyed = fc.dictionary(fc.string({ unit: 'binary' }), member, { maxKeys: 12 });
    fc.assert(fc.property(fc.array(keyed, { maxLength: 4 }), keyed, (list, object) => {
      const value = { ...object, list };
      expect(canonicalJson(value)).toBe(canonicalize(value));
    }), { numRuns: 1000 });
  });

  it('sorts keys by UTF-16 code units, not by locale', () => {
    expect(canonicalJson({ b: 1, a: [true, null], '\u00e9': 2, Z: 'x', '\ud83d\ude00': 3, '\uffff': 4 }))
      .toBe('{"Z":"x","a":[true,null],"b":1,"é":2,"😀":3,"\uffff":4}');
  });

  it('writes numbers as ECMAScript does and refuses what JSON cannot hold', () => {
    expect(canonicalJson([1e21, 1e-7, -0, 0.1 + 0.2, 333333333.3333333])).toBe('[1e+21,1e-7,0,0.30000000000000004,333333333.3333333]');
    expect(() => canonicalJson({ a: NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Infinity])).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ a: BigInt(1) })).toThrow(TypeError);
  });

  it('writes an array hole or undefined entry as null and leaves undefined members out', () => {
    expect(canonicalJson({ b: undefined, a: [undefined, 1] })).toBe('{"a":[null,1]}');
  });
});
