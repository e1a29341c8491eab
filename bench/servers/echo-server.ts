import http from 'node:http';

/**
 * The limit for live latency: a bare Node HTTP server that writes each posted body to every
 * connected server-sent-events client and answers 200. Reports its port over IPC.
 */
const clients = new Set<http.ServerResponse>();

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/sse') {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    res.write('retry: 2000\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
    return;
  }
  if (req.method === 'POST' && req.url === '/echo') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      for (const client of clients) client.write(`data: ${body}\n\n`);
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end('{}');
    });
    return;
  }
  res.writeHead(404);
  res.end();
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', (m: { stop?: boolean }) => {
  if (!m?.stop) return;
  for (const c of clients) c.end();
  server.close(() => process.exit(0));
});
