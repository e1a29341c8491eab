import { requestParts } from './request-parts';

const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName, url, lineNumber: 0, columnNumber: 0, scriptId: '0' }, children });

describe('requestParts', () => {
  it('gives each busy sample to the nearest frame that belongs to a part, and leaves idle time out', () => {
    // root → Nest core → validation pipe → class-validator; root → Nest core → handleCommand; root → (garbage collector); root → (idle); root → timers.
    const nodes = [
      frame(1, '(root)', '', [2, 6, 7, 8]),
      frame(2, 'handle', 'file:///x/node_modules/@nestjs/core/router/router-execution-context.js', [3, 5]),
      frame(3, 'transform', 'file:///x/apps/deal-api/src/validation.pipe.ts', [4]),
      frame(4, 'validate', 'file:///x/node_modules/class-validator/cjs/validation/Validator.js'),
      frame(5, 'handleCommand', 'file:///x/libs/command-pipeline/src/handle-command.ts'),
      frame(6, '(garbage collector)', ''),
      frame(7, '(idle)', ''),
      frame(8, 'listOnTimeout', 'node:internal/timers'),
    ];
    // 1 ms per sample: 3 validation, 2 command path, 1 Nest core itself, 2 GC, 1 other, 5 idle (the first sample is outside the window).
    const samples = [4, 4, 4, 4, 5, 5, 2, 6, 6, 8, 7, 7, 7, 7, 7];
    const profile = { nodes, startTime: 0, endTime: 15_000, samples, timeDeltas: samples.map(() => 1000) };

    const r = requestParts(profile, { fromUs: 1500, toUs: 20_000 });

    expect(r.busyMs).toBe(9);
    expect(r.idleShare).toBeCloseTo(5 / 14);
    const share = (prefix: string) => r.parts.find((p) => p.part.startsWith(prefix))?.share;
    expect(share('validation pipe')).toBeCloseTo(3 / 9);
    expect(share('command path')).toBeCloseTo(2 / 9);
    expect(share('garbage collection')).toBeCloseTo(2 / 9);
    expect(share('Nest core')).toBeCloseTo(1 / 9);
    expect(share('other')).toBeCloseTo(1 / 9);
    expect(r.parts.map((p) => p.share).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });
});
