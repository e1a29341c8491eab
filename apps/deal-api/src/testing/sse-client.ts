import http from 'node:http';

export interface SseMessage {
  readonly id?: string;
  readonly event?: string;
  readonly data: string;
}

/** A minimal SSE reader for tests: collects messages until closed. */
export class SseClient {
  readonly messages: SseMessage[] = [];
  private request?: http.ClientRequest;
  private waiters: (() => void)[] = [];

  connect(url: string, headers: Record<string, string>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.request = http.get(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`SSE status ${res.statusCode}`));
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
        resolve();
      });
      this.request.on('error', (e) => (this.request?.destroyed ? undefined : reject(e)));
    });
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

  close(): void {
    this.request?.destroy();
  }

  private parse(block: string): void {
    const fields: Record<string, string> = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || !line.includes(':')) continue;
      const i = line.indexOf(':');
      fields[line.slice(0, i)] = line.slice(i + 1).trimStart();
    }
    if (fields.data === undefined) return;
    this.messages.push({ id: fields.id, event: fields.event, data: fields.data });
    this.waiters.splice(0).forEach((w) => w());
  }
}
