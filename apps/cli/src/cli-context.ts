import { Command } from 'commander';
import { CliIo } from './cli-io';
import { DataDir, dataDir } from './data-dir';
import { Progress, progressOn } from './progress';

/** What every subcommand gets: the output, the data folder, progress bars and its exit code. */
export interface CliContext {
  readonly io: CliIo;
  dataDir(): DataDir;
  progress(): Progress;
  exit(code: number): void;
}

export function cliContext(program: Command, io: CliIo, setExit: (code: number) => void): CliContext {
  const globals = () => program.opts<{ dataDir?: string; quiet?: boolean }>();
  return {
    io,
    dataDir: () => dataDir(io, globals().dataDir),
    progress: () => progressOn(globals().quiet ? undefined : io.progressStream),
    exit: setExit,
  };
}

/** Parses a whole-number option, naming the option when it is not one. */
export function integerOption(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
    }
    return n;
  };
}
