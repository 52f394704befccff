/**
 * Text normalisation shared by the catalog (names, aliases, vocabulary) and the resolver (what
 * people type), so both sides meet in the same form: lower case, no diacritics, punctuation as
 * spaces, possessives dropped, British/American spellings folded, plurals reduced, and runs of
 * CJK characters kept as their own tokens (Chinese is not space-separated).
 */

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

/** Lower case, diacritics stripped, possessives dropped, punctuation turned into spaces. */
export function normalizeText(text: string): string {
  // Plain ASCII (most names and questions) has nothing to fold: skip the Unicode passes.
  const folded = /^[\x20-\x7e]*$/.test(text)
    ? text
    : // NFKC first folds full-width letters and digits (ｔｏｒｃｈ, １９８８) into ASCII.
      text
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

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), stopping early
 * once it must exceed `max`: "torhc" is one edit from "torch".
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev: number[] = new Array<number>(cols).fill(0);
  let prev: number[] = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const current: number[] = new Array<number>(cols).fill(0);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (prev[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = current;
  }
  return prev[cols - 1] ?? max + 1;
}

/** How many edits a typo of this length may have and still count as the word. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return 2;
}
