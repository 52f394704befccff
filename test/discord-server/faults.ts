/**
 * Fault injection for the REST side of the test server: what Discord (or the network in front of
 * it) does on a bad day. A fault matches requests by route name (as recorded, e.g.
 * `POST /channels/:channelId/messages`) and replaces or delays the answer.
 */
export interface RestFault {
  /** The route's name as in `RecordedRequest.route`; `*` matches every route. */
  route: string;
  /** How many matching requests it applies to; unlimited when absent. */
  times?: number;
  /** Chance per matching request (0–1, default 1), drawn from the server's seeded random. */
  probability?: number;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer: the connection stays open until the client gives up. */
  hang?: boolean;
  /** Answer with this status instead of the route's own answer. */
  status?: number;
  /** The body sent with `status` (default: Discord's body for that status). */
  body?: unknown;
  /** Extra response headers, e.g. `{ "Retry-After": "0.5" }`. */
  headers?: Record<string, string>;
  /**
   * Discord did the work (message stored, interaction acknowledged) and then the answer was
   * lost: the route runs, and the client sees `status` (or a hang) instead of its result.
   */
  processed?: boolean;
}

/** A fault in force; `hits` counts the requests it changed. */
export interface ActiveFault extends RestFault {
  hits: number;
  remove(): void;
}

/** Discord's own bodies for the statuses tests inject. */
export function defaultFaultBody(status: number, headers: Record<string, string>): unknown {
  if (status === 429) {
    const retry = Number(headers["Retry-After"] ?? headers["retry-after"] ?? "0");
    return { message: "You are being rate limited.", retry_after: retry, global: false, code: 0 };
  }
  if (status === 401) return { message: "401: Unauthorized", code: 0 };
  if (status === 403) return { message: "Missing Access", code: 50001 };
  if (status >= 500) return { message: `${status}: Server Error`, code: 0 };
  return { message: `${status}`, code: 0 };
}

/** A small seeded generator (mulberry32), so a run with faults at 1% is repeatable. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultTable {
  private readonly faults: ActiveFault[] = [];

  constructor(private readonly random: () => number) {}

  add(fault: RestFault): ActiveFault {
    const active: ActiveFault = {
      ...fault,
      hits: 0,
      remove: () => {
        const index = this.faults.indexOf(active);
        if (index >= 0) this.faults.splice(index, 1);
      },
    };
    this.faults.push(active);
    return active;
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** Requests changed by the faults in force. */
  hits(): number {
    return this.faults.reduce((sum, fault) => sum + fault.hits, 0);
  }

  /** The fault that applies to this request (counted as hit), if any. */
  take(route: string): ActiveFault | null {
    for (const fault of this.faults) {
      if (fault.route !== "*" && fault.route !== route) continue;
      if (fault.times !== undefined && fault.hits >= fault.times) continue;
      if (fault.probability !== undefined && this.random() >= fault.probability) continue;
      fault.hits += 1;
      return fault;
    }
    return null;
  }
}
