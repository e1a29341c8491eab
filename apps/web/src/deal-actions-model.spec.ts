import { commandBody } from './fact-form-model';
import { lifecycleSteps, mayOffer } from './deal-actions-model';

const open = (stageId: string) => ({ status: 'open', stageId });
const won = (stageId: string, reversed = false) => ({ status: 'won', reversed, stageId });
const commands = (roles: string[], deal: Parameters<typeof lifecycleSteps>[1]) => lifecycleSteps(roles, deal).map((s) => s.command);

describe('what the deal page offers to do next', () => {
  it('follows the access table', () => {
    expect(mayOffer(['rep'], 'AdvanceStage')).toBe(true);
    expect(mayOffer(['rep'], 'OverrideStage')).toBe(false);
    expect(mayOffer(['manager'], 'OverrideStage')).toBe(true);
    expect(mayOffer(['finance'], 'RecordDemoHeld')).toBe(false);
    expect(mayOffer(['implementation'], 'GoLive')).toBe(true);
  });

  it('offers a rep the advance to the next stage and close lost; a manager also the override', () => {
    expect(commands(['rep'], open('engaged'))).toEqual(['AdvanceStage', 'CloseLost']);
    expect(lifecycleSteps(['rep'], open('engaged'))[0].title).toBe('Advance to Qualified');
    expect(commands(['manager'], open('engaged'))).toEqual(['AdvanceStage', 'OverrideStage', 'CloseLost']);
    expect(commands(['finance'], open('engaged'))).toEqual([]);
  });

  it('offers the close from the last open stage instead of an advance, its signed order as evidence', () => {
    const [close] = lifecycleSteps(['rep'], open('terms-agreed'));
    expect(close.command).toBe('CloseWon');
    expect(commandBody(close, { evidenceKind: 'signature', evidenceRef: 'order-9', amount: '' })).toEqual({ signedOrder: { kind: 'signature', ref: 'order-9' } });
  });

  it('lets a manager override to any other open stage, with a reason', () => {
    const override = lifecycleSteps(['manager'], open('qualified')).find((s) => s.command === 'OverrideStage')!;
    const to = override.fields.find((f) => f.name === 'toStageId')!;
    expect(to.options?.map((o) => o.value)).toEqual(['engaged', 'product-evaluated', 'proposal-reviewed', 'terms-agreed']);
    expect(to.initial).toBe('product-evaluated');
    expect(commandBody(override, { toStageId: 'terms-agreed', reason: ' Signed elsewhere ' })).toEqual({ toStageId: 'terms-agreed', reason: 'Signed elsewhere' });
  });

  it('walks a won deal through hand-off, implementation start and go-live; a manager may reverse it', () => {
    expect(commands(['rep'], won('closed-won'))).toEqual(['HandToImplementation']);
    expect(commands(['manager'], won('closed-won'))).toEqual(['HandToImplementation', 'ReverseWonDeal']);
    expect(commands(['rep'], won('handed-to-implementation'))).toEqual([]);
    expect(commands(['implementation'], won('handed-to-implementation'))).toEqual(['StartImplementation']);
    expect(commands(['manager'], won('implementation-in-progress'))).toEqual(['GoLive', 'ReverseWonDeal']);
    expect(commands(['manager'], won('live'))).toEqual(['ReverseWonDeal']);
  });

  it('offers nothing on a lost or reversed deal', () => {
    expect(commands(['admin'], { status: 'lost', stageId: 'closed-lost' })).toEqual([]);
    expect(commands(['admin'], won('closed-won', true))).toEqual([]);
  });
});
