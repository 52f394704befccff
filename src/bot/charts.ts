import type { ChartRenderer } from "../render/discord.ts";
import type { Logger } from "./log.ts";

/** Charts are a nicety: if the rasteriser cannot load or draw, answers go out without them. */
export async function loadChartRenderer(log: Logger): Promise<ChartRenderer | undefined> {
  try {
    const { renderChartPng } = await import("../render/charts/index.ts");
    return (kind, answer) => {
      try {
        return renderChartPng(kind, answer);
      } catch (error) {
        log.warn(`Could not draw the ${kind} chart; answering without it.`, error);
        return null;
      }
    };
  } catch (error) {
    log.warn(
      "Charts are unavailable (the rasteriser did not load); answering without them.",
      error,
    );
    return undefined;
  }
}
