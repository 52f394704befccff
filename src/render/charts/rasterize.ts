import { Resvg, renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";
import { FONT_BOLD_PATH, FONT_FAMILY, FONT_REGULAR_PATH } from "./font-files.ts";

/**
 * SVG → PNG with only the bundled DejaVu fonts: no system fonts, so the same SVG gives the same
 * bytes on every machine.
 */
const OPTIONS: ResvgRenderOptions = {
  font: {
    loadSystemFonts: false,
    fontFiles: [FONT_REGULAR_PATH, FONT_BOLD_PATH],
    defaultFontFamily: FONT_FAMILY,
    sansSerifFamily: FONT_FAMILY,
  },
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
