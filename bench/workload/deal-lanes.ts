import { randomUUID } from 'node:crypto';
import { signAccessToken, tokenSigner } from '@deals/access-tokens';
import { post } from '../lib/http-client';
import { APP_SECRET, APP_USERS } from '../lib/app-server';
import type { Target } from '../lib/open-loop';

export type DealLanes = Target & {
  sendStep(n: number, step: number): Promise<string>;
  readonly steps: number;
  /** Events in the answers of every command answered 201 so far (what the server acknowledged as written). */
  acknowledgedEvents(): number;
};

/**
 * Deal commands over HTTP on the real application, answered with their events; the SSE reader is
 * sales-ops on `/live/projections?projections=deal-summary`. Each lane works one deal at a time
 * through eight commands; with two seconds between a deal's commands they do not overlap.
 */
export function dealLanes(port: number, lanes: number): DealLanes {
  const jwt = tokenSigner(APP_SECRET);
  // Fifty reps share the load, as in a sales team: each deal is its owner's.
  const reps = APP_USERS.reps;
  const tokens = reps.map((rep) => ({ Authorization: `Bearer ${signAccessToken(jwt, rep)}` }));
  const ops = { Authorization: `Bearer ${signAccessToken(jwt, APP_USERS.ops)}` };
  const deals = new Map<number, string>();
  let acknowledged = 0;
  const email = (ref: string) => ({ kind: 'email', ref });
  const steps: ((dealId: string, n: number) => [string, object])[] = [
    (dealId, n) => ['/deals', {
      dealId, name: `Live deal ${n}`, account: { name: 'Acme', industry: 'manufacturing' }, currency: 'EUR', expectedAmount: '100000.00',
      lineItems: [{ productCode: 'CORE', amount: '60000.00', quantity: 1 }, { productCode: 'X', amount: '40000.00', quantity: 1 }],
      team: [{ userId: reps[n % reps.length].id, role: 'account-executive' }],
    }],
    (id, n) => [`/deals/${id}/buyer-responses`, { evidence: email(`<reply-${n}@acme.example>`) }],
    (id, n) => [`/deals/${id}/meetings`, { meetingId: `cal-${n}`, scheduledFor: '2027-01-09T10:00:00.000Z', evidence: { kind: 'calendar', ref: `cal-${n}` } }],
    (id) => [`/deals/${id}/stage/advance`, {}],
    (id, n) => [`/deals/${id}/decision-maker`, { contactName: 'Pat Buyer', contactTitle: 'CFO', evidence: { kind: 'meeting', ref: `cal-${n}` } }],
    (id, n) => [`/deals/${id}/budget`, { min: '80000.00', max: '120000.00', evidence: email(`<budget-${n}@acme.example>`) }],
    (id, n) => [`/deals/${id}/decision-timeframe`, { decisionBy: '2027-03-31', evidence: { kind: 'meeting', ref: `cal-${n}` } }],
    (id) => [`/deals/${id}/stage/advance`, {}],
  ];
  return {
    ssePath: '/live/projections?projections=deal-summary',
    sseHeaders: ops,
    send: async (i) => {
      const lane = i % lanes;
      const round = Math.floor(i / lanes);
      return sendStep(lane + lanes * Math.floor(round / steps.length), round % steps.length);
    },
    keyOf: (data) => (JSON.parse(data) as { eventId?: string }).eventId,
    sendStep: (n, step) => sendStep(n, step),
    steps: steps.length,
    acknowledgedEvents: () => acknowledged,
  };

  async function sendStep(n: number, step: number): Promise<string> {
    if (step === 0) deals.set(n, randomUUID());
    const dealId = deals.get(n)!;
    const [path, body] = steps[step](dealId, n);
    const res = await post(port, path, { ...tokens[n % reps.length], 'Idempotency-Key': `live-${n}-${step}` }, JSON.stringify(body));
    if (res.status !== 201) throw new Error(`${path.replace(dealId, ':id')} ${res.status} ${res.body.slice(0, 200)}`);
    if (step === steps.length - 1) deals.delete(n);
    const events = (JSON.parse(res.body) as { events: { eventId: string }[] }).events;
    acknowledged += events.length;
    return events[events.length - 1].eventId;
  }
}

/** Lanes for a rate: two seconds' worth, so each deal's next command comes two seconds after its last. */
export const lanesFor = (ratePerSecond: number) => Math.max(8, Math.round(ratePerSecond * 2));
