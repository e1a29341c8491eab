import { logCreator, logLevel } from 'kafkajs';

/** Where the relay's lines go; the host process supplies its logger (Nest's, in the apps). */
export interface RelayLogger {
  debug(message: string): void;
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** kafkajs' log lines through the host's logger, so a process has one log format. */
export function kafkaLogThrough(logger: RelayLogger): logCreator {
  return () => ({ level, log }) => {
    const { message, ...extra } = log;
    const line = `kafkajs: ${message} ${JSON.stringify(extra)}`;
    if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else logger.debug(line);
  };
}
