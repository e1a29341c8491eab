import { AuditEvidence } from './audit.document';
import { record, text } from './audit-envelope';

/**
 * Every piece of evidence anywhere in an event's data (`evidence`, `signedOrder`,
 * `satisfiedBy[].evidence`, and whatever a future event adds), found by shape rather than by
 * field name: an object with a non-blank `kind` and `ref` is evidence. Evidence under an
 * object with a `criterionId` carries that criterion, so "show me the email where the buyer
 * confirmed" is one filter away.
 */
export function collectEvidence(data: unknown): AuditEvidence[] {
  const found: AuditEvidence[] = [];
  walk(data, '', undefined, found);
  return found;
}

function walk(value: unknown, path: string, criterionId: string | undefined, found: AuditEvidence[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${path}[${index}]`, criterionId, found));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const fields = record(value);
  const kind = text(fields.kind);
  const ref = text(fields.ref);
  if (kind && ref) {
    found.push(evidence(path, criterionId, kind, ref, text(fields.url), text(fields.note)));
    return;
  }
  const criterion = text(fields.criterionId) ?? criterionId;
  for (const [key, child] of Object.entries(fields)) walk(child, path === '' ? key : `${path}.${key}`, criterion, found);
}

function evidence(
  path: string, criterionId: string | undefined, kind: string, ref: string, url: string | undefined, note: string | undefined,
): AuditEvidence {
  return {
    path, kind, ref,
    ...(criterionId === undefined ? {} : { criterionId }),
    ...(url === undefined ? {} : { url }),
    ...(note === undefined ? {} : { note }),
  };
}
