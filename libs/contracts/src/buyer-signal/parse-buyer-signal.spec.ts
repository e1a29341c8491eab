import { parseBuyerSignal } from './parse-buyer-signal';

const DEAL = '8F0C7A52-3C3E-4D7E-9A57-0A4C2F6F1B21';

const signal = (fields: Record<string, unknown> = {}) => ({
  schema: 'buyer-signal.v1',
  signalId: 'gmail:18c2f0e4d1',
  source: 'email-sync',
  kind: 'recap-confirmed',
  dealId: DEAL,
  occurredAt: '2026-01-10T09:00:00Z',
  evidence: { kind: 'email', ref: '<re-recap@acme.example>', url: 'https://mail.example/m/18c2f0e4d1' },
  ...fields,
});

const parse = (value: unknown) => parseBuyerSignal(typeof value === 'string' ? value : JSON.stringify(value));

describe('parseBuyerSignal', () => {
  it('reads a recap-confirmed signal, keeping only the fields v1 knows', () => {
    expect(parse(signal({ extra: 'ignored' }))).toEqual({
      ok: true,
      signal: {
        schema: 'buyer-signal.v1',
        signalId: 'gmail:18c2f0e4d1',
        source: 'email-sync',
        kind: 'recap-confirmed',
        dealId: DEAL.toLowerCase(),
        occurredAt: '2026-01-10T09:00:00Z',
        evidence: { kind: 'email', ref: '<re-recap@acme.example>', url: 'https://mail.example/m/18c2f0e4d1' },
      },
    });
  });

  it('reads a meeting-held signal with its two outcomes', () => {
    const parsed = parse(signal({ kind: 'meeting-held', attended: true, questionsAnswered: false, evidence: { kind: 'meeting', ref: 'zoom-1' } }));
    expect(parsed).toMatchObject({ ok: true, signal: { kind: 'meeting-held', attended: true, questionsAnswered: false } });
  });

  it('says when the body is not JSON', () => {
    expect(parse('{"schema": "buyer-signal.v1",')).toEqual({ ok: false, code: 'SIGNAL.NOT_JSON', reason: expect.stringMatching(/^the message is not JSON: /) });
  });

  it.each([
    ['an array', []],
    ['a string', 'recap-confirmed'],
    ['null', null],
  ])('says when the body is %s rather than an object', (_, body) => {
    expect(parseBuyerSignal(JSON.stringify(body))).toEqual({ ok: false, code: 'SIGNAL.INVALID', reason: 'the message must be a JSON object' });
  });

  it('names the schema it expected', () => {
    expect(parse(signal({ schema: 'buyer-signal.v2' }))).toEqual({
      ok: false,
      code: 'SIGNAL.SCHEMA_UNKNOWN',
      reason: 'schema must be "buyer-signal.v1", got "buyer-signal.v2"',
    });
  });

  it('lists every problem at once', () => {
    const parsed = parse(signal({ signalId: ' ', source: 'Email Sync', kind: 'liked-us', dealId: '42', occurredAt: '2026-01-10 09:00', evidence: { kind: 'tweet', ref: '' } }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.code).toBe('SIGNAL.INVALID');
    expect(parsed.reason.split('; ')).toEqual([
      'signalId must be a non-blank string',
      'source must be 1-63 of a-z 0-9 . _ - starting with a letter or digit, got "Email Sync"',
      'kind must be one of recap-confirmed, meeting-held, buyer-replied, got "liked-us"',
      'dealId must be a UUID, got "42"',
      'occurredAt must be an ISO-8601 instant with a zone, got "2026-01-10 09:00"',
      'evidence.kind must be one of email, meeting, call, document, calendar, signature, crm, other, got "tweet"',
      'evidence.ref must be a non-blank string',
    ]);
  });

  it.each([
    ['evidence is missing', { evidence: undefined }, 'evidence must be an object {kind, ref, url?}'],
    ['the url is not http(s)', { evidence: { kind: 'email', ref: 'x', url: 'javascript:alert(1)' } }, 'evidence.url must be an http(s) URL'],
    ['a meeting-held signal lacks its outcomes', { kind: 'meeting-held' }, 'attended must be true or false for a meeting-held signal; questionsAnswered must be true or false'],
    ['the signal id is too long', { signalId: 'x'.repeat(201) }, 'signalId must be at most 200 characters'],
    ['the time has no zone', { occurredAt: '2026-01-10T09:00:00' }, 'occurredAt must be an ISO-8601 instant with a zone'],
  ])('refuses a signal when %s', (_, fields, reason) => {
    const parsed = parse(signal(fields));
    expect(parsed).toEqual({ ok: false, code: 'SIGNAL.INVALID', reason: expect.stringContaining(reason) });
  });
});
