/** Where the CLI writes: results and summaries to stdout, problems and progress bars to stderr. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** The terminal for progress bars; absent when stderr is not a TTY or --quiet was given. */
  readonly progressStream?: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    progressStream: process.stderr.isTTY ? process.stderr : undefined,
    env: process.env,
    cwd: process.cwd(),
  };
}
