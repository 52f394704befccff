import { parentPort } from "node:worker_threads";
import type { ChartJob, ChartReply } from "./chart-job.ts";
import { renderChartPng } from "./index.ts";

/**
 * The chart worker (see worker-pool.ts): draws each chart it is sent, one at a time. Everything a
 * chart needs — the fonts, the chart modules, resvg and the native heap it draws in — lives in
 * this thread only, and goes when the thread ends.
 */
const port = parentPort;
if (!port) throw new Error("The chart worker runs as a worker thread.");
port.on("message", (job: ChartJob) => {
  let reply: ChartReply;
  try {
    const png = renderChartPng(job.kind, job.answer, {
      ...(job.locale ? { locale: job.locale } : {}),
      ...(job.localNames ? { localNames: job.localNames } : {}),
    });
    reply = { id: job.id, png };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
