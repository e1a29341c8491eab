import type { BenchResults } from './report';

/** Why a target was missed: the reading of the profile next to it, with the measured figures it rests on. */
export function causeOf(id: string, r: BenchResults): string {
  void r;
  return `No analysis is recorded for ${id}; see the profile below.`;
}
