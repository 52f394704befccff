import type { CountryField } from "../../dataset/schema.ts";
import type { Catalog } from "../catalog.ts";
import { contentRoots, rootOf } from "./passages.ts";
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
}

interface TextIndex {
  texts: Text[];
  /** How many texts hold each root. */
  holders: Map<string, number>;
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
  const add = (field: CountryField | null, policy: string | null, stems: ReadonlySet<string>) => {
    const key = field ?? `policy ${policy}`;
    const text = texts.get(key) ?? { field, policy, roots: new Set(), entries: [] };
    let roots = rootsOf.get(stems);
    if (roots === undefined) {
      roots = new Set([...stems].filter((s) => !catalog.stopStems.has(s)).map(rootOf));
      rootsOf.set(stems, roots);
    }
    for (const r of roots) text.roots.add(r);
    text.entries.push(roots);
    texts.set(key, text);
  };
  for (const e of catalog.countrySentences(countryId)) add(e.field, null, e.stems);
  for (const { id } of catalog.countryById.get(countryId)?.policies ?? [])
    for (const e of catalog.policySentences(id)) add(null, id, e.stems);
  const holders = new Map<string, number>();
  for (const text of texts.values())
    for (const r of text.roots) holders.set(r, (holders.get(r) ?? 0) + 1);
  const index = { texts: [...texts.values()], holders };
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
  const { texts, holders } = textIndex(catalog, countryId);
  const idf = (r: string): number => Math.log(texts.length / (holders.get(r) ?? texts.length));
  const competing = (text: Text): boolean =>
    text.policy === null || asked.named.length === 0 || asked.named.includes(text.policy);
  const scored = texts
    .filter(competing)
    .map((text) => {
      const fieldWords = asked.field === "any" || (text.field ?? "") === asked.field;
      const roots = fieldWords ? [...asked.roots, ...asked.fieldRoots] : asked.roots;
      const matched = roots.filter((r) => text.roots.has(r));
      const whole = text.entries.some((entry) => {
        const words = [...entry].filter((r) => !/^\d+$/u.test(r));
        return words.length > 1 && words.every((r) => asked.quoted.has(r));
      });
      return { text, matched, weight: matched.reduce((sum, r) => sum + idf(r), 0), whole };
    })
    .sort((a, b) => b.weight - a.weight || Number(b.whole) - Number(a.whole));
  const [best, next] = scored;
  if (!best || best.text.field === null || best.weight === 0) return null;
  const quoteDecides = next?.weight === best.weight && best.whole && !next.whole;
  return {
    field: best.text.field,
    weight: best.weight,
    lead: quoteDecides ? Infinity : best.weight / (next?.weight ?? 0),
    matched: best.matched,
  };
}

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
