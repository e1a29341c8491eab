import { writeFileSync } from 'node:fs';
import { profilerClockUs } from './lib/profile';
import { runCommands } from './sections/commands';
import { runHttpCommands } from './sections/http-commands';
import { runLive } from './sections/live';
import { runMemory, runStatementLoop } from './sections/memory';
import { runRebuild } from './sections/rebuild';
import { runSoak } from './sections/soak';
import { runWhatIf } from './sections/what-if';
import { ensureDataset } from './workload/dataset';

/** One section of the benchmark in its own process: reads the job from BENCH_JOB, writes the result to BENCH_RESULT. */
async function main(): Promise<void> {
  const job = JSON.parse(process.env.BENCH_JOB ?? '{}');
  const log = (m: string) => process.stderr.write(`${m}\n`);
  let result: unknown;
  const fromUs = profilerClockUs();
  switch (job.section) {
    case 'commands':
      result = await runCommands(job);
      break;
    case 'dataset':
      result = await ensureDataset(job.cacheRoot, job.events, log);
      break;
    case 'rebuild':
      result = await runRebuild(job.eventsDb, job.projectionsDb, job);
      break;
    case 'memory':
      result = await runMemory(job);
      break;
    case 'statement-loop':
      result = await runStatementLoop(job);
      break;
    case 'http-commands':
      result = await runHttpCommands(job);
      break;
    case 'live':
      result = await runLive(job);
      break;
    case 'soak':
      result = await runSoak(job);
      break;
    case 'what-if':
      result = await runWhatIf(job);
      break;
    default:
      throw new Error(`unknown section ${job.section}`);
  }
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
