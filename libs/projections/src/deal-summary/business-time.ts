import { parseInstant } from '@deals/domain';

/**
 * A valid ISO-8601 instant as UTC (`2026-03-01T09:00:00.000Z`), or undefined. Normalising makes
 * stored times comparable as text whatever offset the caller wrote them with.
 */
export function toUtcInstant(value: unknown): string | undefined {
  try {
    return new Date(parseInstant(value)).toISOString();
  } catch {
    return undefined;
  }
}
