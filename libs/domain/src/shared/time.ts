import { CommonErrors } from './common.errors';
import { CommandMetadata } from './message';

/** How far ahead of the engine's clock a caller's clock may run before we call it the future. */
export const MAX_FUTURE_SKEW_MINUTES = 5;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

// An explicit zone is required: without one Date.parse reads local time, which would make
// the domain depend on the machine it runs on.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds since the epoch of an ISO-8601 instant; TIME.INVALID otherwise. */
export function parseInstant(value: unknown, field = 'timestamp'): number {
  const ms = typeof value === 'string' && INSTANT.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw CommonErrors.timeInvalid(field, value);
  return ms;
}

/**
 * Is `value` exactly what `Date.prototype.toISOString` writes for an instant of the years
 * 0000–9999 (`2026-03-25T10:00:00.000Z`): fixed width, UTC, a real date and time of day? Two
 * such strings order as their instants do, so they can be compared without parsing. Checked
 * field by field, because Date.parse accepts some that toISOString never writes (2026-02-30,
 * 24:00) and those would order wrongly as text.
 */
export function isCanonicalInstant(value: unknown): boolean {
  if (typeof value !== 'string' || value.length !== 24) return false;
  const at = (index: number, char: string) => value.charCodeAt(index) === char.charCodeAt(0);
  if (!at(4, '-') || !at(7, '-') || !at(10, 'T') || !at(13, ':') || !at(16, ':') || !at(19, '.') || !at(23, 'Z')) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  const hour = digits(value, 11, 13);
  const minute = digits(value, 14, 16);
  const second = digits(value, 17, 19);
  return year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
    && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && digits(value, 20, 23) >= 0;
}

/** The number written in value[from, to), or -1 when a character there is not a digit. */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Accepts an instant or a calendar date (YYYY-MM-DD, read as UTC midnight). */
export function parseInstantOrDate(value: unknown, field = 'date'): number {
  if (typeof value === 'string' && CALENDAR_DATE.test(value)) {
    const ms = Date.parse(`${value}T00:00:00Z`);
    if (!Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value)) return ms;
    throw CommonErrors.timeInvalid(field, value);
  }
  return parseInstant(value, field);
}

/** A lower bound on business time, e.g. when the deal was opened or entered its stage. */
export interface NotBefore {
  readonly at: string;
  /** Names the bound in the error message, e.g. "opening of the deal". */
  readonly label: string;
  readonly code?: 'TIME.OCCURRED_BEFORE_OPEN' | 'TIME.OCCURRED_BEFORE_STAGE_ENTERED';
}

/**
 * The business time of a command: `metadata.occurredAt`, defaulting to `metadata.now`.
 * Backdating is allowed ("the demo was yesterday"); the future (beyond clock skew) is not,
 * and neither is a time before `notBefore`.
 */
export function resolveOccurredAt(metadata: CommandMetadata, notBefore?: NotBefore): string {
  const nowMs = parseInstant(metadata.now, 'metadata.now');
  const occurredAt = metadata.occurredAt ?? metadata.now;
  const occurredMs = parseInstant(occurredAt, 'metadata.occurredAt');
  if (occurredMs - nowMs > MAX_FUTURE_SKEW_MINUTES * MS_PER_MINUTE) {
    throw CommonErrors.occurredInFuture(occurredAt, metadata.now, MAX_FUTURE_SKEW_MINUTES);
  }
  requireNotBefore(occurredAt, notBefore);
  return occurredAt;
}

/** Throws TIME.OCCURRED_BEFORE_* when `occurredAt` is earlier than the bound; no bound, no check. */
export function requireNotBefore(occurredAt: string, notBefore: NotBefore | undefined): void {
  if (notBefore === undefined) return;
  if (parseInstant(occurredAt, 'occurredAt') < parseInstant(notBefore.at, 'notBefore')) {
    throw CommonErrors.occurredBefore(notBefore.code ?? 'TIME.OCCURRED_BEFORE_OPEN', occurredAt, notBefore.at, notBefore.label);
  }
}

/** Whole and fractional days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return (parseInstant(to, 'to') - parseInstant(from, 'from')) / MS_PER_DAY;
}
