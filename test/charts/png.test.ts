import { describe, expect, it } from "vitest";
import { rasterizeSvg } from "../../src/render/charts/rasterize.ts";
import { decodePng, distinctColours } from "./png.ts";

describe("the test PNG decoder", () => {
  it("reads back the exact pixels resvg wrote", () => {
    const png = rasterizeSvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="5" height="3">` +
        `<rect width="5" height="3" fill="#102030"/><rect x="2" y="1" width="3" height="2" fill="#ff8000"/></svg>`,
    );
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([5, 3]);
    expect(image.pixel(0, 0)).toEqual([0x10, 0x20, 0x30, 255]);
    expect(image.pixel(1, 2)).toEqual([0x10, 0x20, 0x30, 255]);
    expect(image.pixel(2, 1)).toEqual([0xff, 0x80, 0x00, 255]);
    expect(image.pixel(4, 2)).toEqual([0xff, 0x80, 0x00, 255]);
    expect(distinctColours(image)).toBe(2);
  });

  it("rejects data that is not a PNG", () => {
    expect(() => decodePng(Buffer.from("GIF89a not a png at all"))).toThrow(/signature/);
  });
});
