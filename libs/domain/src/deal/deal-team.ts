export type DealTeamRole =
  | 'account-executive'
  | 'sales-development-rep'
  | 'sales-engineer'
  | 'executive-sponsor'
  | 'support-rep'
  | 'marketing-rep'
  | 'implementation-lead'
  | 'customer-success-manager';

export const DEAL_TEAM_ROLES: readonly DealTeamRole[] = [
  'account-executive', 'sales-development-rep', 'sales-engineer', 'executive-sponsor',
  'support-rep', 'marketing-rep', 'implementation-lead', 'customer-success-manager',
];

export interface TeamMember {
  readonly userId: string;
  readonly role: DealTeamRole;
}
