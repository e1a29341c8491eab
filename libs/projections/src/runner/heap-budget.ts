import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Keeps a long fold's garbage bounded: V8 lets the old generation fill up to its initial limit
 * (hundreds of MiB) before a full collection, however little of it is live. `check` (after each
 * page) collects once the heap in use has grown `allowance` bytes past what was live after the last
 * collection.
 */
export class HeapBudget {
  /** Live after the last collection; none made yet, the first comes at `allowance` (garbage left by earlier work counts). */
  private floor = 0;
  /** Collections made so far (for tests and figures). */
  collections = 0;

  constructor(private readonly allowance: number) {}

  check(): void {
    if (usedHeap() <= this.floor + this.allowance) return;
    collectGarbage();
    this.collections++;
    this.floor = usedHeap();
  }
}

const usedHeap = (): number => getHeapStatistics().used_heap_size;

let collector: (() => void) | undefined;

/** A full collection; `--expose-gc` is set on first use unless the process was started with it. */
function collectGarbage(): void {
  if (!collector) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === 'function') collector = exposed;
    else {
      setFlagsFromString('--expose-gc');
      collector = runInNewContext('gc') as () => void;
    }
  }
  collector();
}
