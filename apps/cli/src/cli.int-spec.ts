import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { runCaptured, scratchDir } from './testing/cli-harness';

describe('deals seed, verify, rebuild, export (real SQLite)', () => {
  let scratch: ReturnType<typeof scratchDir>;
  const run = (...args: string[]) => runCaptured(['--data-dir', 'data', ...args], { cwd: scratch.path });
  const csv = (file: string) => parse(readFileSync(join(scratch.path, file), 'utf8'), { columns: false }) as string[][];

  beforeAll(async () => {
    scratch = scratchDir();
    const seeded = await run('seed', '--deals', '300', '--seed', 'cli-test', '--start', '2025-06-01');
    expect(seeded.code).toBe(0);
    expect(seeded.stderr).toEqual([]);
    expect(seeded.stdout).toHaveLength(1);
    expect(seeded.stdout[0]).toMatch(/^seeded 300 deals \(seed cli-test, from 2025-06-01\): \d+ events from \d+ commands in [\d.]+ s \(\d+ events\/s\); \d+ users, 3 plans, \d+ assignments; 0 commands were already written$/);
  }, 120_000);
  afterAll(() => scratch.remove());

  it('rebuilds every read model, one summary line each', async () => {
    const result = await run('rebuild');
    expect(result.code).toBe(0);
    expect(result.stdout.map((l) => l.split(':')[0])).toEqual(['rebuilt deal-summary', 'rebuilt audit', 'rebuilt commission-facts', 'rebuilt account-teams']);
    const one = await run('rebuild', '--projection', 'nope');
    expect(one.code).toBe(1);
    expect(one.stderr).toEqual(['error: PROJECTION.UNKNOWN: No projection named "nope"; known: deal-summary, audit, commission-facts, account-teams']);
  });

  it('exports the pipeline per stage (every open stage, per currency) and per open deal', async () => {
    const byStage = await run('export', 'pipeline', '--out', 'pipeline.csv');
    expect(byStage.code).toBe(0);
    const rows = csv('pipeline.csv');
    expect(rows[0]).toEqual(['pipeline_id', 'pipeline_version', 'stage_id', 'stage_name', 'currency', 'deals', 'amount_minor', 'amount', 'weighted_amount_minor', 'weighted_amount']);
    expect([...new Set(rows.slice(1).map((r) => r[2]))]).toEqual(['engaged', 'qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed']);
    const open = rows.slice(1).reduce((n, r) => n + Number(r[5]), 0);
    expect(byStage.stdout[0]).toContain(`(${open} open deals`);

    const byDeal = await run('export', 'pipeline', '--by', 'deal', '--out', 'deals.csv');
    const deals = csv('deals.csv');
    expect(byDeal.stdout).toEqual([`wrote ${open} open deals to ${join(scratch.path, 'deals.csv')}`]);
    expect(deals).toHaveLength(open + 1);
    expect(deals[0].slice(0, 3)).toEqual(['deal_id', 'name', 'account']);
    for (const d of deals.slice(1)) expect(Number(d[12])).toBe(Math.floor(Number(d[10]) * Number(d[8]) + 0.5));
  });

  it('exports statements with their lineage for everyone on a plan, or one person', async () => {
    const all = await run('export', 'statements', '--period', '2026-Q1', '--out', 'statements.csv');
    expect(all.code).toBe(0);
    const rows = csv('statements.csv');
    expect(rows[0]).toEqual([
      'user_id', 'period', 'line_id', 'kind', 'deal_id', 'product_code', 'currency', 'amount_minor', 'amount', 'due_at',
      'plan_id', 'plan_version', 'rule', 'arithmetic', 'split_source', 'split_share_bp', 'lineage_event_ids',
    ]);
    const lines = rows.slice(1).filter((r) => r[3] !== 'note');
    expect(lines.length).toBeGreaterThan(5);
    for (const r of lines) {
      expect(r[1]).toBe('2026-Q1');
      expect(r[9] >= '2026-01-01' && r[9] < '2026-04-01').toBe(true);
      expect(['ae-standard', 'se-overlay', 'sdr-overlay']).toContain(r[10]);
      expect(r[13]).toMatch(/=/);
    }
    const person = lines[0][0];
    const one = await run('export', 'statements', '--period', '2026-Q1', '--user', person, '--out', 'one.csv');
    expect(one.stdout[0]).toMatch(new RegExp(`^wrote \\d+ statement lines for 1 people \\(2026-Q1\\)`));
    expect(csv('one.csv').slice(1).every((r) => r[0] === person)).toBe(true);
    const bad = await run('export', 'statements', '--period', '2026-Q5', '--out', 'x.csv');
    expect(bad).toMatchObject({ code: 1, stderr: ['error: --period must be a quarter like 2026-Q1, got "2026-Q5"'] });
  });

  it('shows progress bars on a terminal, and only there', async () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 120, rows: 40, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    let drawn = '';
    terminal.on('data', (chunk) => { drawn += String(chunk); });
    const result = await runCaptured(['--data-dir', 'data', 'verify'], { cwd: scratch.path, progressStream: terminal });
    expect(result.code).toBe(0);
    expect(drawn).toMatch(/verify\s+\[.*\] 100% \| (\d+)\/\1 events/);
    const before = drawn.length;
    const quiet = await runCaptured(['--data-dir', 'data', '--quiet', 'verify'], { cwd: scratch.path, progressStream: terminal });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout[0]).toMatch(/^verified /);
    expect(drawn.length).toBe(before);
  });

  // Last: it edits the database file.
  it('verifies the hash chains, and exits 1 naming the stream once an event was edited or deleted', async () => {
    const intact = await run('verify');
    expect(intact.code).toBe(0);
    expect(intact.stdout[0]).toMatch(/^verified \d+ events in \d+ streams up to position \d+: every hash chain is intact$/);

    const db = new Database(join(scratch.path, 'data', 'events.db'));
    const victim = db.prepare("SELECT position, stream_id FROM events WHERE type = 'DealClosedWon' ORDER BY position LIMIT 1").get() as { position: number; stream_id: string };
    db.prepare("UPDATE events SET data = json_set(data, '$.amountMinor', 1) WHERE position = ?").run(victim.position);
    const last = db.prepare('SELECT MAX(position) AS p FROM events').get() as { p: number };
    db.prepare('DELETE FROM events WHERE position = ?').run(last.p - 1);
    db.close();

    const broken = await run('verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toEqual([]);
    expect(broken.stderr[0]).toMatch(/^BROKEN: \d+ events in \d+ streams up to position \d+: \d+ broken streams, 1 gaps in \$all$/);
    expect(broken.stderr).toContainEqual(expect.stringMatching(new RegExp(`^  ${victim.stream_id} at revision \\d+ \\(position ${victim.position}, event .+\\): hash does not match the stored content \\(the event was edited\\)$`)));
    expect(broken.stderr).toContain(`  positions ${last.p - 1} are missing (an event was deleted)`);
  });
});
