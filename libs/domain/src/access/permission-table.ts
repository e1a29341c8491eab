import { COMMERCIAL_TERMS_COMMANDS, DEAL_COMMAND_ROLES, ORGANISATION_ROLES } from '../deal/deal-access';
import { DealCommandType } from '../deal/deal.commands';
import { dealCommandGrants } from './deal-command-access';

const CELL = { 'any-deal': 'any deal', 'own-deals': 'own deals' } as const;

/**
 * The deal-command permission table as Markdown: one row per command, one column per
 * organisation role. docs/security.md embeds it; a spec keeps the two equal.
 */
export function renderDealPermissionTable(): string {
  const header = `| command | ${ORGANISATION_ROLES.join(' | ')} |`;
  const rule = `| --- |${ORGANISATION_ROLES.map(() => ' --- |').join('')}`;
  const rows = (Object.keys(DEAL_COMMAND_ROLES) as DealCommandType[]).map((type) => {
    const grants = dealCommandGrants(type);
    const cells = ORGANISATION_ROLES.map((role) => {
      const grant = grants.find((g) => g.role === role);
      return grant ? CELL[grant.reach] : '—';
    });
    const mark = COMMERCIAL_TERMS_COMMANDS.includes(type) ? ' ¹' : '';
    return `| \`${type}\`${mark} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}
