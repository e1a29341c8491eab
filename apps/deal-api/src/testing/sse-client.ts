import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface SseMessage {
  readonly id?: string;
  readonly event?: string;
  readonly data: string;
  /** The reconnection delay the message sets (`retry:`), when it sets one. */
  readonly retry?: string;
  /** performance.now() when the message was parsed. */
  readonly at: number;
}

/**
 * A minimal SSE reader for tests: collects messages until closed. Opened `paused`, it reads
 * nothing until resume(), so the server's writes back up into the TCP buffers like a stalled tab's.
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  /** Set once the response has ended or the connection is gone. */
  ended = false;
  private request?: http.ClientRequest;
  private response?: http.IncomingMessage;
  private waiters: (() => void)[] = [];

  connect(url: string, headers: Record<string, string>, options: { paused?: boolean } = {}): Promise<void> {
    return new Promise((resolve, reject) => {
      this.request = http.get(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`SSE status ${res.statusCode}`));
        this.response = res;
        if (options.paused) res.pause();
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            this.parse(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        });
        const ended = () => {
          this.ended = true;
          this.wake();
        };
        res.on('end', ended);
        res.on('close', ended);
        res.on('error', ended);
        resolve();
      });
      this.request.on('error', (e) => {
        this.ended = true;
        this.wake();
        if (!this.response && !this.request?.destroyed) reject(e);
      });
    });
  }

  resume(): void {
    this.response?.resume();
  }

  /** Resolves once at least `n` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(n: number, timeoutMs = 5000): Promise<SseMessage[]> {
    return this.waitUntil((m) => m.length >= n, timeoutMs);
  }

  async waitUntil(done: (messages: SseMessage[]) => boolean, timeoutMs = 5000): Promise<SseMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.messages)) {
      if (Date.now() > deadline) throw new Error(`SSE condition not met; got ${this.messages.length} messages`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
    return this.messages;
  }

  /** Resolves once the server has ended the stream (or rejects after `timeoutMs`). */
  async waitForEnd(timeoutMs = 5000): Promise<SseMessage[]> {
    return this.waitUntil(() => this.ended, timeoutMs);
  }

  /** The id of the last message with one: what a reconnect sends as Last-Event-ID. */
  get lastEventId(): string | undefined {
    return [...this.messages].reverse().find((m) => m.id !== undefined)?.id;
  }

  close(): void {
    this.request?.destroy();
  }

  /** Drops the connection with a TCP reset, as a crashed client or a middlebox would. */
  reset(): void {
    this.request?.socket?.resetAndDestroy();
  }

  private wake(): void {
    this.waiters.splice(0).forEach((w) => w());
  }

  private parse(block: string): void {
    const fields: Record<string, string> = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || !line.includes(':')) continue;
      const i = line.indexOf(':');
      fields[line.slice(0, i)] = line.slice(i + 1).trimStart();
    }
    if (fields.data === undefined) return;
    this.messages.push({ id: fields.id, event: fields.event, data: fields.data, retry: fields.retry, at: performance.now() });
    this.wake();
  }
}
