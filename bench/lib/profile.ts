import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A `node --cpu-prof` profile reduced to where the time went: self time by function and by file. */

export interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileLine {
  readonly name: string;
  readonly where: string;
  readonly selfMs: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  /** Share of samples in which the process was idle (waiting on I/O, timers, fsync on the libuv pool). */
  readonly idleShare: number;
  readonly functions: readonly ProfileLine[];
  /** Self time grouped by area: our libs and apps, node_modules packages, Node internals, native. */
  readonly areas: readonly ProfileLine[];
  /** Named functions of the project's own code by inclusive time (themselves and all they call). */
  readonly inclusive: readonly ProfileLine[];
}

const root = join(__dirname, '..', '..');

function areaOf(url: string, name: string): string {
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(program)' || name === '(idle)') return name;
  if (!url) return `native (${name || 'anonymous'})`;
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return `package ${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  if (path.startsWith('node:')) return 'node internals';
  const rel = relative(root, path);
  const parts = rel.split('/');
  if (parts[0] === 'libs' || parts[0] === 'apps') return `${parts[0]}/${parts[1]}`;
  return parts[0];
}

/** Microseconds on the profiler's clock (CLOCK_MONOTONIC, as process.hrtime), to profile only the measured part of a run. */
export const profilerClockUs = () => Number(process.hrtime.bigint() / 1000n);

export interface ProfileWindow {
  readonly fromUs: number;
  readonly toUs: number;
}

/** A `.cpuprofile` file, parsed. */
export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

export function summariseProfile(source: string | CpuProfile, top = 15, window?: ProfileWindow): ProfileSummary {
  const profile = typeof source === 'string' ? readProfile(source) : source;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    first = Math.min(first, at);
    last = Math.max(last, at);
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const totalMs = window ? Math.max(0, last - first) / 1000 : (profile.endTime - profile.startTime) / 1000;
  const functions = new Map<string, { name: string; where: string; ms: number }>();
  const areas = new Map<string, number>();
  let idle = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') idle += ms;
    const name = functionName || '(anonymous)';
    const where = url ? `${relative(root, url.replace(/^file:\/\//, ''))}:${lineNumber + 1}` : '';
    const key = `${name}@${where}`;
    const entry = functions.get(key) ?? { name, where, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
  }
  // Inclusive time: each node's self time plus its descendants', summed per named project function
  // (a function that appears several times on one stack is counted once per stack).
  const inclusiveMs = new Map<string, { name: string; where: string; ms: number }>();
  const walk = (id: number, onStack: Set<string>): number => {
    const node = byId.get(id)!;
    let ms = self.get(id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const own = functionName && /\/(libs|apps)\//.test(url) && !url.includes('node_modules') ? `${functionName}@${relative(root, url.replace(/^file:\/\//, ''))}` : undefined;
    const fresh = own !== undefined && !onStack.has(own);
    if (fresh) onStack.add(own);
    for (const child of node.children ?? []) ms += walk(child, onStack);
    if (fresh) {
      onStack.delete(own);
      const entry = inclusiveMs.get(own) ?? { name: functionName, where: `${relative(root, url.replace(/^file:\/\//, ''))}:${lineNumber + 1}`, ms: 0 };
      entry.ms += ms;
      inclusiveMs.set(own, entry);
    }
    return ms;
  };
  const childIds = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  for (const n of profile.nodes) if (!childIds.has(n.id)) walk(n.id, new Set());
  const busy = Math.max(1, totalMs - idle);
  const lines = (entries: { name: string; where: string; ms: number }[]) =>
    entries.sort((a, b) => b.ms - a.ms).slice(0, top).map((e) => ({ name: e.name, where: e.where, selfMs: e.ms, share: e.ms / busy }));
  return {
    totalMs,
    idleShare: idle / Math.max(1, totalMs),
    functions: lines([...functions.values()].filter((f) => f.name !== '(idle)')),
    areas: lines([...areas.entries()].filter(([a]) => a !== '(idle)').map(([name, ms]) => ({ name, where: '', ms }))),
    inclusive: lines([...inclusiveMs.values()]).slice(0, 12),
  };
}

/** The newest .cpuprofile in a folder. */
export function newestProfile(dir: string): string | undefined {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort();
  return files.length ? join(dir, files[files.length - 1]) : undefined;
}

export function profileMarkdown(summary: ProfileSummary, title: string): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `**${title}** — ${(summary.totalMs / 1000).toFixed(1)} s profiled, idle ${pct(summary.idleShare)} (waiting on I/O/fsync); shares below are of the busy time.`,
    '',
    '| area | self time | share |',
    '| --- | ---: | ---: |',
    ...summary.areas.slice(0, 8).map((a) => `| ${a.name} | ${a.selfMs.toFixed(0)} ms | ${pct(a.share)} |`),
    '',
    '| project function (inclusive: itself and what it calls) | where | time | share |',
    '| --- | --- | ---: | ---: |',
    ...summary.inclusive.map((f) => `| \`${f.name}\` | ${f.where} | ${f.selfMs.toFixed(0)} ms | ${pct(f.share)} |`),
    '',
    '| function (self time) | where | self time | share |',
    '| --- | --- | ---: | ---: |',
    ...summary.functions.map((f) => `| \`${f.name}\` | ${f.where || '—'} | ${f.selfMs.toFixed(0)} ms | ${pct(f.share)} |`),
  ].join('\n');
}
