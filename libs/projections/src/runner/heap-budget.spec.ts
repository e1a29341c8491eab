import { getHeapStatistics } from 'node:v8';
import { HeapBudget } from './heap-budget';

const used = () => getHeapStatistics().used_heap_size;

describe('HeapBudget', () => {
  it('collects once the heap has grown past its allowance, and not before', () => {
    const budget = new HeapBudget(used() + 256 * 2 ** 20);
    budget.check();
    expect(budget.collections).toBe(0);

    const small = new HeapBudget(16 * 2 ** 20);
    let kept: unknown[] = [];
    // Garbage: each batch is dropped for the next.
    for (let round = 0; round < 8; round++) kept = Array.from({ length: 100_000 }, (_, i) => ({ i, text: `item ${i} of ${round}` }));
    const before = used();
    small.check();
    expect(small.collections).toBe(1);
    expect(used()).toBeLessThan(before);
    expect(kept).toHaveLength(100_000);
    // Right after a collection nothing more is owed.
    small.check();
    expect(small.collections).toBe(1);
  });
});
