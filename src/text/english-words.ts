import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Whether a lower-case word is an ordinary English word, by a maintained list of ~275,000
 * (an-array-of-english-words) that has no proper nouns: "guides" and "pensioners" are in it,
 * "olympic", "yangtze" and "europe" are not. A word the vocabulary does not know is then
 * ordinary English, which only lowers confidence, or a name, which names something else.
 *
 * The list is a sorted JSON array of [a-z] words (3.4 MB). Parsing it into a set costs most of
 * a second and far more memory; kept as its text, it was the largest single object of the bot's
 * heap. It is read once into a front-coded form instead (~1.2 MB, outside the JS heap): each
 * word as the length of the prefix it shares with the word before (one byte below 'a'), then
 * the rest of its letters; every BLOCK-th word is written whole, and looked up by bisection
 * over those, then decoded forward within its block (microseconds a look-up).
 */
const BLOCK = 32;
const LOWER_A = 0x61;
const QUOTE = 0x22;

interface WordList {
  /** Per word: shared-prefix length (< 'a'), then its remaining letters. */
  bytes: Uint8Array;
  /** Where each block (a word written whole) starts in `bytes`. */
  blocks: Int32Array;
}

let list: WordList | null = null;

function readList(): WordList {
  const path = createRequire(import.meta.url).resolve("an-array-of-english-words");
  const json = readFileSync(path);
  // Never larger than the JSON itself: each word loses its quotes and comma, gains one byte.
  const bytes = new Uint8Array(json.length);
  const blocks: number[] = [];
  let length = 0;
  let count = 0;
  let previousStart = -1;
  let previousEnd = -1;
  let at = json.indexOf(QUOTE);
  while (at >= 0) {
    const start = at + 1;
    const end = json.indexOf(QUOTE, start);
    if (end < 0) break;
    let shared = 0;
    if (count % BLOCK === 0) {
      blocks.push(length);
    } else {
      const limit = Math.min(end - start, previousEnd - previousStart);
      while (shared < limit && json[start + shared] === json[previousStart + shared]) shared++;
    }
    bytes[length++] = shared;
    for (let k = start + shared; k < end; k++) bytes[length++] = json[k] ?? 0;
    previousStart = start;
    previousEnd = end;
    count++;
    at = json.indexOf(QUOTE, end + 1);
  }
  // A copy of the used part, so the buffer sized for the whole JSON is not kept.
  return { bytes: bytes.slice(0, length), blocks: Int32Array.from(blocks) };
}

/** The whole word that starts a block. */
function blockHead(words: WordList, block: number): string {
  const bytes = words.bytes;
  let at = (words.blocks[block] ?? 0) + 1;
  let word = "";
  while (at < bytes.length && (bytes[at] ?? 0) >= LOWER_A)
    word += String.fromCharCode(bytes[at++] ?? 0);
  return word;
}

/**
 * British spellings the list holds only in their American form ("decentralisation" →
 * "decentralization", "analysing", "labour", "centres"): tried when the word itself is missing.
 */
const AMERICAN_SPELLINGS: readonly [RegExp, string][] = [
  [/isation(s?)$/u, "ization$1"],
  [/is(e|es|ed|ing|er|ers)$/u, "iz$1"],
  [/ys(e|es|ed|ing)$/u, "yz$1"],
  [/our(s?|ed|ing|ite|ites|able)$/u, "or$1"],
  [/tre(s?)$/u, "ter$1"],
];

export function isEnglishWord(word: string): boolean {
  if (listed(word)) return true;
  return AMERICAN_SPELLINGS.some(([british, american]) => {
    const variant = word.replace(british, american);
    return variant !== word && listed(variant);
  });
}

function listed(word: string): boolean {
  if (!/^[a-z]+$/.test(word)) return false;
  const words = (list ??= readList());
  // The last block whose first word does not sort after `word`.
  let lo = 0;
  let hi = words.blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (blockHead(words, mid) <= word) lo = mid;
    else hi = mid - 1;
  }
  const bytes = words.bytes;
  const end = lo + 1 < words.blocks.length ? (words.blocks[lo + 1] ?? 0) : bytes.length;
  let at = words.blocks[lo] ?? 0;
  let current = "";
  while (at < end) {
    const shared = bytes[at++] ?? 0;
    let rest = "";
    while (at < end && (bytes[at] ?? 0) >= LOWER_A) rest += String.fromCharCode(bytes[at++] ?? 0);
    current = current.slice(0, shared) + rest;
    if (current === word) return true;
    if (current > word) return false;
  }
  return false;
}
