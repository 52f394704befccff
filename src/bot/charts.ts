import type { Answer } from "../answers/types.ts";
import type { ChartRenderer } from "../render/discord.ts";
import type { Logger } from "./log.ts";

/** Charts are drawn on the event loop (~15 ms each); the same answer gets the same picture. */
const CACHED_CHARTS = 64;

/** Charts are a nicety: if the rasteriser cannot load or draw, answers go out without them. */
export async function loadChartRenderer(log: Logger): Promise<ChartRenderer | undefined> {
  try {
    const { renderChartPng } = await import("../render/charts/index.ts");
    return cachedChartRenderer((kind, answer) => {
      try {
        return renderChartPng(kind, answer);
      } catch (error) {
        log.warn(`Could not draw the ${kind} chart; answering without it.`, error);
        return null;
      }
    });
  } catch (error) {
    log.warn(
      "Charts are unavailable (the rasteriser did not load); answering without them.",
      error,
    );
    return undefined;
  }
}

/** Remembers the last pictures by what they show, so repeated questions cost nothing. */
export function cachedChartRenderer(render: ChartRenderer, size = CACHED_CHARTS): ChartRenderer {
  const cache = new Map<string, Buffer | null>();
  return (kind: "maturity" | "timeline", answer: Answer) => {
    // The year is part of the key: timelines mark "today".
    const key = `${kind}\n${new Date().getUTCFullYear()}\n${JSON.stringify(answer)}`;
    const hit = cache.get(key);
    if (hit !== undefined) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const png = render(kind, answer);
    cache.set(key, png);
    if (cache.size > size) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    return png;
  };
}
