/** One server-sent event. */
export interface SseMessage {
  readonly id?: string;
  readonly event: string;
  readonly data: string;
}

/**
 * The text/event-stream format, fed in chunks as they arrive: lines end in LF, CRLF or CR, a
 * blank line ends a message, `:` lines are comments, `retry:` sets the reconnect delay.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id?: string;
  retryMs?: number;

  push(chunk: string): SseMessage[] {
    this.buffer += chunk;
    const out: SseMessage[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      // A lone CR at the end may be the first half of a CRLF: wait for the next chunk.
      if (!match || (match[0] === '\r' && match.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const message = this.line(line);
      if (message) out.push(message);
    }
    return out;
  }

  private line(line: string): SseMessage | undefined {
    if (line === '') {
      const message = this.data.length ? { id: this.id, event: this.event || 'message', data: this.data.join('\n') } : undefined;
      this.data = [];
      this.event = '';
      return message;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
    return undefined;
  }
}

/** A message of `GET /live/projections`: which projection changed, its document after the change, and the event that changed it. */
export interface LiveChange {
  readonly projection: string;
  readonly doc: unknown;
  readonly position: number;
  readonly eventType: string;
}

export type LiveStatus = 'connecting' | 'live' | 'retrying' | 'stopped';

export interface SseOptions {
  readonly url: string;
  /** Read on every (re)connect, so a new token is picked up. */
  readonly headers: () => Record<string, string>;
  readonly onMessage: (message: SseMessage) => void;
  readonly onStatus?: (status: LiveStatus, detail?: string) => void;
  /** A response that should not be retried (e.g. 401, 403): the stream stops. */
  readonly onFatal?: (status: number, body: string) => void;
  /**
   * The server ended the feed on purpose (`event: closed`, e.g. `token-expired`, `rights-changed`,
   * `server-shutdown`). The feed reconnects after the retry delay, except after `token-expired`
   * while headers() still sends the token it was opened with: then it stops.
   */
  readonly onClosed?: (reason: string) => void;
  readonly fetchImpl?: typeof fetch;
}

/**
 * A live feed over fetch, because EventSource cannot send the Authorization header. It
 * reconnects with Last-Event-ID after a drop (the server replays what was missed), including
 * after `event: overflow` (the server cut off a tab that fell too far behind), and stops on
 * close(), a 4xx answer, or `event: closed` for an expired token it would only send again.
 */
export function openSse(options: SseOptions): { close(): void } {
  const doFetch = options.fetchImpl ?? fetch.bind(globalThis);
  let controller: AbortController | undefined;
  let stopped = false;
  let lastEventId: string | undefined;
  let delayMs = 1000;
  const status = (s: LiveStatus, detail?: string) => options.onStatus?.(s, detail);

  const run = async (): Promise<void> => {
    while (!stopped) {
      controller = new AbortController();
      const parser = new SseParser();
      status('connecting');
      let closedReason: string | undefined;
      const sent = options.headers();
      try {
        const headers: Record<string, string> = { Accept: 'text/event-stream', ...sent };
        if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
        const res = await doFetch(options.url, { headers, signal: controller.signal, cache: 'no-store' });
        if (res.status >= 400 && res.status < 500) {
          stopped = true;
          status('stopped', `HTTP ${res.status}`);
          options.onFatal?.(res.status, await res.text());
          return;
        }
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        status('live');
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const message of parser.push(value)) {
            if (message.id !== undefined) lastEventId = message.id;
            // The server's last word on this connection: not data, and the stream ends after it.
            if (message.event === 'closed') closedReason = reasonOf(message.data);
            else if (message.event !== 'overflow') options.onMessage(message);
          }
          delayMs = parser.retryMs ?? 1000;
        }
      } catch (error) {
        if (stopped) return;
        status('retrying', error instanceof Error ? error.message : String(error));
      }
      if (stopped) return;
      if (closedReason !== undefined) {
        options.onClosed?.(closedReason);
        // The same expired token would only be refused: wait for a new one instead of asking again.
        if (closedReason === 'token-expired' && options.headers().Authorization === sent.Authorization) {
          stopped = true;
          status('stopped', closedReason);
          return;
        }
      }
      status('retrying', closedReason);
      await new Promise((r) => setTimeout(r, delayMs));
      delayMs = Math.min(delayMs * 2, 30_000);
    }
  };
  void run();
  return {
    close() {
      stopped = true;
      controller?.abort();
      status('stopped');
    },
  };
}

function reasonOf(data: string): string {
  try {
    const reason = (JSON.parse(data) as { reason?: unknown }).reason;
    return typeof reason === 'string' ? reason : 'unknown';
  } catch {
    return 'unknown';
  }
}
