import { CommonErrors } from './common.errors';
import { isBlank } from './text';

/** Throws FIELD.REQUIRED when `value` is blank; returns it otherwise. */
export function requireText(value: unknown, field: string): string {
  if (isBlank(value)) throw CommonErrors.fieldRequired(field);
  return value as string;
}
