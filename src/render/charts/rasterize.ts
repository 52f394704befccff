import { Resvg } from "@resvg/resvg-js";
import { FONT_BOLD_PATH, FONT_FAMILY, FONT_REGULAR_PATH } from "./font-files.ts";

/**
 * SVG → PNG with only the bundled DejaVu fonts: no system fonts, so the same SVG gives the same
 * bytes on every machine.
 */
export function rasterizeSvg(svg: string): Buffer {
  const renderer = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [FONT_REGULAR_PATH, FONT_BOLD_PATH],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: "original" },
    logLevel: "off",
  });
  return renderer.render().asPng();
}
