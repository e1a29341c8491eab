import { entriesWithPrefix } from '../projection';
import { AsOfReadModel } from './as-of-read-model';

describe('AsOfReadModel', () => {
  it('answers what it holds and records what a query lacked, once', () => {
    const model = new AsOfReadModel<number>();
    model.add('a', 1);
    model.add('gone', undefined);
    expect([model.get('a'), model.get('gone'), model.get('b'), model.has('c')]).toEqual([1, undefined, undefined, false]);
    expect(model.takeMissing()).toEqual({ keys: new Set(['b', 'c']), prefixes: new Set(), all: false });
    expect(model.takeMissing()).toBeUndefined();
  });

  it('lists a prefix in key order once its keys are added, asking for the documents it lacks', () => {
    const model = new AsOfReadModel<number>();
    expect(entriesWithPrefix(model, 'p/')).toEqual([]);
    expect(model.takeMissing()?.prefixes).toEqual(new Set(['p/']));
    model.addPrefix('p/', ['p/2', 'p/1', 'p/3']);
    model.add('p/2', 2);
    model.add('p/3', undefined);
    expect(entriesWithPrefix(model, 'p/')).toEqual([['p/2', 2]]);
    expect(model.takeMissing()?.keys).toEqual(new Set(['p/1']));
    model.add('p/1', 1);
    expect(entriesWithPrefix(model, 'p/')).toEqual([['p/1', 1], ['p/2', 2]]);
    expect(model.takeMissing()).toBeUndefined();
  });

  it('goes over every document only once all are there, in the order given, and then lacks nothing', () => {
    const model = new AsOfReadModel<number>();
    expect([...model.values()]).toEqual([]);
    expect(model.size).toBe(0);
    expect(model.takeMissing()?.all).toBe(true);
    model.addAll([['z', 1], ['a', 2]]);
    expect([...model]).toEqual([['z', 1], ['a', 2]]);
    expect([model.size, model.get('nothing'), entriesWithPrefix(model, 'a')]).toEqual([2, undefined, [['a', 2]]]);
    expect(model.takeMissing()).toBeUndefined();
  });
});
