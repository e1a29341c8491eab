import { KafkaMessage } from 'kafkajs';
import { deadLetterOf } from './dead-letter';

const message = (value: string | null): KafkaMessage => ({
  key: Buffer.from('deal-1'),
  value: value === null ? null : Buffer.from(value),
  timestamp: '1767000000000',
  attributes: 0,
  offset: '41',
  size: undefined,
  headers: { 'trace-id': Buffer.from('t-1') },
});

describe('deadLetterOf', () => {
  it('keeps the original message byte for byte and says why and where it came from', () => {
    const original = message('{"schema":"buyer-signal.v1"');
    const letter = deadLetterOf(original, { topic: 'buyer-signals', partition: 2 }, { code: 'SIGNAL.NOT_JSON', reason: 'the message is not JSON' }, new Date('2026-01-10T09:00:00Z'));
    expect(letter.key).toBe(original.key);
    expect(letter.value).toBe(original.value);
    expect(letter.headers).toEqual({
      'trace-id': original.headers?.['trace-id'],
      'dead-letter-code': 'SIGNAL.NOT_JSON',
      'dead-letter-reason': 'the message is not JSON',
      'dead-letter-topic': 'buyer-signals',
      'dead-letter-partition': '2',
      'dead-letter-offset': '41',
      'dead-letter-at': '2026-01-10T09:00:00.000Z',
    });
  });

  it('keeps an empty message empty and cuts an overlong reason', () => {
    const letter = deadLetterOf(message(null), { topic: 't', partition: 0 }, { code: 'SIGNAL.NOT_JSON', reason: 'x'.repeat(5000) }, new Date());
    expect(letter.value).toBeNull();
    expect(String(letter.headers?.['dead-letter-reason'])).toHaveLength(2000);
  });
});
