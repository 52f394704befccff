import { isEnglishWord } from "./english-words.ts";

/** Names of two to this many words have initials people type ("City Clusters" → "cc"). */
const MAX_INITIALS_WORDS = 4;

/**
 * The initials of a name as people shorten it in chat ("Greater Bay Area plan" → "gbap"),
 * or null when the name is too short or long to be shortened so, holds a number ("19
 * super-regions"), or its initials spell an ordinary word (a "Cluster Action Trust" is not
 * asked about as "cat"). `isWord` is that test (a memo of it, when many names are read).
 */
export function initialsOf(
  normalizedName: string,
  isWord: (word: string) => boolean = isEnglishWord,
): string | null {
  const words = normalizedName.split(/[\s-]+/u).filter((w) => w !== "");
  if (words.length < 2 || words.length > MAX_INITIALS_WORDS) return null;
  if (words.some((w) => !/^[a-z]/u.test(w) || /\d/u.test(w))) return null;
  const initials = words.map((w) => w[0]).join("");
  return isWord(initials) ? null : initials;
}
