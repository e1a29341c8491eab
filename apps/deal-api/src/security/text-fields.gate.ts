import { NextFunction, Request, Response } from 'express';
import { CommonErrors, findTextProblem } from '@deals/domain';

/**
 * Every string of a parsed body and query string, at any depth, keys included, under the one
 * text rule of the domain (TEXT.INVALID naming the field): no route, DTO or field can forget it.
 * Runs after the door's depth limit, so the walk is shallow.
 */
export function textFieldsGate(req: Request, _res: Response, next: NextFunction): void {
  try {
    checkText(req.body, '');
    checkText(req.query, '');
    next();
  } catch (error) {
    next(error);
  }
}

function checkText(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const problem = findTextProblem(value);
    if (problem) throw CommonErrors.textInvalid(path || '(body)', problem);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkText(item, join(path, String(index))));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      // The name itself is not repeated: it is what cannot be shown.
      const problem = findTextProblem(key);
      if (problem) throw CommonErrors.textInvalid(`a field name in ${path || '(body)'}`, problem);
      checkText(item, join(path, key));
    }
  }
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
