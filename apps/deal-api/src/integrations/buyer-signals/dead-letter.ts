import { IHeaders, KafkaMessage, Message } from 'kafkajs';

export interface DeadLetterSource {
  readonly topic: string;
  readonly partition: number;
}

export interface Rejection {
  readonly code: string;
  readonly reason: string;
}

const MAX_REASON = 2000;

/**
 * The dead-letter copy of a message: the original key, value and headers unchanged, plus
 * headers saying why (`dead-letter-code`, `dead-letter-reason`) and where it came from, so it
 * can be fixed and sent again.
 */
export function deadLetterOf(message: KafkaMessage, source: DeadLetterSource, rejection: Rejection, at: Date): Message {
  const headers: IHeaders = {
    ...(message.headers ?? {}),
    'dead-letter-code': rejection.code,
    'dead-letter-reason': rejection.reason.length > MAX_REASON ? `${rejection.reason.slice(0, MAX_REASON - 3)}...` : rejection.reason,
    'dead-letter-topic': source.topic,
    'dead-letter-partition': String(source.partition),
    'dead-letter-offset': message.offset,
    'dead-letter-at': at.toISOString(),
  };
  return { key: message.key, value: message.value, headers };
}
