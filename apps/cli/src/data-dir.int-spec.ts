import { randomUUID } from 'node:crypto';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliIo } from './cli-io';
import { dataDir } from './data-dir';
import { scratchDir } from './testing/cli-harness';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
const modesIn = (dir: string) => readdirSync(dir).sort().map((f) => `${f} ${modeOf(join(dir, f))}`);

describe('the data folder the CLI writes (real files, umask 022)', () => {
  let scratch: ReturnType<typeof scratchDir>;
  let umask: number;
  let io: CliIo;
  beforeEach(() => {
    umask = process.umask(0o022);
    scratch = scratchDir();
    io = { out: () => undefined, err: () => undefined, env: {}, cwd: scratch.path };
  });
  afterEach(() => {
    process.umask(umask);
    scratch.remove();
  });

  /** What seed and import do: create the store, write, and bring the read models along. */
  async function write(option: string): Promise<string> {
    const dir = dataDir(io, option);
    const store = dir.openStore({ create: true });
    await store.append('deal-1', [{ eventId: randomUUID(), type: 'DealNoted', data: {}, metadata: {} }]);
    const projections = dir.openProjections();
    projections.close();
    await store.close();
    return dir.path;
  }

  it('creates the folder 0700 (nested too) and events.db, projections.db and their -wal/-shm 0600', async () => {
    const path = await write('var/lib/deals');
    expect(modeOf(path)).toBe('700');
    expect(readdirSync(path)).toEqual(expect.arrayContaining(['events.db', 'projections.db']));
    expect(modesIn(path)).toEqual(readdirSync(path).sort().map((f) => `${f} 600`));
  });

  it('tightens a folder and files that exist with looser modes', async () => {
    const path = await write('data');
    chmodSync(path, 0o755);
    for (const f of readdirSync(path)) chmodSync(join(path, f), 0o644);
    dataDir(io, 'data').openProjections().close();
    expect(modeOf(path)).toBe('700');
    expect(modesIn(path)).toEqual(readdirSync(path).sort().map((f) => `${f} 600`));
  });
});
