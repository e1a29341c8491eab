/** Read-your-writes: waits for positions to be reached, checked again each time they move. */
export class PositionWaiters {
  private readonly checks = new Set<() => void>();

  /** Resolves true once `reached()` holds, false if it still does not after `timeoutMs`. */
  wait(reached: () => boolean, timeoutMs: number): Promise<boolean> {
    if (reached()) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const check = () => {
        if (reached()) done(true);
      };
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.checks.delete(check);
        resolve(ok);
      };
      const timer = setTimeout(() => done(reached()), timeoutMs);
      this.checks.add(check);
    });
  }

  /** Positions moved: settles the waits they now satisfy. */
  notify(): void {
    for (const check of [...this.checks]) check();
  }
}
