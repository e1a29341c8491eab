import { LoggedChange } from '@deals/projections';

// Every subscriber sends a change as the same text: it is serialised once, not once per subscriber.
const formatted = new WeakMap<LoggedChange, string>();

/** A change as an SSE message: `id` = change id, `event` = projection, `data` = {key, doc, position, eventId, eventType}. */
export function changeMessage(change: LoggedChange): string {
  let text = formatted.get(change);
  if (text === undefined) {
    const data = { key: change.key, doc: change.doc ?? null, position: change.position, eventId: change.eventId, eventType: change.eventType };
    text = `id: ${change.id}\nevent: ${change.projection}\ndata: ${JSON.stringify(data)}\n\n`;
    formatted.set(change, text);
  }
  return text;
}

/** A message without an id, so the client's Last-Event-ID stays that of the last change it got; `retryMs` sets its reconnection delay. */
export function controlMessage(event: string, data: object, retryMs?: number): string {
  return `${retryMs === undefined ? '' : `retry: ${retryMs}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
