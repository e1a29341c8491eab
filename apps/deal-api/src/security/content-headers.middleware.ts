import { NextFunction, Request, Response } from 'express';
import { RequestErrors } from './request.errors';
import { REQUEST_LIMITS } from './request-limits';

/** "application/json; charset=UTF-8" → { type: 'application/json', charset: 'utf-8' }. */
export function parseContentType(header: string): { type: string; charset?: string } {
  const [type, ...parameters] = header.split(';');
  let charset: string | undefined;
  for (const parameter of parameters) {
    const [name, ...value] = parameter.split('=');
    if (name.trim().toLowerCase() === 'charset') charset = value.join('=').trim().replace(/^"(.*)"$/, '$1').toLowerCase();
  }
  return { type: type.trim().toLowerCase(), ...(charset === undefined ? {} : { charset }) };
}

/**
 * Refuses a body by its headers alone, before a byte of it is read: too long by Content-Length
 * (413), not JSON, not UTF-8 or in an unknown Content-Encoding (415). A request without a body
 * passes whatever its headers say.
 */
export function contentHeadersGate(req: Request, _res: Response, next: NextFunction): void {
  const length = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (!hasBody) return next();
  if (length !== undefined && Number(length) > REQUEST_LIMITS.bodyBytes) {
    return next(RequestErrors.bodyTooLarge(REQUEST_LIMITS.bodyBytes, Number(length)));
  }
  const header = req.headers['content-type'];
  const contentType = header === undefined ? undefined : parseContentType(header);
  if (contentType?.type !== 'application/json') return next(RequestErrors.contentTypeUnsupported(header));
  if (contentType.charset !== undefined && contentType.charset !== 'utf-8') {
    return next(RequestErrors.charsetUnsupported(contentType.charset));
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (!(REQUEST_LIMITS.encodings as readonly string[]).includes(encoding)) {
    return next(RequestErrors.encodingUnsupported(encoding, REQUEST_LIMITS.encodings));
  }
  next();
}
