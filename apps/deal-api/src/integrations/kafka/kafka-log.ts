import { Logger } from '@nestjs/common';
import { logCreator, logLevel } from 'kafkajs';

/** kafkajs' log lines through Nest's logger, so the API has one log format. */
export function kafkaLogThrough(logger: Logger): logCreator {
  return () => ({ level, log }) => {
    const { message, ...extra } = log;
    const line = `kafkajs: ${message} ${JSON.stringify(extra)}`;
    if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else logger.debug(line);
  };
}
