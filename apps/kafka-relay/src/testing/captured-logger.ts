import { RelayLogger } from '@deals/kafka-relay';

export interface LogLine {
  readonly level: 'debug' | 'log' | 'warn' | 'error';
  readonly message: string;
}

/** A RelayLogger that keeps every line, for tests that look at what the relay logged. */
export class CapturedLogger implements RelayLogger {
  readonly lines: LogLine[] = [];
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  log(message: string): void {
    this.lines.push({ level: 'log', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
  at(level: LogLine['level']): string[] {
    return this.lines.filter((l) => l.level === level).map((l) => l.message);
  }
}
