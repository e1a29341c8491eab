import { MultiBar, Presets } from 'cli-progress';

export interface ProgressBar {
  update(value: number, total?: number): void;
}

export interface Progress {
  bar(label: string, total: number, unit: string): ProgressBar;
  stop(): void;
}

const SILENT: Progress = { bar: () => ({ update: () => undefined }), stop: () => undefined };

/**
 * Progress bars on the terminal (cli-progress, one line per bar, redrawn at most 10 times a
 * second); nothing at all when there is no terminal, so logs and pipes stay clean.
 */
export function progressOn(stream: NodeJS.WritableStream | undefined): Progress {
  if (!stream) return SILENT;
  const bars = new MultiBar({
    stream: stream as NodeJS.WritableStream & { isTTY: boolean },
    format: '{label} [{bar}] {percentage}% | {value}/{total} {unit} | {rate}/s | ETA {eta_formatted}',
    barsize: 30,
    hideCursor: true,
    clearOnComplete: false,
    fps: 10,
    etaBuffer: 50,
  }, Presets.shades_classic);
  return {
    bar(label, total, unit) {
      const started = Date.now();
      const bar = bars.create(Math.max(total, 1), 0, { label: label.padEnd(18), unit, rate: 0 });
      return {
        update(value, newTotal) {
          if (newTotal !== undefined) bar.setTotal(Math.max(newTotal, 1));
          const seconds = (Date.now() - started) / 1000;
          bar.update(value, { rate: seconds > 0 ? Math.round(value / seconds) : 0 });
        },
      };
    },
    stop: () => bars.stop(),
  };
}
