import { parseShare, rowsOf, splitFromRows, splitText } from './split-model';

describe('credit splits on the dashboard', () => {
  it('writes a split as people and percentages, overlay apart', () => {
    expect(splitText({ revenue: [{ userId: 'ana.ae', role: 'account-executive', shareBp: 6667 }, { userId: 'ben.ae', role: 'account-executive', shareBp: 3333 }] }))
      .toBe('ana.ae 66.67%, ben.ae 33.33%');
  });

  it.each([
    ['70', 7000], ['33.33', 3333], ['33,5', 3350], ['100%', 10_000], [' 0.01 ', 1],
    ['0', undefined], ['100.01', undefined], ['33.333', undefined], ['', undefined], ['seventy', undefined],
  ])('reads the share %p as %p basis points', (text, bp) => {
    expect(parseShare(text as string)).toBe(bp);
  });

  it('builds the request from the form, leaving blank rows out', () => {
    const rows = [
      { userId: 'ana.ae ', role: 'account-executive', share: '70', overlay: false },
      { userId: 'ben.ae', role: 'account-executive', share: '30', overlay: false },
      { userId: 'sam.se', role: 'sales-engineer', share: '50', overlay: true },
      { userId: '', role: 'account-executive', share: '', overlay: false },
    ];
    expect(splitFromRows(rows)).toEqual({ split: {
      revenue: [{ userId: 'ana.ae', role: 'account-executive', shareBp: 7000 }, { userId: 'ben.ae', role: 'account-executive', shareBp: 3000 }],
      overlay: [{ userId: 'sam.se', role: 'sales-engineer', shareBp: 5000 }],
    } });
  });

  it('says what is wrong before sending', () => {
    const row = (userId: string, share: string) => ({ userId, role: 'account-executive', share, overlay: false });
    expect(splitFromRows([row('ana.ae', '70'), row('ben.ae', '20')])).toEqual({ problem: 'Revenue shares add up to 90%; they must add up to 100%.' });
    expect(splitFromRows([row('', '70')])).toEqual({ problem: 'Every share needs a person.' });
    expect(splitFromRows([row('ana.ae', 'lots')])).toEqual({ problem: 'ana.ae: “lots” is not a share between 0.01 and 100 (percent).' });
  });

  it('fills the form from the split in force', () => {
    expect(rowsOf({ revenue: [{ userId: 'ana.ae', role: 'account-executive', shareBp: 10_000 }], overlay: [{ userId: 'sam.se', role: 'sales-engineer', shareBp: 2550 }] }))
      .toEqual([
        { userId: 'ana.ae', role: 'account-executive', share: '100', overlay: false },
        { userId: 'sam.se', role: 'sales-engineer', share: '25.50', overlay: true },
      ]);
  });
});
