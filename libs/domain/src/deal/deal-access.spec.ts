import { DEAL_COMMAND_RULES, rolesGranted } from '../access/operations';
import { DealCommandType } from './deal.commands';
import { COMMERCIAL_TERMS_COMMANDS } from './deal-access';

describe('who may issue deal commands', () => {
  it('lets only managers override a stage', () => {
    expect(rolesGranted('deal:OverrideStage')).toStrictEqual(['manager']);
  });

  it('lets integrations record buyer facts but not move stages', () => {
    expect(rolesGranted('deal:RecordRecapConfirmed')).toContain('integration');
    expect(rolesGranted('deal:AdvanceStage')).not.toContain('integration');
  });

  it('lets implementation run the post-close steps; finance issues no deal command but the review of changes waiting for approval', () => {
    expect(rolesGranted('deal:GoLive')).toContain('implementation');
    expect(rolesGranted('deal:ReverseWonDeal')).toEqual(['manager', 'admin']);
    expect(rolesGranted('deal:ReviewDealChange')).toEqual(['manager', 'sales-ops', 'finance']);
    for (const type of Object.keys(DEAL_COMMAND_RULES) as DealCommandType[]) {
      if (type !== 'ReviewDealChange') expect(rolesGranted(`deal:${type}`)).not.toContain('finance');
    }
  });

  it('marks exactly the commercial-terms commands in the access table', () => {
    const marked = (Object.keys(DEAL_COMMAND_RULES) as DealCommandType[]).filter((type) => DEAL_COMMAND_RULES[type].commercialTerms);
    expect(marked.sort()).toEqual([...COMMERCIAL_TERMS_COMMANDS].sort());
  });
});
