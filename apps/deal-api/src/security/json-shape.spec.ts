import { measureJson } from './json-shape';

const measure = (text: string, depth = 3, entries = 3) => measureJson(Buffer.from(text, 'utf8'), depth, entries)?.problem ?? 'ok';
const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('measureJson', () => {
  it.each([
    ['{}', 'ok'],
    ['{"a":{"b":[1]}}', 'ok'],
    [nested(3), 'ok'],
    [nested(4), 'too-deep'],
    ['{"a":{"b":{"c":{}}}}', 'too-deep'],
    ['[{"a":[{}]}]', 'too-deep'],
  ])('depth of %s: %s', (text, expected) => {
    expect(measure(text)).toBe(expected);
  });

  it.each([
    ['{"a":1,"b":2,"c":3}', 'ok'],
    ['{"a":1,"b":2,"c":3,"d":4}', 'too-many-parameters'],
    ['[1,2,3]', 'ok'],
    ['[1,2,3,4]', 'too-many-parameters'],
    ['[[],[],[]]', 'ok'],
    ['[[],[],[],[]]', 'too-many-parameters'],
    ['{"a":[1,2,3],"b":[1,2,3],"c":{"x":1,"y":2,"z":3}}', 'ok'],
    ['{"a":[1,2,3],"b":{"w":0,"x":1,"y":2,"z":3}}', 'too-many-parameters'],
  ])('entries of %s: %s', (text, expected) => {
    expect(measure(text)).toBe(expected);
  });

  it('counts the elements of one array, not of its neighbours', () => {
    expect(measure('[[1,2,3],[1,2,3],[1,2,3]]')).toBe('ok');
    expect(measure('[ 1 , 2 , 3 ]')).toBe('ok');
    expect(measure('[ ]')).toBe('ok');
  });

  it('ignores brackets, colons and commas inside strings, escaped quotes included', () => {
    expect(measure('{"a":"[[[[[,,,,:::"}')).toBe('ok');
    expect(measure('{"a\\"[[[[":"\\\\","b":"}}}}"}')).toBe('ok');
    expect(measure('{"é[[[[":"日本,,,,"}')).toBe('ok');
  });

  it('measures 5,000 levels without recursion', () => {
    expect(measureJson(Buffer.from(nested(5000)), 32, 1000)).toEqual({ problem: 'too-deep' });
  });
});
