/**
 * How an error should be read by a caller. The HTTP layer maps these to status codes:
 * invalid 400, unauthenticated 401, forbidden 403, not_found 404, conflict 409, precondition 412,
 * throttled 429, unavailable 503.
 */
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'precondition' | 'throttled' | 'unavailable';

/** Every error the domain throws: a stable `code`, a message for people, and structured details. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
