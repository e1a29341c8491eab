/**
 * A `node --cpu-prof` profile of the application server split into the parts of a request (and the
 * work sharing its event loop): each sample goes to the part of the nearest frame of its stack that
 * belongs to one. `node -r ./bench/register.js bench/profile-parts.ts <profile folder> [seconds to skip]`
 */
import { readFileSync } from 'node:fs';
import { newestProfile } from './lib/profile';
const p = JSON.parse(readFileSync(newestProfile(process.argv[2])!, 'utf8'));
interface Node { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
const byId = new Map<number, Node>((p.nodes as Node[]).map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes as Node[]) for (const c of n.children ?? []) parent.set(c, n.id);
const skip = Number(process.argv[3] ?? 6) * 1e6;
const cats: [string, RegExp][] = [
  ['projection runner (follow, fold, commit)', /projections\/src\/runner|checkpointed-consumer/],
  ['event store group commit (flush)', /group-commit/],
  ['command path (handleCommand and below)', /handle-command|aggregate-stream|deal-command.handler/],
  ['validation pipe (class-validator/transformer)', /class-validator|class-transformer|validation\.pipe/],
  ['guards (bearer token, user, access table)', /guards-consumer|actor\.guard|access\.guard/],
  ['response (Nest reply, res.json, send)', /router-response-controller|express\/lib\/response|express-adapter\.js|fastify-adapter\.js|fastify\/lib\/reply/],
  ['pino-http (request log, silent here)', /pino-http|nestjs-pino|pino\/lib/],
  ['door and body parsing', /body-parser|security\/(json|text-fields|query-string|content-headers|request-door)|raw-body|fastify\/lib\/content-type-parser|secure-json-parse/],
  // Nest's route handler (its own router/ folder) apart from the adapter's router and middleware.
  ['Nest core (route handler, guard/pipe/interceptor consumers, interceptors)', /@nestjs\/core|interceptor/],
  ['Express router, middleware (request tracking, cookie-parser)', /node_modules\/router\/|express\/lib|finalhandler|request-tracking|cookie-parser/],
  ['Fastify (router, hooks, middie)', /fastify\/lib|find-my-way|@fastify\/|platform-fastify|avvio/],
  ['Node HTTP (parse, sockets, write)', /_http_|node:net|stream_base|writev|node:internal\/streams/],
];
let at = p.startTime; const agg = new Map<string, number>(); let tot = 0;
for (let i = 0; i < p.samples.length; i++) {
  at += p.timeDeltas[i]; if (at - p.startTime < skip) continue;
  const d = p.timeDeltas[i] / 1000; tot += d;
  let id = p.samples[i]; const frames: string[] = [];
  const leaf = byId.get(id)!.callFrame.functionName;
  while (id !== undefined) { const c = byId.get(id)!.callFrame; frames.push(`${c.functionName}@${c.url}`); id = parent.get(id)!; }
  let cat = leaf === '(garbage collector)' ? 'garbage collection' : leaf === '(idle)' ? 'idle' : leaf === '(program)' ? '(program)' : undefined;
  if (!cat) {
    // outermost matching category (the frame closest to the root decides)
    for (let k = 0; k < frames.length && !cat; k++) for (const [name, re] of cats) if (re.test(frames[k])) { cat = name; break; }
  }
  cat ??= 'other: ' + frames.slice(-3).reverse().join(' > ').replace(/file:\/\/\S*node_modules\//g, '').slice(0, 120);
  agg.set(cat, (agg.get(cat) ?? 0) + d);
}
console.log('total ms', tot.toFixed(0));
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((100 * v / tot).toFixed(1).padStart(5), '%', k);
