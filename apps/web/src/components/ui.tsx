import { ComponentChildren } from 'preact';
import { ApiError } from '../api';
import { refusalText } from '../refusals';
import { LiveStatus } from '../sse';

/** A refusal in words, its status and code beside it for whoever reports it. */
export function ErrorBox({ error }: { error?: Error }) {
  if (!error) return null;
  return (
    <p class="error" role="alert" data-testid="refusal">
      {refusalText(error)}{error instanceof ApiError ? <small class="code"> {error.status} {error.code}</small> : null}
    </p>
  );
}

export function Loading({ when }: { when: boolean }) {
  return when ? <p class="muted" aria-busy="true">Loading…</p> : null;
}

const LABELS: Record<LiveStatus, string> = { connecting: 'connecting…', live: 'live', retrying: 'reconnecting…', stopped: 'not live' };

export function LiveBadge({ status, title = 'Updates over the deal-summary live feed' }: { status: LiveStatus; title?: string }) {
  return <span class={`live live-${status}`} data-testid="live-status" title={title}>{LABELS[status]}</span>;
}

export function Section({ title, children, actions }: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  return (
    <section class="panel">
      <header class="panel-head"><h2>{title}</h2>{actions}</header>
      {children}
    </section>
  );
}

/** A table that scrolls sideways on a phone instead of squashing its columns, or (`stack`) turns each row into a block. */
export function Table({ head, children, label, stack }: { head: string[]; children: ComponentChildren; label?: string; stack?: boolean }) {
  return (
    <div class="table-wrap">
      <table aria-label={label} class={stack ? 'stack' : undefined}>
        <thead><tr>{head.map((h) => <th key={h}>{h || <span class="visually-hidden">Actions</span>}</th>)}</tr></thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
