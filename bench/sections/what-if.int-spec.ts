import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSection } from '../lib/child';
import { whatIfSection } from '../report';
import type { Dataset } from '../workload/dataset';
import type { WhatIfFigures } from './what-if';

/** The what-if section as bench/run.ts starts it (its own process, job by JSON) over a small generated store, and its report rows. */
describe('bench what-if section', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-what-if-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replays every deal under two definitions and rebuilds deal-summary over the same store', async () => {
    const dataset = await runSection<Dataset>({ section: 'dataset', cacheRoot: join(dir, 'cache'), events: 2000 }, dir);
    const figures = await runSection<WhatIfFigures>({ section: 'what-if', eventsDb: dataset.eventsDb }, dir);
    expect(figures.events).toBe(dataset.events);
    // Every deal of the store was opened on the default pipeline: the what-if counts them all, as the rebuild's documents.
    expect(figures.whatIf.deals).toBe(dataset.deals);
    expect(figures.rebuild.documents).toBe(dataset.deals);
    expect(figures.whatIf.eventsRead).toBeGreaterThan(dataset.deals);
    expect(figures.whatIf.eventsRead).toBeLessThanOrEqual(figures.rebuild.events);
    expect(figures.ratio).toBeCloseTo(figures.whatIf.seconds / figures.rebuild.seconds, 10);
    const report = whatIfSection(figures).join('\n');
    expect(report).toContain('## 6. What-if replay');
    expect(report).toMatch(/What-if \/ rebuild: [\d.]+× the time/);
  }, 120_000);
});
