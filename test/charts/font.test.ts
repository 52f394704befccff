import { describe, expect, it } from "vitest";
import { fitText, textWidth, wrapText } from "../../src/render/charts/font.ts";
import { Resvg } from "@resvg/resvg-js";
import {
  FONT_BOLD_PATH,
  FONT_FAMILY,
  FONT_REGULAR_PATH,
} from "../../src/render/charts/font-files.ts";
import { escapeXml, svgText } from "../../src/render/charts/svg.ts";
import { decodePng } from "./png.ts";

const SAMPLES = [
  "Consistency of cluster policies 0.5 / 1",
  "Éécole Zürich Å ñ ç — – … AV To Wa",
  "Guangdong-Hong Kong-Macao 1988 – ongoing",
];

/**
 * The bot's rasteriser has no fonts (its charts carry no text); the reference here is resvg
 * drawing real text with the same DejaVu files the outlines come from.
 */
function card(body: string): Buffer {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="260" font-family="DejaVu Sans">` +
    `<rect width="640" height="260" fill="#1e293b"/>${body}</svg>`;
  return new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [FONT_REGULAR_PATH, FONT_BOLD_PATH],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: "original" },
    logLevel: "off",
  })
    .render()
    .asPng();
}

describe("text drawn from the DejaVu outlines", () => {
  it("matches resvg's own rendering of the same text, accents and kerning included", () => {
    let outlines = "";
    let texts = "";
    SAMPLES.forEach((sample, index) => {
      for (const [weight, size, anchor] of [
        ["normal", 15, "start"],
        ["bold", 22, "end"],
      ] as const) {
        const y = 30 + index * 80 + (weight === "bold" ? 40 : 0);
        const x = anchor === "end" ? 620 : 10;
        outlines += svgText(x, y, sample, { size, fill: "#ffffff", weight, anchor });
        const bold = weight === "bold" ? ` font-weight="bold"` : "";
        texts += `<text x="${x}" y="${y}" font-size="${size}" fill="#ffffff"${bold} text-anchor="${anchor}">${escapeXml(sample)}</text>`;
      }
    });
    const ours = decodePng(card(outlines));
    const resvg = decodePng(card(texts));
    let inked = 0;
    let different = 0;
    for (let p = 0; p < ours.rgba.length; p += 4) {
      const a = ours.rgba[p] ?? 0;
      const b = resvg.rgba[p] ?? 0;
      if (a > 0x40 || b > 0x40) inked++;
      if (Math.abs(a - b) > 60) different++;
    }
    expect(inked).toBeGreaterThan(5000);
    // Measured: no pixel differs by more than a quarter of full scale; a misplaced accent gives ~150.
    expect(different).toBeLessThanOrEqual(inked / 2000);
  });

  it("measures, cuts and wraps text to the width asked for", () => {
    expect(textWidth("Policy scope", 15)).toBeGreaterThan(textWidth("Policy", 15));
    expect(textWidth("Policy", 15, "bold")).toBeGreaterThan(textWidth("Policy", 15));
    const long = "Development Plan for the Guangdong-Hong Kong-Macao Greater Bay Area";
    const cut = fitText(long, 150, 13);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 13)).toBeLessThanOrEqual(150);
    expect(fitText("TORCH", 150, 13)).toBe("TORCH");

    const lines = wrapText(long, 200, 13, 3, "bold");
    expect(lines).toEqual([
      "Development Plan for the",
      "Guangdong-Hong Kong-",
      "Macao Greater Bay Area",
    ]);
    for (const line of lines) expect(textWidth(line, 13, "bold")).toBeLessThanOrEqual(200);
    const two = wrapText(long, 200, 13, 2, "bold");
    expect(two).toHaveLength(2);
    expect(two[1]?.endsWith("…")).toBe(true);
    expect(wrapText("Supercalifragilisticexpialidocious", 60, 13, 2)[0]?.endsWith("…")).toBe(true);
  });
});
