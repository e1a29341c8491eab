import { DomainError } from './domain-error';
import { TextProblem } from './text';

/** Errors shared by every aggregate: time, evidence, money and required fields. */
export const CommonErrors = {
  timeInvalid: (field: string, value: unknown) =>
    new DomainError('TIME.INVALID', 'invalid',
      `${field} must be an ISO-8601 timestamp with a time zone (e.g. 2026-03-25T10:00:00Z); got ${JSON.stringify(value)}.`,
      { field, value }),
  occurredInFuture: (occurredAt: string, now: string, maxSkewMinutes: number) =>
    new DomainError('TIME.OCCURRED_IN_FUTURE', 'invalid',
      `occurredAt ${occurredAt} is more than ${maxSkewMinutes} minutes after now (${now}); a fact cannot be recorded before it happens.`,
      { occurredAt, now, maxSkewMinutes }),
  occurredBefore: (code: string, occurredAt: string, notBefore: string, what: string) =>
    new DomainError(code, 'invalid',
      `occurredAt ${occurredAt} is before the ${what} (${notBefore}).`,
      { occurredAt, notBefore }),
  evidenceMissing: (field: string) =>
    new DomainError('EVIDENCE.MISSING', 'invalid',
      `${field} needs evidence a manager can open: a non-empty ref (email message id, meeting id, document link).`,
      { field }),
  evidenceKindUnknown: (field: string, kind: unknown, allowed: readonly string[]) =>
    new DomainError('EVIDENCE.KIND_UNKNOWN', 'invalid',
      `${field}.kind ${JSON.stringify(kind)} is not one of: ${allowed.join(', ')}.`,
      { field, kind, allowed }),
  moneyInvalid: (value: unknown, reason: string, context: { field?: string; currency?: string; minorUnit?: number } = {}) =>
    new DomainError('MONEY.INVALID', 'invalid',
      `${context.field === undefined ? '' : `${context.field}: `}${JSON.stringify(value)} is not a valid ${context.currency ?? ''}${context.currency ? ' ' : ''}amount: ${reason}.`,
      { value, reason, ...context }),
  textInvalid: (field: string, problem: TextProblem) =>
    new DomainError('TEXT.INVALID', 'invalid',
      `${field} holds ${problem.problem === 'lone-surrogate' ? 'a lone UTF-16 surrogate' : 'a control character'} (${problem.codePoint}) at position ${problem.index}; ` +
      'text must be well-formed Unicode without control characters other than tab, line feed and carriage return.',
      { field, ...problem }),
  fieldRequired: (field: string) =>
    new DomainError('FIELD.REQUIRED', 'invalid', `${field} is required and must not be blank.`, { field }),
};
