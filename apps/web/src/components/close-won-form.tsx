import { useState } from 'preact/hooks';
import { CommandAnswer } from '../api';
import { useCommand } from '../hooks';
import { CommandNotice, occurredAtOf } from './command-notice';
import { ErrorBox } from './ui';

/** Records the won close with its signed order (`POST /deals/:id/close-won`); one dated back beyond the limit waits for a manager. */
export function CloseWonForm({ dealId, onDone }: { dealId: string; onDone: (position: number) => void }) {
  const [open, setOpen] = useState(false);
  const [ref, setRef] = useState('');
  const [url, setUrl] = useState('');
  const [at, setAt] = useState('');
  const [answer, setAnswer] = useState<CommandAnswer>();
  const { busy, error, send } = useCommand();
  const submit = async (e: Event) => {
    e.preventDefault();
    const signedOrder = { kind: 'signature', ref: ref.trim(), ...(url.trim() ? { url: url.trim() } : {}) };
    const sent = await send(`/deals/${encodeURIComponent(dealId)}/close-won`, { signedOrder, ...occurredAtOf(at) });
    if (!sent) return;
    setAnswer(sent);
    setOpen(false);
    onDone(sent.position);
  };
  return (
    <div class="close-won">
      <CommandNotice answer={answer} what="The close" />
      {!open ? <button type="button" class="secondary" onClick={() => { setOpen(true); setAnswer(undefined); }}>Record the close (won)…</button> : (
        <form onSubmit={submit}>
          <label for="order-ref">Signed order reference</label>
          <input id="order-ref" value={ref} onInput={(e) => setRef((e.target as HTMLInputElement).value)} />
          <label for="order-url">Link to it <small class="muted">(optional)</small></label>
          <input id="order-url" type="url" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
          <label for="close-at">Signed on <small class="muted">(empty: now)</small></label>
          <input id="close-at" type="datetime-local" value={at} onInput={(e) => setAt((e.target as HTMLInputElement).value)} />
          <ErrorBox error={error} />
          <button type="submit" disabled={busy || !ref.trim()}>Close won</button> <button type="button" class="link" onClick={() => setOpen(false)}>cancel</button>
        </form>
      )}
    </div>
  );
}
