/** The moment "stuck" and "so far" durations are measured at: an explicit `now`, else the as-of time, else now. */
export function nowOf(q: { now?: string; asOf?: string }): string {
  return q.now ?? q.asOf ?? new Date().toISOString();
}
