import { DEFAULT_PIPELINE } from '../../../libs/domain/src';
import { CRITERION_STEPS, stepsFor } from './fact-steps-model';

describe('which forms each exit criterion offers', () => {
  it('offers a form for every exit criterion of the default pipeline', () => {
    const criteria = DEFAULT_PIPELINE.stages.flatMap((s) => s.exitCriteria.map((c) => c.id));
    expect(criteria.filter((id) => stepsFor(id).length === 0)).toEqual([]);
    expect(Object.keys(CRITERION_STEPS).sort()).toEqual([...criteria].sort());
  });

  it('offers the recap\'s two steps, and only the confirmation once the recap is sent', () => {
    expect(stepsFor('recap-confirmed').map((s) => s.command)).toEqual(['RecordRecapEmailSent', 'RecordRecapConfirmed']);
    expect(stepsFor('recap-confirmed', ['RecapEmailSent']).map((s) => s.command)).toEqual(['RecordRecapConfirmed']);
    expect(stepsFor('no-such-criterion')).toEqual([]);
  });
});
