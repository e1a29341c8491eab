import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Request } from 'express';
import { Actor, DomainError } from '@deals/domain';

export interface RequestContext {
  readonly actor: Actor;
  readonly idempotencyKey?: string;
  /** From If-Match: the revision the caller last saw. */
  readonly expectedRevision?: number;
  readonly correlationId?: string;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;
const IF_MATCH = /^(?:W\/)?"?(-1|\d{1,15})"?$/;

export function requestContextOf(request: Request): RequestContext {
  if (!request.actor) throw new DomainError('AUTH.ACTOR_REQUIRED', 'unauthenticated', 'No acting user on this request');
  const key = header(request, 'idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new DomainError('IDEMPOTENCY.KEY_INVALID', 'invalid', 'Idempotency-Key must be 8-128 of A-Z a-z 0-9 . _ : -');
  }
  const ifMatch = header(request, 'if-match');
  const match = ifMatch === undefined ? undefined : IF_MATCH.exec(ifMatch.trim());
  if (ifMatch !== undefined && !match) {
    throw new DomainError('CONCURRENCY.IF_MATCH_INVALID', 'invalid', 'If-Match must be a revision ETag such as "3"');
  }
  const correlationId = correlationIdOf(request);
  return {
    actor: request.actor,
    idempotencyKey: key,
    expectedRevision: match ? Number(match[1]) : undefined,
    correlationId,
  };
}

/** The caller's X-Correlation-Id (at most 128 characters), carried into the events' metadata and the logs. */
export function correlationIdOf(request: Request): string | undefined {
  const id = header(request, 'x-correlation-id');
  return id && id.length <= 128 ? id : undefined;
}

/** The actor plus the command headers (Idempotency-Key, If-Match, X-Correlation-Id). */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) =>
  requestContextOf(context.switchToHttp().getRequest<Request>()),
);

function header(request: Request, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
