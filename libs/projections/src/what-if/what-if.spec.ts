import { definitionOf, FactPredicate, PipelineVersionData } from '@deals/domain';
import { EventLog } from '../testing/recorded-events';
import { whatIf, WhatIfOptions } from './what-if';

const criterion = (id: string, requires: FactPredicate) => ({ id, label: id, buyerOutcome: id, requires });
const stage = (id: string, probability: number, stuckAfterDays: number, requires: FactPredicate) =>
  ({ id, name: id.toUpperCase(), probability, stuckAfterDays, exitCriteria: [criterion(`${id}-done`, requires)] });

const A = stage('a', 0.1, 10, { fact: 'BuyerResponded' });
const S = stage('s', 0.2, 7, { fact: 'security-signed', has: ['signedBy'] });
const B = stage('b', 0.4, 5, { fact: 'DemoHeld' });
const C = stage('c', 0.8, 20, { fact: 'TermsAgreed' });
const v1Data: PipelineVersionData = { pipelineId: 'p', version: 1, name: 'v1', stages: [A, B, C], postCloseStages: [], factTypes: [] };
const v1 = definitionOf(v1Data);
const v2 = definitionOf({
  ...v1Data, version: 2, name: 'v2', stages: [A, S, B, C],
  factTypes: [{ name: 'security-signed', label: 'Security signed', attributes: [{ name: 'signedBy', type: 'string', required: true }], evidenceKinds: ['signature'] }],
});

const at = (day: string) => `2026-01-${day}T09:00:00Z`;
const proof = { kind: 'email' as const, ref: 'r' };
const opts: WhatIfOptions = { pipelineId: 'p', until: '2026-02-01T09:00:00Z' };

/**
 * d1 opens 01, responds 03, signs security 04, demo 06, terms 08, won 11.
 * d2 opens 02, responds 05, demo 07, lost 09 (no security fact).
 * d3 opens 10, responds 12, signs security 20, open.
 * d4 opens 15, open; its response on 02-02 is after `until`.
 * d5 is on another pipeline.
 */
function history(): EventLog {
  const log = new EventLog();
  const open = (id: string, day: string, pipelineId = 'p') => log.deal(id).at(at(day)).add('DealOpened', {
    dealId: id, name: id, account: 'acc', ownerId: 'ana', currency: 'EUR', expectedAmountMinor: 100, lineItems: [],
    pipeline: { id: pipelineId, version: 1 }, stageId: 'a',
  } as never);
  const fact = (id: string, day: string, type: 'BuyerResponded' | 'DemoHeld' | 'TermsAgreed') =>
    log.deal(id).at(day.includes('T') ? day : at(day)).add(type, { evidence: proof } as never);
  const signed = (id: string, day: string) => log.deal(id).at(at(day))
    .add('BuyerFactRecorded', { factType: 'security-signed', attributes: { signedBy: 'CISO' }, evidence: proof } as never);
  open('d1', '01'); open('d2', '02'); fact('d1', '03', 'BuyerResponded'); signed('d1', '04'); fact('d2', '05', 'BuyerResponded');
  fact('d1', '06', 'DemoHeld'); fact('d2', '07', 'DemoHeld'); fact('d1', '08', 'TermsAgreed');
  log.deal('d2').at(at('09')).add('DealClosedLost', { reason: 'price' } as never);
  open('d3', '10'); log.deal('d1').at(at('11')).add('DealClosedWon', { amountMinor: 100, lineItems: [] } as never);
  fact('d3', '12', 'BuyerResponded'); open('d4', '15'); signed('d3', '20'); open('d5', '16', 'other');
  fact('d5', '17', 'BuyerResponded'); fact('d4', '2026-02-02T09:00:00Z', 'BuyerResponded');
  return log;
}

const row = (metrics: ReturnType<typeof whatIf>, stageId: string) => metrics.stages.find((s) => s.stageId === stageId);

describe('what-if replay of recorded facts under a definition', () => {
  it('v1: stays, conversions, stuck and cycle as computed by hand', () => {
    const m = whatIf(history().events, v1, opts);
    // a: d1 01→03 (2d), d2 02→05 (3d), d3 10→12 (2d), d4 in a since 15: 17d > 10 stuck. Entered 4, left on 3 → 75%.
    // Stays 2,2,3: median 2, p90 rank ⌈0.9·3⌉ = 3 → 3.
    expect(row(m, 'a')).toEqual({
      stageId: 'a', stageName: 'A', entered: 4, leftToNext: 3, conversion: { numerator: 3, denominator: 4, percent: 75 },
      days: { count: 3, medianDays: 2, p90Days: 3 }, stuckAfterDays: 10, stuck: 1,
    });
    // b: d1 03→06 (3d), d2 05→07 (2d), d3 since 12: 20d > 5 stuck. 2 of 3 → 67%; median (2+3)/2 = 2.5, p90 rank 2 → 3.
    expect(row(m, 'b')).toMatchObject({ entered: 3, leftToNext: 2, conversion: { percent: 67 }, days: { count: 2, medianDays: 2.5, p90Days: 3 }, stuck: 1 });
    // c: d1 06→won 11 (5d, to next), d2 07→lost 09 (2d). 1 of 2 → 50%; median 3.5, p90 rank 2 → 5.
    expect(row(m, 'c')).toMatchObject({ entered: 2, leftToNext: 1, conversion: { percent: 50 }, days: { count: 2, medianDays: 3.5, p90Days: 5 }, stuck: 0 });
    // d1 opened 01, won 11: 10 days. d5 (other pipeline) is not counted.
    expect(m).toMatchObject({ pipelineId: 'p', version: 1, open: 2, won: 1, lost: 1, reversed: 0, cycle: { count: 1, medianDays: 10 } });
  });

  it('v2: the security stage holds back the deals without the custom fact', () => {
    const m = whatIf(history().events, v2, opts);
    expect(m.stages.map((s) => s.stageId)).toEqual(['a', 's', 'b', 'c']);
    expect(row(m, 'a')).toMatchObject({ entered: 4, leftToNext: 3, days: { medianDays: 2, p90Days: 3 }, stuck: 1 });
    // s: d1 03→04 (1d), d2 05→lost 09 (4d, its demo does not move it), d3 12→20 (8d). 2 of 3 → 67%;
    // stays 1,4,8: median 4, p90 rank 3 → 8. Nobody open in s.
    expect(row(m, 's')).toMatchObject({ entered: 3, leftToNext: 2, conversion: { percent: 67 }, days: { count: 3, medianDays: 4, p90Days: 8 }, stuck: 0 });
    // b: d1 04→06 (2d, its demo came after the signature), d3 since 20: 12d > 5 stuck. 1 of 2 → 50%.
    expect(row(m, 'b')).toMatchObject({ entered: 2, leftToNext: 1, conversion: { percent: 50 }, days: { count: 1, medianDays: 2, p90Days: 2 }, stuck: 1 });
    // c: only d1, 06→won 11.
    expect(row(m, 'c')).toMatchObject({ entered: 1, leftToNext: 1, conversion: { percent: 100 }, days: { medianDays: 5 }, stuck: 0 });
    expect(m).toMatchObject({ open: 2, won: 1, lost: 1, cycle: { count: 1, medianDays: 10 } });
  });

  it('counts the deals opened from `from`, and reads nothing at or after `until`', () => {
    const m = whatIf(history().events, v1, { ...opts, from: at('10') });
    // d3 and d4 only; d4's response on 02-02 is not read, so it is still in a.
    expect(row(m, 'a')).toMatchObject({ entered: 2, leftToNext: 1, stuck: 1 });
    expect(m).toMatchObject({ open: 2, won: 0, lost: 0, cycle: { count: 0, medianDays: null } });
  });

  it('a reversed win is not a win; a backdated fact counts from the stage entry; recorded stage moves are not read', () => {
    const log = new EventLog();
    log.deal('r').at(at('01')).add('DealOpened', { dealId: 'r', pipeline: { id: 'p', version: 1 }, stageId: 'a' } as never);
    log.deal('r').at(at('02')).add('StageOverridden', { toStageId: 'c' } as never);
    log.deal('r').at(at('03')).add('BuyerResponded', { evidence: proof } as never);
    // Recorded on the 5th about the 2nd: the deal entered b on the 3rd, so it leaves b on the 3rd (0 days).
    log.deal('r').at(at('02'), at('05')).add('DemoHeld', { evidence: proof } as never);
    log.deal('r').at(at('04')).add('DealClosedWon', { amountMinor: 1, lineItems: [] } as never);
    log.deal('r').at(at('06')).add('WonDealReversed', { reason: 'x' } as never);
    const m = whatIf(log.events, v1, opts);
    expect(m.stages.map((s) => [s.entered, s.leftToNext, s.days.medianDays])).toEqual([[1, 1, 2], [1, 1, 0], [1, 1, 1]]);
    expect(m).toMatchObject({ won: 0, reversed: 1, cycle: { count: 0 } });
  });
});
