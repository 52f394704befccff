import http from "node:http";

/**
 * An ordinary load balancer in miniature: each request goes to the next replica in turn, headers
 * and body passed through untouched (the signature covers them). It records which replica got
 * which interaction, so a test can see a follow-up land on another replica.
 */
export interface RoundRobinProxy {
  url: string;
  /** Interaction id → index of the replica that answered it (PINGs included). */
  readonly routed: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(
  replicaPorts: readonly number[],
): Promise<RoundRobinProxy> {
  if (replicaPorts.length === 0) throw new Error("A proxy needs at least one replica");
  const routed = new Map<string, number>();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  const server = http.createServer((request, response) => {
    const replica = next;
    next = (next + 1) % replicaPorts.length;
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const id = interactionId(body);
      if (id !== null) routed.set(id, replica);
      const upstream = http.request(
        {
          host: "127.0.0.1",
          port: replicaPorts[replica],
          method: request.method,
          path: request.url,
          headers: request.headers,
          agent,
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      upstream.on("error", () => {
        if (!response.headersSent) response.writeHead(502).end();
        else response.destroy();
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/interactions`,
    routed,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function interactionId(body: Buffer): string | null {
  if (body.length > 64 * 1024) return null;
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    return typeof parsed === "object" && parsed !== null && "id" in parsed
      ? String(parsed.id)
      : null;
  } catch {
    return null;
  }
}
