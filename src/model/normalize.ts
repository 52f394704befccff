/**
 * Text normalisation shared by the catalog (names, aliases, vocabulary) and the resolver (what
 * people type), so both sides meet in the same form: lower case, no diacritics, punctuation as
 * spaces, possessives dropped, British/American spellings folded, plurals reduced, and runs of
 * CJK characters kept as their own tokens (Chinese is not space-separated).
 */
import { simplifyChinese } from "../text/chinese-script.ts";

/** Spellings folded to one form so "programme" finds "Program" and "centre" finds "Center". */
const SPELLING_FOLDS: Readonly<Record<string, string>> = {
  programme: "program",
  programmes: "program",
  centre: "center",
  centres: "center",
  organisation: "organization",
  organisations: "organization",
  digitalization: "digitalisation",
  internationalization: "internationalisation",
  prioritise: "prioritize",
  analyse: "analyze",
  labour: "labor",
  evaluations: "evaluation",
  startups: "startup",
  // Kept plural: "what policies" asks for the list, "what policy" about one of them.
  policies: "policies",
};

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const CJK_TEST = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const PLAIN_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/** Lower case, diacritics stripped, possessives dropped, punctuation turned into spaces. */
export function normalizeText(text: string): string {
  // Words of ASCII letters and digits between single spaces (most names) only need lower case.
  if (PLAIN_WORDS.test(text)) return text.toLowerCase();
  // Plain ASCII (most names and questions) has nothing to fold: skip the Unicode passes.
  const folded = /^[\x20-\x7e]*$/.test(text)
    ? text
    : // NFKC first folds full-width letters and digits (ｔｏｒｃｈ, １９８８) into ASCII.
      simplifyChinese(text)
        .normalize("NFKC")
        .normalize("NFD")
        .replace(/\p{M}+/gu, "")
        .normalize("NFC");
  return folded
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/(\p{L})'s\b/gu, "$1")
    .replace(/&/g, " and ")
    .replace(CJK_RUN, (run) => ` ${run} `)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const CHINESE_WORDS = new Intl.Segmenter("zh", { granularity: "word" });

/** Chinese is not space-separated: its words, as Intl.Segmenter reads them ("德国的集群政策" → 德国 的 集群 政策). */
export function segmentChinese(run: string): string[] {
  return [...CHINESE_WORDS.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** Whether `word` is in `run` as whole words (not across a word boundary: "加纳" in "增加纳税"). */
export function containsChineseWord(run: string, word: string): boolean {
  if (!run.includes(word)) return false;
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const s of CHINESE_WORDS.segment(run)) {
    starts.add(s.index);
    ends.add(s.index + s.segment.length);
  }
  for (let at = run.indexOf(word); at >= 0; at = run.indexOf(word, at + 1)) {
    if (starts.has(at) && ends.has(at + word.length)) return true;
  }
  return false;
}

export function isCjk(token: string): boolean {
  return CJK_TEST.test(token);
}

/** Reduces a Latin word to the form both sides are compared in (plural and spelling folded). */
export function stemToken(token: string): string {
  const folded = SPELLING_FOLDS[token];
  if (folded !== undefined) return folded;
  if (!/^[a-z]+$/.test(token) || token.length <= 3) return token;
  if (token.endsWith("ies") && token.length > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith("ss") || token.endsWith("us") || token.endsWith("is")) return token;
  if (token.endsWith("s")) return token.slice(0, -1);
  return token;
}

export interface Token {
  /** As typed, after normalisation (for messages that quote the user). */
  raw: string;
  /** The comparable form. */
  stem: string;
}

export function tokenize(text: string): Token[] {
  const normalized = normalizeText(text);
  if (normalized === "") return [];
  return normalized.split(" ").map((raw) => ({ raw, stem: stemToken(raw) }));
}

/** Stems of a phrase, for building lookup keys. */
export function phraseStems(text: string): string[] {
  return tokenize(text).map((token) => token.stem);
}

export { editDistance } from "../text/edit-distance.ts";

/** How many edits a typo of this length may have and still count as the word. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}
