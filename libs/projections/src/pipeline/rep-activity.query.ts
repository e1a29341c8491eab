import { ReadModel } from '../projection';
import { DealSummary } from '../deal-summary/deal-summary';
import { Period, withinPeriod } from './period';

export interface RepActivity {
  readonly repId: string;
  /** Meetings held in the period, credited to whoever recorded them (see `MeetingHeld`). */
  readonly meetingsHeld: number;
  /** Deals won (not reversed) with a close in the period, credited to the deal's owner. */
  readonly dealsWon: number;
}

/** Per person with any activity in [from, to): meetings held vs deals won, by id. */
export function repActivity(model: ReadModel<DealSummary>, period: Period): RepActivity[] {
  const within = withinPeriod(period);
  const byRep = new Map<string, { meetingsHeld: number; dealsWon: number }>();
  const of = (repId: string) => {
    const current = byRep.get(repId) ?? { meetingsHeld: 0, dealsWon: 0 };
    byRep.set(repId, current);
    return current;
  };
  for (const doc of model.values()) {
    for (const meeting of doc.meetingsHeld) if (within(meeting.at)) of(meeting.actorId).meetingsHeld += 1;
    if (doc.status === 'won' && !doc.reversed && within(doc.closedAt)) of(doc.ownerId).dealsWon += 1;
  }
  return [...byRep.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([repId, counts]) => ({ repId, ...counts }));
}
