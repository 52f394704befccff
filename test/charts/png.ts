import { inflateSync } from "node:zlib";

/** A decoded 8-bit RGB or RGBA PNG: just enough to check what the charts draw. */
export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  rgba: Uint8Array;
  pixel(x: number, y: number): [number, number, number, number];
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

export function decodePng(file: Buffer): DecodedPng {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG signature");
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  let ended = false;
  while (offset + 8 <= file.length && !ended) {
    const length = file.readUInt32BE(offset);
    const type = file.toString("latin1", offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (body.length !== length) throw new Error(`truncated ${type} chunk`);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const bitDepth = body.readUInt8(8);
      const colourType = body.readUInt8(9);
      const interlace = body.readUInt8(12);
      if (bitDepth !== 8 || interlace !== 0) throw new Error("only 8-bit non-interlaced PNGs");
      if (colourType === 6) channels = 4;
      else if (colourType === 2) channels = 3;
      else throw new Error(`unsupported colour type ${colourType}`);
    } else if (type === "IDAT") {
      data.push(body);
    } else if (type === "IEND") {
      ended = true;
    }
    offset += 12 + length;
  }
  if (!ended || channels === 0 || data.length === 0) throw new Error("missing IHDR, IDAT or IEND");

  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error("image data has the wrong size");
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const value = raw[y * (stride + 1) + 1 + i] ?? 0;
      const left = i >= channels ? (rows[y * stride + i - channels] ?? 0) : 0;
      const up = y > 0 ? (rows[(y - 1) * stride + i] ?? 0) : 0;
      const upLeft = y > 0 && i >= channels ? (rows[(y - 1) * stride + i - channels] ?? 0) : 0;
      let predicted: number;
      switch (filter) {
        case 0:
          predicted = 0;
          break;
        case 1:
          predicted = left;
          break;
        case 2:
          predicted = up;
          break;
        case 3:
          predicted = (left + up) >> 1;
          break;
        case 4:
          predicted = paeth(left, up, upLeft);
          break;
        default:
          throw new Error(`bad filter type ${filter} on row ${y}`);
      }
      rows[y * stride + i] = (value + predicted) & 0xff;
    }
  }

  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < 3; c++) rgba[p * 4 + c] = rows[p * channels + c] ?? 0;
    rgba[p * 4 + 3] = channels === 4 ? (rows[p * channels + 3] ?? 0) : 255;
  }
  return {
    width,
    height,
    rgba,
    pixel(x, y) {
      if (x < 0 || y < 0 || x >= width || y >= height)
        throw new Error(`pixel ${x},${y} is outside`);
      const at = (y * width + x) * 4;
      return [rgba[at] ?? 0, rgba[at + 1] ?? 0, rgba[at + 2] ?? 0, rgba[at + 3] ?? 0];
    },
  };
}

export function hexColour(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace("#", ""), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** True when the pixel is (nearly) the given colour; a little slack for blending at edges. */
export function isColour(
  pixel: readonly number[],
  colour: readonly [number, number, number],
  slack = 6,
): boolean {
  return colour.every((channel, index) => Math.abs((pixel[index] ?? -1000) - channel) <= slack);
}

/** Number of distinct opaque colours: a blank or single-fill image has one or two. */
export function distinctColours(image: DecodedPng): number {
  const seen = new Set<number>();
  for (let p = 0; p < image.width * image.height; p++) {
    const at = p * 4;
    seen.add(
      ((image.rgba[at] ?? 0) << 16) | ((image.rgba[at + 1] ?? 0) << 8) | (image.rgba[at + 2] ?? 0),
    );
  }
  return seen.size;
}
