import { AccessDeniedEvent } from './access-denied.event';

/** Refusals of one permission to one actor in one minute, however many records they were written in. */
export interface DenialRow {
  readonly minute: string;
  readonly actorId: string;
  readonly roles: readonly string[];
  readonly permission: string;
  readonly count: number;
  readonly resources: readonly string[];
  readonly reasonCode: string;
  readonly reason: string;
}

export interface DenialQuery {
  /** Inclusive, ISO-8601. */
  readonly from: string;
  /** Exclusive, ISO-8601. */
  readonly to: string;
  readonly actorId?: string;
}

/** The refusal records of a period merged per actor, permission and minute, newest first. */
export function denialRows(events: readonly AccessDeniedEvent[], query: DenialQuery, recordedAt: (event: AccessDeniedEvent) => string): DenialRow[] {
  const from = query.from.slice(0, 16);
  const to = query.to.slice(0, 16);
  const rows = new Map<string, DenialRow>();
  for (const event of events) {
    const d = event.data;
    const minute = d.minute ?? recordedAt(event).slice(0, 16);
    if (minute < from || minute >= to || (query.actorId !== undefined && d.actorId !== query.actorId)) continue;
    const key = `${minute}\u0000${d.actorId}\u0000${d.action}`;
    const before = rows.get(key);
    const resources = [...new Set([...(before?.resources ?? []), ...(d.resources ?? [d.resource])])];
    rows.set(key, {
      minute, actorId: d.actorId, roles: d.roles, permission: d.action, count: (before?.count ?? 0) + (d.count ?? 1),
      resources, reasonCode: before?.reasonCode ?? d.reasonCode, reason: before?.reason ?? d.reason,
    });
  }
  return [...rows.values()].sort((a, b) => (a.minute === b.minute ? a.actorId.localeCompare(b.actorId) : a.minute < b.minute ? 1 : -1));
}

/** The UTC days of [from, to), for the daily refusal streams. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(to);
  for (let day = Date.parse(`${from.slice(0, 10)}T00:00:00.000Z`); day < end; day += 86_400_000) days.push(new Date(day).toISOString().slice(0, 10));
  return days;
}
