import type { CountryField, PolicyField } from "../../dataset/schema.ts";
import { tokenize } from "../../model/normalize.ts";
import type { Catalog, FieldPhrase } from "../catalog.ts";
import {
  CJK_AMOUNT_WORDS,
  CJK_COUNT_WORDS,
  CJK_CUE_WORDS,
  CJK_GENERIC_WORDS,
  CJK_GLOSSES,
  CJK_MODIFIER_LINKS,
  CJK_ORIGIN_WORDS,
  CJK_PLACE_GLOSSES,
  CJK_PURPOSE_WORDS,
  CJK_QUESTION_WORDS,
  CJK_START_EVENTS,
  CJK_WHEN_WORDS,
} from "../vocabulary.ts";
import type { QuestionToken } from "./tokens.ts";

/**
 * Reading a run of Chinese. Chinese is not space-separated, so one pass reads the run's known
 * words longest first, each taking its characters: names of policies and countries, field
 * words, cue words and glossed content words. A name or a field word inside a longer glossed
 * word belongs to that word ("发展机构" is not "机构", authorities), and a short gloss inside a
 * name is no content word ("城市" of "城市群").
 *
 * Glossed words become English tokens after their run, so the readers built for English —
 * passages of the policy's texts, counts ("how many employees"), words the data lacks — read
 * Chinese questions the same way.
 */

type Kind = "name" | "field" | "cue" | "gloss" | "place" | "count" | "generic";

interface Entry {
  text: string;
  kind: Kind;
  field?: FieldPhrase;
  english?: string;
}

interface Piece extends Entry {
  at: number;
}

/**
 * At equal length a gloss goes before a field word: "多少家企业" counts firms (a count the data
 * lacks), while "哪些企业", a longer field word, still asks for the beneficiaries.
 */
const KIND_ORDER: readonly Kind[] = ["name", "gloss", "place", "field", "cue", "count", "generic"];

/** Substrings of a name this long or longer are the name ("大湾区" of "粤港澳大湾区"). */
const MIN_NAME_PART = 3;

function substrings(text: string, min: number): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + min; j <= chars.length; j++) out.push(chars.slice(i, j).join(""));
  }
  return out;
}

const tables = new WeakMap<Catalog, Entry[]>();

function tableOf(catalog: Catalog): Entry[] {
  const cached = tables.get(catalog);
  if (cached) return cached;
  const entries: Entry[] = [];
  const names = [
    ...catalog.cjkAliases.map((a) => a.text),
    ...catalog.cjkCountryAliases.map((a) => a.text),
    ...catalog.cjkForeignCountries.map((a) => a.text),
  ];
  for (const name of names) {
    for (const text of substrings(name, Math.min(MIN_NAME_PART, [...name].length))) {
      entries.push({ text, kind: "name" });
    }
  }
  for (const word of catalog.cjkFieldWords) {
    entries.push({
      text: word.text,
      kind: "field",
      field:
        word.scope === "policy"
          ? { scope: "policy", field: word.field, weak: false, length: 1 }
          : { scope: "country", field: word.field, weak: false, length: 1 },
    });
  }
  for (const text of [...CJK_CUE_WORDS]) {
    entries.push({ text, kind: "cue" });
  }
  for (const [text, english] of Object.entries(CJK_GLOSSES)) {
    entries.push({ text, kind: "gloss", english });
  }
  for (const [text, english] of Object.entries(CJK_PLACE_GLOSSES)) {
    entries.push({ text, kind: "place", english });
  }
  for (const text of CJK_COUNT_WORDS) entries.push({ text, kind: "count" });
  // A programme noun takes its characters, so a field word inside it is none ("产业集群", an
  // industrial cluster, is not "产业", the sectors of focus).
  for (const text of CJK_GENERIC_WORDS) entries.push({ text, kind: "generic" });
  entries.sort(
    (a, b) =>
      [...b.text].length - [...a.text].length ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  tables.set(catalog, entries);
  return entries;
}

/**
 * Positions that fall strictly inside a word of two or more characters, as Intl.Segmenter
 * reads the run ("扩大学术" → 扩大|学术: position 1 and 3).
 */
function insideWords(run: string): Set<number> {
  const inside = new Set<number>();
  for (const word of CHINESE_WORDS.segment(run)) {
    for (let k = 1; k < word.segment.length; k++) inside.add(word.index + k);
  }
  return inside;
}

const CHINESE_WORDS = new Intl.Segmenter("zh", { granularity: "word" });

/** A run read: its known words in order, and what is left of it. */
interface RunReading {
  pieces: Piece[];
  rest: string;
}

const GAP = "\u0000";
const readings = new WeakMap<Catalog, Map<string, RunReading>>();
/** Runs remembered per catalog; questions are short and repeat (tests, the eval). */
const MAX_REMEMBERED = 2000;

function readRun(catalog: Catalog, run: string): RunReading {
  let memo = readings.get(catalog);
  if (!memo) {
    memo = new Map();
    readings.set(catalog, memo);
  }
  const known = memo.get(run);
  if (known) return known;
  let rest = run;
  const pieces: Piece[] = [];
  const inside = insideWords(run);
  for (const entry of tableOf(catalog)) {
    for (let at = rest.indexOf(entry.text); at >= 0; at = rest.indexOf(entry.text, at + 1)) {
      // A two-character gloss across words is no word of its own: "大学" in "扩大|学术".
      const glossed = entry.kind === "gloss" || entry.kind === "place";
      if (glossed && entry.text.length === 2 && (inside.has(at) || inside.has(at + 2))) continue;
      // A one-character word counts only as a word of its own: "管" in "谁在|管", not in "不管".
      if (entry.text.length === 1 && (inside.has(at) || inside.has(at + 1))) continue;
      pieces.push({ ...entry, at });
      rest = rest.slice(0, at) + GAP.repeat(entry.text.length) + rest.slice(at + entry.text.length);
    }
  }
  pieces.sort((a, b) => a.at - b.at);
  const reading = { pieces, rest: rest.split(GAP).join(" ").trim() };
  if (memo.size >= MAX_REMEMBERED) memo.clear();
  memo.set(run, reading);
  return reading;
}

/**
 * The field words of a run of Chinese. Two readings need the words around them: an event
 * asked with a time word is the start ("哪年批准的": the year of approval, not who approved),
 * and money asked with an origin and no amount is its source ("经费由谁提供").
 */
/**
 * "实施所需资金": a field word joined to the next one, of another field, by a word of
 * qualifying ("所需", "的") only says which of the next one is meant.
 */
function qualifies(run: string, piece: Piece, next: Piece | undefined): boolean {
  if (next === undefined || next.field === undefined || piece.field === undefined) return false;
  if (next.field.field === piece.field.field) return false;
  const between = run.slice(piece.at + piece.text.length, next.at);
  return CJK_MODIFIER_LINKS.includes(between);
}

export function chineseFieldWords(
  catalog: Catalog,
  run: string,
): (FieldPhrase & { text: string })[] {
  const fieldPieces = readRun(catalog, run).pieces.filter((p) => p.field !== undefined);
  // "哪一年" alone asks a year, as "what year" does: weak, so "哪一年届期" asks the end.
  let words = fieldPieces
    .filter((p, i) => !qualifies(run, p, fieldPieces[i + 1]))
    .flatMap((p) =>
      p.field
        ? [{ ...p.field, text: p.text, weak: p.field.weak || CJK_WHEN_WORDS.includes(p.text) }]
        : [],
    );
  const has = (field: PolicyField | CountryField): boolean => words.some((w) => w.field === field);
  if (CJK_WHEN_WORDS.some((w) => run.includes(w)) && !has("end_year")) {
    const event = CJK_START_EVENTS.find((e) => run.includes(e));
    if (event !== undefined) {
      words = words.filter((w) => !CJK_START_EVENTS.some((e) => w.text.includes(e)));
      words.push({ scope: "policy", field: "start_year", weak: false, length: 1, text: event });
    }
  }
  // "资金有多少来自中央": how much comes from where is still the source; an amount beside a
  // source word without an origin ("资金来源和金额") keeps both readings.
  const origin = CJK_ORIGIN_WORDS.some((w) => run.includes(w));
  const sourceWord = has("funding_source");
  const amount = CJK_AMOUNT_WORDS.some((w) => run.includes(w));
  if (has("budget") && (origin || (sourceWord && !amount))) {
    const money = words.find((w) => w.field === "budget");
    words = words.filter((w) => w.field !== "budget");
    if (money && !has("funding_source")) {
      words.push({
        scope: "policy",
        field: "funding_source",
        weak: false,
        length: 1,
        text: money.text,
      });
    }
  }
  return words;
}

/** Chinese words that ask and connect ("什么", "哪个", "和"): no content of their own. */
const FILLERS = [...CJK_QUESTION_WORDS, ...CJK_GENERIC_WORDS].sort((a, b) => b.length - a.length);

function withoutFillers(text: string): string {
  let rest = text;
  for (const word of FILLERS) rest = rest.split(word).join(" ");
  return rest.replace(/\s+/gu, "");
}

/**
 * The glossed words of a run as English tokens, in the run's order; "how many" before a word
 * a count word stands right before ("有多少员工" → how many employees).
 */
function glossesOf(catalog: Catalog, token: QuestionToken): QuestionToken[] {
  const { pieces } = readRun(catalog, token.raw);
  const out: QuestionToken[] = [];
  const push = (english: string, gloss: string): void => {
    for (const t of tokenize(english)) {
      out.push({
        raw: t.raw,
        stem: t.stem,
        typed: t.stem,
        similarity: 1,
        cjk: false,
        unknown: !catalog.knownStems.has(t.stem),
        used: false,
        guessed: false,
        everyday: false,
        clause: token.clause,
        sentence: token.sentence,
        questioned: token.questioned,
        gloss,
      });
    }
  };
  pieces.forEach((piece, k) => {
    if (piece.english !== undefined) push(piece.english, piece.text);
    const next = pieces[k + 1];
    if (
      piece.kind === "count" &&
      next?.english !== undefined &&
      next.at === piece.at + piece.text.length
    ) {
      push("how many", piece.text);
    }
  });
  return out;
}

/**
 * Each run of Chinese followed by the English tokens of its glossed words. A run whose every
 * word was read (names, fields, cues, glosses, words of asking) is marked used: nothing in it
 * is an unknown name to quote back.
 */
export function glossChinese(catalog: Catalog, tokens: QuestionToken[]): QuestionToken[] {
  if (!tokens.some((t) => t.cjk)) return tokens;
  // "863计划", "Horizon计划": a number or word typed right before a programme noun names a
  // programme of its own (a year of the data's, "2019年", does not).
  tokens.forEach((token, k) => {
    const next = tokens[k + 1];
    if (token.cjk || next === undefined || !next.cjk) return;
    if (!CJK_GENERIC_WORDS.some((word) => next.raw.startsWith(word))) return;
    if (/^\d+$/.test(token.stem) && catalog.dataYears.has(Number(token.stem))) return;
    if (catalog.postings.has(token.stem)) return;
    token.unknown = true;
  });
  const out: QuestionToken[] = [];
  for (const token of tokens) {
    out.push(token);
    if (!token.cjk || !/\p{Script=Han}/u.test(token.raw)) continue;
    const glosses = glossesOf(catalog, token);
    out.push(...glosses);
    if (
      withoutFillers(readRun(catalog, token.raw).rest) === "" ||
      purposeClause(catalog, token.raw)
    ) {
      token.used = true;
    }
  }
  return out;
}

/**
 * A clause that only says what the user wants the answer for ("我想查原始资料", "我需要写报告"):
 * it opens with a word of purpose and holds no name, field, cue or glossed word.
 */
export function purposeClause(catalog: Catalog, run: string): boolean {
  if (!CJK_PURPOSE_WORDS.some((word) => run.startsWith(word))) return false;
  return readRun(catalog, run).pieces.every((p) => p.kind === "count");
}

/** Glossed content words (not places): known words, never the name of another programme. */
export const GLOSSED_WORDS: readonly string[] = Object.keys(CJK_GLOSSES);

/** Whether a question in Chinese asks something (not a remark that mentions a policy). */
export function chineseQuestionShaped(text: string): boolean {
  if (!/\p{Script=Han}/u.test(text)) return false;
  // Chinese often asks without a question mark: a short phrase ("香港在大湾区的定位") is a query
  // unless it ends as a statement does.
  return (
    CJK_ASKING.test(text) || (text.trim().length <= SHORT_QUERY && !/[。！!.]\s*$/u.test(text))
  );
}

/** Characters of a phrase typed as a query ("X的定位") rather than said as a remark. */
const SHORT_QUERY = 16;

const CJK_ASKING =
  /[？吗呢]|什么|哪|谁|几|多少|怎么|怎样|如何|是否|有没有|是不是|为何|为什么|介绍|说说|讲讲|概览|概况/u;

/** A yes/no question in Chinese ("…吗？", "有没有…", "是否…"). */
export function chineseYesNo(text: string): boolean {
  return /吗\s*[？?]?\s*$|有没有|是否|是不是|有无/u.test(text);
}
