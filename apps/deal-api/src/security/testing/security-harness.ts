import { get } from 'node:http';
import { EVENT_STORE, EventStore, RecordedEvent } from '@deals/event-store';
import { approveIfProposed, TestActor, TestApp } from '../../testing/test-app';

/** Events written since `position`, other than the refusal log (a refusal writes nothing else). */
export async function writtenSince(t: TestApp, position: number): Promise<RecordedEvent[]> {
  const store = t.app.get<EventStore>(EVENT_STORE);
  const { events } = await store.readAll({ after: position });
  return events.filter((e) => !e.streamId.startsWith('access-denials-'));
}

export const headOf = (t: TestApp) => t.app.get<EventStore>(EVENT_STORE).headPosition();

/** The status of a streaming GET (a live feed): resolves on the response head, then drops the connection. */
export function statusOfStream(url: string, headers: Record<string, string>): Promise<{ status: number; body: { error?: string; details?: { permission?: string } } }> {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers }, (res) => {
      if (res.statusCode === 200) {
        request.destroy();
        resolve({ status: 200, body: {} });
        return;
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') }));
    });
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
  });
}

/** Opens a deal owned by `owner` with the given team and returns its id. */
export async function openDealOf(t: TestApp, owner: TestActor, team: { userId: string; role: string }[] = [{ userId: owner.id, role: 'account-executive' }]): Promise<string> {
  const res = await t.as(owner).post('/deals', {
    name: 'Guarded', account: { name: 'Guarded' }, currency: 'EUR', expectedAmount: '100000.00', team, occurredAt: '2026-01-05T09:00:00.000Z',
  });
  if (res.status !== 201) throw new Error(`open failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.dealId;
}

/** Walks an open deal to closed won (a manager overrides the stages). */
export async function winDeal(t: TestApp, dealId: string, owner: TestActor, manager: TestActor): Promise<void> {
  const ev = { kind: 'email', ref: '<terms@guarded.example>' };
  const steps: [TestActor, string, object][] = [
    [manager, 'stage/override', { toStageId: 'terms-agreed', reason: 'Signed in the room', occurredAt: '2026-02-01T09:00:00.000Z' }],
    [owner, 'terms', { price: '100000.00', paymentTerms: 'Net 30', deliveryTimeline: 'May', evidence: ev, occurredAt: '2026-02-02T09:00:00.000Z' }],
    [owner, 'close-won', { signedOrder: { kind: 'signature', ref: 'order-1' }, occurredAt: '2026-02-03T09:00:00.000Z' }],
  ];
  for (const [actor, path, body] of steps) {
    const res = await t.as(actor).post(`/deals/${dealId}/${path}`, body);
    if (res.status !== 201) throw new Error(`${path} failed: ${res.status} ${JSON.stringify(res.body)}`);
    await approveIfProposed(t, dealId, res.body, manager);
  }
}
