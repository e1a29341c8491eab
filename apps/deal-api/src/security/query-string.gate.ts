import { NextFunction, Request, Response } from 'express';
import { RequestErrors } from './request.errors';
import { REQUEST_LIMITS } from './request-limits';

/**
 * Counts a query string's parameters in the raw URL, before Express parses it: its parser
 * would stop at 1,000 and drop the rest without a word.
 */
export function queryStringGate(req: Request, _res: Response, next: NextFunction): void {
  const at = req.url.indexOf('?');
  if (at < 0) return next();
  let count = 0;
  for (const pair of req.url.slice(at + 1).split('&')) if (pair !== '') count++;
  if (count > REQUEST_LIMITS.parameters) return next(RequestErrors.tooManyParameters('query', REQUEST_LIMITS.parameters, count));
  next();
}
