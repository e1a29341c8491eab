import { moveTarget, nextStage } from './board-move-model';

const stages = [
  { stageId: 'engaged', stageName: 'Engaged' }, { stageId: 'qualified', stageName: 'Qualified' }, { stageId: 'terms-agreed', stageName: 'Terms agreed' },
];

describe('moving a card on the board', () => {
  it('knows the next column', () => {
    expect(nextStage(stages, 'engaged')?.stageId).toBe('qualified');
    expect(nextStage(stages, 'terms-agreed')).toBeUndefined();
    expect(nextStage(stages, 'closed-won')).toBeUndefined();
  });

  it('asks for an advance only onto the next column', () => {
    expect(moveTarget(stages, { stageId: 'engaged' }, 'qualified')).toEqual({ toStageId: 'qualified' });
    expect(moveTarget(stages, { stageId: 'engaged' }, 'engaged')).toEqual({ stay: true });
  });

  it('says why not in words', () => {
    expect(moveTarget(stages, { stageId: 'engaged' }, 'terms-agreed'))
      .toEqual({ problem: 'A deal moves one stage at a time: from Engaged only to Qualified. A manager may override on the deal\'s page.' });
    expect(moveTarget(stages, { stageId: 'terms-agreed' }, 'engaged')).toEqual({ problem: 'From Terms agreed the deal closes won or lost on its page.' });
    expect(moveTarget(stages, undefined, 'qualified')).toEqual({ problem: 'This deal is no longer on the board.' });
  });
});
