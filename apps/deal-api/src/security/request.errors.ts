/**
 * A request refused at the door, before authentication and before its body is parsed or
 * validated: its status (413, 415 or 400) is part of the refusal, unlike a domain error's kind.
 * `httpStatus`, not `status`: body-parser rewrites `status` on errors thrown from its hooks.
 */
export class RequestRefusedError extends Error {
  constructor(
    readonly httpStatus: 400 | 413 | 415,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'RequestRefusedError';
  }
}

export const RequestErrors = {
  bodyTooLarge: (limitBytes: number, lengthBytes?: number) =>
    new RequestRefusedError(413, 'REQUEST.BODY_TOO_LARGE',
      `The request body is larger than ${limitBytes} bytes${lengthBytes === undefined ? '' : ` (Content-Length ${lengthBytes})`}; after decompression too.`,
      { limitBytes, ...(lengthBytes === undefined ? {} : { lengthBytes }) }),
  contentTypeUnsupported: (contentType: string | undefined) =>
    new RequestRefusedError(415, 'REQUEST.CONTENT_TYPE_UNSUPPORTED',
      `A request body must be JSON: send Content-Type: application/json (got ${contentType === undefined ? 'none' : JSON.stringify(contentType)}).`,
      { contentType: contentType ?? null, accepted: ['application/json'] }),
  charsetUnsupported: (charset: string) =>
    new RequestRefusedError(415, 'REQUEST.CHARSET_UNSUPPORTED',
      `JSON bodies are UTF-8; charset ${JSON.stringify(charset)} is not accepted (send charset=utf-8 or none).`,
      { charset, accepted: ['utf-8'] }),
  encodingUnsupported: (encoding: string, accepted: readonly string[]) =>
    new RequestRefusedError(415, 'REQUEST.ENCODING_UNSUPPORTED',
      `Content-Encoding ${JSON.stringify(encoding)} is not accepted; use one of: ${accepted.join(', ')}.`,
      { encoding, accepted }),
  bodyMalformed: (problem: string) =>
    new RequestRefusedError(400, 'REQUEST.BODY_MALFORMED', `The request body cannot be read: ${problem}.`, { problem }),
  tooDeep: (limit: number) =>
    new RequestRefusedError(400, 'REQUEST.TOO_DEEP',
      `The JSON body nests objects and arrays more than ${limit} levels deep.`, { limit }),
  tooManyParameters: (where: 'body' | 'query', limit: number, count: number) =>
    new RequestRefusedError(400, 'REQUEST.TOO_MANY_PARAMETERS',
      where === 'query'
        ? `The query string has ${count} parameters; at most ${limit} are accepted.`
        : `An object or array in the JSON body has more than ${limit} entries.`,
      { in: where, limit, ...(where === 'query' ? { count } : {}) }),
};
