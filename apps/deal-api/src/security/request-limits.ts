/**
 * What the door lets in. Generous for every body the API documents (the largest, a deal opened
 * with 200 line items and 50 team members, holds about 1,000 values in all, at most 200 in one
 * array, 3 levels deep), small enough that no request can make parsing, validation or logging
 * costly.
 */
export const REQUEST_LIMITS = {
  /** Bytes of a body, after decompression. */
  bodyBytes: 1024 * 1024,
  /** Objects and arrays nested in a JSON body. */
  depth: 32,
  /** Members of one object or elements of one array in a body; parameters of a query string. */
  parameters: 1000,
  /** Content-Encoding values a body may have (body-parser inflates them, within bodyBytes). */
  encodings: ['identity', 'gzip', 'deflate'],
} as const;
