import type { MachineFacts } from './lib/machine';
import type { ProfileSummary } from './lib/profile';
import type { RequestParts } from './lib/request-parts';
import type { RunnerFigures } from './sections/commands-labels';
import type { HttpCommandsFigures } from './sections/http-commands';
import type { LatencyFigures } from './sections/live';
import type { MemoryFigures } from './sections/memory';
import type { RebuildFigures } from './sections/rebuild';
import type { SoakFigures } from './sections/soak';
import type { WhatIfFigures } from './sections/what-if';
import type { Dataset } from './workload/dataset';

/** Everything one bench run measured, as run.ts saves it and the report reads it. */
export interface BenchResults {
  readonly config: {
    readonly quick: boolean;
    readonly events: number;
    readonly commands: { rounds: number; warmupMs: number; measureMs: number; concurrencies: readonly number[] };
    readonly bareRounds: number;
    readonly live: { ratePerSecond: number; extraRates: readonly number[]; warmupSeconds: number; seconds: number };
    readonly memory: { samples: number; replaySamples: number };
    readonly soak: { ratePerSecond: number; seconds: number; windowSeconds: number };
  };
  readonly machine: MachineFacts;
  readonly startedAt: string;
  readonly commands: readonly RunnerFigures[];
  readonly dataset: Dataset;
  readonly rebuild: RebuildFigures;
  readonly memory: MemoryFigures;
  readonly live: readonly LatencyFigures[];
  readonly soak: SoakFigures;
  /** Absent in results saved before the section existed. */
  readonly whatIf?: WhatIfFigures;
  /** HTTP commands against Emmett on PostgreSQL, at each concurrency (absent in results saved before the section existed). */
  readonly httpPeer?: readonly HttpCommandsFigures[];
  readonly loads: readonly { section: string; before: number[]; after: number[] }[];
  readonly profiles: ProfileEntry[];
}

export interface ProfileEntry {
  readonly target: string;
  readonly title: string;
  readonly summary: ProfileSummary;
  /**
   * An HTTP server's profile by part of a request, with the profiled round's rate, the CPU its
   * request loop (main thread, what the profile samples) and its whole process spent per command.
   */
  readonly parts?: RequestParts & { readonly perSecond: number; readonly cpuMsPerCommand: number; readonly processCpuMsPerCommand?: number; readonly concurrency: number };
}
