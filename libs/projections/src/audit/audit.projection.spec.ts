import { RecordedEvent } from '@deals/event-store';
import { foldEvents } from '../testing/fold-events';
import { AuditDocument } from './audit.document';
import { auditProjection } from './audit.projection';
import { byType, deepFreeze, twoDeals } from './testing/audit-fixtures';

const events = twoDeals();

/** Folds like the runner, but freezes every document and event before it is applied. */
function foldFrozen(source: readonly RecordedEvent[]): Map<string, AuditDocument> {
  const model = new Map<string, AuditDocument>();
  for (const e of source) {
    for (const key of auditProjection.keysOf(deepFreeze(e))) {
      const before = model.get(key);
      const snapshot = JSON.stringify(before);
      const after = auditProjection.apply(deepFreeze(before), e, key);
      expect(JSON.stringify(before)).toBe(snapshot);
      if (after === undefined) model.delete(key);
      else model.set(key, after);
    }
  }
  return model;
}

describe('audit projection', () => {
  it('touches the deal and everyone the event names: its actor, the owner, team members, post-close leads', () => {
    expect(auditProjection.keysOf(byType(events, 'deal-acme', 'DealOpened'))).toEqual(['deal:acme', 'person:ana/acme']);
    expect(auditProjection.keysOf(byType(events, 'deal-globex', 'TeamMemberAdded')))
      .toEqual(['deal:globex', 'person:ben/globex', 'person:sam/globex']);
    expect(auditProjection.keysOf(byType(events, 'deal-acme', 'DealHandedToImplementation')))
      .toEqual(['deal:acme', 'person:ana/acme', 'person:ivan/acme', 'person:cara/acme']);
    expect(auditProjection.keysOf(byType(events, 'deal-acme', 'LegacyNoteImported'))).toEqual(['deal:acme', 'person:ivan/acme']);
    expect(auditProjection.keysOf({ ...events[0], streamId: 'plan-ae-fy26' })).toEqual([]);
  });

  it('never mutates a document or an event it is given', () => {
    expect(() => foldFrozen(events)).not.toThrow();
    expect(foldFrozen(events)).toEqual(foldEvents(auditProjection, events));
  });

  it('stores documents that survive a JSON round trip unchanged, and resumes from them to the same result', () => {
    const half = foldEvents(auditProjection, events.slice(0, 12));
    const reloaded = new Map([...half].map(([key, doc]) => [key, JSON.parse(JSON.stringify(doc)) as AuditDocument]));
    for (const [key, doc] of half) expect(reloaded.get(key)).toStrictEqual(doc);

    for (const e of events.slice(12)) {
      for (const key of auditProjection.keysOf(e)) reloaded.set(key, auditProjection.apply(reloaded.get(key), e, key) as AuditDocument);
    }
    const full = foldEvents(auditProjection, events);
    expect([...reloaded.keys()].sort()).toEqual([...full.keys()].sort());
    for (const [key, doc] of full) {
      expect(reloaded.get(key)).toStrictEqual(doc);
      expect(JSON.parse(JSON.stringify(doc))).toStrictEqual(doc);
    }
  });

  it('keeps one document per person and deal', () => {
    const model = foldEvents(auditProjection, events);
    expect([...model.keys()].filter((key) => key.startsWith('person:')).sort()).toEqual([
      'person:ana/acme', 'person:ben/acme', 'person:ben/globex', 'person:cara/acme', 'person:ivan/acme',
      'person:mia/acme', 'person:mia/globex', 'person:sam/acme', 'person:sam/globex',
    ]);
    expect(model.get('person:sam/globex')).toMatchObject({ kind: 'person-deal', personId: 'sam', dealId: 'globex' });
  });

  it('escapes in a key whatever a user id may not hold, so no person key reaches into another person', () => {
    const opened = byType(events, 'deal-acme', 'DealOpened');
    const odd = { ...opened, metadata: { ...opened.metadata, actor: { id: 'ana/x%', roles: [] } } };
    expect(auditProjection.keysOf(odd)).toEqual(['deal:acme', 'person:ana%002fx%0025/acme', 'person:ana/acme']);
    const model = foldEvents(auditProjection, [odd]);
    expect(model.get('person:ana%002fx%0025/acme')).toMatchObject({ personId: 'ana/x%', recorded: [{ type: 'DealOpened' }] });
  });

  it('changes nothing when an event already folded is delivered again', () => {
    const model = foldEvents(auditProjection, events);
    const again = byType(events, 'deal-acme', 'TeamMemberRemoved');
    for (const key of auditProjection.keysOf(again)) {
      expect(auditProjection.apply(model.get(key), again, key)).toBe(model.get(key));
    }
  });

  it('answers the same document for an event that does not involve the person', () => {
    const model = foldEvents(auditProjection, events);
    const demo = byType(events, 'deal-acme', 'DemoHeld');
    expect(auditProjection.apply(model.get('person:ana/acme'), demo, 'person:ana/acme')).toBe(model.get('person:ana/acme'));
  });

  it('still records a malformed event rather than failing', () => {
    const odd: RecordedEvent = { ...events[3], data: null, metadata: { recordedAt: '2026-05-01T00:00:00.000Z' }, position: 99, revision: 30 };
    const model = foldEvents(auditProjection, [...events, odd]);
    const acme = model.get('deal:acme');
    expect(acme?.kind === 'deal' && acme.timeline.at(-1)).toMatchObject({
      position: 99, type: 'ContactMade', occurredAt: '2026-05-01T00:00:00.000Z', summary: 'someone (not on the deal team) recorded ContactMade',
      actor: { id: '', organisationRoles: [], dealRoles: [] }, evidence: [],
    });
  });
});
