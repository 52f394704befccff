import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Answer } from "../../answers/types.ts";
import type { Locale } from "../../i18n/catalog.ts";
import type { ChartJob, ChartKind, ChartReply } from "./chart-job.ts";
import type * as ChartModules from "./index.ts";

/** How long the worker waits for another chart before it ends (and its memory goes with it). */
const DEFAULT_IDLE_MS = 5000;

/** The rasteriser could not be loaded at all: no chart will ever be drawn in this process. */
export class ChartsUnavailableError extends Error {}

export interface ChartWorker {
  /** The chart's PNG, or null when the answer carries nothing to draw. */
  render(
    kind: ChartKind,
    answer: Answer,
    options?: { locale?: Locale; localNames?: ReadonlyMap<string, string> },
  ): Promise<Buffer | null>;
  /** Ends the worker now (it also ends by itself when idle, and never keeps the process alive). */
  close(): Promise<void>;
}

interface Waiting {
  resolve: (png: Buffer | null) => void;
  reject: (error: Error) => void;
}

/**
 * Charts drawn in a worker thread that starts on the first chart and ends once no chart has been
 * asked for `idleMs`. Drawing costs far more memory than it keeps: resvg's allocator holds on to
 * what a render used (its own heap per thread it ran on, ~5 MiB each, libuv's four threads when
 * drawn with renderAsync), and the fonts and glyph tables stay loaded. Ending the thread returns
 * most of it (all but resvg's mapped library and a few MiB the allocators keep), so a bot whose
 * charts are cached (src/bot/charts.ts) shrinks back: 175 → 160–166 MiB RSS after 10,000
 * interactions in `npm run bench`. Drawing off the main thread keeps the event loop free, as
 * renderAsync did.
 */
export function chartWorker(options: { idleMs?: number } = {}): ChartWorker {
  if (!fromBuild()) return inProcess();
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  let worker: Worker | null = null;
  let answered = false;
  let unavailable: Error | null = null;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | null = null;
  const waiting = new Map<number, Waiting>();

  const failAll = (error: Error): void => {
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  };

  const stop = async (): Promise<void> => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    const ending = worker;
    worker = null;
    if (ending) await ending.terminate();
  };

  const start = (): Worker => {
    // mimalloc (resvg's allocator) reads its options when resvg loads: give freed pages back to
    // the system at once rather than after a delay that only ends on the next allocation. An
    // operator's own setting wins.
    process.env.MIMALLOC_PURGE_DELAY ??= "0";
    const started = new Worker(new URL("./worker.js", import.meta.url));
    started.unref();
    started.on("message", (reply: ChartReply) => {
      const job = waiting.get(reply.id);
      if (!job) return;
      waiting.delete(reply.id);
      if ("error" in reply) {
        job.reject(new Error(reply.error));
      } else {
        answered = true;
        job.resolve(
          reply.png
            ? Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength)
            : null,
        );
      }
      if (waiting.size === 0 && worker === started) {
        idleTimer = setTimeout(() => void stop(), idleMs);
        idleTimer.unref();
      }
    });
    started.on("error", (error) => {
      // A worker that never drew a chart failed to load the rasteriser: it would fail again.
      if (!answered)
        unavailable = new ChartsUnavailableError("The chart rasteriser did not load.", {
          cause: error,
        });
      failAll(unavailable ?? error);
    });
    started.on("exit", () => {
      if (worker === started) worker = null;
      failAll(unavailable ?? new Error("The chart worker ended before drawing the chart."));
    });
    return started;
  };

  return {
    render(kind, answer, opts = {}) {
      if (unavailable) return Promise.reject(unavailable);
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      worker ??= start();
      const id = nextId++;
      const job: ChartJob = { id, kind, answer, ...opts };
      const current = worker;
      return new Promise<Buffer | null>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        current.postMessage(job);
      });
    },
    close: stop,
  };
}

/**
 * The worker's module beside this one: worker.js in the build. From the TypeScript sources (tests,
 * `npm run dev`) there is no module a plain worker can load: a worker would have to load tsx and
 * transpile the chart modules again (seconds of CPU on a busy machine), so there charts are drawn
 * in this thread with resvg's renderAsync (libuv's pool), as before.
 */
function fromBuild(): boolean {
  return path.extname(fileURLToPath(import.meta.url)) === ".js";
}

function inProcess(): ChartWorker {
  let loading: Promise<typeof ChartModules> | null = null;
  return {
    async render(kind, answer, opts = {}) {
      loading ??= import("./index.ts");
      const charts = await loading.catch((error: unknown) => {
        throw new ChartsUnavailableError("The chart rasteriser did not load.", { cause: error });
      });
      return charts.renderChartPngAsync(kind, answer, opts);
    },
    close: () => Promise.resolve(),
  };
}
