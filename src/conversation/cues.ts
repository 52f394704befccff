import type { ConversationVocabulary } from "./vocabulary.ts";

/** A cue phrase found in a question: where it is, so it can be replaced by what it refers to. */
export interface CueMatch {
  phrase: string;
  start: number;
  end: number;
}

export type Reference =
  | { kind: "one"; match: CueMatch }
  | { kind: "several"; match: CueMatch }
  | { kind: "all"; match: CueMatch }
  | { kind: "others"; count: number | null; match: CueMatch };

export interface FollowUpCues {
  /** The longest reference phrase, if any ("the other two" over "two"). */
  reference: Reference | null;
  /** The reference is to the last fact ("that", "that figure"), so its field carries over. */
  factReference: boolean;
  /** Opens or closes like a follow-up: "and …?", "what about …?", "…呢". */
  ellipsis: boolean;
  /** "more than", "earlier than": the earlier subject is measured against a new one. */
  comparative: boolean;
  /** "compare", "vs". */
  comparison: boolean;
  /** Words of a question about a score ("why only 0.5"). */
  score: boolean;
  /** Asks something: a question word or a question mark. */
  question: boolean;
  /** Words with letters or digits, Chinese characters counted one each. */
  wordCount: number;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const patterns = new Map<string, RegExp>();

/** English phrases match whole words (any case, any spacing); Chinese phrases anywhere. */
function phrasePattern(phrase: string): RegExp {
  let pattern = patterns.get(phrase);
  if (pattern === undefined) {
    const body = phrase.trim().split(/\s+/u).map(escape).join("[\\s\\-]+");
    pattern = CJK.test(phrase)
      ? new RegExp(body, "gu")
      : new RegExp(`(?<![\\p{L}\\p{N}'’])${body}(?![\\p{L}\\p{N}])`, "giu");
    patterns.set(phrase, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/** Every occurrence of the phrases, longest first, never overlapping. */
export function findPhrases(text: string, phrases: readonly string[]): CueMatch[] {
  const found: CueMatch[] = [];
  for (const phrase of phrases) {
    const pattern = phrasePattern(phrase);
    for (const match of text.matchAll(pattern)) {
      found.push({ phrase, start: match.index, end: match.index + match[0].length });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: CueMatch[] = [];
  for (const match of found) {
    if (kept.some((k) => match.start < k.end && k.start < match.end)) continue;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function countWords(text: string): number {
  const latin = text
    .split(/[^\p{L}\p{N}.]+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w) && !CJK.test(w));
  const cjk = [...text].filter((c) => CJK.test(c)).length;
  return latin.length + Math.ceil(cjk / 2);
}

export function readCues(text: string, vocabulary: ConversationVocabulary): FollowUpCues {
  const refs = vocabulary.references;
  const candidates: Reference[] = [
    ...findPhrases(text, refs.one).map((match): Reference => ({ kind: "one", match })),
    ...findPhrases(text, refs.several).map((match): Reference => ({ kind: "several", match })),
    ...findPhrases(text, refs.all).map((match): Reference => ({ kind: "all", match })),
    ...refs.others.flatMap(({ phrase, count }) =>
      findPhrases(text, [phrase]).map((match): Reference => ({ kind: "others", count, match })),
    ),
  ];
  // The longest phrase is the reference: "the other one" is not "that one", "它们" not "它".
  candidates.sort(
    (a, b) =>
      b.match.end - b.match.start - (a.match.end - a.match.start) || a.match.start - b.match.start,
  );
  const trimmed = text.trim();
  const leads = findPhrases(trimmed, vocabulary.ellipsisLeads);
  const tails = findPhrases(trimmed.replace(/[\s?？!！.。]+$/u, ""), vocabulary.ellipsisTails);
  const body = trimmed.replace(/[\s?？!！.。]+$/u, "");
  const reference = candidates[0] ?? null;
  const facts = new Set(refs.facts.map((phrase) => phrase.toLowerCase()));
  return {
    reference,
    factReference:
      reference !== null &&
      facts.has(text.slice(reference.match.start, reference.match.end).toLowerCase()),
    ellipsis: leads.some((m) => m.start === 0) || tails.some((m) => m.end === body.length),
    comparative: findPhrases(text, vocabulary.comparatives).length > 0,
    comparison: findPhrases(text, vocabulary.comparisons).length > 0,
    score: findPhrases(text, vocabulary.scoreWords).length > 0 || /\d/u.test(text),
    question: /[?？]/u.test(text) || findPhrases(text, vocabulary.questionWords).length > 0,
    wordCount: countWords(text),
  };
}

/** The text with the cue replaced by what it refers to. */
export function replaceCue(text: string, match: CueMatch, replacement: string): string {
  return `${text.slice(0, match.start)} ${replacement} ${text.slice(match.end)}`
    .replace(/\s+/gu, " ")
    .trim();
}
