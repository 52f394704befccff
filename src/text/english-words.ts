import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Whether a lower-case word is an ordinary English word, by a maintained list of ~275,000
 * (an-array-of-english-words) that has no proper nouns: "guides" and "pensioners" are in it,
 * "olympic", "yangtze" and "europe" are not. A word the vocabulary does not know is then
 * ordinary English, which only lowers confidence, or a name, which names something else.
 *
 * The list is a sorted JSON array of [a-z] words: it is searched as text, by bisection, so
 * nothing is parsed (parsing it into a set costs most of a second; a look-up here, microseconds).
 */
let text: string | null = null;

function listText(): string {
  const path = createRequire(import.meta.url).resolve("an-array-of-english-words");
  return readFileSync(path, "utf8");
}

/** The first word of the list that starts at or after position `from` (null past the end). */
function wordAfter(list: string, from: number): string | null {
  const separator = list.indexOf(',"', from);
  if (separator < 0) return null;
  const start = separator + 2;
  return list.slice(start, list.indexOf('"', start));
}

export function isEnglishWord(word: string): boolean {
  if (!/^[a-z]+$/.test(word)) return false;
  const list = (text ??= listText());
  if (list.startsWith(`["${word}"`)) return true;
  // The first position whose next word does not sort before `word`: that word is it, or absent.
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const next = wordAfter(list, mid);
    if (next === null || next >= word) hi = mid;
    else lo = mid + 1;
  }
  return wordAfter(list, lo) === word;
}
