import { FactRef } from '../commission-types';
import { when } from '../format';
import { Table } from './ui';

/** Events a figure rests on: what, who, when it happened, when it was recorded, where it is in the store. */
export function EventRefs({ events, label }: { events: readonly FactRef[]; label: string }) {
  const roles = events.some((e) => e.role);
  return (
    <Table head={[...(roles ? ['Role'] : []), 'Event', 'By', 'Occurred', 'Recorded', 'Position']} label={label}>
      {events.map((e) => (
        <tr key={`${e.eventId}/${e.role ?? ''}`}>
          {roles && <td>{e.role ?? '—'}</td>}
          <td>{e.type}<br /><small class="muted">{e.streamId}</small></td>
          <td>{e.actorId ?? '—'}</td>
          <td>{when(e.occurredAt)}</td>
          <td>{when(e.recordedAt)}</td>
          <td>#{e.position}</td>
        </tr>
      ))}
    </Table>
  );
}
