import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli';
import { CliIo } from '../cli-io';

export interface CliRun {
  readonly code: number;
  readonly stdout: string[];
  readonly stderr: string[];
}

export const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures');

/** Runs the CLI in-process with captured output, as `deals <args>` from `cwd`. */
export async function runCaptured(args: readonly string[], options: { cwd: string; progressStream?: NodeJS.WritableStream }): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = {
    out: (line) => stdout.push(...line.split('\n')),
    err: (line) => stderr.push(...line.split('\n')),
    progressStream: options.progressStream,
    env: {},
    cwd: options.cwd,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** A scratch folder for one test: the data folder and output files live in it. */
export function scratchDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'deals-cli-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
