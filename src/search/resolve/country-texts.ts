import { CountryField } from "../../dataset/schema.ts";
import type { Catalog } from "../catalog.ts";
import { tokenize } from "../../model/normalize.ts";
import { DOMAIN_ROOTS, contentRoots, rootOf } from "./passages.ts";
import { DECISION } from "./decide.ts";
import type { QuestionToken } from "./tokens.ts";
import { nameLikeWords } from "./unknown-words.ts";

/** One text: a country field's (approach, continuity, maturity rules, sources…) or one policy's. */
interface Text {
  field: CountryField | null;
  policy: string | null;
  roots: Set<string>;
  /** Each sentence or list item's roots: a value the user quotes whole is one of them. */
  entries: Set<string>[];
  /** Two words one after the other in a sentence, as roots ("statis cluste"): a phrase of it. */
  pairs: Set<string>;
}

interface TextIndex {
  texts: Text[];
  /** How many texts hold each root, and each pair of roots. */
  holders: Map<string, number>;
  pairHolders: Map<string, number>;
}

/**
 * Adjacent words as pairs of roots, stop words left out ("concept of clusters" → "concep
 * cluste"): a phrase of the text, which weighs more than its words scattered.
 */
export function rootPairs(roots: readonly (string | null)[]): string[] {
  const pairs: string[] = [];
  roots.forEach((r, k) => {
    const next = roots[k + 1];
    if (r && next && r !== next) pairs.push(`${r} ${next}`);
  });
  return pairs;
}

const indexes = new WeakMap<Catalog, Map<string, TextIndex>>();
/** Content roots of each text entry: entries repeat across policies, and are read once. */
const entryRoots = new WeakMap<Catalog, WeakMap<ReadonlySet<string>, Set<string>>>();

/** A country's texts, one per country field and one per policy: built on first use, kept. */
function textIndex(catalog: Catalog, countryId: string): TextIndex {
  const byCountry = indexes.get(catalog) ?? new Map<string, TextIndex>();
  indexes.set(catalog, byCountry);
  const cached = byCountry.get(countryId);
  if (cached) return cached;
  const texts = new Map<string, Text>();
  const rootsOf = entryRoots.get(catalog) ?? new WeakMap<ReadonlySet<string>, Set<string>>();
  entryRoots.set(catalog, rootsOf);
  const add = (
    field: CountryField | null,
    policy: string | null,
    stems: ReadonlySet<string>,
    sentence: string,
  ) => {
    const key = field ?? `policy ${policy}`;
    const text = texts.get(key) ?? {
      field,
      policy,
      roots: new Set(),
      entries: [],
      pairs: new Set<string>(),
    };
    const ordered = tokenize(sentence).map((t) =>
      catalog.stopStems.has(t.stem) ? null : rootOf(t.stem),
    );
    for (const pair of rootPairs(ordered)) text.pairs.add(pair);
    let roots = rootsOf.get(stems);
    if (roots === undefined) {
      roots = new Set([...stems].filter((s) => !catalog.stopStems.has(s)).map(rootOf));
      rootsOf.set(stems, roots);
    }
    for (const r of roots) text.roots.add(r);
    text.entries.push(roots);
    texts.set(key, text);
  };
  for (const e of catalog.countrySentences(countryId)) add(e.field, null, e.stems, e.sentence);
  for (const { id } of catalog.countryById.get(countryId)?.policies ?? [])
    for (const e of catalog.policySentences(id)) add(null, id, e.stems, e.sentence);
  const holders = new Map<string, number>();
  const pairHolders = new Map<string, number>();
  for (const text of texts.values()) {
    for (const r of text.roots) holders.set(r, (holders.get(r) ?? 0) + 1);
    for (const p of text.pairs) pairHolders.set(p, (pairHolders.get(p) ?? 0) + 1);
  }
  const index = { texts: [...texts.values()], holders, pairHolders };
  byCountry.set(countryId, index);
  return index;
}

/** The country text the question's words point to, against every other text of the country. */
export interface CountryTextReading {
  field: CountryField;
  /** The question's roots it holds, each weighed by its rarity across the texts. */
  weight: number;
  /**
   * How many times the next text's weight it has (another country field's, or a policy's own
   * texts); a value quoted whole that breaks a tie leads without bound.
   */
  lead: number;
  matched: string[];
  /** The user quoted the text's own words: as clear as a passage can be. */
  cited?: boolean;
}

/** What the question asks a country's texts: its content words, as roots. */
export interface AskedOfTexts {
  /** Words no name or field took. */
  roots: readonly string[];
  /**
   * Field words ("cluster organisations"): they count for the text of the field they ask, or
   * for any text.
   */
  fieldRoots: readonly string[];
  field: CountryField | "any" | null;
  /** The policies named: only their texts compete (every policy's, when none is). */
  named: readonly string[];
  /** Words the user quotes. */
  quoted: ReadonlySet<string>;
  /** The question's adjacent words as pairs of roots (see rootPairs). */
  pairs?: readonly string[];
  /** The country field the user named by its own name ("consistency"), if any. */
  ownField?: CountryField | null;
}

/**
 * "why was the GBA kept as the representative regional example?", "does China have cluster
 * organisations like Europe?": the country text holding the question's content words, each
 * weighing by its rarity across the country's texts (one every text holds — cluster, policy —
 * weighs nothing), against the other country texts and the policies' texts. A value quoted
 * whole ("'> 10 years (but with clear continuity)'") settles a tie for the text it is an entry of.
 */
export function readCountryTexts(
  catalog: Catalog,
  countryId: string,
  asked: AskedOfTexts,
): CountryTextReading | null {
  const { texts, holders, pairHolders } = textIndex(catalog, countryId);
  const idf = (r: string): number => Math.log(texts.length / (holders.get(r) ?? texts.length));
  const pairIdf = (p: string): number =>
    Math.log(texts.length / (pairHolders.get(p) ?? texts.length));
  const quote = [...asked.quoted].filter((r) => !catalog.stopStems.has(r) && !/^\d+$/u.test(r));
  const competing = (text: Text): boolean =>
    text.policy === null || asked.named.length === 0 || asked.named.includes(text.policy);
  const scored = texts
    .filter(competing)
    .map((text) => {
      const fieldWords = asked.field === "any" || (text.field ?? "") === asked.field;
      const roots = fieldWords ? [...asked.roots, ...asked.fieldRoots] : asked.roots;
      const words = roots.filter((r) => text.roots.has(r));
      // A phrase of the text said again ("statistical clusters", "developed early") weighs by
      // its own rarity on top of its words': it is the text's wording, not words that recur.
      const phrases = (asked.pairs ?? []).filter((p) => text.pairs.has(p));
      // (A phrase's word every question uses, "cluster", counts towards no number of words.)
      const phraseWords = phrases.flatMap((p) => p.split(" ")).filter((r) => !DOMAIN_ROOTS.has(r));
      const matched = [...new Set([...words, ...phraseWords])];
      const whole = text.entries.some((entry) => {
        const words = [...entry].filter((r) => !/^\d+$/u.test(r));
        return words.length > 1 && words.every((r) => asked.quoted.has(r));
      });
      const weight =
        words.reduce((sum, r) => sum + idf(r), 0) + phrases.reduce((sum, p) => sum + pairIdf(p), 0);
      const cites =
        quote.length >= MIN_CITED_WORDS &&
        text.entries.some((entry) => quote.every((r) => entry.has(r)));
      return { text, matched, weight, whole, cites };
    })
    .sort((a, b) => b.weight - a.weight || Number(b.whole) - Number(a.whole));
  // "the report says China's ambition 'developed early'": words the user quotes that one text's
  // sentence holds cite that text, which then leads, whatever other words weigh; quoted words
  // several texts hold cite the one whose field the user named ("consistency: '> 10 years'").
  const citing = scored.filter((s) => s.cites && s.weight > 0);
  const named = citing.filter((s) => s.text.field !== null && s.text.field === asked.ownField);
  const cited = citing.length === 1 ? citing[0] : named.length === 1 ? named[0] : undefined;
  if (cited !== undefined && cited.text.field !== null && cited !== scored[0]) {
    return {
      field: cited.text.field,
      weight: cited.weight,
      lead: Infinity,
      matched: cited.matched,
      cited: true,
    };
  }
  const [best, next] = scored;
  if (!best || best.text.field === null || best.weight === 0) return null;
  const quoteDecides =
    (next?.weight === best.weight && best.whole && !next.whole) || best === cited;
  return {
    field: best.text.field,
    weight: best.weight,
    lead: quoteDecides ? Infinity : best.weight / (next?.weight ?? 0),
    matched: best.matched,
    cited: quoteDecides,
  };
}

/** Fewer quoted words than this ("'statistical'") are a term, which many texts may hold. */
const MIN_CITED_WORDS = 2;

/** What the resolver has read of a question before its country texts. */
export interface ReadSoFar {
  tokens: readonly QuestionToken[];
  question: string;
  /** Positions of names (the country's, the policies'). */
  names: ReadonlySet<number>;
  /** Positions of field words, and the country field they ask. */
  fieldWords: ReadonlySet<number>;
  field: CountryField | null;
  countryNamed: boolean;
  policies: readonly string[];
}

/**
 * The country text the question clearly points to (enough of its words, leading every other
 * text), its words then known: they name nothing unknown. A field's own name ("consistency",
 * which the maturity rules also hold) is no content. A word typed as a name ("Europe") is
 * placed only when the country or a policy is named too: else it is the subject ("does
 * Europe…").
 */
export function placeCountryText(
  catalog: Catalog,
  countryId: string,
  read: ReadSoFar,
): CountryTextReading | null {
  const { tokens } = read;
  // Words the user quotes are the data's, not a field asked ("what does '> 10 years (but with
  // clear continuity)' mean?").
  const fieldWords = [...read.fieldWords].filter((k) => tokens[k]?.quoted !== true);
  const ownNames = fieldWords.filter((k) => catalog.fieldOwnNames.has(tokens[k]?.stem ?? ""));
  const skip = new Set([...read.names, ...ownNames]);
  const roots = contentRoots(catalog, tokens, new Set([...skip, ...fieldWords]));
  const reading = readCountryTexts(catalog, countryId, {
    roots,
    fieldRoots: contentRoots(catalog, tokens, skip).filter((r) => !roots.includes(r)),
    // A field word beside a policy's name asks that policy's field, not another text's.
    field: read.policies.length > 0 ? read.field : "any",
    named: read.policies,
    quoted: new Set(tokens.filter((t) => t.quoted === true).map((t) => rootOf(t.typed))),
    pairs: questionPairs(catalog, tokens, read.names),
    ownField: ownNamedField(catalog, tokens, ownNames),
  });
  // A policy named is the subject, unless more of the words point to a country text.
  const words = DECISION.COUNTRY_TEXT_WORDS + (read.policies.length > 0 ? 1 : 0);
  if (!reading || reading.matched.length < words || reading.lead < DECISION.COUNTRY_TEXT_LEAD) {
    return null;
  }
  const names = nameLikeWords(read.question);
  const matched = new Set(reading.matched);
  const placed = tokens.filter((t, k) => !skip.has(k) && matched.has(rootOf(t.typed)));
  const anchored = read.countryNamed || read.policies.length > 0;
  if (!anchored && placed.some((t) => names.has(t.raw))) return null;
  // Known, not used: they still describe a policy whose texts hold them too.
  for (const token of placed) token.unknown = false;
  return reading;
}

/**
 * The question's adjacent words as root pairs, within a clause, names and stop words left out.
 * A pair counts only with a word of its own in it: "cluster policy", "over time" are how any
 * question is put, "statistical clusters" is the text's.
 */
function questionPairs(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  names: ReadonlySet<number>,
): string[] {
  const roots = tokens.map((t, k) =>
    names.has(k) || t.cjk || t.filler === true || catalog.stopStems.has(t.stem)
      ? null
      : rootOf(t.typed),
  );
  const own = new Set(
    tokens
      .filter((t) => !catalog.commonStems.has(t.stem) && !DOMAIN_ROOTS.has(rootOf(t.typed)))
      .map((t) => rootOf(t.typed)),
  );
  // A clause's end parts its words: no pair runs across it.
  const parted = roots.flatMap((r, k) =>
    k > 0 && tokens[k]?.clause !== tokens[k - 1]?.clause ? [null, r] : [r],
  );
  return rootPairs(parted).filter((pair) => pair.split(" ").some((r) => own.has(r)));
}

/** The country field typed by its own name ("consistency"), if exactly one is. */
function ownNamedField(
  catalog: Catalog,
  tokens: readonly QuestionToken[],
  positions: readonly number[],
): CountryField | null {
  const fields = new Set(
    positions.flatMap((k) => {
      const field = catalog.fieldOwnNames.get(tokens[k]?.stem ?? "");
      const parsed = CountryField.safeParse(field);
      return parsed.success ? [parsed.data] : [];
    }),
  );
  const [only] = fields;
  return fields.size === 1 && only !== undefined ? only : null;
}
