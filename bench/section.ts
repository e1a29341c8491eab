import { writeFileSync } from 'node:fs';
import { profilerClockUs } from './lib/profile';

/** The job as run.ts wrote it: its fields are each section's own (parsed JSON, as before). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Job = any;

/**
 * Each section's module is loaded only when its job runs, so a process measuring memory (the
 * rebuild's peak RSS, the memory section) does not also hold the other sections' modules.
 */
const SECTIONS: Record<string, (job: Job, log: (m: string) => void) => Promise<unknown>> = {
  commands: async (job) => (await import('./sections/commands')).runCommands(job),
  dataset: async (job, log) => (await import('./workload/dataset')).ensureDataset(job.cacheRoot, job.events, log),
  rebuild: async (job) => (await import('./sections/rebuild')).runRebuild(job.eventsDb, job.projectionsDb, job),
  memory: async (job) => (await import('./sections/memory')).runMemory(job),
  'statement-loop': async (job) => (await import('./sections/memory')).runStatementLoop(job),
  'http-commands': async (job) => (await import('./sections/http-commands')).runHttpCommands(job),
  live: async (job) => (await import('./sections/live')).runLive(job),
  soak: async (job) => (await import('./sections/soak')).runSoak(job),
  'what-if': async (job) => (await import('./sections/what-if')).runWhatIf(job),
};

/** One section of the benchmark in its own process: reads the job from BENCH_JOB, writes the result to BENCH_RESULT. */
async function main(): Promise<void> {
  const job = JSON.parse(process.env.BENCH_JOB ?? '{}') as Job;
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const run = SECTIONS[job.section];
  if (!run) throw new Error(`unknown section ${job.section}`);
  const fromUs = profilerClockUs();
  const result = await run(job, log);
  // The window lets a profile of this run leave out the start (module loading, compilation).
  writeFileSync(process.env.BENCH_RESULT!, JSON.stringify({ result, window: { fromUs, toUs: profilerClockUs() } }));
}

void main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
