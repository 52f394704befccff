import http from "node:http";
import type { KeyObject } from "node:crypto";
import { z } from "zod";
import type { Logger } from "../bot/log.ts";
import { IncomingInteraction } from "./interaction-payload.ts";
import { respondToInteraction, type HttpServices } from "./respond.ts";
import { checkSignature } from "./verify-signature.ts";

/** Discord's interactions are a few kilobytes; a megabyte leaves room for any resolved data. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this much of an oversized body the connection is cut instead of read to the end. */
const MAX_DISCARDED_BYTES = 16 * MAX_BODY_BYTES;
export const INTERACTIONS_PATH = "/interactions";

export interface InteractionsServerOptions {
  port: number;
  /** The application's public key; requests not signed with its private half are refused. */
  publicKey: KeyObject;
  services: HttpServices;
  /** Default: every interface, as behind a load balancer. */
  host?: string;
  now?: () => number;
}

export interface RunningInteractionsServer {
  /** The port actually listened on (useful when 0 was asked for). */
  port: number;
  /** Stops accepting requests, lets the follow-ups in flight finish, then closes. */
  stop(): Promise<void>;
}

const TypeOnly = z.looseObject({ type: z.number().int() });

type Outcome = { status: number; body: unknown; after?: () => Promise<void> };

const problem = (status: number, message: string): Outcome => ({ status, body: { message } });

/**
 * Discord's HTTP interactions endpoint: POST /interactions, signature first (nothing is parsed
 * before it checks out), then the same command modules and renderer as the gateway bot.
 * Stateless, so any number of replicas can stand behind one load balancer.
 */
export async function startInteractionsServer(
  options: InteractionsServerOptions,
): Promise<RunningInteractionsServer> {
  const { services } = options;
  const log: Logger = services.log;
  const now = options.now ?? Date.now;
  const pending = new Set<Promise<void>>();

  const handle = async (body: Buffer, request: http.IncomingMessage): Promise<Outcome> => {
    const verdict = checkSignature(
      options.publicKey,
      header(request, "x-signature-ed25519"),
      header(request, "x-signature-timestamp"),
      body,
      now(),
    );
    if (verdict !== "valid") {
      return problem(
        401,
        verdict === "stale" ? "Stale request timestamp" : "Invalid request signature",
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      return problem(400, "The body is not JSON");
    }
    const parsed = IncomingInteraction.safeParse(json);
    if (!parsed.success) {
      const typed = TypeOnly.safeParse(json);
      return typed.success && ![1, 2, 3, 4, 5].includes(typed.data.type)
        ? problem(400, `Unknown interaction type ${typed.data.type}`)
        : problem(400, "Not an interaction this endpoint understands");
    }
    const response = await respondToInteraction(parsed.data, services);
    return {
      status: 200,
      body: response.body,
      ...(response.after ? { after: response.after } : {}),
    };
  };

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname !== INTERACTIONS_PATH) {
      request.resume();
      return send(response, problem(404, "Not found"));
    }
    if (request.method !== "POST") {
      request.resume();
      response.setHeader("Allow", "POST");
      return send(response, problem(405, "Use POST"));
    }
    const declared = Number(request.headers["content-length"] ?? "0");
    readBody(request, declared)
      .then(async (body) => {
        if (body === "too large") return send(response, problem(413, "Request body too large"));
        if (body === "cut") return;
        const outcome = await handle(body, request);
        const after = outcome.after;
        if (after) {
          // Sent once the response is out: what follows it needs Discord to have it first.
          const running = new Promise<void>((resolve) => response.once("close", resolve))
            .then(after)
            .catch((error: unknown) => log.error("A follow-up message could not be sent:", error))
            .finally(() => pending.delete(running));
          pending.add(running);
        }
        send(response, outcome);
      })
      .catch((error: unknown) => {
        log.error("The interactions endpoint failed on a request:", error);
        if (!response.headersSent) send(response, problem(500, "Internal error"));
      });
  });
  // A slow client cannot hold a connection open for long.
  server.headersTimeout = 10_000;
  // Idle connections outlive a load balancer's own idle timeout (nginx and cloud balancers use
  // 60 s), so the balancer never sends a request on a connection this replica is closing.
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = 15_000;
  server.on("clientError", (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = address !== null && typeof address === "object" ? address.port : options.port;
  log.info(`Serving Discord interactions on port ${port} at POST ${INTERACTIONS_PATH}.`);
  return {
    port,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.allSettled([...pending]);
      server.closeAllConnections();
      await closed;
    },
  };
}

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The body, or "too large" once it passes the limit (the rest is read and dropped so the client
 * gets its 413), or "cut" when even that is too much and the connection was closed.
 */
function readBody(
  request: http.IncomingMessage,
  declaredLength: number,
): Promise<Buffer | "too large" | "cut"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let tooLarge = Number.isFinite(declaredLength) && declaredLength > MAX_BODY_BYTES;
    request.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_BODY_BYTES) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        if (received > MAX_DISCARDED_BYTES) {
          request.destroy();
          resolve("cut");
        }
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(tooLarge ? "too large" : Buffer.concat(chunks)));
    request.on("error", reject);
    request.on("aborted", () => resolve("cut"));
  });
}

function send(response: http.ServerResponse, outcome: Outcome): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(outcome.body);
  response.writeHead(outcome.status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
  });
  response.end(text);
}
