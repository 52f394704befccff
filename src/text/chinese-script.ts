import { Converter } from "opencc-js/t2cn";

/**
 * Traditional Chinese read as simplified ("大灣區規劃" → "大湾区规划"), so one set of Chinese
 * names and words serves both scripts. OpenCC's maintained tables do the conversion; the
 * converter is built on the first Han text (building it costs ~150 ms, most questions are
 * not Chinese).
 */
let toSimplified: ((text: string) => string) | null = null;

const HAN = /\p{Script=Han}/u;

export function simplifyChinese(text: string): string {
  if (!HAN.test(text)) return text;
  const convert = (toSimplified ??= Converter({ from: "t", to: "cn" }));
  return convert(text);
}
