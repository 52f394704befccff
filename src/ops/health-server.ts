import { createServer, type Server } from "node:http";

export interface HealthSources {
  /** The gateway is connected and ready. */
  ready(): boolean;
  /** The Prometheus exposition text. */
  metrics(): string;
}

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * GET /healthz: 200 while the gateway is connected and ready, 503 otherwise (a container's
 * HEALTHCHECK, a load balancer). GET /metrics: the counters for Prometheus.
 */
export async function startHealthServer(
  port: number,
  sources: HealthSources,
  host?: string,
): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/healthz") {
      const ready = sources.ready();
      response
        .writeHead(ready ? 200 : 503, { "content-type": "text/plain; charset=utf-8" })
        .end(ready ? "ok\n" : "gateway not ready\n");
    } else if (path === "/metrics") {
      response
        .writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" })
        .end(sources.metrics());
    } else {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address !== null ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
