import { Actor } from '../shared/message';
import { AccessDenial } from './access-decision';
import { accessDenied, AccessDeniedEvent, MAX_RESOURCES_NAMED, minuteOf } from './access-denied.event';

interface Pending {
  readonly actor: Actor;
  readonly denial: AccessDenial;
  readonly minute: string;
  count: number;
  readonly resources: Set<string>;
}

/**
 * Counts refusals per actor, permission and minute. `add` says whether a refusal is the first of
 * its minute (record it now) or one more (counted); `due` hands over the counts of minutes that
 * are over, as events to record. Pure: the caller supplies the time.
 */
export class DenialTally {
  private readonly seen = new Set<string>();
  private readonly pending = new Map<string, Pending>();

  add(actor: Actor, denial: AccessDenial, at: string): 'first' | 'counted' {
    const minute = minuteOf(at);
    const key = `${minute}\u0000${actor.id}\u0000${denial.permission}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      return 'first';
    }
    const entry = this.pending.get(key) ?? { actor, denial, minute, count: 0, resources: new Set<string>() };
    entry.count += 1;
    if (entry.resources.size < MAX_RESOURCES_NAMED) entry.resources.add(denial.resource);
    this.pending.set(key, entry);
    return 'counted';
  }

  /** The counted refusals of minutes before `now`'s (all of them when `everything`), removed from the tally. */
  due(now: string, everything = false): AccessDeniedEvent[] {
    const current = minuteOf(now);
    const events: AccessDeniedEvent[] = [];
    for (const [key, entry] of this.pending) {
      if (!everything && entry.minute >= current) continue;
      this.pending.delete(key);
      events.push(accessDenied(entry.actor, entry.denial, `${entry.minute}:00.000Z`, entry.count, [...entry.resources]));
    }
    for (const key of this.seen) if (everything || key.slice(0, 16) < current) this.seen.delete(key);
    return events;
  }

  get pendingCount(): number {
    return this.pending.size;
  }
}
