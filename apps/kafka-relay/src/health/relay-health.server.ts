import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { RelayStatus } from '@deals/kafka-relay';
import { RelayHealthConfig } from './relay-health.config';

/**
 * The relay process's only HTTP endpoint: GET /health answers 200 with the relay's status while
 * the process runs. A stall is reported in the body (`relay.state`, `relay.stall`), not as a 503:
 * restarting the relay does not unstick it, so a probe that restarts on failure must not see one.
 */
export class RelayHealthServer {
  private server?: Server;

  constructor(
    readonly config: RelayHealthConfig,
    private readonly status: () => RelayStatus,
  ) {}

  /** The port it listens on (the one picked when configured with 0). */
  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? 0;
  }

  listen(): Promise<number> {
    const server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0];
      const found = path === '/health' && (request.method === 'GET' || request.method === 'HEAD');
      const body = found
        ? { status: 'ok', relay: this.status() }
        : { code: 'HTTP.NOT_FOUND', message: `${request.method} ${path} is not here: the relay answers GET /health only` };
      response.writeHead(found ? 200 : 404, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : JSON.stringify(body));
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.port, this.config.host, () => resolve(this.port));
    });
  }

  close(): Promise<void> {
    const server = this.server;
    if (!server?.listening) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
