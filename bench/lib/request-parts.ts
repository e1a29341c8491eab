import { CpuProfile, ProfileWindow } from './profile';

/**
 * A `node --cpu-prof` profile of an HTTP server split into the parts of a request (and the work
 * sharing its event loop): each busy sample goes to the part of the innermost frame of its stack
 * (the nearest to the running function) that belongs to one; collection and samples no part
 * claims are parts of their own.
 */

export const REQUEST_PARTS: readonly (readonly [string, RegExp])[] = [
  ['projection runner (follow $all, fold, commit documents, change log, versions)', /projections\/src\/runner|checkpointed-consumer/],
  ['event store group commit (`flush`: one transaction per turn, fsync)', /group-commit/],
  ['command path (`handleCommand`: fold, idempotency, decide, append)', /handle-command|aggregate-stream|deal-command\.handler/],
  ['validation pipe (class-transformer, class-validator)', /class-validator|class-transformer|validation\.pipe/],
  ['guards (bearer token, user, access table)', /guards-consumer|actor\.guard|access\.guard/],
  ['the answer (Nest\'s reply, `res.json`)', /router-response-controller|express\/lib\/response|express-adapter\.js|fastify-adapter\.js|fastify\/lib\/reply/],
  ['pino-http and nestjs-pino (request log)', /pino-http|nestjs-pino|pino\/lib/],
  ['the request door and body parsing', /body-parser|security\/(json|text-fields|query-string|content-headers|request-door)|raw-body|fastify\/lib\/content-type-parser|secure-json-parse/],
  ['Nest core (route handler, guard, pipe and interceptor consumers, interceptors)', /@nestjs\/core|interceptor/],
  ['Express router and middleware (request tracking, metrics, cookie-parser)', /node_modules\/router\/|express\/lib|finalhandler|request-tracking|cookie-parser/],
  ['Fastify (router, hooks)', /fastify\/lib|find-my-way|@fastify\/|platform-fastify|avvio/],
  ['Node HTTP (parsing, sockets, writes)', /_http_|node:net|stream_base|writev|node:internal\/streams/],
];

export interface RequestPart {
  readonly part: string;
  /** Share of the busy samples (idle left out). */
  readonly share: number;
}

export interface RequestParts {
  readonly busyMs: number;
  readonly idleShare: number;
  readonly parts: readonly RequestPart[];
}

export function requestParts(profile: CpuProfile, window?: ProfileWindow): RequestParts {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const partOf = new Map<number, string>();
  const classify = (leaf: number): string => {
    const known = partOf.get(leaf);
    if (known) return known;
    const name = byId.get(leaf)!.callFrame.functionName;
    let part: string | undefined = name === '(garbage collector)' ? 'garbage collection' : name === '(idle)' ? '(idle)' : undefined;
    if (!part) {
      const stack: string[] = [];
      for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) stack.push(byId.get(id)!.callFrame.url);
      for (let k = 0; k < stack.length && !part; k++) part = REQUEST_PARTS.find(([, re]) => re.test(stack[k]))?.[0];
    }
    part ??= 'other (microtasks, timers, V8, the rest)';
    partOf.set(leaf, part);
    return part;
  };
  const ms = new Map<string, number>();
  let at = profile.startTime;
  let idle = 0;
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    const d = (profile.timeDeltas[i] ?? 0) / 1000;
    const part = classify(profile.samples[i]);
    if (part === '(idle)') idle += d;
    else {
      busy += d;
      ms.set(part, (ms.get(part) ?? 0) + d);
    }
  }
  const parts = [...ms].map(([part, m]) => ({ part, share: m / Math.max(1e-9, busy) })).sort((a, b) => b.share - a.share);
  return { busyMs: busy, idleShare: idle / Math.max(1e-9, idle + busy), parts };
}
