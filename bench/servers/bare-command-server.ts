import http from 'node:http';
import { bareRunner } from '../sections/commands';

/**
 * The HTTP limit for commands: a bare Node `http` server around the commands section's bare
 * runner (read the deal's rows, insert the new ones, one transaction per event-loop turn, WAL,
 * synchronous=FULL). It parses the posted JSON body, runs step `step` of deal `deal`, answers
 * 201 with a small JSON body. Reports its port over IPC.
 */
async function main(): Promise<void> {
  const job = JSON.parse(process.env.BENCH_JOB ?? '{}') as { path: string };
  const runner = await bareRunner(job.path);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let command: { deal: number; step: number };
      try {
        command = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { deal: number; step: number };
      } catch {
        res.writeHead(400).end();
        return;
      }
      runner.run(command.deal, command.step).then(
        (events) => {
          res.writeHead(201, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ events }));
        },
        (error: Error) => {
          res.writeHead(409, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ message: error.message }));
        },
      );
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  });
  process.on('message', (m: { stop?: boolean }) => {
    if (!m?.stop) return;
    server.close(() => void runner.close().finally(() => process.exit(0)));
    server.closeAllConnections();
  });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
