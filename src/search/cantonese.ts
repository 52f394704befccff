import { simplifyChinese } from "../text/chinese-script.ts";
import { CJK_CANTONESE } from "./vocabulary.ts";

const HAN_RUN = /\p{Script=Han}+/gu;
const WORDS = new Intl.Segmenter("zh", { granularity: "word" });
const TABLE = CJK_CANTONESE.words;
const SHARED = new Set(CJK_CANTONESE.shared);
const KEYS = Object.keys(TABLE).sort((a, b) => b.length - a.length);

interface Found {
  at: number;
  key: string;
}

/** The Cantonese words of a Han run, whole words as the segmenter cuts it, longest first. */
function cantoneseWords(run: string): Found[] {
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const s of WORDS.segment(run)) {
    starts.add(s.index);
    ends.add(s.index + s.segment.length);
  }
  const found: Found[] = [];
  for (let at = 0; at < run.length;) {
    const key = starts.has(at)
      ? KEYS.find((k) => run.startsWith(k, at) && ends.has(at + k.length))
      : undefined;
    if (key === undefined) at += 1;
    else {
      found.push({ at, key });
      at += key.length;
    }
  }
  return found;
}

/**
 * Cantonese read as Mandarin ("佢啲錢邊個出" → "它些钱谁出"), after the traditional script is
 * simplified, so one set of Chinese words serves both. Only whole words are replaced, as the
 * segmenter cuts the run ("系" alone, not inside "体系"), and words Mandarin has too ("定",
 * "系") only in a message that has a word Mandarin lacks: "中央定的" stays Mandarin.
 */
export function mandarinFromCantonese(text: string): string {
  if (KEYS.length === 0 || !/\p{Script=Han}/u.test(text)) return text;
  const simplified = simplifyChinese(text);
  const runs = [...simplified.matchAll(HAN_RUN)].map((m) => ({
    start: m.index,
    run: m[0],
    found: cantoneseWords(m[0]),
  }));
  const cantonese = runs.some((r) => r.found.some((f) => !SHARED.has(f.key)));
  if (!cantonese) return simplified;
  let out = "";
  let last = 0;
  for (const { start, run, found } of runs) {
    out += simplified.slice(last, start);
    let at = 0;
    for (const f of found) {
      out += run.slice(at, f.at) + (TABLE[f.key] ?? f.key);
      at = f.at + f.key.length;
    }
    out += run.slice(at);
    last = start + run.length;
  }
  return out + simplified.slice(last);
}
