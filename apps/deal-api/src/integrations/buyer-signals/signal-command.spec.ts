import { BuyerSignalV1, SIGNAL_EVIDENCE_KINDS } from '@deals/contracts';
import { EVIDENCE_KINDS, rolesGranted } from '@deals/domain';
import { integrationActor, signalCommand } from './signal-command';

const base = {
  schema: 'buyer-signal.v1',
  signalId: 's-1',
  source: 'email-sync',
  dealId: '8f0c7a52-3c3e-4d7e-9a57-0a4c2f6f1b21',
  occurredAt: '2026-01-10T09:00:00Z',
  evidence: { kind: 'email', ref: '<re-recap@acme.example>', url: 'https://mail.example/m/1' },
} as const;

describe('signalCommand', () => {
  it('records a confirmed recap with the buyer reply as evidence', () => {
    expect(signalCommand({ ...base, kind: 'recap-confirmed' })).toEqual({
      type: 'RecordRecapConfirmed',
      data: { evidence: { kind: 'email', ref: '<re-recap@acme.example>', url: 'https://mail.example/m/1' } },
    });
  });

  it('records a reply to first contact', () => {
    expect(signalCommand({ ...base, kind: 'buyer-replied' }).type).toBe('RecordBuyerResponded');
  });

  it('records a held meeting as a demo with its two outcomes', () => {
    const signal: BuyerSignalV1 = { ...base, kind: 'meeting-held', attended: true, questionsAnswered: false, evidence: { kind: 'meeting', ref: 'zoom-1' } };
    expect(signalCommand(signal)).toEqual({
      type: 'RecordDemoHeld',
      data: { attended: true, questionsAnswered: false, evidence: { kind: 'meeting', ref: 'zoom-1' } },
    });
  });

  it('acts as the source integration, which may issue each of these commands', () => {
    const actor = integrationActor({ ...base, kind: 'recap-confirmed' });
    expect(actor).toEqual({ id: 'integration:email-sync', roles: ['integration'] });
    for (const type of ['RecordRecapConfirmed', 'RecordBuyerResponded', 'RecordDemoHeld'] as const) {
      expect(rolesGranted(`deal:${type}`)).toContain('integration');
    }
  });

  it('accepts only evidence kinds the domain knows', () => {
    for (const kind of SIGNAL_EVIDENCE_KINDS) expect(EVIDENCE_KINDS).toContain(kind);
  });
});
