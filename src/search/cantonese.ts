import { simplifyChinese } from "../text/chinese-script.ts";
import { CJK_CANTONESE, CJK_GENERIC_WORDS, CJK_REGIONAL } from "./vocabulary.ts";

const HAN_RUN = /\p{Script=Han}+/gu;
const WORDS = new Intl.Segmenter("zh", { granularity: "word" });
const SHARED = new Set(CJK_CANTONESE.shared);

interface Table {
  words: Readonly<Record<string, string>>;
  keys: readonly string[];
  /** Words of a dialect the segmenter does not know: read even where it cuts them apart. */
  dialect: boolean;
}

function table(words: Readonly<Record<string, string>>, dialect = false): Table {
  return { words, keys: Object.keys(words).sort((a, b) => b.length - a.length), dialect };
}

const CANTONESE = table(CJK_CANTONESE.words, true);
const REGIONAL = table(CJK_REGIONAL);
const WHICH = CJK_CANTONESE.which;

/**
 * "边个" asks who, and which before a noun: an English word ("边个 policy") or a programme noun
 * ("边个政策") follows it.
 */
const WHICH_BEFORE_NOUN =
  Object.keys(WHICH).length === 0
    ? null
    : new RegExp(
        `(${Object.keys(WHICH).join("|")})(?=\\s*(?:\\p{Script=Latin}|${CJK_GENERIC_WORDS.join("|")}))`,
        "gu",
      );

interface Found {
  at: number;
  key: string;
}

/** The table's words in a Han run, whole words as the segmenter cuts it, longest first. */
function wordsOf(run: string, { keys, dialect }: Table): Found[] {
  if (keys.length === 0) return [];
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const s of WORDS.segment(run)) {
    starts.add(s.index);
    ends.add(s.index + s.segment.length);
  }
  const found: Found[] = [];
  for (let at = 0; at < run.length;) {
    // A word of two or more characters Mandarin lacks is read wherever it stands: the
    // segmenter, trained on Mandarin, cuts Cantonese words apart ("中国|而|家").
    const whole = (k: string): boolean =>
      (starts.has(at) && ends.has(at + k.length)) ||
      (dialect && [...k].length >= 2 && !SHARED.has(k));
    const key = keys.find((k) => run.startsWith(k, at) && whole(k));
    if (key === undefined) at += 1;
    else {
      found.push({ at, key });
      at += key.length;
    }
  }
  return found;
}

/** Each Han run of the text with the words `found` in it replaced by the table's words. */
function replaceWords(text: string, { words }: Table, found: (run: string) => Found[]): string {
  return text.replace(HAN_RUN, (run) => {
    let out = "";
    let at = 0;
    for (const f of found(run)) {
      out += run.slice(at, f.at) + (words[f.key] ?? f.key);
      at = f.at + f.key.length;
    }
    return out + run.slice(at);
  });
}

/**
 * Chinese as the vocabulary is written: simplified, mainland Mandarin. The traditional script
 * is simplified (OpenCC); words of Taiwan and Hong Kong its character tables keep become the
 * mainland's ("群聚" → "集群", Taiwan's word for cluster); and Cantonese is read as Mandarin
 * ("佢啲錢邊個出" → "它些钱谁出"). Only whole words are replaced, as the segmenter cuts the
 * run ("系" alone, not inside "体系"), and Cantonese words Mandarin has too ("定", "系") only
 * in a message that has a word Mandarin lacks: "中央定的" stays Mandarin.
 */
export function mandarinFromCantonese(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  const mainland = replaceWords(simplifyChinese(text), REGIONAL, (run) => wordsOf(run, REGIONAL));
  const runs = [...mainland.matchAll(HAN_RUN)].map((m) => wordsOf(m[0], CANTONESE));
  if (!runs.some((found) => found.some((f) => !SHARED.has(f.key)))) return mainland;
  const which = WHICH_BEFORE_NOUN
    ? mainland.replace(WHICH_BEFORE_NOUN, (word) => WHICH[word] ?? word)
    : mainland;
  return replaceWords(which, CANTONESE, (run) => wordsOf(run, CANTONESE));
}
