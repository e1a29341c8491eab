/** An instant. Published in UTC with milliseconds, `2026-03-01T12:00:00.000Z`, whatever zone and precision it was given in. */
export type IsoDateTime = string;

/** A calendar date, `2026-03-01`: a day, not an instant, published as given. */
export type IsoDate = string;

/** An ISO-8601 instant with a zone, as the engine accepts it (seconds and fraction optional). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The instant in UTC with milliseconds (finer digits are cut, as the engine reads them); undefined if it is not an instant. */
export function toUtcMillis(value: unknown): IsoDateTime | undefined {
  if (typeof value !== 'string' || !INSTANT.test(value)) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  const iso = new Date(ms).toISOString();
  // Years beyond 9999 are written with a sign and six digits: not the contract's format.
  return iso.length === 24 ? iso : undefined;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && DATE.test(value);
}
