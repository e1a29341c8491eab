import { openSse, SseMessage, SseParser } from './sse';

describe('SseParser', () => {
  it('splits messages on blank lines across chunk boundaries and line-ending styles', () => {
    const p = new SseParser();
    expect(p.push('retry: 2000\n\nid: 1\nevent: deal-summary\nda')).toEqual([]);
    expect(p.push('ta: {"a":1}\r\n\r')).toEqual([]);
    expect(p.push('\n: keep-alive\n\nid: 2\rdata: x\rdata: y\r\n\n')).toEqual([
      { id: '1', event: 'deal-summary', data: '{"a":1}' },
      { id: '2', event: 'message', data: 'x\ny' },
    ]);
    expect(p.retryMs).toBe(2000);
  });

  it('ignores comments and messages without data', () => {
    expect(new SseParser().push(': hi\n\nevent: x\n\n')).toEqual([]);
  });
});

describe('openSse', () => {
  const streamOf = (text: string) => new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(text)); c.close(); } }));

  it('sends the headers, resumes with Last-Event-ID after a drop, and stops on a 4xx', async () => {
    const calls: Record<string, string>[] = [];
    const answers = [streamOf('id: 7\nevent: deal-summary\ndata: {}\n\nretry: 1\n\n'), new Response('no', { status: 401 })];
    const messages: SseMessage[] = [];
    const fatal = new Promise<number>((resolve) => {
      openSse({
        url: '/live', headers: () => ({ Authorization: 'Bearer t' }), onMessage: (m) => messages.push(m), onFatal: (s) => resolve(s),
        fetchImpl: async (_url, init) => {
          calls.push(init?.headers as Record<string, string>);
          return answers.shift()!;
        },
      });
    });
    expect(await fatal).toBe(401);
    expect(messages).toEqual([{ id: '7', event: 'deal-summary', data: '{}' }]);
    expect(calls[0]).toMatchObject({ Authorization: 'Bearer t', Accept: 'text/event-stream' });
    expect(calls[0]['Last-Event-ID']).toBeUndefined();
    expect(calls[1]['Last-Event-ID']).toBe('7');
  });
});

describe('openSse after the server ends the feed', () => {
  const streamOf = (text: string) => new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(text)); c.close(); } }));
  const feed = (answers: Response[], headers: () => Record<string, string>, onClosed?: () => void) => {
    const calls: Record<string, string>[] = [];
    const messages: SseMessage[] = [];
    const closed: string[] = [];
    const statuses: string[] = [];
    const stopped = new Promise<void>((resolve) => {
      openSse({
        url: '/live', headers, onMessage: (m) => messages.push(m), onClosed: (r) => {
          closed.push(r);
          onClosed?.();
        },
        onStatus: (s, detail) => {
          statuses.push(detail ? `${s}: ${detail}` : s);
          if (s === 'stopped') resolve();
        },
        fetchImpl: async (_url, init) => {
          calls.push(init?.headers as Record<string, string>);
          return answers.shift() ?? new Response('no', { status: 401 });
        },
      });
    });
    return { calls, messages, closed, statuses, stopped };
  };

  it('reconnects with Last-Event-ID after an overflow, which is not passed on as data', async () => {
    const f = feed([
      streamOf('retry: 1\n\nid: 7\nevent: deal-summary\ndata: {}\n\nevent: overflow\ndata: {"maxQueuedBytes":1}\n\n'),
      streamOf('retry: 1\n\nid: 8\nevent: deal-summary\ndata: {}\n\n'),
    ], () => ({ Authorization: 'Bearer t' }));
    await f.stopped;
    expect(f.messages.map((m) => m.id)).toEqual(['7', '8']);
    expect(f.calls.map((c) => c['Last-Event-ID'])).toEqual([undefined, '7', '8']);
  });

  it('stops after `closed` for an expired token it would send again, reporting the reason once', async () => {
    const f = feed([streamOf('retry: 1\n\nid: 3\nevent: deal-summary\ndata: {}\n\nevent: closed\ndata: {"reason":"token-expired"}\n\n')], () => ({ Authorization: 'Bearer old' }));
    await f.stopped;
    expect(f.calls).toHaveLength(1);
    expect(f.closed).toEqual(['token-expired']);
    expect(f.statuses.at(-1)).toBe('stopped: token-expired');
  });

  it('resumes with a new token after `closed` for an expired one, and after other reasons', async () => {
    let token = 'old';
    const f = feed([
      streamOf('retry: 1\n\nid: 3\nevent: deal-summary\ndata: {}\n\nevent: closed\ndata: {"reason":"token-expired"}\n\n'),
      streamOf('retry: 1\n\nid: 4\nevent: deal-summary\ndata: {}\n\nevent: closed\ndata: {"reason":"server-shutdown"}\n\n'),
    ], () => ({ Authorization: `Bearer ${token}` }), () => (token = 'new'));
    await f.stopped;
    expect(f.closed).toEqual(['token-expired', 'server-shutdown']);
    expect(f.calls.map((c) => [c.Authorization, c['Last-Event-ID']])).toEqual([['Bearer old', undefined], ['Bearer new', '3'], ['Bearer new', '4']]);
  });
});
