import { logCreator, logLevel } from 'kafkajs';

/** Where the relay's lines go; the host process supplies its logger (Nest's, in the apps). */
export interface RelayLogger {
  debug(message: string): void;
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Broker answers kafkajs logs as errors although it retries them itself, and that a fresh or
 * restarting broker gives as a matter of course (a coordinator still loading its log, a leader
 * being elected). If the retries run out, the caller gets the error and reports it.
 */
const RETRIED_BY_KAFKAJS = [
  /coordinator is loading/i,
  /coordinator is not available/i,
  /not the correct coordinator/i,
  /no leader for this topic-partition/i,
  /not the leader for that topic-partition/i,
];

/** kafkajs' log lines through the host's logger, so a process has one log format. */
export function kafkaLogThrough(logger: RelayLogger): logCreator {
  return () => ({ level, log }) => {
    const { message, ...extra } = log;
    const line = `kafkajs: ${message} ${JSON.stringify(extra)}`;
    const retried = typeof extra.error === 'string' && RETRIED_BY_KAFKAJS.some((pattern) => pattern.test(extra.error as string));
    if (level === logLevel.ERROR && !retried) logger.error(line);
    else if (level === logLevel.WARN && !retried) logger.warn(line);
    else logger.debug(line);
  };
}
