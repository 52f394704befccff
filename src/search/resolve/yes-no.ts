import type { PolicyField } from "../../dataset/schema.ts";
import type { Intent } from "../../model/intent.ts";
import { policyName } from "../../model/names.ts";
import { isCjk, phraseStems, tokenize } from "../../model/normalize.ts";
import { ARTICLE_WORDS, ASKING_WORDS, REFERENCE_WORDS, YEAR_BOUNDS } from "../vocabulary.ts";
import { FIELD_QUESTION_WORDS, type Catalog, type PolicyRef } from "../catalog.ts";
import type { EvidenceLog } from "./evidence.ts";
import { economyStems, rootOf } from "./passages.ts";
import { readTokensOnce, type QuestionToken } from "./tokens.ts";
import { REQUEST, STANCE } from "./focus.ts";
import { knownPoliciesText, starterSuggestions, suggestionFor } from "./replies.ts";

/** Openings of yes/no questions. */
const YES_NO_OPENERS = /^\s*(?:is|are|was|were|does|do|did|has|have|had)\b/i;

/**
 * What a yes/no question must ask for its field's data to answer it with a plain yes or no:
 * "is TORCH evaluated", "does the GBA have an end year", "does City Clusters have a budget".
 * Narrower questions ("is it evaluated ex post?", "has it ended?") are answered without one.
 */
const YES_NO_SHAPES: Partial<Record<PolicyField, { asks: RegExp; not?: RegExp }>> = {
  evaluation: {
    asks: /\b(?:evaluat\w*|assess\w*|monitor\w*|reviewed)\b/i,
    not: /\b(?:ex[- ]?(?:post|ante)|in[- ]?itinere|after|before|results?|outcomes?|findings?|who|how|when)\b/i,
  },
  end_year: {
    asks: /\b(?:have|has)\b.*\b(?:end|ending|end year|end date|deadline|expiry)\b/i,
    not: /\b(?:ended|finished|expired|when|which)\b/i,
  },
  budget: {
    asks: /\b(?:have|has|get|gets|receive|receives)\b.*\b(?:budget|funding|money)\b/i,
    not: /\b(?:how|annual|yearly|per year|more|less)\b/i,
  },
};

/** Words that set a year as a bound, not as the date ("before 2000", "beyond 2030", "since 2010"). */
const RELATIVE_YEAR = new RegExp(
  `\\b(?:${[...YEAR_BOUNDS.bounds, "earlier", "later", "since", "than", "between", "around", "about", "from \\d{4} to"].join("|")})\\b|[<>]`,
  "i",
);
const YEAR = /(?<!\d)(?:1[89]|2[01])\d\d(?!\d)/g;

/**
 * What a reading of a question says of facts the data may not give, checked once it is read
 * (by whichever path: one clause, several parts, a long message): a figure claimed, a measure
 * asked, a date verb said of something a policy made. The reading stands when none applies.
 */
export function checkStatedFacts(
  catalog: Catalog,
  intent: Intent,
  question: string,
  log: EvidenceLog,
): Intent {
  const checked =
    returnNotGiven(catalog, intent, question) ??
    personNotGiven(catalog, intent, question) ??
    trendNotGiven(catalog, intent, question) ??
    checkClaim(catalog, intent, question) ??
    measureNotGiven(catalog, intent, question, log) ??
    dateOfSomethingElse(catalog, intent, question, log);
  return checked === null ? intent : log.decide(checked.intent, checked.why);
}

export function markYesNo(intent: Intent, question: string): Intent {
  if (intent.kind !== "policy" || intent.field === null || intent.passage !== undefined) {
    return intent;
  }
  // "torch began 1990, right?": one year said as the date, checked against it.
  const years = question.match(YEAR) ?? [];
  const dated = intent.field === "start_year" || intent.field === "end_year";
  if (dated && years.length === 1 && !RELATIVE_YEAR.test(question.replace(/\bfrom (?=\d)/i, ""))) {
    return { ...intent, claimedYear: Number(years[0]) };
  }
  const shape = YES_NO_SHAPES[intent.field];
  if (!shape || !YES_NO_OPENERS.test(question) || !shape.asks.test(question)) return intent;
  if (shape.not?.test(question)) return intent;
  return { ...intent, yesNo: true };
}

/** A figure as a question or a text states it: its value (with its magnitude) and kind. */
interface Figure {
  value: number;
  percent: boolean;
  /** Where it stands in the text it was read from. */
  at: number;
}

const FIGURE =
  /(?<![A-Za-z\d.,])(\d+(?:[.,]\d+)?)(\s*(?:%|per\s?cent\b))?(?:\s*(thousand|million|billion|trillion|bn|mn|k)\b)?/giu;
const MAGNITUDES: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
};
/** Number words a text may state a figure in ("nine mainland cities"). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  nineteen: 19,
  twenty: 20,
};
/** A number word standing alone: not part of a hyphenated name ("TEN-T", "G-Seven"). */
const NUMBER_WORD = new RegExp(
  `(?<![-‐\\p{L}])(?:${Object.keys(NUMBER_WORDS).join("|")})(?![-‐\\p{L}])`,
  "giu",
);

/** A sentence in which the asker speaks of themself (cues.json asking.asker, "I'm"). */
const ASKER_SENTENCE = new RegExp(
  `(?<![\\p{L}'’])(?:${ASKING_WORDS.asker.join("|")}|i['’]m|we['’]re)(?![\\p{L}'’])`,
  "iu",
);

/** The sentence of `text` around position `at`. */
function sentenceAround(text: string, at: number): string {
  const start = Math.max(...[".", "!", "?", "\n"].map((c) => text.lastIndexOf(c, at - 1))) + 1;
  const ends = [".", "!", "?", "\n"].map((c) => text.indexOf(c, at)).filter((k) => k >= 0);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length);
}

/**
 * The figures a text states. A year ("in 2016") dates a figure rather than being one; a date
 * claimed is checked as the policy's date (claimedYear) instead.
 */
function figures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const digits = m[1] ?? "";
    const percent = m[2] !== undefined;
    const magnitude = MAGNITUDES[(m[3] ?? "").toLowerCase()] ?? 1;
    if (!percent && magnitude === 1 && /^(?:1[89]|20)\d\d$/u.test(digits)) continue;
    out.push({ value: Number(digits.replace(",", ".")) * magnitude, percent, at: m.index });
  }
  for (const m of text.matchAll(NUMBER_WORD)) {
    const value = NUMBER_WORDS[m[0].toLowerCase()];
    // "we had programmes revived three times", "I compare the three cases": a number word in
    // the asker's own story counts their things, it claims nothing of the data.
    if (value !== undefined && !ASKER_SENTENCE.test(sentenceAround(text, m.index))) {
      out.push({ value, percent: false, at: m.index });
    }
  }
  return out;
}

/** Words of checking a claim and of asking: what the claim is about is the rest. */
const NOT_ABOUT = new Set(
  [
    ...ASKING_WORDS.checks,
    ...ASKING_WORDS.wh,
    ...ASKING_WORDS.auxiliaries,
    ...ASKING_WORDS.modals,
    ...ASKING_WORDS.requests,
    ...ASKING_WORDS.no_content,
    ...ASKING_WORDS.measures,
  ].flatMap((phrase) => tokenize(phrase).map((t) => t.stem)),
);

/** A claim is stated, not asked: it opens with no wh-word ("what share…", "how many…"). */
const WH_OPENING = new RegExp(`^\\W*(?:${ASKING_WORDS.wh.join("|")})\\b`, "iu");

/**
 * Parts of a sentence that each say one thing ("…12% of China's economy, while it is home to
 * only 5% of China's population"): a figure is checked against what its own part says.
 */
const SENTENCE_PARTS = /[;:]|,?\s+(?:while|whereas|but)\s+/iu;

/** Fields whose own answer is a figure or a date, checked by that answer. */
const FIGURE_FIELDS = new Set<PolicyField | null>([
  "budget",
  "start_year",
  "end_year",
  "funding_source",
]);

/** Words typed as a proper name in a text ("Yangtze River Delta"), not acronyms ("USD"). */
const CAPITALISED = /(?<![\p{L}'’])\p{Lu}\p{Ll}+/gu;

/**
 * The name a figure is said of: the nearest run of capitalised words before it in its sentence
 * (the sentence's first word aside), read past the country's own name ("of China's economy"),
 * as stems; empty when none comes before it.
 */
function subjectOf(catalog: Catalog, sentence: string, at: number): string[] {
  const words = [...sentence.slice(0, at).matchAll(CAPITALISED)].filter((m) => m.index > 0);
  const runs: string[][] = [];
  let end = -1;
  for (const m of words) {
    const gap = sentence.slice(end, m.index);
    const stems = tokenize(m[0])
      .map((t) => t.stem)
      .filter((stem) => !catalog.stopStems.has(stem));
    if (end >= 0 && /^[\s-]*$/u.test(gap)) runs.at(-1)?.push(...stems);
    else runs.push(stems);
    end = m.index + m[0].length;
  }
  const named = runs.filter(
    (run) => run.length > 0 && !run.every((stem) => catalog.countryStems.has(stem)),
  );
  return named.at(-1) ?? [];
}

/** A sentence a claim may be checked against, with the policy and field it belongs to. */
interface ClaimSentence {
  ref: PolicyRef;
  sentence: string;
  section: string;
  field: PolicyField;
}

/**
 * "GBA is 12% of China's economy? doubt it", "Guangdong's share of trade in 2018 was 30%,
 * right?": a figure stated (not asked) is checked against the sentence of the texts that says
 * what the claim is about — a content word of the claim in the part of the sentence holding
 * a figure, said of the same subject (the name before the figure is the policy's, or one the
 * claim names; never another one, as "the Yangtze River Delta … 20% of national GDP"). The
 * answer quotes that sentence, saying whether it gives the claimed figure. A claim about a
 * named policy that no sentence speaks to is declined as a figure the factsheet does not give,
 * rather than answered with whatever field its other words touched. With no policy named,
 * only a sentence whose subject the claim names answers; otherwise the decision stands.
 */
function checkClaim(
  catalog: Catalog,
  read: Intent,
  question: string,
): { intent: Intent; why: string } | null {
  // "torch created 5,000 incubators? I want a source": a policy's sources asked beside a claim
  // of a figure check the claim about that policy first.
  const intent: Intent =
    read.kind === "country" && read.field === "sources" && read.policy !== undefined
      ? { kind: "policy", country: read.country, policy: read.policy, field: null }
      : read;
  if (question.split(/[.?!]/u).some((sentence) => WH_OPENING.test(sentence))) return null;
  const named = intent.kind === "policy";
  if (!named && intent.kind !== "none" && intent.kind !== "clarify") return null;
  if (named && intent.passage === undefined && FIGURE_FIELDS.has(intent.field)) return null;
  // A claim is put to be checked ("…, right?", "I doubt…"); a number that only says how to
  // answer ("in 3 sentences", "a two-minute intro": an aside) claims nothing.
  const tokens = readTokensOnce(catalog, question);
  // (A stance of several words, "pretty sure", is read as a phrase of the question's stems.)
  const stems = ` ${tokens.map((t) => t.stem).join(" ")} `;
  const put =
    /[?？]/u.test(question) ||
    tokens.some(
      (t) => STANCE.has(t.stem) || (t.cjk && [...STANCE].some((word) => t.raw.includes(word))),
    ) ||
    [...STANCE].some((phrase) => phrase.includes(" ") && stems.includes(` ${phrase} `));
  const said = new Set(tokens.filter((t) => t.filler !== true).map((t) => t.raw));
  const claimed = figures(question).filter((f) => said.has(typedAt(question, f.at)));
  if (!put || claimed.length === 0) return null;
  const refs = named
    ? [catalog.policies.get(intent.policy)].flatMap((r) => (r ? [r] : []))
    : [...catalog.policies.values()];
  const asked = new Set(tokens.filter((t) => !t.cjk).map((t) => t.stem));
  const sentences: ClaimSentence[] = refs.flatMap((ref) =>
    catalog
      .policySentences(ref.policy.id)
      .filter((e) => e.item !== true)
      .map((e) => ({ ref, sentence: e.sentence, section: e.section, field: e.field })),
  );
  const first = refs[0];
  if (named && intent.passage && first) {
    const field = intent.field ?? "summary";
    sentences.unshift({ ref: first, ...intent.passage, sentence: intent.passage.text, field });
  }
  // "…100,000 start-ups? I would need to see the number sourced": a sentence in which the asker
  // speaks of themself and that states no figure tells what they want, not what is claimed.
  const parts = question.split(/[.?!\n？。！]/u);
  const isStory = (part: string): boolean =>
    ASKER_SENTENCE.test(part) && figures(part).length === 0;
  const stemsOf = (list: string[]): Set<string> =>
    new Set(list.flatMap((part) => tokenize(part).map((t) => t.stem)));
  const claimStems = stemsOf(parts.filter((part) => !isStory(part)));
  const story = stemsOf(parts.filter(isStory));
  const claimTokens = tokens.filter((t) => !story.has(t.stem) || claimStems.has(t.stem));
  let differs: ClaimSentence | null = null;
  for (const entry of sentences) {
    const own = new Set(
      tokenize(`${entry.ref.policy.name} ${entry.ref.policy.short_name}`).map((t) => t.stem),
    );
    const about = claimRoots(catalog, own, claimTokens);
    if (about.size === 0) continue;
    // Each figure with the part of the sentence it stands in.
    let offset = 0;
    const stated: Figure[] = [];
    for (const part of entry.sentence.split(SENTENCE_PARTS)) {
      const at = entry.sentence.indexOf(part, offset);
      offset = at + part.length;
      if (!tokenize(part).some((t) => about.has(rootOf(t.stem)))) continue;
      for (const figure of figures(part)) {
        const subject = subjectOf(catalog, entry.sentence, at + figure.at);
        const ours = subject.some((stem) => own.has(stem));
        const claimNames = subject.some((stem) => asked.has(stem));
        // Said of the policy asked (or of no name), or of a name the claim uses.
        const sameSubject = named ? ours || claimNames || subject.length === 0 : claimNames;
        if (sameSubject) stated.push(figure);
      }
    }
    if (stated.length === 0) continue;
    const holds = claimed.every((c) =>
      stated.some((f) => f.value === c.value && (f.percent === c.percent || !c.percent)),
    );
    if (holds) {
      return {
        intent: claimAnswer(entry, `Yes — the factsheet says: “${entry.sentence}”`),
        why: "a claimed figure the texts give",
      };
    }
    // A figure of the same kind said of the same thing: the source says otherwise.
    const sameKind = claimed.some((c) => stated.some((f) => f.percent === c.percent));
    if (differs === null && sameKind) differs = entry;
  }
  if (differs !== null) {
    return {
      intent: claimAnswer(
        differs,
        `The factsheet doesn't give that figure; it says: “${differs.sentence}”`,
      ),
      why: "a claimed figure the texts state otherwise",
    };
  }
  // "a summary for a class of 15-year-olds", "evaluated like 3 times?", "name three sectors":
  // a figure that counts no field's things (or the items a request asks for) is no count the
  // data must give: the field the words asked answers (its summary, "no evaluation"). "torch
  // has 150 incubators?" still counts what the data never counts.
  const fieldRead =
    intent.kind === "policy" && intent.field !== null && intent.passage === undefined;
  if (
    !named ||
    !first ||
    (fieldRead && !claimed.some((c) => countsFieldThing(catalog, tokens, question, c)))
  )
    return null;
  return {
    intent: {
      kind: "none",
      text: `The factsheet doesn't give that figure for ${policyName(first.policy)}, so I can't check it.`,
      suggestions: [suggestionFor(first, "summary"), suggestionFor(first, "objectives")],
    },
    why: "a claimed figure the texts do not give",
  };
}

/** The figure typed at a position of the question, as its word ("150", "three"). */
const typedAt = (question: string, at: number): string =>
  question
    .slice(at)
    .match(/^(?:\d+|[a-z]+)/iu)?.[0]
    ?.toLowerCase() ?? "";

/**
 * A claimed figure counts the things a field word names, not asked for: a field word in the
 * noun it counts ("150 incubators", "1,500 technology business incubators"), up to a small word.
 */
function countsFieldThing(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  question: string,
  figure: Figure,
): boolean {
  const k = tokens.findIndex((t) => t.raw === typedAt(question, figure.at));
  if (k < 0 || tokens.slice(0, k).some((t) => REQUEST.has(t.stem))) return false;
  let end = k + 1;
  while (/^\d+$/u.test(tokens[end]?.stem ?? "")) end++;
  // ("1,500": the comma between the digits splits clauses, so the noun's own clause is read.)
  for (let j = end; j < tokens.length; j++) {
    const token = tokens[j];
    if (!token || token.clause !== tokens[end]?.clause || catalog.stopStems.has(token.stem)) break;
    if (catalog.fieldWordFields.has(token.stem)) return true;
  }
  return false;
}

function claimAnswer(entry: ClaimSentence, text: string): Intent {
  return {
    kind: "policy",
    country: entry.ref.country.id,
    policy: entry.ref.policy.id,
    field: entry.field,
    passage: { text, section: entry.section },
  };
}

/**
 * What the claim is about: its content words, without the policy's own names, the country's,
 * the words of doubting or checking, and ordinary words of questions.
 */
function claimRoots(
  catalog: Catalog,
  own: ReadonlySet<string>,
  tokens: readonly QuestionToken[],
): Set<string> {
  // "national output", "GDP": the size of an economy, in the word the texts use.
  const economy = economyStems(tokens).map(rootOf);
  return new Set([
    ...economy,
    ...tokens
      .filter(
        (t) =>
          !t.cjk &&
          t.filler !== true &&
          t.stem.length > 2 &&
          !/\d/u.test(t.stem) &&
          !own.has(t.stem) &&
          !STANCE.has(t.stem) &&
          !NOT_ABOUT.has(t.stem) &&
          !catalog.stopStems.has(t.stem) &&
          !catalog.countryStems.has(t.stem),
      )
      .map((t) => rootOf(t.stem)),
  ]);
}

/** The measure a question asks, with the word it measures before it ("success rate"). */
function measureAsked(catalog: Catalog, question: string, ofPassage = false): string | null {
  const tokens = readTokensOnce(catalog, question).filter((t) => t.filler !== true);
  // "国家高新区的数量增加了多少个": a measure inside a run of Chinese is read in the run, when
  // a passage answers (a run's count may count a field's list: "有多少个目标").
  const inRun = CJK_MEASURES.find((w) => tokens.some((t) => t.cjk && t.raw.includes(w)));
  if (inRun !== undefined && ofPassage) return "such figure";
  const at = tokens.findIndex((t) => MEASURES.has(t.stem));
  const measure = tokens[at];
  if (measure === undefined) return null;
  // "the factsheets rate each policy…": a verb with its object after it measures nothing asked.
  if (MEASURE_VERB_OBJECTS.has(tokens[at + 1]?.stem ?? "")) return null;
  const before = tokens[at - 1];
  const qualified =
    before !== undefined &&
    !before.cjk &&
    !catalog.stopStems.has(before.stem) &&
    !catalog.postings.has(before.stem);
  return qualified ? `${before.raw} ${measure.raw}` : measure.raw;
}

const MEASURES = new Set(ASKING_WORDS.measures.flatMap((w) => tokenize(w).map((t) => t.stem)));
const CJK_MEASURES = ASKING_WORDS.measures.filter(isCjk);
/** Words that open the object of a verb ("rate each policy", "rates them"), after a measure word. */
const MEASURE_VERB_OBJECTS = new Set(
  [...ARTICLE_WORDS, ...REFERENCE_WORDS, "each", "every", "all", "both"].flatMap((w) =>
    tokenize(w).map((t) => t.stem),
  ),
);

/**
 * "what's the success rate of torch?", "what percentage of City Clusters firms export?": a
 * measure asked of a field whose answer states no figure (whether the policy is evaluated, its
 * objectives) is something the factsheet does not give, not that field. A sentence of the
 * texts stating a figure (a passage), or a field that is a figure (a budget, a date), answers;
 * a sentence that only shares the question's words ("the TFP effect of the high-tech zones,
 * in percent?") states none, and answering it would pass it off as the figure asked.
 */
function measureNotGiven(
  catalog: Catalog,
  intent: Intent,
  question: string,
  log: EvidenceLog,
): { intent: Intent; why: string } | null {
  // "what is its success rate?" asked back as "which policy?": no policy's answer holds it.
  if (intent.kind === "clarify") {
    const fields = log.entries.flatMap((e) =>
      e.source === "field word" && e.about?.field !== undefined ? [e.about.field] : [],
    );
    const measure = measureAsked(catalog, question);
    const figureField = fields.some((f) => [...FIGURE_FIELDS].some((g) => g === f));
    if (measure === null || fields.length === 0 || figureField) return null;
    return {
      intent: {
        kind: "none",
        text: `The factsheet gives no ${measure} for any policy (${knownPoliciesText(catalog)}).`,
        suggestions: starterSuggestions(catalog),
      },
      why: "a measure the texts do not give",
    };
  }
  if (intent.kind !== "policy") return null;
  if (intent.passage !== undefined && figures(intent.passage.text).length > 0) return null;
  if (intent.passage === undefined && FIGURE_FIELDS.has(intent.field)) return null;
  const measure = measureAsked(catalog, question, intent.passage !== undefined);
  const ref = catalog.policies.get(intent.policy);
  if (measure === null || !ref) return null;
  return {
    intent: {
      kind: "none",
      text: `The factsheet gives no ${measure} for ${policyName(ref.policy)}.${
        intent.field === null ? "" : ` I can tell you its ${FIELD_QUESTION_WORDS[intent.field]}.`
      }`,
      suggestions: [suggestionFor(ref, intent.field ?? "summary")],
    },
    why: "a measure the texts do not give",
  };
}

const AGENT_LINKS = ASKING_WORDS.agent_links.map((w) => tokenize(w).map((t) => t.stem));
const DATE_FIELDS = new Set<string>(["start_year", "end_year"]);

/**
 * "jobs created by the GBA plan?", "firms founded under torch": a date verb between a noun no
 * reader placed and the policy as its agent is said of that noun — what the policy made, which
 * the factsheet does not give — not of when the policy itself started.
 */
function dateOfSomethingElse(
  catalog: Catalog,
  intent: Intent,
  question: string,
  log: EvidenceLog,
): { intent: Intent; why: string } | null {
  if (intent.kind !== "policy" || intent.passage !== undefined) return null;
  if (intent.field === null || !DATE_FIELDS.has(intent.field)) return null;
  const ref = catalog.policies.get(intent.policy);
  if (!ref) return null;
  const unplaced = new Set(
    log.entries.filter((e) => e.reading === "unplaced word").map((e) => e.span),
  );
  const tokens = readTokensOnce(catalog, question).filter((t) => t.filler !== true);
  for (const [k, verb] of tokens.entries()) {
    const dates = (catalog.fieldPhrases.map.get(verb.stem) ?? []).some((p) =>
      DATE_FIELDS.has(p.field),
    );
    const noun = tokens[k - 1];
    if (!dates || noun === undefined || !unplaced.has(noun.raw)) continue;
    const link = AGENT_LINKS.find((words) => words.every((w, n) => tokens[k + 1 + n]?.stem === w));
    if (link === undefined) continue;
    const said = tokens
      .slice(k - 1, k + 1 + link.length)
      .map((t) => t.raw)
      .join(" ");
    return {
      intent: {
        kind: "none",
        text: `The factsheet doesn't give the ${said} ${policyName(ref.policy)}. I can tell you its ${FIELD_QUESTION_WORDS[intent.field]}.`,
        suggestions: [suggestionFor(ref, intent.field), suggestionFor(ref, "objectives")],
      },
      why: "a date verb said of something the policy made",
    };
  }
  return null;
}

/** The first of the phrases the question says, as typed: Latin ones as stems, Chinese inside a run. */
export function saidPhrase(
  catalog: Catalog,
  question: string,
  phrases: readonly string[],
): string | null {
  const tokens = readTokensOnce(catalog, question);
  const stems = tokens.filter((t) => !t.cjk).map((t) => t.stem);
  for (const phrase of phrases) {
    if (isCjk(phrase)) {
      if (tokens.some((t) => t.cjk && t.raw.includes(phrase))) return phrase;
      continue;
    }
    const words = phraseStems(phrase);
    const at = stems.findIndex((_, i) => words.every((w, n) => stems[i + n] === w));
    if (at >= 0) {
      return tokens
        .filter((t) => !t.cjk)
        .slice(at, at + words.length)
        .map((t) => t.raw)
        .join(" ");
    }
  }
  return null;
}

/** Fields that state money as one figure or one source, with no year-by-year series. */
const MONEY_FIELDS = new Set<PolicyField | null>(["budget", "funding_source"]);

/**
 * "has Torch's budget been cut every year since 2015?", "did GBA funding increase?": a change
 * over time said of money the factsheet states as one figure (or not at all) asks a trend it
 * does not give; answering the budget (or "yes") would confirm what it never says.
 */
function trendNotGiven(
  catalog: Catalog,
  intent: Intent,
  question: string,
): { intent: Intent; why: string } | null {
  if (intent.kind !== "policy" || intent.passage !== undefined) return null;
  if (!MONEY_FIELDS.has(intent.field)) return null;
  const ref = catalog.policies.get(intent.policy);
  const change = saidPhrase(catalog, question, ASKING_WORDS.changes);
  if (!ref || change === null) return null;
  return {
    intent: {
      kind: "none",
      text: `The factsheet gives no figures over time for ${policyName(ref.policy)}'s funding, so it can't say whether it was “${change}”. I can tell you its budget as stated.`,
      suggestions: [suggestionFor(ref, "budget"), suggestionFor(ref, "funding_source")],
    },
    why: "a change over time the texts do not give",
  };
}

/**
 * "What's the ROI on Innofund investments?": a return on money is given by no field; the money
 * words around it ("investments") are not a question about the budget.
 */
function returnNotGiven(
  catalog: Catalog,
  intent: Intent,
  question: string,
): { intent: Intent; why: string } | null {
  if (intent.kind !== "policy" && intent.kind !== "compare") return null;
  if (intent.kind === "policy" && intent.passage !== undefined) return null;
  const asked = saidPhrase(catalog, question, ASKING_WORDS.returns);
  if (asked === null) return null;
  const ref = intent.kind === "policy" ? catalog.policies.get(intent.policy) : undefined;
  const subject = ref ? policyName(ref.policy) : "these policies";
  return {
    intent: {
      kind: "none",
      text: `The factsheet gives no return on investment (“${asked}”) for ${subject}. I can tell you ${ref ? "its" : "their"} budget and how ${ref ? "it is" : "they are"} evaluated.`,
      suggestions: ref
        ? [suggestionFor(ref, "budget"), suggestionFor(ref, "evaluation")]
        : starterSuggestions(catalog),
    },
    why: "a return on money the texts do not give",
  };
}

/**
 * "who is the director of the Torch Center?", "his name escapes me": the authorities are
 * bodies, never people, so a person asked of them is not given; answering the bodies would
 * pass one off as the person.
 */
function personNotGiven(
  catalog: Catalog,
  intent: Intent,
  question: string,
): { intent: Intent; why: string } | null {
  if (intent.kind !== "policy" || intent.field !== "authorities") return null;
  const ref = catalog.policies.get(intent.policy);
  const person = saidPhrase(catalog, question, ASKING_WORDS.persons);
  if (!ref || person === null) return null;
  return {
    intent: {
      kind: "none",
      text: `The factsheet names no people (“${person}”) for ${policyName(ref.policy)}, only the bodies responsible for it. I can tell you its authorities.`,
      suggestions: [suggestionFor(ref, "authorities"), suggestionFor(ref, "beneficiaries")],
    },
    why: "a person the texts do not name",
  };
}
