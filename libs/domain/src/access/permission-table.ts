import { ORGANISATION_ROLES } from '../deal/deal-access';
import { Operation, OPERATIONS, ResourceKind } from './operations';
import { Reach } from './reach';

const CELL: Record<ResourceKind, Partial<Record<Reach, string>>> = {
  deal: { organisation: 'any deal', reports: 'own + reports\'', own: 'own deals', owner: 'owned deals', 'owner-line': 'owned by them or reports', won: 'won deals' },
  person: { organisation: 'anyone', reports: 'self + reports', own: 'self' },
  organisation: { organisation: 'all', readable: 'what they may read' },
};

const TITLES: Record<ResourceKind, string> = {
  deal: 'On one deal',
  person: 'On one person',
  organisation: 'Across the organisation',
};

/**
 * The access table as Markdown, one table per kind of resource, one row per operation and one
 * column per organisation role. docs/security.md embeds it; a spec keeps the two equal.
 */
export function renderAccessTables(): string {
  const header = `| operation | ${ORGANISATION_ROLES.join(' | ')} |`;
  const rule = `| --- |${ORGANISATION_ROLES.map(() => ' --- |').join('')}`;
  const operations = Object.keys(OPERATIONS) as Operation[];
  return (['deal', 'person', 'organisation'] as const).map((kind) => {
    const rows = operations.filter((op) => OPERATIONS[op].resource === kind).map((op) => {
      const { grants, commercialTerms, notOnSelf, teamAccess } = OPERATIONS[op];
      const cells = ORGANISATION_ROLES.map((role) => {
        const reach = grants[role];
        return reach === undefined ? '—' : (CELL[kind][reach] ?? reach);
      });
      const marks = `${commercialTerms ? ' ¹' : ''}${notOnSelf ? ' ²' : ''}${teamAccess === 'record-facts' ? ' ³' : ''}`;
      return `| \`${op}\`${marks} | ${cells.join(' | ')} |`;
    });
    return [`#### ${TITLES[kind]}`, '', header, rule, ...rows].join('\n');
  }).join('\n\n');
}
