import { adjustmentFieldLabel, adjustmentProblems, adjustmentsBody, initialAdjustments } from './dispute-model';

const dispute = { userId: 'ana.ae', period: '2026-Q1' };

describe('the resolve form of a dispute', () => {
  it('starts with the difference of each currency that differs, to the disputant, in the next quarter', () => {
    expect(initialAdjustments(dispute, { totalDifference: [{ currency: 'EUR', deltaMinor: -212_500 }, { currency: 'USD', deltaMinor: 0 }] }))
      .toEqual([{ userId: 'ana.ae', period: '2026-Q2', amount: '-2125.00', currency: 'EUR' }]);
  });

  it('leaves the amount empty when nothing differs, instead of a 0.00 the API refuses', () => {
    const rows = initialAdjustments(dispute, { totalDifference: [{ currency: 'EUR', deltaMinor: 0 }] });
    expect(rows).toEqual([{ userId: 'ana.ae', period: '2026-Q2', amount: '', currency: 'EUR' }]);
    expect(adjustmentProblems(rows)).toEqual(['Adjustment 1: Amount must be a number such as 120.00 or -45.50 (negative recovers).']);
  });

  it('names each problem by the adjustment and the field\'s label', () => {
    expect(adjustmentProblems([{ userId: ' ', period: 'Q2', amount: '0.00', currency: 'eur' }])).toEqual([
      'Adjustment 1: Person is required.', 'Adjustment 1: Period must be a quarter such as 2026-Q2.',
      'Adjustment 1: Amount must not be zero.', 'Adjustment 1: Currency must be a code such as EUR.',
    ]);
    expect(adjustmentProblems([])).toEqual(['Add an adjustment, or reject the dispute if nothing should change.']);
    expect(adjustmentProblems([{ userId: 'ana.ae', period: '2026-Q2', amount: '-45.5', currency: 'EUR' }])).toEqual([]);
  });

  it('reads a field of the API\'s refusal as the form labels it', () => {
    expect([adjustmentFieldLabel('adjustments[1].amount'), adjustmentFieldLabel('adjustments[0].userId'), adjustmentFieldLabel('reason')])
      .toEqual(['Adjustment 2: Amount', 'Adjustment 1: Person', undefined]);
  });

  it('sends the rows trimmed, with the amount as typed', () => {
    expect(adjustmentsBody([{ userId: ' ana.ae ', period: '2026-Q2 ', amount: ' 10.00', currency: 'EUR' }]))
      .toEqual([{ userId: 'ana.ae', period: '2026-Q2', amount: '10.00', currency: 'EUR' }]);
  });
});
