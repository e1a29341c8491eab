import { json } from 'body-parser';
import { isUtf8 } from 'node:buffer';
import { ErrorRequestHandler, RequestHandler } from 'express';
import { measureJson } from './json-shape';
import { RequestErrors, RequestRefusedError } from './request.errors';
import { REQUEST_LIMITS } from './request-limits';

/**
 * JSON bodies through body-parser's own limits (size after decompression, objects and arrays
 * only), with the raw bytes checked before JSON.parse sees them: valid UTF-8, not nested too
 * deep, no object or array with too many entries.
 */
export const jsonBodyParser: RequestHandler = json({
  limit: REQUEST_LIMITS.bodyBytes,
  inflate: true,
  strict: true,
  type: 'application/json',
  verify: (_req, _res, bytes) => {
    if (!isUtf8(bytes)) throw RequestErrors.bodyMalformed('it is not valid UTF-8');
    const shape = measureJson(bytes, REQUEST_LIMITS.depth, REQUEST_LIMITS.parameters);
    if (shape?.problem === 'too-deep') throw RequestErrors.tooDeep(REQUEST_LIMITS.depth);
    if (shape?.problem === 'too-many-parameters') throw RequestErrors.tooManyParameters('body', REQUEST_LIMITS.parameters, REQUEST_LIMITS.parameters + 1);
  },
});

interface BodyParserError extends Error {
  readonly status?: number;
  readonly type?: string;
}

/**
 * body-parser's errors as the door's own: it answers them with a bare status (413 too large,
 * 415 charset or encoding, 400 bad JSON, a broken gzip stream, a short body), which would reach
 * the error filter as unexpected errors. Anything else stays what it is.
 */
export const bodyParserErrors: ErrorRequestHandler = (error: BodyParserError, _req, _res, next) => {
  if (error instanceof RequestRefusedError) return next(error);
  switch (error.status) {
    case 413: return next(RequestErrors.bodyTooLarge(REQUEST_LIMITS.bodyBytes));
    case 415: return next(error.type === 'charset.unsupported'
      ? RequestErrors.charsetUnsupported(String((error as { charset?: unknown }).charset ?? ''))
      : RequestErrors.encodingUnsupported(String((error as { encoding?: unknown }).encoding ?? ''), REQUEST_LIMITS.encodings));
    case 400: return next(RequestErrors.bodyMalformed(error.type === 'entity.parse.failed' ? 'it is not a JSON object or array' : 'it could not be read or decompressed'));
    default: return next(error);
  }
};
