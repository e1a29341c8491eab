import { Evidence } from '@deals/domain';
import { RecordedEvent } from '@deals/event-store';
import { EventLog } from '../../testing/recorded-events';

export const ana = { id: 'ana', roles: ['rep'] };
export const ben = { id: 'ben', roles: ['rep'] };
export const sam = { id: 'sam', roles: ['rep'] };
export const mia = { id: 'mia', roles: ['manager'] };
export const ivan = { id: 'ivan', roles: ['implementation'] };

export const email = (ref: string): Evidence => ({ kind: 'email', ref });
export const meeting = (ref: string): Evidence => ({ kind: 'meeting', ref });

export const RECAP_REPLY: Evidence = { kind: 'email', ref: '<re-recap-42@acme.example>', url: 'https://mail.example/m/42' };
export const SIGNED_ORDER: Evidence = { kind: 'signature', ref: 'docusign-env-7' };

const opened = (dealId: string, name: string, account: string, ownerId: string) => ({
  dealId, name, account: { name: account, industry: 'manufacturing' }, ownerId, currency: 'EUR',
  expectedAmountMinor: 10_000_000, lineItems: [], pipeline: { id: 'default', version: 1 }, stageId: 'engaged',
});

/**
 * Two deals worked by an overlapping team.
 *
 * Acme (March): Ana opens and owns it and joins its team in the same command; Ben joins as a
 * second account executive. Sam records the buyer's response before he is on the team, joins as
 * sales engineer on 6 March, and is removed by Mia on 16 March (recorded only on 20 March).
 * Ana records the buyer's recap confirmation on 14 March, backdated to 12 March. After the win
 * Ana hands the deal to Ivan (implementation lead) and Cara (customer success). An event type
 * this code has never heard of comes last.
 *
 * Globex (April): Ben opens and owns it without joining the team, records a response as its
 * implicit account executive, and is put on the team on 5 April. Sam is its sales engineer
 * from 2 April and its executive sponsor from 10 April.
 */
export function twoDeals(): RecordedEvent[] {
  const log = new EventLog();
  const acme = log.deal('acme');
  acme.by(ana).at('2026-03-01T09:00:00Z')
    .add('DealOpened', opened('acme', 'Acme platform', 'Acme', 'ana'))
    .add('TeamMemberAdded', { userId: 'ana', role: 'account-executive' })
    .add('TeamMemberAdded', { userId: 'ben', role: 'account-executive' });
  acme.at('2026-03-02T10:00:00Z').add('ContactMade', { channel: 'email', evidence: email('<first-1@us.example>') });
  acme.by(sam).at('2026-03-05T10:00:00Z').add('BuyerResponded', { evidence: email('<reply-1@acme.example>') });
  acme.by(ana).at('2026-03-06T10:00:00Z').add('TeamMemberAdded', { userId: 'sam', role: 'sales-engineer' });
  acme.by(sam).at('2026-03-10T15:00:00Z').add('DemoHeld', { attended: true, questionsAnswered: true, evidence: meeting('zoom-555') });
  acme.by(ana).at('2026-03-11T09:00:00Z').add('RecapEmailSent', { evidence: email('<recap-42@us.example>') });
  acme.by(sam).at('2026-03-13T09:00:00Z').add('NextMeetingScheduled', {
    meetingId: 'meet-9', scheduledFor: '2026-03-20T10:00:00Z', evidence: meeting('cal-9'),
  });
  acme.by(ana).at('2026-03-12T17:00:00Z', '2026-03-14T08:00:00Z').add('RecapConfirmedByBuyer', { evidence: RECAP_REPLY });
  acme.by(ana).at('2026-03-15T09:00:00Z').add('StageAdvanced', {
    fromStageId: 'product-evaluated', toStageId: 'proposal-reviewed',
    satisfiedBy: [
      { criterionId: 'demo-attended', evidence: [meeting('zoom-555')] },
      { criterionId: 'next-meeting-scheduled', evidence: [meeting('cal-9')] },
      { criterionId: 'recap-confirmed', evidence: [email('<recap-42@us.example>'), RECAP_REPLY] },
    ],
  });
  acme.by(mia).at('2026-03-16T09:00:00Z', '2026-03-20T09:00:00Z').add('TeamMemberRemoved', { userId: 'sam', role: 'sales-engineer' });
  acme.by(sam).at('2026-03-21T09:00:00Z').add('ProposalDelivered', { evidence: email('<proposal-1@us.example>') });

  const globex = log.deal('globex');
  globex.by(ben).at('2026-04-01T09:00:00Z').add('DealOpened', opened('globex', 'Globex rollout', 'Globex', 'ben'));
  globex.at('2026-04-02T09:00:00Z').add('TeamMemberAdded', { userId: 'sam', role: 'sales-engineer' });
  globex.at('2026-04-03T09:00:00Z').add('BuyerResponded', { evidence: email('<globex-reply@globex.example>') });
  globex.by(mia).at('2026-04-05T09:00:00Z').add('TeamMemberAdded', { userId: 'ben', role: 'account-executive' });
  globex.by(sam).at('2026-04-08T09:00:00Z').add('DemoHeld', { attended: true, questionsAnswered: false, evidence: meeting('teams-1') });
  globex.by(mia).at('2026-04-10T09:00:00Z')
    .add('TeamMemberRemoved', { userId: 'sam', role: 'sales-engineer' })
    .add('TeamMemberAdded', { userId: 'sam', role: 'executive-sponsor' });

  acme.by(ana).at('2026-03-25T16:00:00Z', '2026-04-11T09:00:00Z').add('DealClosedWon', {
    fromStageId: 'terms-agreed', amountMinor: 10_000_000, lineItems: [], signedOrder: SIGNED_ORDER,
  });
  acme.at('2026-04-14T09:00:00Z')
    .add('DealHandedToImplementation', { implementationLeadId: 'ivan', customerSuccessManagerId: 'cara', evidence: meeting('handoff-1') })
    .add('TeamMemberAdded', { userId: 'ivan', role: 'implementation-lead' })
    .add('TeamMemberAdded', { userId: 'cara', role: 'customer-success-manager' });
  log.push('deal-acme', 'LegacyNoteImported', {
    userId: 'sam', role: 'sales-engineer', attachments: [{ kind: 'document', ref: 'crm-note-3', note: 'imported' }],
  }, ivan, '2026-04-15T09:00:00.000Z', '2026-04-15T09:00:00.000Z');

  // OpenDeal writes DealOpened and the owner's team membership in one command.
  return sameCommand(log.events, 0, 1, 'cmd-open-acme');
}

function sameCommand(events: RecordedEvent[], first: number, last: number, commandId: string): RecordedEvent[] {
  return events.map((e, i) => (i >= first && i <= last ? { ...e, metadata: { ...e.metadata, commandId } } : e));
}

export function byType(events: readonly RecordedEvent[], streamId: string, type: string): RecordedEvent {
  const found = events.find((e) => e.streamId === streamId && e.type === type);
  if (!found) throw new Error(`fixture has no ${type} on ${streamId}`);
  return found;
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
