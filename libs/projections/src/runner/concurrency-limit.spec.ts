import { ConcurrencyLimit } from './concurrency-limit';

describe('ConcurrencyLimit', () => {
  it('runs at most the limit at once and the rest in order, also after a failure', async () => {
    const limit = new ConcurrencyLimit(2);
    const started: number[] = [];
    const finish: (() => void)[] = [];
    const job = (n: number, fail = false) => () => {
      started.push(n);
      return new Promise<number>((resolve, reject) => finish.push(() => (fail ? reject(new Error(`job ${n}`)) : resolve(n))));
    };
    const runs = [limit.run(job(1, true)), limit.run(job(2)), limit.run(job(3)), limit.run(job(4))];
    const settled = Promise.allSettled(runs);
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    finish[0]();
    await expect(runs[0]).rejects.toThrow('job 1');
    expect(started).toEqual([1, 2, 3]);
    finish[1]();
    finish[2]();
    await runs[2];
    expect(started).toEqual([1, 2, 3, 4]);
    finish[3]();
    expect((await settled).map((s) => s.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  });
});
