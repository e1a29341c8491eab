import { FactRef } from '../commission-types';
import { when } from '../format';
import { Table } from './ui';

/** Events a figure rests on: what, who, when it happened, when it was recorded, where it is in the store. */
export function EventRefs({ events, label }: { events: readonly FactRef[]; label: string }) {
  const roles = events.some((e) => e.role);
  return (
    <Table head={[...(roles ? ['Role'] : []), 'Event', 'By', 'Occurred', 'Recorded', 'Position']} label={label} stack>
      {events.map((e) => (
        <tr key={`${e.eventId}/${e.role ?? ''}`}>
          {roles && <td data-label="Role">{e.role ?? '—'}</td>}
          <td data-label="Event">{e.type}<br /><small class="muted">{e.streamId}</small></td>
          <td data-label="By">{e.actorId ?? '—'}</td>
          <td data-label="Occurred">{when(e.occurredAt)}</td>
          <td data-label="Recorded">{when(e.recordedAt)}</td>
          <td data-label="Position">#{e.position}</td>
        </tr>
      ))}
    </Table>
  );
}
