import { DefaultRestOptions, type RESTOptions, type ResponseLike } from "discord.js";
import { multipartPayloadJson } from "./buffered-multipart.ts";

/**
 * How each REST request to Discord is attempted, decided per route. discord.js is told not to
 * retry (`retries: 0`) and hands every request to this policy (its `makeRequest`):
 *
 * - an interaction callback must land inside the interaction's 3 s window: each attempt is cut
 *   to the time left and a retry is made only while the window is open. Before retrying after a
 *   5xx or a timeout, the policy asks whether the attempt landed anyway (GET @original: found
 *   means acknowledged), so a processed callback is not sent twice (40060); a retry answered
 *   40060 all the same counts as success;
 * - a channel message carries a nonce with `enforce_nonce`, so it is retried after a timeout or a
 *   5xx (Discord returns the first message instead of posting a second one); one without is not;
 * - a follow-up (webhook POST) is never retried once sent: Discord may have posted it;
 * - a 429 waits Retry-After when it fits the request's budget, backs off exponentially when the
 *   header is missing, and gives up (RequestBudgetError) when the budget is spent;
 * - every attempt has its own timeout, so one hung request does not hold up its route for long.
 *
 * Requests go out through discord.js's own transport (undici's `request`, no web streams), and
 * each answer is read whole within its attempt: Discord's answers are small, the timeout then
 * covers the body too, and the policy can look at an error's code before discord.js parses it.
 */

/** What discord.js hands a `makeRequest`: undici's request options. */
export type RestRequestInit = Parameters<RESTOptions["makeRequest"]>[1];
export type SendRequest = (url: string, init: RestRequestInit) => Promise<ResponseLike>;

export type RouteKind = "callback" | "followup" | "webhook" | "channel-message" | "other";

export interface RoutePolicy {
  /** Longest single attempt. */
  attemptMs: number;
  /** Time for all attempts of one request together. */
  budgetMs: number;
}

export interface RestPolicyOptions {
  /** Interaction acknowledgement window (Discord: 3 s). */
  ackWindowMs?: number;
  /** Kept free before the window closes, for the request to travel. */
  windowMarginMs?: number;
  routes?: Partial<Record<Exclude<RouteKind, "callback">, RoutePolicy>>;
  /** Longest single callback attempt (default 1 s: a check and a retry still fit in the window). */
  callbackAttemptMs?: number;
  /** The application's id, to ask Discord whether an unanswered callback landed after all. */
  applicationId?: () => string | null | undefined;
  /** When the bot received an interaction; the window is counted from there. */
  receivedAt?: (interactionId: string) => number | undefined;
  /** Told about every 401, with the method and the route (tokens already replaced). */
  onUnauthorized?: (event: UnauthorizedEvent) => void;
  /** Told when a request gives up (budget spent, window closed). */
  onGiveUp?: (error: RequestBudgetError) => void;
  /** How one attempt is sent (default: discord.js's own, undici's `request`). */
  send?: SendRequest;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface UnauthorizedEvent {
  method: string;
  route: string;
  kind: RouteKind;
  /** The request carried the bot token (so discord.js has now dropped it). */
  withBotToken: boolean;
  message: string;
}

/** A request abandoned by the policy; says why in words an operator can act on. */
export class RequestBudgetError extends Error {
  override readonly name = "RequestBudgetError";
  constructor(
    message: string,
    readonly kind: RouteKind,
    readonly route: string,
    /** The interaction's window closed: no answer is possible any more. */
    readonly windowClosed: boolean,
  ) {
    super(message);
  }
}

const DEFAULT_ROUTES: Record<Exclude<RouteKind, "callback">, RoutePolicy> = {
  followup: { attemptMs: 5000, budgetMs: 10_000 },
  webhook: { attemptMs: 4000, budgetMs: 10_000 },
  "channel-message": { attemptMs: 2500, budgetMs: 15_000 },
  other: { attemptMs: 8000, budgetMs: 20_000 },
};

const DISCORD_EPOCH = 1_420_070_400_000;

/** The route with ids as `:id` and tokens hidden, for logs. */
export function describeRoute(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  return path
    .replace(/^.*?\/v\d+(?=\/)/, "")
    .replace(/\/interactions\/\d+\/[^/]+/, "/interactions/:id/[token]")
    .replace(/\/webhooks\/(\d+)\/[^/]+/, "/webhooks/$1/[token]")
    .replace(/\/\d{15,21}(?=\/|$)/g, "/:id");
}

/** The path of a request URL (what follows the host, without the query). */
function pathOf(url: string): string {
  const query = url.indexOf("?");
  const withoutQuery = query < 0 ? url : url.slice(0, query);
  const scheme = withoutQuery.indexOf("://");
  const slash = withoutQuery.indexOf("/", scheme < 0 ? 0 : scheme + 3);
  return slash < 0 ? "/" : withoutQuery.slice(slash);
}

export function classifyRoute(method: string, url: string): RouteKind {
  const path = pathOf(url);
  if (/\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return "callback";
  if (/\/webhooks\/\d+\/[^/]+$/.test(path) && method === "POST") return "followup";
  if (/\/webhooks\/\d+\/[^/]+/.test(path)) return "webhook";
  if (/\/channels\/\d+\/messages$/.test(path) && method === "POST") return "channel-message";
  return "other";
}

function interactionIdOf(url: string): string | null {
  return /\/interactions\/(\d+)\//.exec(url)?.[1] ?? null;
}

/** The callback's response type (4 reply, 5 defer, 8 autocomplete, …), from its JSON body. */
function callbackType(body: unknown): number | null {
  const text =
    body instanceof FormData ? body.get("payload_json") : (multipartPayloadJson(body) ?? body);
  if (typeof text !== "string") return null;
  const match = /^\{"type":(\d+)/.exec(text) ?? /"type":(\d+)/.exec(text);
  return match ? Number(match[1]) : null;
}

/** `…/webhooks/:app/:token/messages/@original` for a callback URL. */
function originalMessageUrl(callbackUrl: string, applicationId: string): string | null {
  const match = /^(.*)\/interactions\/\d+\/([^/]+)\/callback/.exec(callbackUrl);
  if (!match) return null;
  return `${match[1]}/webhooks/${applicationId}/${match[2]}/messages/@original`;
}

function snowflakeTime(id: string): number {
  try {
    return Number(BigInt(id) >> 22n) + DISCORD_EPOCH;
  } catch {
    return Number.NaN;
  }
}

/**
 * When an interaction's window started: Discord's creation time (its snowflake) when the bot got
 * it late, e.g. behind a busy event loop; the time of receipt when the clocks disagree (a
 * creation time in the future, or more than half a window before receipt, is taken as clock
 * skew rather than lag).
 */
export function interactionWindowStart(id: string, receivedAt: number, ackWindowMs = 3000): number {
  const created = snowflakeTime(id);
  if (!Number.isFinite(created)) return receivedAt;
  return Math.min(receivedAt, Math.max(created, receivedAt - ackWindowMs / 2));
}

function hasEnforcedNonce(body: unknown): boolean {
  if (typeof body !== "string") {
    // Multipart: discord.js puts the JSON in `payload_json`.
    if (body instanceof FormData) return hasEnforcedNonce(body.get("payload_json"));
    const json = multipartPayloadJson(body);
    return json !== null && hasEnforcedNonce(json);
  }
  return /"enforce_nonce":true/.test(body) && /"nonce":/.test(body);
}

/** An answer read whole: its status, headers and body, as discord.js reads a response. */
interface ReadResponse {
  response: ResponseLike;
  /** The body as text: only an error's is ever read, so it is decoded on demand. */
  text(): string;
}

function bufferedResponse(
  status: number,
  statusText: string,
  headers: ResponseLike["headers"],
  bytes: Buffer,
): ResponseLike {
  let used = false;
  const take = (): Buffer => {
    if (used) throw new TypeError("Body is unusable: Body has already been read");
    used = true;
    return bytes;
  };
  return {
    status,
    statusText,
    ok: status >= 200 && status < 300,
    headers,
    body: null,
    get bodyUsed() {
      return used;
    },
    arrayBuffer: () => {
      const body = take();
      return Promise.resolve(
        body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
      );
    },
    text: () => Promise.resolve(take().toString("utf8")),
    json: () => Promise.resolve(JSON.parse(take().toString("utf8")) as unknown),
  };
}

/** Reads an answer's body to the end (bounded by the attempt's signal). */
async function readWhole(response: ResponseLike): Promise<ReadResponse> {
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    response: bufferedResponse(response.status, response.statusText, response.headers, bytes),
    text: () => bytes.toString("utf8"),
  };
}

/** A 204 for a request the policy settles itself (it landed after all). */
function settled(): ResponseLike {
  return bufferedResponse(204, "No Content", new Headers(), Buffer.alloc(0));
}

function errorBody(text: string): { code: number | null; message: string | null } {
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== "object" || data === null) return { code: null, message: null };
    return {
      code: "code" in data && typeof data.code === "number" ? data.code : null,
      message: "message" in data ? String(data.message) : null,
    };
  } catch {
    return { code: null, message: null };
  }
}

/** An abort signal for one attempt: the caller's, or the attempt's timeout, whichever first. */
function attemptSignal(
  parent: AbortSignal | null | undefined,
  ms: number,
): { signal: AbortSignal; timedOut: () => boolean; done: () => void } {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException("The attempt timed out", "TimeoutError"));
  }, ms);
  const onAbort = (): void => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    done: () => {
      clearTimeout(timer);
      parent?.removeEventListener("abort", onAbort);
    },
  };
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** The `makeRequest` for discord.js' REST options. */
export function createRestPolicy(options: RestPolicyOptions = {}): RESTOptions["makeRequest"] {
  const send: SendRequest =
    options.send ?? ((url, init) => DefaultRestOptions.makeRequest(url, init));
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const ackWindowMs = options.ackWindowMs ?? 3000;
  const marginMs = options.windowMarginMs ?? 250;
  const callbackAttemptMs = options.callbackAttemptMs ?? 1000;
  const routes = { ...DEFAULT_ROUTES, ...options.routes };

  return async (url, init) => {
    const method = (init.method ?? "GET").toUpperCase();
    const kind = classifyRoute(method, url);
    // Only a log line needs the route in words, and most requests never make one.
    const route = (): string => `${method} ${describeRoute(url)}`;
    const started = now();
    let deadline: number;
    let attemptMs: number;
    if (kind === "callback") {
      const id = interactionIdOf(url) ?? "0";
      const received = options.receivedAt?.(id) ?? started;
      const windowStart = interactionWindowStart(id, received, ackWindowMs);
      deadline = windowStart + ackWindowMs - marginMs;
      attemptMs = callbackAttemptMs;
    } else {
      const policy = routes[kind];
      deadline = started + policy.budgetMs;
      attemptMs = policy.attemptMs;
    }
    const idempotent =
      kind === "callback" ||
      method === "GET" ||
      method === "PUT" ||
      method === "PATCH" ||
      method === "DELETE" ||
      (kind === "channel-message" && hasEnforcedNonce(init.body));

    const giveUp = (why: string, windowClosed: boolean): never => {
      const error = new RequestBudgetError(`${route()}: ${why}`, kind, route(), windowClosed);
      options.onGiveUp?.(error);
      throw error;
    };

    /** One attempt, its answer read whole within the attempt's time. */
    const attemptOnce = async (
      target: string,
      request: RestRequestInit,
      ms: number,
    ): Promise<{ read: ReadResponse } | { error: unknown; timedOut: boolean }> => {
      const attempt = attemptSignal(request.signal, Math.max(1, ms));
      try {
        const response = await send(target, { ...request, signal: attempt.signal });
        return { read: await readWhole(response) };
      } catch (error) {
        return { error, timedOut: attempt.timedOut() };
      } finally {
        attempt.done();
      }
    };

    /** After an unanswered callback: did it land? (true: yes; false: no or unknown.) */
    const landed = async (): Promise<boolean> => {
      const type = callbackType(init.body);
      const app = options.applicationId?.();
      // Autocomplete leaves no message to look for; a retry's 40060 settles it instead.
      if (kind !== "callback" || !app || type === null || type === 8) return false;
      const probe = originalMessageUrl(url, app);
      const left = deadline - now();
      if (!probe || left < 400) return false;
      const outcome = await attemptOnce(
        probe,
        { method: "GET", headers: {} },
        Math.min(600, left - 200),
      );
      return "read" in outcome && outcome.read.response.status === 200;
    };

    let backoffMs = 250;
    for (let attempt = 0; ; attempt += 1) {
      const left = deadline - now();
      if (left <= 0) {
        giveUp(
          kind === "callback"
            ? "the interaction's 3 s window closed before the answer could be sent"
            : `no answer within ${Math.round((deadline - started) / 1000)} s`,
          kind === "callback",
        );
      }
      const outcome = await attemptOnce(url, init, Math.min(attemptMs, left));
      if ("error" in outcome) {
        if (init.signal?.aborted) throw outcome.error;
        if (!idempotent || now() >= deadline) {
          const { error } = outcome;
          giveUp(
            outcome.timedOut
              ? `no answer within ${Math.round(Math.min(attemptMs, left))} ms` +
                  (idempotent ? "" : " (not retried: Discord may have received it)")
              : `network error (${error instanceof Error ? error.message : String(error)})`,
            kind === "callback",
          );
        }
        if (await landed()) return settled();
        continue;
      }

      const { response, text } = outcome.read;
      const status = response.status;
      if (status === 429) {
        const header = response.headers.get("retry-after");
        const waitMs =
          header !== null && Number.isFinite(Number(header))
            ? Number(header) * 1000
            : backoffMs * (0.8 + Math.random() * 0.4);
        if (header === null) backoffMs = Math.min(backoffMs * 2, 4000);
        if (now() + waitMs >= deadline) {
          giveUp(
            `rate limited for ${(waitMs / 1000).toFixed(1)} s` +
              (kind === "callback"
                ? ", longer than the interaction's window"
                : ", past the request's budget"),
            kind === "callback",
          );
        }
        await sleep(waitMs);
        continue;
      }
      if (status >= 500 && idempotent && now() < deadline) {
        if (await landed()) return settled();
        await sleep(Math.min(100 * (attempt + 1), Math.max(0, deadline - now())));
        continue;
      }
      if (
        status === 400 &&
        kind === "callback" &&
        attempt > 0 &&
        errorBody(text()).code === 40060
      ) {
        // An earlier attempt reached Discord (its answer was lost): the interaction is answered.
        return settled();
      }
      if (status === 401) {
        options.onUnauthorized?.({
          method,
          route: route(),
          kind,
          withBotToken: hasAuthorization(init.headers),
          message: errorBody(text()).message ?? `${status}`,
        });
      }
      return response;
    }
  };
}

/** Whether the request carried an Authorization header (the bot token). */
function hasAuthorization(headers: RestRequestInit["headers"]): boolean {
  if (headers === undefined || headers === null) return false;
  if (Array.isArray(headers)) {
    return headers.some((entry) => String(entry[0]).toLowerCase() === "authorization");
  }
  if (headers instanceof Headers) return headers.has("authorization");
  return Object.keys(headers).some((name) => name.toLowerCase() === "authorization");
}
