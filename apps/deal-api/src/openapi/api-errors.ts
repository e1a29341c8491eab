import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodySchema } from './schemas';

/** The error statuses the API answers with (500 is left out: it is never intended). */
export const ERROR_STATUSES = [400, 401, 403, 404, 409, 412, 413, 415, 429, 503] as const;
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

/** The `error` codes an operation can answer with, by status. */
export type ErrorCodes = Partial<Record<ErrorStatus, readonly string[]>>;

const TITLES: Record<ErrorStatus, string> = {
  400: 'Invalid request',
  401: 'No valid bearer token',
  403: 'Not allowed for this caller',
  404: 'Not found',
  409: 'Conflicts with the current state',
  412: 'If-Match does not match the current revision',
  413: 'The body is larger than 1 MiB (after decompression)',
  415: 'The body is not UTF-8 JSON in an accepted encoding',
  429: 'Too many failed attempts; retry after `Retry-After` seconds',
  503: 'Temporarily unavailable; retry after `Retry-After` seconds',
};

/** Unions several code lists status by status, keeping the first-seen order. */
export function mergeErrorCodes(...specs: readonly ErrorCodes[]): ErrorCodes {
  const merged: Partial<Record<ErrorStatus, string[]>> = {};
  for (const spec of specs) {
    for (const status of ERROR_STATUSES) {
      for (const code of spec[status] ?? []) {
        const codes = (merged[status] ??= []);
        if (!codes.includes(code)) codes.push(code);
      }
    }
  }
  return merged;
}

/**
 * Documents an operation's error responses: one response per status, each the `ErrorBody`
 * schema, with the codes it can carry in its description. Give every list that applies; they
 * are merged (one decorator per operation, since a later response for a status replaces an
 * earlier one).
 */
export function ApiErrors(...specs: readonly ErrorCodes[]): MethodDecorator {
  const merged = mergeErrorCodes(...specs);
  const responses = ERROR_STATUSES.filter((status) => merged[status]?.length).map((status) =>
    ApiResponse({
      status,
      description: `${TITLES[status]}. \`error\` is one of: ${merged[status]!.map((c) => `\`${c}\``).join(', ')}.`,
      type: ErrorBodySchema,
      ...(status === 503 || status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } } } } : {}),
    }),
  );
  return applyDecorators(...responses) as MethodDecorator;
}
