import { StoreUnavailableError } from '../event-store.errors';

// Conditions of the file, the disk or a write lock another process held past busy_timeout;
// not of the append itself: no append can succeed until they pass.
const UNAVAILABLE = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|BUSY)(_|$)/;

export function isUnavailableSqliteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNAVAILABLE.test(code);
}

/** Maps storage failures to StoreUnavailableError (keeping the cause); other errors pass through. */
export function toStoreError(error: unknown, doing: string): unknown {
  if (error instanceof StoreUnavailableError || !isUnavailableSqliteError(error)) return error;
  const code = (error as { code: string }).code;
  return new StoreUnavailableError(`Event store unavailable while ${doing} (${code}): ${(error as Error).message}`, error);
}
