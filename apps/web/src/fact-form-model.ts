/**
 * A deal command as a form, as data: its fields, what is wrong with what was typed, and the body
 * it sends with its evidence and time. The page draws any of them with one component
 * (components/fact-form.tsx); fact-steps-model.ts and deal-actions-model.ts define them.
 */

export type FieldKind = 'text' | 'url' | 'date' | 'datetime' | 'money' | 'select' | 'checkbox' | 'textarea';

export interface FieldDef {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  readonly options?: readonly Option[];
  /** Shown after the label, e.g. "(empty: now)". */
  readonly hint?: string;
  /** What the field starts with. */
  readonly initial?: string | boolean;
}

export interface Option { readonly value: string; readonly label: string }

export type FormValues = Readonly<Record<string, string | boolean>>;

export interface FactStep {
  /** The command's name, as the access table knows it. */
  readonly command: string;
  /** The fact it records (`state.facts` key), when it is a buyer fact. */
  readonly fact?: string;
  readonly title: string;
  /** The command's path under `/deals/:id/`. */
  readonly path: string;
  readonly submit: string;
  readonly fields: readonly FieldDef[];
  /** The command's own fields; evidence and `occurredAt` are added by `commandBody`. */
  readonly body: (v: FormValues) => Record<string, unknown>;
  readonly evidence: 'required' | 'optional' | 'none';
  readonly evidenceKind: string;
  /** The body field the evidence goes in (a close carries its `signedOrder`). */
  readonly evidenceAs?: 'evidence' | 'signedOrder';
}

export const EVIDENCE_KINDS = ['email', 'meeting', 'call', 'document', 'calendar', 'signature', 'crm', 'other'] as const;

/** A typed value, trimmed ('' when empty or not text). */
export const text = (v: FormValues, name: string): string => (typeof v[name] === 'string' ? (v[name] as string).trim() : '');
/** `{[as]: value}` when the field holds text, else nothing. */
export const optional = (v: FormValues, name: string, as = name): Record<string, string> => (text(v, name) ? { [as]: text(v, name) } : {});

/** A `datetime-local` value (the browser's zone) as an ISO instant; undefined when empty or not a time. */
export const isoOf = (local: string): string | undefined => {
  if (!local.trim()) return undefined;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
};

/** The evidence fields every fact form ends with, and when it happened. */
export function evidenceFields(step: FactStep): readonly FieldDef[] {
  if (step.evidence === 'none') return [{ name: 'occurredAt', label: 'When', kind: 'datetime', hint: '(empty: now)' }];
  const required = step.evidence === 'required';
  return [
    { name: 'evidenceKind', label: 'Evidence kind', kind: 'select', options: EVIDENCE_KINDS.map((k) => ({ value: k, label: k })), initial: step.evidenceKind },
    { name: 'evidenceRef', label: 'Evidence reference', kind: 'text', required, hint: required ? '(where to check it: a Message-ID, an event id, a file name)' : '(optional)' },
    { name: 'evidenceUrl', label: 'Evidence link', kind: 'url', hint: '(optional)' },
    { name: 'evidenceNote', label: 'Who on the buyer side, and what they said', kind: 'textarea', hint: '(optional)' },
    { name: 'occurredAt', label: 'When', kind: 'datetime', hint: '(empty: now)' },
  ];
}

/** Every field of a form, its own first. */
export const fieldsOf = (step: FactStep): readonly FieldDef[] => [...step.fields, ...evidenceFields(step)];

export const initialValues = (fields: readonly FieldDef[]): FormValues =>
  Object.fromEntries(fields.map((f) => [f.name, f.initial ?? (f.kind === 'checkbox' ? false : '')]));

const MONEY = /^\d{1,15}([.,]\d{1,4})?$/;
const URL_TEXT = /^https?:\/\/\S+$/i;

/** What is wrong with the form before it is sent, in words; empty when it may be sent. */
export function formProblems(fields: readonly FieldDef[], v: FormValues): string[] {
  const problems: string[] = [];
  for (const f of fields) {
    const value = text(v, f.name);
    if (f.kind === 'checkbox') continue;
    if (!value) {
      if (f.required) problems.push(`${f.label} is required.`);
      continue;
    }
    if (f.kind === 'money' && !MONEY.test(value)) problems.push(`${f.label} must be an amount such as 60000.00.`);
    if (f.kind === 'url' && !URL_TEXT.test(value)) problems.push(`${f.label} must be an http(s) link.`);
    if (f.kind === 'datetime' && !isoOf(value)) problems.push(`${f.label} must be a date and time.`);
    if (f.kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) problems.push(`${f.label} must be a date.`);
  }
  return problems;
}

/** The evidence object of a form, or undefined when it has no reference. */
export function evidenceOf(v: FormValues): Record<string, string> | undefined {
  const ref = text(v, 'evidenceRef');
  if (!ref) return undefined;
  return { kind: text(v, 'evidenceKind') || 'other', ref, ...optional(v, 'evidenceUrl', 'url'), ...optional(v, 'evidenceNote', 'note') };
}

/** The body the command takes: its fields, its evidence, and when it happened (absent: now). */
export function commandBody(step: FactStep, v: FormValues): Record<string, unknown> {
  const evidence = step.evidence === 'none' ? undefined : evidenceOf(v);
  const occurredAt = isoOf(text(v, 'occurredAt'));
  // Money typed with a decimal comma is sent with a point, as the API takes it.
  const own = Object.fromEntries(Object.entries(step.body(v)).map(([k, value]) =>
    [k, step.fields.find((f) => f.name === k)?.kind === 'money' && typeof value === 'string' ? value.replace(',', '.') : value]));
  return { ...own, ...(evidence ? { [step.evidenceAs ?? 'evidence']: evidence } : {}), ...(occurredAt ? { occurredAt } : {}) };
}
