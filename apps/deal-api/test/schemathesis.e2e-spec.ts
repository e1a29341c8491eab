import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, tokenFor } from '../src/testing/api-process';

// Schemathesis (from PyPI) generates requests from the served OpenAPI document, valid and
// invalid, against the real API with demo data: no request may produce a 5xx.
const root = join(__dirname, '..', '..', '..');
const venv = join(root, '.tmp', 'schemathesis-venv');
const artifacts = join(root, 'test-artifacts', 'schemathesis');

function installSchemathesis(): string {
  const bin = join(venv, 'bin', 'schemathesis');
  if (!existsSync(bin)) {
    mkdirSync(join(root, '.tmp'), { recursive: true });
    execFileSync('python3', ['-m', 'venv', venv], { stdio: 'pipe' });
    execFileSync(join(venv, 'bin', 'pip'), ['install', '-q', 'schemathesis>=4.32,<5'], { stdio: 'pipe', timeout: 300_000 });
  }
  return bin;
}

describe('fuzzing the API from its OpenAPI document (schemathesis)', () => {
  const secret = randomBytes(32).toString('hex');
  let dir: string;
  let api: ApiProcess;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fuzz-'));
    api = new ApiProcess({ DATA_DIR: dir, AUTH_TOKEN_SECRET: secret, DEMO_DATA: 'true' });
  });
  afterAll(async () => {
    await api.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds no server error in any operation, as an admin and as a rep', async () => {
    const bin = installSchemathesis();
    const url = await api.start(120_000);
    mkdirSync(artifacts, { recursive: true });
    // Hypothesis (inside schemathesis) describes strategies with Python's `ast` module, which is
    // not safe across threads (CPython: "AST constructor recursion depth mismatch"); with two
    // workers that tool error struck one operation or another. One worker: no race.
    const runs = [['--workers', '1']];
    for (const [who, roles] of [['adam.admin', ['admin']], ['ana.ae', ['rep']]] as const) {
      for (const [index, scope] of runs.entries()) {
        const run = spawnSync(bin, [
          'run', `${url}/openapi.json`,
          '--checks', 'not_a_server_error',
          '--header', `Authorization: Bearer ${tokenFor(secret, who, [...roles])}`,
          '--max-examples', '6', '--seed', '20261123', ...scope,
          '--exclude-path', '/live/projections', '--request-timeout', '20',
          '--report', 'junit', '--report-junit-path', join(artifacts, `${who}-${index}.xml`),
        ], { encoding: 'utf8', timeout: 600_000, env: { ...process.env, NO_COLOR: '1' } });
        const output = `${run.stdout}\n${run.stderr}`;
        if (run.status !== 0) {
          const errors = output.indexOf('ERRORS');
          console.error(errors >= 0 ? output.slice(errors, errors + 4000) : '', output.slice(-3000));
        }
        expect({ who, scope: scope.join(' '), status: run.status }).toEqual({ who, scope: scope.join(' '), status: 0 });
        expect(output).not.toMatch(/Server error/i);
      }
    }
  }, 900_000);
});
