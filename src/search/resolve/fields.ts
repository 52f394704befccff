import { PolicyKind, type CountryField, type PolicyField } from "../../dataset/schema.ts";
import type { Catalog, FieldName, FieldPhrase } from "../catalog.ts";
import { holds, scanPhrases, type QuestionToken } from "./tokens.ts";
import {
  ASKING_WORDS,
  CHOICE_WORDS,
  CJK_OWN_NAMES,
  DURATION_WORDS,
  FIELD_LIST_WORDS,
  INFORMATION_ORIGIN_WORDS,
  MONEY_WORDS as MONEY,
  PERIOD_FIELDS,
  ROLE_WORDS,
  WHO_FIELDS,
} from "../vocabulary.ts";
import { phraseStems } from "../../model/normalize.ts";

const NEGATIONS = ASKING_WORDS.negations.map(phraseStems);
import { MAX_QUOTE, clipAtWord } from "./unknown-words.ts";
import { chineseFieldWords } from "./chinese.ts";
import {
  authorOfPolicy,
  isRecipientWord,
  namedLists,
  recipientsOfProvision,
  secondQuestionAt,
  type FieldMatch,
} from "./roles.ts";

/** The currency words of a budget reading made only of them, quoted to the end, else null. */
export function currencyQuestion(
  tokens: readonly QuestionToken[],
  fields: FieldReading,
): string | null {
  if (fields.policyField !== "budget" || fields.consumed.size === 0) return null;
  const positions = [...fields.consumed].sort((a, b) => a - b);
  if (!positions.every((k) => MONEY.currencies.has(tokens[k]?.stem ?? ""))) return null;
  return clipAtWord(
    tokens
      .slice(positions[0])
      .map((t) => t.raw)
      .join(" "),
    MAX_QUOTE,
  );
}
export interface FieldReading {
  policyField: PolicyField | null;
  countryField: CountryField | null;
  policyScore: number;
  countryScore: number;
  /** Only weak words ("when…", "cluster policy") named a field. */
  weakOnly: boolean;
  /** Country fields asked for equally, none by its own name ("rating" and "stable"). */
  countryTie: CountryField[];
  /** Question positions read as field words. */
  consumed: Set<number>;
  /** "maturity (scope, consistency)": the topic was named with its parts listed. */
  topicListed: boolean;
  /** Which scope's field words were typed last: the head of "kind of policy approach". */
  lastScope: "policy" | "country" | null;
  /** The country field was typed by its own name ("consistency"), the policy field was not. */
  countryOwnNamed?: boolean;
  /**
   * Kinds of beneficiary were named only as receivers ("what does TORCH give start-ups?") or as
   * items beside another list named by its noun ("is promoting start-ups one of its goals?"):
   * they ask no beneficiary list, nor whether an item is on it.
   */
  recipientsYield?: boolean;
  /** Fields a second question of the sentence asks ("…, and how much?"): secondary. */
  secondary?: PolicyField[];
}

/** Adds to a field's score: each reader adds its evidence to the same tables. */
function bump<F>(scores: Map<F, number>, field: F, amount: number): void {
  scores.set(field, (scores.get(field) ?? 0) + amount);
}

const sum = (values: Iterable<number>): number => [...values].reduce((a, b) => a + b, 0);

function bestField<F extends FieldName>(
  scores: Map<F, number>,
  ownNamed: ReadonlySet<FieldName>,
): { field: F | null; score: number; tied: F[] } {
  const top = Math.max(0, ...scores.values());
  const tied = [...scores].filter(([, value]) => value === top && top > 0).map(([f]) => f);
  if (tied.length === 1) return { field: tied[0] ?? null, score: top, tied: [] };
  // "consistency rating": the field whose own name was typed wins over a shared word.
  const named = tied.filter((f) => ownNamed.has(f));
  if (named.length === 1) return { field: named[0] ?? null, score: top, tied: [] };
  // Two fields asked for equally: the card shows both rather than picking one.
  return { field: null, score: top, tied };
}

/** The fields money words are read as, which money given to a receiver provides instead. */
const MONEY_FIELDS: readonly PolicyField[] = ["budget", "funding_source"];

/** How far from "who" a money verb still says who pays ("who is giving this money"). */
const ORIGIN_REACH = 3;

/**
 * "who funds", "who is giving this money", "funding — who?": a money verb after "who" (before
 * any verb of receiving: "who gets funding" asks who receives), or a money word just before it.
 */
const WHICH = new Set(["which", "what"]);
const SHARES = MONEY.share_words.map(phraseStems);

/** "most of the funding", "primarily": a share of the money begins at k, not an amount. */
function shareAt(tokens: readonly QuestionToken[], k: number): boolean {
  const stems = tokens.map((t) => t.stem);
  return SHARES.some((s) => holds(stems, s, k));
}

/**
 * Where the agent asked for ends when "who"/"whose" is at k, or "which level (of government)":
 * "which"/"what" with a payer noun asks an agent as "who" does. Null when k asks no agent.
 */
function agentEnd(tokens: readonly QuestionToken[], k: number): number | null {
  const stem = tokens[k]?.stem ?? "";
  if (MONEY.payer_words.has(stem)) return k;
  if (!WHICH.has(stem) || !MONEY.payer_nouns.has(tokens[k + 1]?.stem ?? "")) return null;
  const ofNoun = tokens[k + 2]?.stem === "of" && MONEY.payer_nouns.has(tokens[k + 3]?.stem ?? "");
  return ofNoun ? k + 3 : k + 1;
}

function whoPays(tokens: readonly QuestionToken[]): boolean {
  // "who pays", "who carries the cost": a paying verb after the agent, or a money noun as the
  // object of any verb but a copula ("who is the money for?" asks whom it goes to).
  const verbAfter = (k: number): boolean => {
    const after = tokens.slice(k + 1, k + 1 + ORIGIN_REACH);
    const receives = after.findIndex((t) => MONEY.receiving_verbs.has(t.stem));
    const before = after.slice(0, receives < 0 ? after.length : receives);
    const object = !COPULAS.has(before[0]?.stem ?? "") && before.slice(1);
    return (
      before.some((t) => MONEY.paying_verbs.has(t.stem)) ||
      (object !== false && object.some((t) => MONEY.money_nouns.has(t.stem)))
    );
  };
  return tokens.some((token, k) => {
    const end = agentEnd(tokens, k);
    return (
      end !== null &&
      (verbAfter(end) ||
        tokens
          .slice(Math.max(0, k - ORIGIN_REACH), k)
          .some((t) => MONEY.paying_verbs.has(t.stem) || MONEY.money_nouns.has(t.stem)) ||
        // "whose money is behind it?": the agent's money itself.
        (token.stem !== "who" && MONEY.money_nouns.has(tokens[k + 1]?.stem ?? "")))
    );
  });
}

function whoReceives(tokens: readonly QuestionToken[]): boolean {
  return tokens.some(
    (token, k) =>
      token.stem === "who" &&
      tokens.slice(k + 1, k + 1 + ORIGIN_REACH).some((t) => MONEY.receiving_verbs.has(t.stem)),
  );
}

/**
 * An origin is asked by its words, not their order: "where does the money come from", "from
 * where comes the money", "money source", "who pays".
 */
function asksMoneyOrigin(tokens: readonly QuestionToken[]): boolean {
  if (whoPays(tokens)) return true;
  const stems = new Set(tokens.map((t) => t.stem));
  const coming = tokens.some((t) => MONEY.coming_verbs.has(t.stem));
  if (stems.has("from") && (stems.has("where") || coming)) return true;
  // "from which level of government does it draw its financing?", "from whom?"
  if (tokens.some((t, k) => t.stem === "from" && agentEnd(tokens, k + 1) !== null)) return true;
  if (tokens.some((t) => MONEY.origin_nouns.has(t.stem))) return true;
  // "do local governments pay for most of it?": a payer named before a paying verb.
  if (
    tokens.some(
      (t, k) => MONEY.paying_verbs.has(t.stem) && MONEY.payer_nouns.has(tokens[k - 1]?.stem ?? ""),
    )
  ) {
    return true;
  }
  // "which of them lean on regional money?": what money relies on is where it comes from.
  if (tokens.some((t) => MONEY.reliance_verbs.has(t.stem))) return true;
  // "paid by", "borne primarily by": the agent of a paying verb in the passive.
  return tokens.some(
    (token, k) =>
      MONEY.paying_verbs.has(token.stem) &&
      tokens
        .slice(k + 1, k + 1 + PASSIVE_REACH)
        .some((t, n) => t.stem === "by" && (n === 0 || shareAt(tokens, k + 1))),
  );
}

/** "borne primarily by": a word of share may stand between a paying verb and "by". */
const PASSIVE_REACH = 2;

function asksMoneyAmount(tokens: readonly QuestionToken[]): boolean {
  return tokens.some(
    (token, k) =>
      MONEY.amounts.has(token.stem) || (token.stem === "how" && tokens[k + 1]?.stem === "much"),
  );
}

/**
 * "where does the money for X come from", "who actually funds X": money words read as a
 * budget are its source when the question asks for an origin and no amount; "how much
 * funding" is the budget even beside a source word.
 */
function settleMoneyQuestion(
  tokens: readonly QuestionToken[],
  scores: Map<PolicyField, number>,
  message: readonly QuestionToken[],
): void {
  const budget = scores.get("budget") ?? 0;
  const source = scores.get("funding_source") ?? 0;
  const receivers = scores.get("beneficiaries") ?? 0;
  if (receivers > 0 && whoReceives(tokens) && !whoPays(tokens)) {
    scores.delete("budget");
    scores.delete("funding_source");
    scores.set("beneficiaries", receivers + budget + source);
    return;
  }
  if (budget === 0 && source === 0) {
    // "who really pays for the GBA": a money verb asked of "who" is the source on its own.
    if (whoPays(tokens)) scores.set("funding_source", 1);
    return;
  }
  // "What's the funding model — who carries the cost?": a second question may say the money
  // asked is its origin; an amount is asked only in the question that decides.
  const origin = asksMoneyOrigin(message);
  const amount = asksMoneyAmount(tokens);
  // "who bears the cost?": who pays is asked even beside a money noun of amount ("cost"); a
  // word of quantity ("who put in the most money", "how much") still asks the amount.
  // "who provides most of the funding" asks a share, not an amount: the payer is still asked.
  const quantity =
    tokens.some(
      (t, k) => MONEY.amounts.has(t.stem) && !MONEY.money_nouns.has(t.stem) && !shareAt(tokens, k),
    ) || tokens.some((t, k) => t.stem === "how" && tokens[k + 1]?.stem === "much");
  const payer = whoPays(tokens) && !quantity;
  if (origin && (!amount || payer) && budget > 0) {
    scores.delete("budget");
    scores.set("funding_source", budget + source);
    // "who bears the cost — the regional governments or the central authorities?": the
    // governments named are the payers offered, not a question of who runs the policy.
    if (whoPays(tokens)) scores.delete("authorities");
  } else if (!amount && budget > 0 && source > 0) {
    // "大湾区 plan 的 funding 主要是谁出的钱": a bare money word beside a word of origin asks
    // the origin; the amount would need its own word ("how much", "budget").
    scores.delete("budget");
    scores.set("funding_source", budget + source);
  } else if (amount && !origin && budget > 0 && source > 0) {
    scores.delete("funding_source");
    scores.set("budget", budget + source);
  }
}

/**
 * "whats the point of city clusters": "the point" (one, not "points") of something is its
 * purpose, the objectives, not the maturity score the plural "points" asks for.
 */
function readPurposePoint(
  tokens: readonly QuestionToken[],
  policy: Map<PolicyField, number>,
  country: Map<CountryField, number>,
): void {
  const purpose = tokens.some(
    (token, k) =>
      token.raw.toLowerCase() === "point" &&
      (tokens[k - 1]?.stem === "the" || tokens[k + 1]?.stem === "of"),
  );
  if (!purpose) return;
  const maturity = (country.get("maturity") ?? 0) - 1;
  if (maturity > 0) country.set("maturity", maturity);
  else country.delete("maturity");
  bump(policy, "objectives", 1);
}

const ACTOR_FIELDS: ReadonlySet<PolicyField> = new Set(WHO_FIELDS.actors);
const WHO_STEMS = new Set(["who", "whom"]);
const CJK_WHO = "谁";

function asksWho(tokens: readonly QuestionToken[]): boolean {
  return tokens.some((t) => WHO_STEMS.has(t.stem) || (t.cjk && t.raw.includes(CJK_WHO)));
}

/**
 * "who is X aimed at", "who is it meant to benefit": a who-question asks for an actor, so the
 * fields whose values are actors win over the others its words read; with none read, a field
 * stands for the actor it names the data for ("aimed at" → those aimed at, the beneficiaries).
 */
function preferActors(tokens: readonly QuestionToken[], scores: Map<PolicyField, number>): void {
  if (scores.size === 0 || !asksWho(tokens)) return;
  const others = [...scores.keys()].filter((f) => !ACTOR_FIELDS.has(f));
  if (others.length === 0) return;
  if (others.length < scores.size) {
    for (const field of others) scores.delete(field);
    return;
  }
  for (const field of others) {
    const actor = WHO_FIELDS.asked_of[field];
    if (actor === undefined) continue;
    bump(scores, actor, scores.get(field) ?? 0);
    scores.delete(field);
  }
}

/** The words of the policy types' values ("national", "regional", "broader"), from the schema. */
const TYPE_VALUES = new Set(PolicyKind.options.map((kind) => kind.split("_")[0] ?? kind));
const COPULAS = new Set(["is", "be", "was", "isn't", "it"]);
const CLAIM_REACH = 3;

/**
 * "X is a regional program run by Guangdong, right?", "X is just a regional thing": a type's
 * value said of the policy is a claim about its type, which the claim's other words (who runs
 * it, where) only describe, so the type wins over them.
 */
function readClaimedType(tokens: readonly QuestionToken[], scores: Map<PolicyField, number>): void {
  const claimed = tokens.some(
    (token, k) =>
      TYPE_VALUES.has(token.stem) &&
      tokens
        .slice(Math.max(0, k - CLAIM_REACH), k)
        .some((t) => t.clause === token.clause && COPULAS.has(t.stem)),
  );
  if (!claimed) return;
  const top = Math.max(0, ...scores.values());
  scores.set("type", Math.max(scores.get("type") ?? 0, top + 1));
}

/**
 * "the period (starting and ending year)": every part of one period asked, and nothing else,
 * asks the period, which its first field's answer gives whole (both years).
 */
function readPeriod(scores: Map<PolicyField, number>): void {
  const [first] = PERIOD_FIELDS;
  const parts = new Set<PolicyField>(PERIOD_FIELDS);
  if (first === undefined || scores.size !== parts.size) return;
  if (![...scores.keys()].every((f) => parts.has(f))) return;
  const total = sum(scores.values());
  scores.clear();
  scores.set(first, total);
}

/**
 * "why was the GBA picked as the example?", "why is the plan listed separately?": why the
 * factsheet covers a policy is asked by "why" with a verb of choosing in its clause, said of a
 * policy (its name, or a policy noun: not "why did you pick that restaurant").
 */
function readChoice(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  country: Map<CountryField, number>,
): void {
  const why = new Set(tokens.filter((t) => t.stem === "why").map((t) => t.clause));
  const inWhy = tokens.filter((t) => why.has(t.clause));
  const ofPolicy = inWhy.some((t) => t.used || catalog.nameNounStems.has(t.stem));
  const chose = ofPolicy && inWhy.some((t) => CHOICE_WORDS.verbs.has(t.raw.toLowerCase()));
  if (chose) bump(country, CHOICE_WORDS.field, 1);
}

/** A span counted in the question weighs as much as a two-word field phrase. */
const SPAN_WEIGHT = 2;
/** "10yrs", "15-year": a count typed together with its unit. */
const GLUED_SPAN = /^\d+-?(\p{L}+)$/u;

/**
 * "for more than a decade", "over ten years", ">10yrs": a span of years counted, asked of the
 * country (no policy named), is the span the consistency rating is given in ("> 10 years"),
 * not one policy's start. "How long" or "over the decades" counts nothing: those ask the
 * history the continuity text tells.
 */
function readSpan(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  country: Map<CountryField, number>,
  consumed: Set<number>,
  policyNamed: boolean,
): void {
  if (policyNamed) return;
  const { units, counts } = DURATION_WORDS;
  const spans = tokens.flatMap((token, k) => {
    // "the 14th five year plan", "a 10-year programme": a span naming a plan is its name.
    if (catalog.nameNounStems.has(tokens[k + 1]?.stem ?? "")) return [];
    const glued = GLUED_SPAN.exec(token.typed)?.[1];
    if (glued !== undefined) return units.has(glued) ? [[k]] : [];
    if (!units.has(token.typed) && !units.has(token.stem)) return [];
    const count = tokens[k - 1]?.typed ?? "";
    return /^\d+$/u.test(count) || counts.has(count) ? [[k - 1, k]] : [];
  });
  // Said of the country's policies: its sentence names the country or clusters ("thirty
  // years in project controls taught me…" is the asker's own span).
  const ofPolicies = (k: number): boolean =>
    tokens.some(
      (t) =>
        t.sentence === tokens[k]?.sentence &&
        (DURATION_WORDS.subjects.has(t.typed) || catalog.countryStems.has(t.stem)),
    );
  spans.splice(0, spans.length, ...spans.filter((span) => ofPolicies(span.at(-1) ?? 0)));
  if (spans.length === 0) return;
  bump(country, DURATION_WORDS.field, SPAN_WEIGHT);
  // The span's words are read: ">10yrs" names nothing the data lacks.
  for (const k of spans.flat()) {
    const token = tokens[k];
    if (token) token.used = true;
    consumed.add(k);
  }
}

/**
 * "where does the factsheet get its information?", "where are these figures from?": "where"
 * in a clause with a noun of information asks the origin of the information, the sources, as
 * strongly as a field phrase of two words (it outweighs "get", "its": no policy is meant).
 */
const INFORMATION_NOUNS = new Set([...INFORMATION_ORIGIN_WORDS.nouns].flatMap(phraseStems));

function readInformationOrigin(
  tokens: readonly QuestionToken[],
  country: Map<CountryField, number>,
): void {
  const { where, field } = INFORMATION_ORIGIN_WORDS;
  const clauses = new Set(tokens.filter((t) => where.has(t.stem)).map((t) => t.clause));
  const asked = tokens.some((t) => clauses.has(t.clause) && INFORMATION_NOUNS.has(t.stem));
  if (asked) bump(country, field, SPAN_WEIGHT);
}

const LIST_JOINS = FIELD_LIST_WORDS.joins.map(phraseStems);
const WH_STEMS = new Set(ASKING_WORDS.wh.flatMap(phraseStems));
const AUXILIARIES = new Set(ASKING_WORDS.auxiliaries.flatMap(phraseStems));
const REQUESTS = new Set(ASKING_WORDS.requests.flatMap(phraseStems));
const DISCOURSE = new Set(ASKING_WORDS.discourse.flatMap(phraseStems));
const CONDITIONS = new Set(ASKING_WORDS.conditions.flatMap(phraseStems));

/** Field words found at some positions: one item of what a question may list. */
interface FieldItem {
  first: number;
  last: number;
  fields: PolicyField[];
}

/**
 * "budget, type and period", "the budget and start year of torch": policy field words one
 * after another, each pair parted by a comma or a join word ("and") with nothing else between
 * but `between` words, list what is asked. Two or more fields so listed (a period's parts
 * count as one) ask for all of them, not for the one typed with the most words.
 */
function listsFields(tokens: readonly QuestionToken[], items: readonly FieldItem[]): boolean {
  const one = (f: PolicyField): PolicyField =>
    PERIOD_FIELDS.includes(f) ? (PERIOD_FIELDS[0] ?? f) : f;
  let run = new Set<PolicyField>();
  let start = 0;
  let listed = false;
  items.forEach((item, i) => {
    const before = items[i - 1];
    const gap = before ? tokens.slice(before.last + 1, item.first) : [];
    const stems = gap.map((t) => t.stem);
    // A list stays in its sentence: "…the same groups? the beneficiary lists…" lists nothing.
    const joined =
      before !== undefined &&
      tokens[before.last]?.sentence === tokens[item.first]?.sentence &&
      gap.every((t) => t.filler === true || FIELD_LIST_WORDS.between.has(t.stem)) &&
      (tokens[before.last]?.clause !== tokens[item.first]?.clause ||
        LIST_JOINS.some((j) => holds(stems, j)));
    if (!joined) {
      run = new Set();
      start = i;
    }
    for (const f of item.fields) run.add(one(f));
    // A list after a word of one of its own fields gives examples of that field ("what support
    // does it offer - money, training, infrastructure?"), it does not ask for each.
    const sentence = tokens[item.first]?.sentence;
    const head = items
      .slice(0, start)
      .some((h) => tokens[h.first]?.sentence === sentence && h.fields.some((f) => run.has(one(f))));
    if (run.size >= MIN_LISTED_PARTS && !head) listed = true;
  });
  return listed;
}

/** A topic made of other fields' words: its parts listed beside it describe it. */
const LIST_TOPIC: CountryField = "maturity";
export const MIN_LISTED_PARTS = 2;

/**
 * "maturity (scope, consistency, instruments)": the topic named by its own word wins over
 * two or more other field words listed with it, which name its dimensions.
 */
function preferListedTopic(
  ownNamed: ReadonlySet<FieldName>,
  policy: Map<PolicyField, number>,
  country: Map<CountryField, number>,
): boolean {
  if (!ownNamed.has(LIST_TOPIC) || !country.has(LIST_TOPIC)) return false;
  const others = [...policy.keys(), ...country.keys()].filter((f) => f !== LIST_TOPIC);
  if (new Set(others).size < MIN_LISTED_PARTS) return false;
  const total = sum([...policy.values(), ...country.values()]);
  policy.clear();
  country.clear();
  country.set(LIST_TOPIC, total);
  return true;
}

/** "our regional strategy", "my own framework": the user's own things, not asked of ours. */
const OWN = new Set(["my", "our"]);
const OWN_REACH = 2;

function ownThing(tokens: readonly QuestionToken[], first: number): boolean {
  for (let k = first - 1; k >= Math.max(0, first - 1 - OWN_REACH); k--) {
    if (tokens[k]?.clause !== tokens[first]?.clause) return false;
    if (OWN.has(tokens[k]?.stem ?? "")) return true;
  }
  return false;
}

/** A part of a message that may ask on its own: [from, to) of the question's tokens. */
interface QuestionUnit {
  from: number;
  to: number;
}

/**
 * The parts of a message that may ask on their own: its sentences, and within one the second
 * question after a join word or a clause break ("Where does the money come from, and how much?").
 */
function questionUnits(tokens: readonly QuestionToken[]): QuestionUnit[] {
  const starts = new Set([0]);
  let from = 0;
  tokens.forEach((t, k) => {
    if (k === 0 || tokens[k - 1]?.sentence === t.sentence) return;
    const second = secondQuestionAt(tokens.slice(from, k));
    if (second !== null) starts.add(from + second);
    starts.add((from = k));
  });
  const second = secondQuestionAt(tokens.slice(from));
  if (second !== null) starts.add(from + second);
  const sorted = [...starts].sort((a, b) => a - b);
  return sorted.map((at, i) => ({ from: at, to: sorted[i + 1] ?? tokens.length }));
}

/**
 * How directly a part asks for a fact: 2 for a question or request for content (a wh-word,
 * "list…", "tell me…", "budget?"), 1 for a check that only wants yes or no ("is it still
 * running?"), 0 for a remark.
 */
export function askingRank(
  tokens: readonly QuestionToken[],
  unit: QuestionUnit = { from: 0, to: tokens.length },
): number {
  const words = tokens.slice(unit.from, unit.to).filter((t) => t.filler !== true && !t.cjk);
  const opening = words.find((t) => !DISCOURSE.has(t.stem));
  // "…, and if so which body did it?": a question on the condition of the one before narrows it.
  if (CONDITIONS.has(opening?.stem ?? "")) return 0;
  const checks =
    opening !== undefined &&
    AUXILIARIES.has(opening.stem) &&
    !words.some((t) => WH_STEMS.has(t.stem) || REQUESTS.has(t.stem));
  if (checks) return 1;
  const asks =
    words.some((t) => t.questioned || WH_STEMS.has(t.stem)) || REQUESTS.has(opening?.stem ?? "");
  return asks ? 2 : 0;
}

/**
 * The questions set aside when a message asks more than one thing, around the one whose field
 * words decide: "Give me the objectives. Also, is it still running?", "Is it really a cluster
 * policy? What aims does it state?" ask for the content a question or request names over what
 * a yes/no check does; of equal ones, and always within one sentence ("Has it been evaluated,
 * and by which bodies?"), the first decides. Only questions naming a field outright compete,
 * and remarks are never set aside ("…ends 2035. source?" asks the source of that date); when
 * none does, or the deciding
 * one asks "who" and names no actor's field that another names ("Who set up TORCH, and who
 * runs it?"), nothing is set aside.
 */
function questionsSetAside(
  tokens: readonly QuestionToken[],
  matches: readonly { indices: number[]; values: FieldPhrase[] }[],
): QuestionUnit[] {
  const units = questionUnits(tokens);
  if (units.length < 2) return [];
  const inUnit = (m: { indices: number[] }, u: QuestionUnit): boolean =>
    (m.indices[0] ?? 0) >= u.from &&
    (m.indices[0] ?? 0) < u.to &&
    !ownThing(tokens, m.indices[0] ?? 0);
  const strongIn = (u: QuestionUnit): PolicyField[] =>
    matches.flatMap((m) =>
      inUnit(m, u)
        ? m.values.flatMap((v) => (v.scope === "policy" && !v.weak ? [v.field] : []))
        : [],
    );
  const named = (u: QuestionUnit): boolean =>
    matches.some((m) => inUnit(m, u) && m.values.some((v) => !v.weak));
  let best: { unit: QuestionUnit; rank: number } | null = null;
  for (const unit of units) {
    const rank = askingRank(tokens, unit);
    // Within one sentence the first question decides ("Has it been evaluated, and by which
    // bodies?": the second narrows the first); a check yields only to another sentence.
    const sameSentence =
      best !== null && tokens[best.unit.from]?.sentence === tokens[unit.from]?.sentence;
    if (rank > 0 && named(unit) && (best === null || (rank > best.rank && !sameSentence))) {
      best = { unit, rank };
    }
  }
  if (best === null) return [];
  const actor = (fields: PolicyField[]): boolean => fields.some((f) => ACTOR_FIELDS.has(f));
  const { unit } = best;
  const who = asksWho(tokens.slice(unit.from, unit.to));
  const elsewhere = units.filter((u) => u !== unit).flatMap(strongIn);
  if (who && !actor(strongIn(unit)) && actor(elsewhere)) return [];
  // Remarks around it stay context; set aside are the other questions naming a field, and
  // those after it in its sentence ("Where does the money come from, and how much?").
  const sentence = (u: QuestionUnit): number | undefined => tokens[u.from]?.sentence;
  return units.filter((u) =>
    sentence(u) === sentence(unit)
      ? u.from > unit.from
      : u !== unit && named(u) && askingRank(tokens, u) > 0 && askingRank(tokens, u) < best.rank,
  );
}

/** Moves a field's score to another. */
function move(
  scores: Map<PolicyField, number>,
  from: PolicyField,
  to: PolicyField,
  amount: number,
): void {
  if (amount <= 0) return;
  const left = (scores.get(from) ?? 0) - amount;
  if (left > 0) scores.set(from, left);
  else scores.delete(from);
  bump(scores, to, amount);
}

/**
 * A kind of beneficiary is asked about only in the role of the one who benefits. As the
 * receiver of what a policy gives ("what does TORCH give start-ups?", "does TORCH give actual
 * money to startups?") its words, and money words given to it, ask what is provided; beside a
 * list named by its own noun ("is promoting start-ups one of torch's goals?") it is an item of
 * that list. True when the beneficiary words so yield.
 */
function readRecipients(
  tokens: readonly QuestionToken[],
  head: readonly QuestionToken[],
  matches: readonly FieldMatch[],
  scores: Map<PolicyField, number>,
): boolean {
  const { recipient_field: recipient, provided_field: provided } = ROLE_WORDS.provision;
  const items = sum(matches.filter((m) => isRecipientWord(tokens, m)).map((m) => m.indices.length));
  const lists = namedLists(tokens, matches);
  lists.delete(recipient);
  if (items > 0 && lists.size > 0 && (scores.get(recipient) ?? 0) <= items) {
    scores.delete(recipient);
    return true;
  }
  const receivers = recipientsOfProvision(tokens, matches);
  if (receivers.length > 0) {
    move(scores, recipient, provided, sum(receivers.map((m) => m.indices.length)));
    if (!asksMoneyAmount(head) && !asksMoneyOrigin(head)) {
      for (const money of MONEY_FIELDS) move(scores, money, provided, scores.get(money) ?? 0);
    }
    return true;
  }
  return false;
}

export function readFields(
  catalog: Catalog,
  tokens: QuestionToken[],
  policyNamed = false,
): FieldReading {
  const strongPolicy = new Map<PolicyField, number>();
  const weakPolicy = new Map<PolicyField, number>();
  const strongCountry = new Map<CountryField, number>();
  const weakCountry = new Map<CountryField, number>();
  const add = (phrase: FieldPhrase, amount: number): void => {
    if (phrase.scope === "policy")
      bump(phrase.weak ? weakPolicy : strongPolicy, phrase.field, amount);
    else bump(phrase.weak ? weakCountry : strongCountry, phrase.field, amount);
  };
  const consumed = new Set<number>();
  // Words already read as a name before any field word is read.
  const names = new Set(tokens.flatMap((t, k) => (t.used ? [k] : [])));
  const ownNamed = new Set<FieldName>();
  let lastScope: "policy" | "country" | null = null;
  const items: FieldItem[] = [];
  const matches = scanPhrases(tokens, catalog.fieldPhrases, (k) => !tokens[k]?.used, true);
  // "rates China '> 10 years with clear continuity' on consistency": words the user quotes
  // say what was read, and yield to a field word of the user's own.
  const quotedOnly = (indices: readonly number[]): boolean =>
    indices.every((k) => tokens[k]?.quoted === true);
  const ownWords = matches.some((m) => !quotedOnly(m.indices));
  // "Where does the money come from, and how much?": the first question decides the field;
  // a second one in the same sentence is secondary (when the first names a field outright).
  const setAside = questionsSetAside(tokens, matches);
  const aside = (k: number): boolean => setAside.some((u) => k >= u.from && k < u.to);
  const secondary = new Set<PolicyField>();
  const policyMatches: FieldMatch[] = [];
  const described: FieldPhrase[] = [];
  for (const match of matches) {
    if (ownWords && quotedOnly(match.indices)) continue;
    // "our regional strategy": a field word of the user's own thing is not read at all.
    if (ownThing(tokens, match.indices[0] ?? 0)) continue;
    for (const k of match.indices) {
      const token = tokens[k];
      if (token) token.used = true;
      consumed.add(k);
    }
    if (aside(match.indices[0] ?? 0)) {
      for (const v of match.values) if (v.scope === "policy" && !v.weak) secondary.add(v.field);
      continue;
    }
    // "the objectives, not a summary": a field said not to be wanted asks nothing.
    const before = tokens.slice(0, match.indices[0]).map((t) => t.stem);
    if (NEGATIONS.some((n) => holds(before, n, before.length - n.length))) continue;
    const strongFields = match.values.flatMap((v) =>
      v.scope === "policy" && !v.weak ? [v.field] : [],
    );
    if (strongFields.length > 0)
      policyMatches.push({ indices: match.indices, fields: strongFields });
    const own = catalog.fieldOwnNames.get(match.indices.map((k) => tokens[k]?.stem).join(" "));
    if (own !== undefined) ownNamed.add(own);
    const drafted = authorOfPolicy(tokens, match.indices, names);
    // "do both national policies (Torch and City Clusters) end in 2035?": a type's words right
    // before the names they describe say which policies, not what is asked of them.
    const describes =
      names.has((match.indices.at(-1) ?? -2) + 1) &&
      match.values.every((v) => v.scope === "policy" && v.field === "type");
    if (describes) described.push(...match.values);
    else if (drafted !== null) bump(strongPolicy, drafted, match.indices.length);
    else for (const phrase of match.values) add(phrase, phrase.length);
    const listed = match.values.flatMap((v) => (v.scope === "policy" && !v.weak ? [v.field] : []));
    // "who funds": a field asked by a question of its own is no item of a list of fields.
    const wh = WH_STEMS.has(tokens[match.indices[0] ?? 0]?.stem ?? "");
    if (listed.length > 0 && !wh) {
      items.push({ first: match.indices[0] ?? 0, last: match.indices.at(-1) ?? 0, fields: listed });
    }
    const scopes = new Set(match.values.map((v) => v.scope));
    if (scopes.size === 1) lastScope = match.values[0]?.scope ?? lastScope;
  }
  for (const [k, token] of tokens.entries()) {
    if (!token.cjk) continue;
    // Longest words first, each taking its characters: "资金来源" is not also "资金" and "来源".
    for (const word of chineseFieldWords(catalog, token.raw)) {
      token.used = true;
      consumed.add(k);
      add(word, 1);
      if (CJK_OWN_NAMES[word.field]?.includes(word.text) === true) ownNamed.add(word.field);
    }
  }
  // (With nothing else asked, they are what is asked: "the national policies Torch and CC?")
  if (strongPolicy.size === 0) for (const phrase of described) add(phrase, phrase.length);
  const head = tokens.filter((_, k) => !aside(k));
  readPurposePoint(head, strongPolicy, strongCountry);
  readChoice(catalog, head, strongCountry);
  readSpan(catalog, tokens, strongCountry, consumed, policyNamed);
  readInformationOrigin(tokens, strongCountry);
  // "policies" is the country's default topic: any other country field named beside it wins.
  for (const scores of [strongCountry, weakCountry]) if (scores.size > 1) scores.delete("policies");
  const recipientsYield = readRecipients(tokens, head, policyMatches, strongPolicy);
  settleMoneyQuestion(head, strongPolicy, tokens);
  preferActors(head, strongPolicy);
  readClaimedType(head, strongPolicy);
  readPeriod(strongPolicy);
  preferActors(head, weakPolicy);
  const topicListed = preferListedTopic(ownNamed, strongPolicy, strongCountry);
  const policy = listsFields(tokens, items)
    ? { field: null, score: Math.max(0, ...strongPolicy.values()), tied: [...strongPolicy.keys()] }
    : bestField(strongPolicy, ownNamed);
  const country = bestField(strongCountry, ownNamed);
  // Weak words ("when…", "cluster policy") count only when no word names a field outright.
  const strong = policy.score > 0 || country.score > 0;
  const p = strong ? policy : bestField(weakPolicy, ownNamed);
  const c = strong ? country : bestField(weakCountry, ownNamed);
  const named = (field: FieldName | null): boolean => field !== null && ownNamed.has(field);
  return {
    countryOwnNamed: strong && named(c.field) && !named(p.field),
    policyField: p.field,
    countryField: c.field,
    policyScore: p.score,
    countryScore: c.score,
    weakOnly: !strong && (p.score > 0 || c.score > 0),
    countryTie: c.tied,
    consumed,
    topicListed,
    lastScope,
    recipientsYield,
    secondary: [...secondary].filter((f) => f !== p.field),
  };
}
