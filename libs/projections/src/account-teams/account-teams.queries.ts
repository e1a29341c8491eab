import { ReadModel } from '../projection';
import { AccountTeamDocument } from './account-team.document';

/** Every account team, by account name; `member` keeps only the teams a person is on. */
export function listAccountTeams(model: ReadModel<AccountTeamDocument>, filter: { member?: string } = {}): AccountTeamDocument[] {
  return [...model.values()]
    .filter((team) => filter.member === undefined || team.members.some((m) => m.userId === filter.member))
    .sort((a, b) => a.account.localeCompare(b.account) || a.accountKey.localeCompare(b.accountKey));
}
