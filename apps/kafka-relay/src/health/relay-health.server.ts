import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { RelayStatus } from '@deals/kafka-relay';
import { RelayHealthConfig } from './relay-health.config';
import { RelayMetrics } from './relay-metrics';

/**
 * The relay process's HTTP endpoints: GET /health answers 200 with the relay's status while the
 * process runs, GET /metrics its Prometheus metrics. A stall is reported in the health body
 * (`relay.state`, `relay.stall`) and as `deals_relay_stalled 1`, not as a 503: restarting the
 * relay does not unstick it, so a probe that restarts on failure must not see one.
 */
export class RelayHealthServer {
  private server?: Server;

  constructor(
    readonly config: RelayHealthConfig,
    private readonly status: () => RelayStatus,
    private readonly metrics?: RelayMetrics,
  ) {}

  /** The port it listens on (the one picked when configured with 0). */
  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? 0;
  }

  listen(): Promise<number> {
    const server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0];
      const readable = request.method === 'GET' || request.method === 'HEAD';
      const send = (status: number, contentType: string, body: string) => {
        response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : body);
      };
      if (readable && path === '/metrics' && this.metrics) {
        const registry = this.metrics.registry;
        registry.metrics().then(
          (text) => send(200, registry.contentType, text),
          () => send(500, 'application/json; charset=utf-8', JSON.stringify({ code: 'METRICS.UNAVAILABLE', message: 'the metrics could not be read; the relay log says why' })),
        );
        return;
      }
      const found = readable && path === '/health';
      const only = this.metrics ? 'GET /health and GET /metrics' : 'GET /health';
      const body = found
        ? { status: 'ok', relay: this.status() }
        : { code: 'HTTP.NOT_FOUND', message: `${request.method} ${path} is not here: the relay answers ${only} only` };
      send(found ? 200 : 404, 'application/json; charset=utf-8', JSON.stringify(body));
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
