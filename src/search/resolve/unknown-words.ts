import { phraseStems, segmentChinese, stemToken, tokenize } from "../../model/normalize.ts";
import { isEnglishWord } from "../../text/english-words.ts";
import {
  FRAME_OPENERS,
  CJK_ALL_WORDS,
  CJK_COMPARE_WORDS,
  CJK_ORDER_WORDS,
  CJK_CONJUNCTIONS,
  CJK_CUE_WORDS,
  CJK_GENERIC_WORDS,
  CJK_PARTICLES,
  CJK_PLACE_GLOSSES,
  CJK_QUESTION_WORDS,
  OFFERED_VALUE_WORDS,
} from "../vocabulary.ts";
import type { Catalog } from "../catalog.ts";
import { ARTICLES, type QuestionToken } from "./tokens.ts";
import { GLOSSED_WORDS, purposeClause } from "./chinese.ts";

/** The longest run of characters two texts share ("大湾区" of "粤港澳大湾区" and "大湾区规划"). */
function commonRun(a: string, b: string): string {
  let best = "";
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best.length) best = a.slice(i, i + k);
    }
  }
  return best;
}

const CJK_GENERIC_PATTERN = new RegExp(
  [...CJK_GENERIC_WORDS].sort((a, b) => b.length - a.length).join("|"),
  "gu",
);

/**
 * The run of a Chinese name that a run of the question holds, generic words aside: "星火计划"
 * shares only "计划" (plan) with "火炬计划", which is no evidence for the TORCH Program.
 */
export function sharedCjkRun(a: string, b: string): string {
  if (a.includes(b)) return b;
  return commonRun(
    a.replace(CJK_GENERIC_PATTERN, "\u0001"),
    b.replace(CJK_GENERIC_PATTERN, "\u0002"),
  );
}

/** Chinese runs up to this many characters are quoted whole. */
const MAX_WHOLE_QUOTE = 8;

/** Minimum length of a Chinese remainder that names another programme (two characters). */
const MIN_CJK_NAME = 2;

/**
 * A Chinese run of the question that names something the data does not hold. The run is read
 * as words (Intl.Segmenter); names, country names, field and cue words, generic and question
 * words are taken out. What is left names another programme when the question names no
 * policy of ours ("中国制造2025 目标", "一带一路"), or when it stands in a name's slot, right
 * before a generic name word ("星火计划" beside "火炬计划"): an unknown verb ("属于") asked
 * of a known name does not.
 */
export function unknownCjkName(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  namedPolicy: boolean,
): string | null {
  const { names, known } = knownCjkWords(catalog);
  // The quote: a short run as typed ("中国制造"), else only the words that name something, so a
  // long sentence is not quoted back whole.
  const quote = (raw: string, words: string): string =>
    [...raw].length <= MAX_WHOLE_QUOTE ? raw : words;
  // "三个政策…": all our policies are in view, anywhere in the question.
  const allInView = tokens.some((t) => t.cjk && CJK_ALL_WORDS.some((w) => t.raw.includes(w)));
  for (const token of tokens) {
    if (!token.cjk || !/\p{Script=Han}/u.test(token.raw)) continue;
    // "我想查原始资料": a clause that only says what the user wants it for asks nothing.
    if (purposeClause(catalog, token.raw)) continue;
    // Our names become NAME, other known words a space: what is left may name something else.
    let rest = token.raw;
    for (const text of known) rest = rest.split(text).join(names.has(text) ? NAME : " ");
    // A close match ("粤港澳湾区") keeps the part it shares with a name.
    for (const alias of catalog.cjkAliases) {
      const shared = commonRun(rest, alias.text);
      if (shared.length >= 3) rest = rest.split(shared).join(" ");
    }
    if (namedPolicy) {
      const name =
        nameBesideName(rest) ??
        nameBeforeNoun(catalog, token.raw, rest) ??
        ownerOfPolicies(catalog, token.raw);
      if (name !== null) return quote(token.raw, name);
      continue;
    }
    for (const part of pieces(rest)) {
      // "它的": words made only of fillers name nothing; a word the segmenter splits into single
      // characters, or fillers run together, still may.
      const words = segmentChinese(part).filter(
        (word) => [...word].length >= MIN_CJK_NAME && stripFillers(word) !== "",
      );
      if (words.length > 0 || [...stripFillers(part)].length >= MIN_CJK_NAME) {
        const named = nameBeforeNoun(catalog, token.raw, part);
        // "三个政策…政策评估做得最薄弱": words after the field asked of all our policies say what
        // is asked of them (a predicate), where no programme's name stands; a name ends in a
        // name noun ("三个政策的预算和星火计划") and keeps its slot.
        if (named === null && allInView && afterFieldWord(catalog, token.raw, part)) continue;
        return quote(token.raw, named ?? trimBounds(part));
      }
    }
  }
  return null;
}

/**
 * Whether a piece of a run comes after a field word asked of all our policies ("三个政策…
 * 政策评估做得最薄弱", "三项集群政策的资金来源进行比较分析"), with no digit or Latin letter: then
 * the policies asked about are ours, and the piece says what is asked of them.
 */
function afterFieldWord(catalog: Catalog, run: string, part: string): boolean {
  const piece = part.trim();
  const at = run.indexOf(piece);
  if (at < 0 || /[\p{N}\p{Script=Latin}]/u.test(piece)) return false;
  return catalog.cjkFieldWords.some((w) => {
    const k = run.indexOf(w.text);
    return k >= 0 && k + w.text.length <= at;
  });
}

interface KnownCjk {
  names: ReadonlySet<string>;
  /** Known words, longest first, so a longer word is taken out before a word inside it. */
  known: readonly string[];
}

const knownByCatalog = new WeakMap<Catalog, KnownCjk>();
const quotedKnownByCatalog = new WeakMap<Catalog, KnownCjk>();
const longestFirst = (words: string[]): string[] => words.sort((a, b) => b.length - a.length);

/** The words of a Chinese run that name nothing new: built once per catalog, not per question. */
function knownCjkWords(catalog: Catalog): KnownCjk {
  let words = knownByCatalog.get(catalog);
  if (!words) {
    const names = new Set(catalog.cjkAliases.map((a) => a.text));
    const known = longestFirst([
      ...names,
      ...catalog.cjkCountryAliases.map((a) => a.text),
      ...catalog.cjkFieldWords.map((w) => w.text),
      ...CJK_CUE_WORDS,
      ...GLOSSED_WORDS,
    ]);
    words = { names, known };
    knownByCatalog.set(catalog, words);
  }
  return words;
}

/** The words a quoted span may hold and still name nothing: built once per catalog. */
function quotedKnownWords(catalog: Catalog): KnownCjk {
  let words = quotedKnownByCatalog.get(catalog);
  if (!words) {
    const names = new Set(catalog.cjkAliases.map((a) => a.text));
    const known = longestFirst([
      ...catalog.cjkCountryAliases.map((a) => a.text),
      ...catalog.cjkFieldWords.map((w) => w.text),
      ...Object.keys(CJK_ORDER_WORDS),
      ...CJK_COMPARE_WORDS,
      ...CJK_ALL_WORDS,
      ...GLOSSED_WORDS,
    ]);
    words = { names, known };
    quotedKnownByCatalog.set(catalog, words);
  }
  return words;
}

/** A span the question sets in quotation marks or title marks: “中国制造2025”, 《…》, 「…」. */
const QUOTED_CJK = /[“「《『"]([^“”「」《》『』"]{2,24})[”」》』"]/gu;

/**
 * "烦请说明“中国制造2025”与我国集群政策之间的关系": a span the asker sets in quotation or title
 * marks is a name as typed. It names something the data does not hold when it holds no name of
 * ours and, its country names and field, cue and glossed words taken out, words of its own
 * remain (two Chinese characters) or a number. Known words quoted (“预算”) name nothing.
 */
export function quotedCjkName(catalog: Catalog, question: string): string | null {
  for (const match of question.matchAll(QUOTED_CJK)) {
    const { names, known } = quotedKnownWords(catalog);
    const span = (match[1] ?? "").trim();
    if (!/\p{Script=Han}/u.test(span)) continue;
    if ([...names].some((name) => span.includes(name) || name.includes(span))) continue;
    let rest = span;
    for (const text of known) rest = rest.split(text).join(" ");
    const own = [...stripFillers(rest.replace(/[\s\p{P}]/gu, ""))];
    const ownWords = own.filter((c) => /\p{Script=Han}/u.test(c)).length >= MIN_CJK_NAME;
    // 《…》 marks a title; quotation marks a name only when it reads as one: a number beside its
    // words ("中国制造2025") or a generic noun of programmes ending it ("十四五规划"). Quoted
    // words of a list (“连接全球供应链”) are the asker's quote of the data.
    const title = match[0].startsWith("《");
    const nameShaped = /\d/u.test(rest) || CJK_GENERIC_WORDS.some((w) => span.endsWith(w));
    if ((title && ownWords) || (nameShaped && (ownWords || /\d/u.test(rest)))) return span;
  }
  return null;
}

/** Where one of our names stood in a run of Chinese. */
const NAME = "\u0001";

/**
 * A name's slot beside one of ours: what is joined to our name by a conjunction
 * ("一带一路和火炬计划", "火炬计划与中关村") is a name too, the one the data does not hold.
 */
function nameBesideName(rest: string): string | null {
  for (const conjunction of CJK_CONJUNCTIONS) {
    for (let at = rest.indexOf(conjunction); at >= 0; at = rest.indexOf(conjunction, at + 1)) {
      const end = at + conjunction.length;
      const slot = rest.startsWith(NAME, end)
        ? stretchBefore(rest.slice(0, at))
        : rest.endsWith(NAME, at)
          ? stretchAfter(rest.slice(end))
          : "";
      if ([...stripFillers(slot)].length >= MIN_CJK_NAME) return slot;
    }
  }
  return null;
}

/**
 * A name's slot before a generic name noun: "雄安新区", "京津冀协同发展规划", "中关村示范区"
 * (the words before the noun, back to a particle or a known word) when they are more than
 * words of asking. An unknown verb ("属于") asked of a known name is in no such slot.
 */
function nameBeforeNoun(catalog: Catalog, run: string, rest: string): string | null {
  for (const match of rest.matchAll(CJK_GENERIC_PATTERN)) {
    const slot = stretchBefore(rest.slice(0, match.index));
    const name = `${slot}${match[0]}`;
    if ([...stripFillers(slot)].length >= MIN_CJK_NAME && !headOfFieldWord(catalog, run, name)) {
      return name;
    }
  }
  return null;
}

/** "X的(集群)政策": a possessive before a noun of policies, with what stands before it. */
const OWNED_POLICIES = /的(?:产业)?(?:集群)?(?:政策|规划|计划)/gu;

/**
 * "那长三角的集群政策呢？", "京津冀的集群政策是什么": the owner of a cluster policy asked is a
 * place or body of its own when it is none of our names, no country of the data ("中国的",
 * "我国的") and no known word: a region the texts only mention has no policy of its own in
 * the data, so its policies are not China's list.
 */
function ownerOfPolicies(catalog: Catalog, run: string): string | null {
  const ours = [
    ...catalog.cjkAliases.map((a) => a.text),
    ...catalog.cjkCountryAliases.map((a) => a.text),
  ];
  const fieldWords = catalog.cjkFieldWords.map((w) => w.text);
  for (const match of run.matchAll(OWNED_POLICIES)) {
    const owner = stretchBefore(run.slice(0, match.index));
    const own = stripFillers(owner);
    if ([...own].length < MIN_CJK_NAME) continue;
    // ("大湾区规划的…": a name of ours in a shorter form owns its own policies.) Words the
    // segmenter reads around our name ("所以|中国", "描述|中国|整体") are how it is asked, so the
    // owner is ours, unless a place stands after it ("中国|香港的").
    const named = ours.find((name) => owner.includes(name));
    const behind = named === undefined ? "" : owner.slice(owner.lastIndexOf(named) + named.length);
    const placeAfter = Object.keys(CJK_PLACE_GLOSSES).some((place) => behind.includes(place));
    if (named !== undefined && !placeAfter) continue;
    if (ours.some((name) => commonRun(owner, name).length >= 3 || name.includes(owner))) continue;
    if (fieldWords.some((word) => owner.includes(word))) continue;
    // "…的政策目标": the noun heads a field word ("policy objectives"), asked of the owner.
    const after = run.slice((match.index ?? 0) + 1);
    const headed = catalog.cjkFieldWords.some(
      (w) => w.scope === "policy" && after.startsWith(w.text) && w.text.length >= match[0].length,
    );
    if (headed) continue;
    return owner;
  }
  return null;
}

/** The words at the end of `text` back to a bound (a particle, a known word, one of our names). */
function stretchBefore(text: string): string {
  const words = [...CHINESE_WORDS.segment(lastPiece(text))].map((s) => s.segment);
  let k = words.length;
  while (k > 0 && !CJK_BOUNDS.has(words[k - 1] ?? "")) k -= 1;
  return trimBounds(words.slice(k).join(""));
}

/** The words at the start of `text` up to a bound. */
function stretchAfter(text: string): string {
  const words = [...CHINESE_WORDS.segment(pieces(text)[0] ?? "")].map((s) => s.segment);
  const k = words.findIndex((word) => CJK_BOUNDS.has(word));
  return trimBounds((k < 0 ? words : words.slice(0, k)).join(""));
}

/** A stretch without the bounds the segmenter glued to its ends ("和雄|安"). */
function trimBounds(stretch: string): string {
  let out = stretch;
  for (let again = true; again;) {
    again = false;
    for (const bound of BOUNDS_LONGEST_FIRST) {
      if (out.startsWith(bound) && out.length > bound.length) out = out.slice(bound.length);
      else if (out.endsWith(bound) && out.length > bound.length) out = out.slice(0, -bound.length);
      else continue;
      again = true;
    }
  }
  return out;
}

function lastPiece(text: string): string {
  return pieces(text).at(-1) ?? "";
}

/** The stretches of a run between known words and our names. */
function pieces(text: string): string[] {
  return text.split(" ").flatMap((piece) => piece.split(NAME));
}

const CHINESE_WORDS = new Intl.Segmenter("zh", { granularity: "word" });
const CJK_BOUNDS: ReadonlySet<string> = new Set([...CJK_CONJUNCTIONS, ...CJK_PARTICLES]);
const BOUNDS_LONGEST_FIRST = [...CJK_BOUNDS].sort((a, b) => b.length - a.length);

/**
 * "任何政策评估", "系统政策工具": "政策" before a field word is the head of that field's phrase
 * ("policy evaluation"), so the word before it qualifies the field rather than naming a policy.
 * Programme names end in other nouns ("星火计划", "长三角规划"), which keep their slot.
 */
function headOfFieldWord(catalog: Catalog, run: string, phrase: string): boolean {
  if (!phrase.endsWith(FIELD_HEAD)) return false;
  const at = run.indexOf(phrase);
  if (at < 0) return false;
  const after = run.slice(at + phrase.length);
  return catalog.cjkFieldWords.some((w) => after.startsWith(w.text));
}

const FIELD_HEAD = "政策";

function stripFillers(text: string): string {
  let rest = text;
  for (const word of CJK_FILLERS) rest = rest.split(word).join("");
  return rest.trim();
}

const CJK_FILLERS = [...CJK_GENERIC_WORDS, ...CJK_QUESTION_WORDS, ...CJK_CUE_WORDS].sort(
  (a, b) => b.length - a.length,
);

/**
 * The unknown things a question names, each as the whole phrase around its unknown words
 * ("made in china 2025", not "2025"): runs of words no name, field or cue took, trimmed of
 * stop words at their ends.
 */
export function quotePhrase(
  catalog: Catalog,
  tokens: QuestionToken[],
  cues: ReadonlySet<number>,
  fieldWords: ReadonlySet<number>,
  startsName: (index: number) => boolean = () => true,
): string {
  const free = (k: number): boolean => {
    const token = tokens[k];
    if (!token || cues.has(k) || token.cjk || token.filler === true) return false;
    return !token.used || catalog.countryStems.has(token.stem);
  };
  const phrases: string[] = [];
  const taken = new Set<number>();
  tokens.forEach((token, k) => {
    if (taken.has(k)) return;
    if (token.cjk && !token.used) {
      // "和", "比较": Chinese connectives and question words name nothing.
      if (stripFillers(token.raw) !== "") phrases.push(token.raw);
      return;
    }
    if (!token.unknown || !startsName(k)) return;
    let start = k;
    let end = k;
    while (free(start - 1)) start -= 1;
    for (;;) {
      if (free(end + 1)) end += 1;
      // "14th five year plan": a field word inside a programme's name belongs to the name.
      else if (
        fieldWords.has(end + 1) &&
        catalog.nameNounStems.has(tokens[end + 2]?.stem ?? "") &&
        free(end + 2)
      ) {
        end += 2;
      } else break;
    }
    while (start < k && catalog.stopStems.has(tokens[start]?.stem ?? "")) start += 1;
    while (end > k && catalog.stopStems.has(tokens[end]?.stem ?? "")) end -= 1;
    const words: string[] = [];
    for (let j = start; j <= end; j++) {
      taken.add(j);
      words.push(tokens[j]?.raw ?? "");
    }
    phrases.push(words.join(" "));
  });
  return clipAtWord(phrases.join(", "), MAX_QUOTE);
}

/**
 * Words typed as names: capitalised other than at the start of a sentence ("like Europe"), or
 * in capitals anywhere ("MIC"), in their normalised form.
 */
export function nameLikeWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const sentence of text.split(/[.!?\n]+/u)) {
    const words = sentence.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w !== "");
    words.forEach((word, k) => {
      // "I", "I'm": the pronoun is always capitalised.
      if (/^I(?:['’]\p{L}+)?$/u.test(word)) return;
      const capitals = /^\p{Lu}{2,}/u.test(word) || (k > 0 && /^\p{Lu}/u.test(word));
      if (capitals) for (const token of tokenize(word)) out.add(token.raw);
    });
  }
  return out;
}

/**
 * A quote as the user typed it: words that came from expanding an acronym ("science and
 * technology" of "MoST") are quoted as the acronym.
 */
export function typedForm(catalog: Catalog, question: string, quote: string): string {
  if (quote === "") return quote;
  let out = quote;
  for (const { acronym, expansion, pattern } of catalog.definedAcronyms) {
    pattern.lastIndex = 0;
    if (!pattern.test(question)) continue;
    pattern.lastIndex = 0;
    const expanded = tokenize(expansion)
      .map((t) => t.raw)
      .join(" ");
    const parts = out.split(", ").map((part) => (expanded.includes(part) ? acronym : part));
    out = [...new Set(parts)].join(", ");
  }
  return out;
}

/** The user's words from `start` to `end` (inclusive), as typed, clipped for a reply. */
function quoteWords(tokens: readonly QuestionToken[], start: number, end: number): string {
  return clipAtWord(
    tokens
      .slice(start, end + 1)
      .map((t) => t.raw)
      .join(" "),
    MAX_QUOTE,
  );
}

/** Longest quote of the user's words in a reply. */
export const MAX_QUOTE = 60;

/** At most `max` characters, cut at a word boundary, never inside a word ("guangzho"). */
export function clipAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return (space > 0 ? cut.slice(0, space) : text.slice(0, max)).replace(/[,\s]+$/u, "");
}

/** Words that may stand between a name and the word it sits next to ("budget of Horizon"). */
const SLOT_LINKS = new Set(["of", "for", "the", "a", "an", "in", "with", "and", "or", "to"]);

/**
 * An unknown word that reads as a name: typed like one (capitalised, an acronym, letters with
 * digits), or in a name's slot — next to a policy noun, a name word or another unknown word
 * ("horizon europe", "olympic torch", "the spark program").
 */
export function looksLikeName(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  k: number,
  typedAsName: ReadonlySet<string>,
): boolean {
  const token = tokens[k];
  if (!token) return false;
  if (token.everyday) return false;
  if (token.cjk || typedAsName.has(token.raw)) return true;
  if (/\d/.test(token.raw) && /\p{L}/u.test(token.raw) && !/^\d+(?:s|am|pm)$/.test(token.raw)) {
    return true;
  }
  const slot = (j: number): boolean => {
    const other = tokens[j];
    if (!other || other.clause !== token.clause) return false;
    return (
      // A policy noun after the word ("spark program"), not before it ("policy according to").
      (catalog.nameNounStems.has(other.stem) && j > k) ||
      catalog.postings.has(other.stem) ||
      (other.unknown && !other.everyday && j !== k)
    );
  };
  for (const step of [-1, 1]) {
    let j = k + step;
    // Only one linking word: "budget of Horizon", not "based on … budget" far away.
    if (tokens[j] !== undefined && SLOT_LINKS.has(tokens[j]?.stem ?? "")) j += step;
    if (slot(j)) return true;
  }
  return false;
}

/** "a", "an": before a noun phrase they make it one of a kind. */
const INDEFINITE = new Set(["a", "an"]);

/** "for a", "as a", "like a": a comparison with a kind, not a thing named. */
const KIND_LEADS = new Set(["for", "as", "like", "just", "than", "such", "merely", "only"]);

/**
 * "odd for an industrial policy", "a stretch for a high-tech programme", "just a broad
 * industrial policy": words after "for a" / "as a" / "just a" describe a kind of policy, the one
 * asked about measured against it; a programme's own name is not counted like that. ("Does
 * China have a spark program?" asks after a thing, so it still names one.)
 */
function namesAKind(tokens: readonly QuestionToken[], start: number): boolean {
  const word = (k: number): string => tokens[k]?.raw.toLowerCase() ?? "";
  return INDEFINITE.has(word(start - 1)) && KIND_LEADS.has(word(start - 2));
}

/** Words that are about the domain in general, not a thing asked about ("cluster"). */
const DOMAIN_STEMS = new Set(["cluster"]);
/** "eu alignment china policy": the domain's own noun after a field word names no programme. */
const GENERIC_NOUNS = new Set(["policy"]);

/** Content words nothing read: not a name, field, cue, country or ordinary word of questions. */
export function leftoverContent(
  catalog: Catalog,
  tokens: QuestionToken[],
  cues: ReadonlySet<number>,
): QuestionToken[] {
  return tokens.filter(
    (token, k) =>
      !token.used &&
      !token.cjk &&
      token.filler !== true &&
      !cues.has(k) &&
      !/^\d+$/.test(token.stem) &&
      token.stem.length > 2 &&
      !catalog.commonStems.has(token.stem) &&
      !catalog.stopStems.has(token.stem) &&
      !catalog.nameNounStems.has(token.stem) &&
      !DOMAIN_STEMS.has(token.stem),
  );
}

/**
 * "the 863 program", "the Belt and Road Initiative": a policy noun no chosen name took, right
 * after words the data does not know (or a number it does not use) — another programme's name.
 */
export function unknownProgrammeName(
  catalog: Catalog,
  tokens: QuestionToken[],
  countryPositions: ReadonlySet<number>,
  fieldPositions: ReadonlySet<number>,
  typedAsName: ReadonlySet<string> = new Set(),
): string | null {
  // "the Regional Innovation Cluster Programme": ordinary words capitalised as a name, before a
  // policy noun capitalised too, name a programme whichever words they are.
  let capitalisedNoun = false;
  const unknownish = (token: QuestionToken | undefined): boolean =>
    token !== undefined &&
    !token.used &&
    ((capitalisedNoun && typedAsName.has(token.raw) && !/^\d+$/.test(token.stem)) ||
      token.unknown ||
      token.guessed ||
      (/^\d+$/.test(token.stem) && !catalog.dataYears.has(Number(token.stem))));
  for (let k = 1; k < tokens.length; k++) {
    const noun = tokens[k];
    // The noun may have been read as a field word ("programs"); the words before it decide.
    if (!noun || !catalog.nameNounStems.has(noun.stem)) continue;
    // A name does not run across a sentence or clause ("me confused. policy …").
    if (tokens[k - 1]?.clause !== noun.clause) continue;
    capitalisedNoun = typedAsName.has(noun.raw);
    let start = k - 1;
    // "belt and road": connectors inside the name are part of it.
    const nameWord = (token: QuestionToken | undefined): boolean =>
      token !== undefined && !token.used && !catalog.commonStems.has(token.stem);
    // "digital china strategy": a country's name inside another programme's name, after a
    // word of its own (even one read as a field word, "digital").
    const before = tokens[start - 1];
    const countryInside =
      countryPositions.has(start) &&
      before !== undefined &&
      (unknownish(before) ||
        nameWord(before) ||
        (fieldPositions.has(start - 1) &&
          !DOMAIN_STEMS.has(before.stem) &&
          !GENERIC_NOUNS.has(noun.stem)));
    if (countryInside) start -= 1;
    else if (!unknownish(tokens[start])) {
      const named =
        modifiedNoun(catalog, tokens, k, fieldPositions) ?? numberedNoun(catalog, tokens, k);
      if (named !== null) return named;
      continue;
    }
    while (
      start > 0 &&
      (unknownish(tokens[start - 1]) ||
        nameWord(tokens[start - 1]) ||
        (catalog.stopStems.has(tokens[start - 1]?.stem ?? "") &&
          !ARTICLES.has(tokens[start - 1]?.stem ?? "") &&
          unknownish(tokens[start - 2])))
    ) {
      start -= 1;
    }
    // "for my lesson plan", "our action plan": the user's own things, not programmes.
    if (POSSESSIVES.has(tokens[start - 1]?.stem ?? "")) continue;
    if (namesAKind(tokens, start)) continue;
    return quoteWords(tokens, start, k);
  }
  return null;
}

/**
 * "the industrial cluster project", "the knowledge cluster initiative": two or more words set
 * before a policy noun, one of them an unknown word in no name of ours (nor the start of one:
 * "super" of "supercity"), name a programme of their own, whatever their case, even when the
 * word next to the noun is one of ours ("cluster"). One word ("the main plan") may still mean
 * one of ours.
 */
function modifiedNoun(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  k: number,
  fieldPositions: ReadonlySet<number>,
): string | null {
  const noun = tokens[k];
  if (!noun) return null;
  let start = k;
  const modifier = (t: QuestionToken | undefined, j: number): boolean =>
    t !== undefined &&
    t.clause === noun.clause &&
    !t.used &&
    !t.cjk &&
    t.filler !== true &&
    !fieldPositions.has(j) &&
    !catalog.stopStems.has(t.stem) &&
    !catalog.countryStems.has(t.stem) &&
    !POSSESSIVES.has(t.stem) &&
    /^\p{L}+$/u.test(t.stem);
  while (modifier(tokens[start - 1], start - 1)) start -= 1;
  const words = tokens.slice(start, k);
  if (words.length < 2 || POSSESSIVES.has(tokens[start - 1]?.stem ?? "")) return null;
  if (namesAKind(tokens, start)) return null;
  // A word no list of the language of questions holds ("industrial", "knowledge"): ordinary
  // words of asking ("compare every policy", "the most recent policy") name nothing.
  const foreign = words.some(
    (t) => t.unknown && !catalog.postings.has(t.stem) && !startsNameWord(catalog, t.stem),
  );
  if (!foreign) return null;
  return quoteWords(tokens, start, k);
}

const nameWordsByCatalog = new WeakMap<Catalog, readonly string[]>();

/** Whether a word begins a word of one of our names ("super" of "supercity"). */
function startsNameWord(catalog: Catalog, stem: string): boolean {
  let words = nameWordsByCatalog.get(catalog);
  if (words === undefined) {
    words = [...catalog.postings.keys()];
    nameWordsByCatalog.set(catalog, words);
  }
  return words.some((name) => name.startsWith(stem));
}

/** "cluster strategy 2025": a policy noun followed by a number the data dates nothing by. */
function numberedNoun(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  k: number,
): string | null {
  const noun = tokens[k];
  const number = tokens[k + 1];
  if (!noun || !number || number.clause !== noun.clause || number.used) return null;
  if (!/^\d+$/u.test(number.stem) || catalog.dataYears.has(Number(number.stem))) return null;
  // "city clusters policy 20 years old?": a number of a unit is a quantity, not a code.
  if (QUANTITY_UNITS.has(tokens[k + 2]?.stem ?? "")) return null;
  const before = tokens[k - 1];
  const words =
    before && before.clause === noun.clause && !catalog.stopStems.has(before.stem)
      ? [before, noun, number]
      : [noun, number];
  return words.map((t) => t.raw).join(" ");
}

/** Units a number measures in ("20 years", "5 billion"), after which it names nothing. */
const QUANTITY_UNITS: ReadonlySet<string> = new Set(
  ["year", "years", "month", "months", "percent", ...OFFERED_VALUE_WORDS.scales].map(stemToken),
);

/** "how much is a …": a verb linking a field to what it is asked of, before an article. */
const COPULAS = new Set(["is", "are", "was", "were"]);

/** "my slide deck", "our framework": the user's own things, not names of programmes. */
const POSSESSIVES = new Set(["my", "our", "your", "his", "her", "their"]);

/**
 * The words no reader placed, split by what they say of the question. A name the data does
 * not hold rules it out: a word typed as a name or not an English word ("xiongan"), or one
 * in a name's slot — what the field is asked of ("budget of the relay", "who funds the …"),
 * a thing introduced by an article ("the president of china", "the uk"), the word beside a
 * name ("blow torch"). Ordinary words elsewhere ("rather than", "for my slide deck", "refs
 * please") are small talk around the question, and only lower confidence.
 */
export function outOfScopeWords(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  fieldWords: ReadonlySet<number>,
  cues: ReadonlySet<number>,
  question: string,
  countryAsked: boolean,
): { names: QuestionToken[]; ordinary: QuestionToken[] } {
  const typedAsName = nameLikeWords(question);
  const unplaced = (k: number): boolean => {
    const token = tokens[k];
    return token !== undefined && token.unknown && !token.used && !token.cjk && !cues.has(k);
  };
  const sameClause = (j: number, k: number): boolean => tokens[j]?.clause === tokens[k]?.clause;
  const stem = (j: number): string => tokens[j]?.stem ?? "";
  // A word of a name, not a generic one ("torch" in "blow torch", not "policy").
  const nameWord = (j: number): boolean =>
    catalog.postings.has(stem(j)) && !catalog.genericStems.has(stem(j));
  const inSlot = (k: number): boolean => {
    if (POSSESSIVES.has(stem(k - 1))) return false;
    if (nameWord(k + 1) || nameWord(k - 1)) return true;
    // Words opening a clause (or after "the") right before the field: "silicon valley budget".
    let start = k;
    while (unplaced(start - 1) && sameClause(start - 1, k)) start -= 1;
    let end = k;
    while (unplaced(end + 1) && sameClause(end + 1, k)) end += 1;
    const opens = !sameClause(start - 1, k) || stem(start - 1) === "the";
    if (opens && fieldWords.has(end + 1) && sameClause(end + 1, k)) return true;
    // After the field, back over the words of its phrase and a link ("who funds the european
    // collaboration platform", "budget of X", "how much is a coffee"); not "the maximum" of
    // another phrase, nor "ministry is debating".
    let j = k - 1;
    while (j >= 0 && sameClause(j, k) && !catalog.stopStems.has(stem(j)) && !fieldWords.has(j)) {
      if (POSSESSIVES.has(stem(j))) return false;
      j -= 1;
    }
    // "for a footnote": what the user wants it for; a named thing takes "the".
    const article = ARTICLES.has(stem(j));
    const definite = stem(j) === "the";
    if (article) j -= 1;
    if (
      ((stem(j) === "of" || stem(j) === "for") && (definite || !article)) ||
      (article && COPULAS.has(stem(j)))
    )
      j -= 1;
    else if (!definite) return false;
    return fieldWords.has(j) && sameClause(j, k);
  };
  const names = new Set<number>();
  const frames = countryAsked ? frameClauses(catalog, tokens) : new Set<number>();
  tokens.forEach((token, k) => {
    // A decade ("since the 80s") or a word of consonants only ("strt", "bdgt": shorthand)
    // names nothing.
    if (!unplaced(k) || /^\d+s$|^[b-df-hj-np-tv-z]+$/u.test(token.raw)) return;
    // "…without interruption, as is the case in several Member States?": the asker's own
    // comparison beside a country field firmly asked names no subject.
    if (frames.has(token.clause)) return;
    // A country field firmly asked is not blocked by a foreign word beside it ("like europe").
    // "eval", "benef": a field word cut short is no name either.
    const fieldWordCut = [...catalog.fieldWordFields.keys()].some((w) => w.startsWith(token.typed));
    const notEnglish =
      !countryAsked &&
      !fieldWordCut &&
      /^\p{L}{3,}$/u.test(token.typed) &&
      !token.everyday &&
      !isEnglishWord(token.typed);
    // "by Friday", "3pm", "EOD": a day, a month or an hour is capitalised or numbered, no name.
    const digits = /\d/.test(token.raw) && !/^\d+(?:s|am|pm)$/.test(token.raw);
    const typed = typedAsName.has(token.raw) && !token.everyday;
    // "the journal articles it draws on": a dictionary word just before a country field word
    // firmly asked says which of them ("the consistency of the soup" is asked of the soup); a
    // word no dictionary holds names something ("xiongan approach").
    const qualifies =
      countryAsked && fieldWords.has(k + 1) && sameClause(k, k + 1) && isEnglishWord(token.typed);
    if (notEnglish || typed || digits || (inSlot(k) && !qualifies)) names.add(k);
  });
  return {
    names: tokens.filter((_, k) => names.has(k)),
    ordinary: tokens.filter((_, k) => unplaced(k) && !names.has(k)),
  };
}

const OPENERS = FRAME_OPENERS.map(phraseStems);

/**
 * Clauses that open with a frame of comparison ("as in…", "like…", after a comma) and name
 * nothing of ours: the asker's comparison, set beside the question in the clause before.
 */
function frameClauses(catalog: Catalog, tokens: readonly QuestionToken[]): Set<number> {
  const clauses = new Set<number>();
  tokens.forEach((token, k) => {
    if (k === 0 || tokens[k - 1]?.clause === token.clause) return;
    const stems = tokens.slice(k).map((t) => t.stem);
    if (!OPENERS.some((o) => o.every((stem, j) => stems[j] === stem))) return;
    const ours = tokens.some(
      (t) =>
        t.clause === token.clause &&
        catalog.postings.has(t.stem) &&
        !catalog.genericStems.has(t.stem),
    );
    if (!ours) clauses.add(token.clause);
  });
  return clauses;
}
