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
