import { Resvg, renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";

/**
 * SVG → PNG with no fonts at all: the charts draw their text as glyph outlines (font.ts), so the
 * SVG has no text for resvg to shape, and no system font can change a pixel. Loading the bundled
 * TTFs into resvg for every render only cost memory (~2 MiB of native heap per render thread,
 * measured; the PNG bytes are the same with and without them).
 */
const OPTIONS: ResvgRenderOptions = {
  font: { loadSystemFonts: false },
  fitTo: { mode: "original" },
  logLevel: "off",
};

export function rasterizeSvg(svg: string): Buffer {
  return new Resvg(svg, OPTIONS).render().asPng();
}

/**
 * The same PNG, drawn on libuv's thread pool: the tens of milliseconds of rasterising stay off
 * the event loop, so other answers go out meanwhile.
 */
export async function rasterizeSvgAsync(svg: string): Promise<Buffer> {
  return (await renderAsync(svg, OPTIONS)).asPng();
}
