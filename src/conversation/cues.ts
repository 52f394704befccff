import type { ConversationVocabulary } from "./vocabulary.ts";

/** A cue phrase found in a question: where it is, so it can be replaced by what it refers to. */
export interface CueMatch {
  phrase: string;
  start: number;
  end: number;
}

export type Reference =
  | { kind: "one"; match: CueMatch; order?: "former" | "latter" }
  | { kind: "several"; match: CueMatch }
  | { kind: "all"; match: CueMatch }
  | { kind: "others"; count: number | null; match: CueMatch };

export interface FollowUpCues {
  /** The longest reference phrase, if any ("the other two" over "two"). */
  reference: Reference | null;
  /** Every reference phrase, the chosen one first ("it" beside "them" in "does it reach them?"). */
  references: Reference[];
  /** The reference is to the last fact ("that", "that figure"), so its field carries over. */
  factReference: boolean;
  /** A word for the last fact anywhere in it ("how does that compare with the others?"). */
  mentionsFact: boolean;
  /** Opens or closes like a follow-up: "and …?", "what about …?", "…呢". */
  ellipsis: boolean;
  /** The words opening it as a follow-up ("and", "what about", "n"), if any. */
  lead: CueMatch | null;
  /** Words taking back the last question ("sorry, I meant …"), to be dropped before reading. */
  corrections: CueMatch[];
  /** "not torch, GBA": what follows the first clause break, when a negation opens the turn. */
  afterNegation: string | null;
  /** Asks to choose between subjects: "which one", "哪个". */
  choice: boolean;
  /** Words of degree ("bigger", "older", "更"): a choice by them compares. */
  degree: boolean;
  /** "more than", "earlier than": the earlier subject is measured against a new one. */
  comparative: boolean;
  /** "compare", "vs". */
  comparison: boolean;
  /** Asks of the policies as a whole ("overall", "in general"): no earlier field carries over. */
  whole: boolean;
  /** Words of a question about a score ("why only 0.5"). */
  score: boolean;
  /** Asks something: a question word or a question mark. */
  question: boolean;
  /** Asks something in words ("what is torch?"), not only by its tone ("torch?"). */
  questionWord: boolean;
  /** Words with letters or digits, Chinese characters counted one each. */
  wordCount: number;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface PhraseMatcher {
  /**
   * The phrase's pattern, built on first use: a case-insensitive Unicode pattern with letter
   * classes costs ~0.3 ms to build and ~1 ms more to compile on its first run, and most phrases
   * are ruled out by `words` before any is needed (~200 ms of a process's first questions when
   * every phrase was built up front).
   */
  pattern(): RegExp;
  /**
   * Words a text must contain (case-folded) for the pattern to match anywhere in it, so most
   * phrases are ruled out by a substring test instead of a scan with look-arounds. Null when
   * the phrase has letters beyond ASCII, whose case-insensitive matches a substring test cannot
   * rule out.
   */
  words: readonly string[] | null;
  /** The words are to be looked for in the case-folded text (ASCII phrases), not the text. */
  folded: boolean;
}

const NON_ASCII = /[^ -~]/u;
const matchers = new Map<string, PhraseMatcher>();

/** English phrases match whole words (any case, any spacing); Chinese phrases anywhere. */
function phraseMatcher(phrase: string): PhraseMatcher {
  let matcher = matchers.get(phrase);
  if (matcher === undefined) {
    const words = phrase.trim().split(/\s+/u);
    const body = words.map(escape).join("[\\s\\-]+");
    const cjk = CJK.test(phrase);
    let pattern: RegExp | null = null;
    matcher = {
      pattern: () => {
        pattern ??= cjk
          ? new RegExp(body, "gu")
          : new RegExp(`(?<![\\p{L}\\p{N}'’])${body}(?![\\p{L}\\p{N}])`, "giu");
        pattern.lastIndex = 0;
        return pattern;
      },
      // A Chinese pattern matches its words exactly; an ASCII one matches them in any case.
      words: cjk ? words : !NON_ASCII.test(phrase) ? words.map((w) => w.toLowerCase()) : null,
      folded: !cjk,
    };
    matchers.set(phrase, matcher);
  }
  return matcher;
}

/**
 * The text as a case-insensitive pattern sees ASCII letters: lower case, and the two characters
 * that Unicode case folding maps onto ASCII letters (ſ → s; the Kelvin sign → k by toLowerCase).
 */
function foldForAscii(text: string): string {
  return text.replace(/\u017f/gu, "s").toLowerCase();
}

/** Every occurrence of the phrases, longest first, never overlapping. */
export function findPhrases(text: string, phrases: readonly string[]): CueMatch[] {
  const found: CueMatch[] = [];
  let folded: string | null = null;
  for (const phrase of phrases) {
    const { pattern, words, folded: caseless } = phraseMatcher(phrase);
    if (words !== null) {
      const haystack = caseless ? (folded ??= foldForAscii(text)) : text;
      if (!words.every((word) => haystack.includes(word))) continue;
    }
    for (const match of text.matchAll(pattern())) {
      found.push({ phrase, start: match.index, end: match.index + match[0].length });
    }
  }
  if (found.length === 0) return found;
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

/** The text after its first clause break (comma, semicolon, dash), or null. */
function afterClauseBreak(text: string): string | null {
  const found = /[,，;；、]|\s[-—–]\s/u.exec(text);
  if (found === null) return null;
  const rest = text.slice(found.index + found[0].length).trim();
  return rest === "" ? null : rest;
}

/** The spans of the sentences that ask ("…?"), when the text also holds one that does not. */
function askingSentences(text: string): { start: number; end: number }[] {
  const sentences = [...text.matchAll(/[^?？!！.。]+[?？!！.。]*/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    asks: /[?？]/u.test(m[0]),
  }));
  const asking = sentences.filter((s) => s.asks);
  return asking.length > 0 && asking.length < sentences.length ? asking : [];
}

/** Texts whose cues are kept, per vocabulary (a turn reads a handful; a bot's users repeat them). */
const KEPT_CUES = 256;
const keptCues = new WeakMap<ConversationVocabulary, Map<string, FollowUpCues>>();

/**
 * Freezes cues that are handed out again: every reader of the same text gets the same object,
 * so none may change it (a reader wanting other values spreads it into a new one).
 */
function frozenCues(cues: FollowUpCues): FollowUpCues {
  const freezeMatch = (match: CueMatch | null): void => void (match && Object.freeze(match));
  for (const reference of cues.references) {
    freezeMatch(reference.match);
    Object.freeze(reference);
  }
  Object.freeze(cues.references);
  freezeMatch(cues.lead);
  cues.corrections.forEach(freezeMatch);
  Object.freeze(cues.corrections);
  return Object.freeze(cues);
}

/**
 * The follow-up cues of a text: a function of the text and the vocabulary alone, read once and
 * kept (bounded, least recently read dropped first). A turn reads the same text several times
 * (as itself, without its chat, in the light of the conversation), and the same questions come
 * back from user after user in states that differ, so the conversation's own memo of whole
 * answers misses; the scan of every cue list was most of a follow-up's cost.
 */
export function readCues(text: string, vocabulary: ConversationVocabulary): FollowUpCues {
  let kept = keptCues.get(vocabulary);
  if (kept === undefined) {
    kept = new Map();
    keptCues.set(vocabulary, kept);
  }
  const hit = kept.get(text);
  if (hit !== undefined) {
    kept.delete(text);
    kept.set(text, hit);
    return hit;
  }
  const cues = frozenCues(scanCues(text, vocabulary));
  kept.set(text, cues);
  if (kept.size > KEPT_CUES) {
    const oldest = kept.keys().next();
    if (!oldest.done) kept.delete(oldest.value);
  }
  return cues;
}

function scanCues(text: string, vocabulary: ConversationVocabulary): FollowUpCues {
  const refs = vocabulary.references;
  const candidates: Reference[] = [
    ...findPhrases(text, refs.one).map((match): Reference => ({ kind: "one", match })),
    ...(["former", "latter"] as const).flatMap((order) =>
      findPhrases(text, refs[order]).map((match): Reference => ({ kind: "one", match, order })),
    ),
    ...findPhrases(text, refs.several).map((match): Reference => ({ kind: "several", match })),
    ...findPhrases(text, refs.all).map((match): Reference => ({ kind: "all", match })),
    ...refs.others.flatMap(({ phrase, count }) =>
      findPhrases(text, [phrase]).map((match): Reference => ({ kind: "others", count, match })),
    ),
  ];
  // The longest phrase is the reference: "the other one" is not "that one", "它们" not "它".
  // One in a sentence that asks wins over one in a sentence of chat ("and when will it end?
  // they also want to know").
  const asking = askingSentences(text);
  const asked = (r: Reference): boolean =>
    asking.some((s) => r.match.start >= s.start && r.match.end <= s.end);
  if (candidates.some(asked)) candidates.splice(0, candidates.length, ...candidates.filter(asked));
  candidates.sort(
    (a, b) =>
      b.match.end - b.match.start - (a.match.end - a.match.start) || a.match.start - b.match.start,
  );
  const trimmed = text.trim();
  const leads = findPhrases(trimmed, vocabulary.ellipsisLeads);
  const leadMatch = leads.find((m) => m.start === 0) ?? null;
  const tails = findPhrases(trimmed.replace(/[\s?？!！.。]+$/u, ""), vocabulary.ellipsisTails);
  const body = trimmed.replace(/[\s?？!！.。]+$/u, "");
  const reference = candidates[0] ?? null;
  const questionWord = findPhrases(text, vocabulary.questionWords).length > 0;
  const facts = new Set(refs.facts.map((phrase) => phrase.toLowerCase()));
  return {
    reference,
    references: candidates,
    factReference:
      reference !== null &&
      facts.has(text.slice(reference.match.start, reference.match.end).toLowerCase()),
    mentionsFact: findPhrases(text, refs.facts).length > 0,
    ellipsis: leadMatch !== null || tails.some((m) => m.end === body.length),
    lead: leadMatch,
    corrections: findPhrases(text, vocabulary.corrections),
    choice: findPhrases(text, vocabulary.choices).length > 0,
    degree: findPhrases(text, vocabulary.degreeWords).length > 0,
    afterNegation: findPhrases(trimmed, vocabulary.negations).some((m) => m.start === 0)
      ? afterClauseBreak(trimmed)
      : null,
    // A phrase that is the reference is not also a comparison: "on the same point?" refers.
    comparative: findPhrases(text, vocabulary.comparatives).some(
      (m) => reference === null || m.end <= reference.match.start || m.start >= reference.match.end,
    ),
    comparison: findPhrases(text, vocabulary.comparisons).length > 0,
    whole: findPhrases(text, vocabulary.wholes).length > 0,
    score: findPhrases(text, vocabulary.scoreWords).length > 0 || /\d/u.test(text),
    question: /[?？]/u.test(text) || questionWord,
    questionWord,
    wordCount: countWords(text),
  };
}

/** The text without the cues (and the commas and dashes left around them). */
export function removeCues(text: string, matches: readonly CueMatch[]): string {
  let out = text;
  for (const match of [...matches].sort((a, b) => b.start - a.start)) {
    out = `${out.slice(0, match.start)} ${out.slice(match.end)}`;
  }
  return out
    .replace(/^[\s,，、.。:;!！\-—–]+/u, "")
    .replace(/\s+/gu, " ")
    .trim();
}

/** The text with the cue replaced by what it refers to. */
export function replaceCue(text: string, match: CueMatch, replacement: string): string {
  return `${text.slice(0, match.start)} ${replacement} ${text.slice(match.end)}`
    .replace(/\s+/gu, " ")
    .trim();
}

/** Clause marks and spaces a turn's ends may hold around its words. */
const EDGE_MARKS = /^[\s,，、.。:;!！?？\-—–~…]+|[\s,，、.。:;!！?？\-—–~…]+$/gu;

/**
 * The text without the words of chat that open or close it ("oh", "lol", "哈哈") and the marks
 * around them, so what the turn says is read from where it starts and ends.
 */
export function withoutChat(text: string, chatWords: readonly string[]): string {
  let out = text.replace(EDGE_MARKS, "");
  for (;;) {
    const matches = findPhrases(out, chatWords);
    const first = matches[0];
    const lastMatch = matches[matches.length - 1];
    let next = out;
    if (first !== undefined && first.start === 0) next = next.slice(first.end);
    else if (lastMatch !== undefined && lastMatch.end === out.length) {
      next = next.slice(0, lastMatch.start);
    } else break;
    next = next.replace(EDGE_MARKS, "");
    // A turn that is nothing but chat ("ok", "lol") keeps its words.
    if (next === "") break;
    out = next;
  }
  return out;
}
