import { deciderSpec } from '../../testing/decider-spec';
import { command, dealOpened, stored } from '../../testing/deal-fixtures';
import { createDealDecider } from '../deal.decider';

const { given } = deciderSpec(createDealDecider());
const opened = [stored(dealOpened())];
const sam = { userId: 'sam', role: 'sales-engineer' as const };
const withSam = [...opened, stored({ type: 'TeamMemberAdded', data: sam })];

describe('team members', () => {
  it('adds a member in a role', () => {
    given(opened).when(command('AddTeamMember', sam)).then([{ type: 'TeamMemberAdded', data: sam }]);
  });

  it('lets the same person hold another role', () => {
    given(withSam).when(command('AddTeamMember', { userId: 'sam', role: 'executive-sponsor' }))
      .then([{ type: 'TeamMemberAdded', data: { userId: 'sam', role: 'executive-sponsor' } }]);
  });

  it('refuses a duplicate', () => {
    expect(given(withSam).when(command('AddTeamMember', sam)).thenThrows('TEAM.MEMBER_EXISTS').kind).toBe('conflict');
  });

  it('refuses an unknown role', () => {
    given(opened).when(command('AddTeamMember', { userId: 'sam', role: 'closer' as never })).thenThrows('TEAM.ROLE_UNKNOWN');
  });

  it('removes a member', () => {
    given(withSam).when(command('RemoveTeamMember', sam)).then([{ type: 'TeamMemberRemoved', data: sam }]);
  });

  it('refuses to remove someone who is not on the team in that role', () => {
    expect(given(withSam).when(command('RemoveTeamMember', { userId: 'sam', role: 'support-rep' })).thenThrows('TEAM.MEMBER_NOT_FOUND').kind)
      .toBe('not_found');
    given([...withSam, stored({ type: 'TeamMemberRemoved', data: sam })]).when(command('RemoveTeamMember', sam))
      .thenThrows('TEAM.MEMBER_NOT_FOUND');
  });
});
