import {
  EXAMPLE_LABELS,
  loadVocabulary,
  type ChineseFieldWords,
  type ExampleLabel,
  type FieldExamples,
  type FieldWords,
} from "../dataset/vocabulary.ts";
import type { CountryField, PolicyField } from "../dataset/schema.ts";

/**
 * The vocabulary of questions, read once at start-up from data/vocabulary/*.json (validated
 * there); named here for the resolver. See those files for the words themselves.
 */
const vocabulary = loadVocabulary();

export type { FieldWords, ExampleLabel, FieldExamples };
export { EXAMPLE_LABELS };
/** Labelled ways of asking each field, names masked (see data/vocabulary/field-examples.json). */
export const FIELD_EXAMPLES: FieldExamples = vocabulary.fieldExamples;
export const POLICY_FIELD_WORDS: Readonly<Record<PolicyField, FieldWords>> =
  vocabulary.fields.policy;
export const COUNTRY_FIELD_WORDS: Readonly<Record<CountryField, FieldWords>> =
  vocabulary.fields.country;
/** Words that name a maturity dimension besides its label ("evaluated" → evidence of performance). */
export const MATURITY_DIMENSION_WORDS: Readonly<Partial<Record<string, readonly string[]>>> =
  vocabulary.fields.dimensions;
/** The words money is asked about with, by role (see data/vocabulary/fields.json `money`). */
export const MONEY_WORDS = vocabulary.fields.money;
/** A word's role in its sentence: recipients of provision, list nouns, a second question. */
export const ROLE_WORDS = vocabulary.fields.roles;
/** Fields whose values are actors, and the actor a "who" asks when its words read another field. */
export const WHO_FIELDS: Readonly<{
  actors: readonly PolicyField[];
  asked_of: Readonly<Partial<Record<PolicyField, PolicyField>>>;
}> = vocabulary.fields.who;
/** Why the factsheet chose a policy: the verbs of choosing, and the field that says why. */
export const CHOICE_WORDS = vocabulary.fields.choice;
/** Words of interruption and counted spans of years, and the country field that rates them. */
export const DURATION_WORDS = vocabulary.fields.duration;
/** "where" and the nouns of information: where the information comes from. */
export const INFORMATION_ORIGIN_WORDS = vocabulary.fields.information_origin;
/** Fields that together make one period; the first answers for all. */
export const PERIOD_FIELDS: readonly PolicyField[] = vocabulary.fields.period;
export const COMPARE_WORDS: readonly string[] = vocabulary.cues.compare;
export const WEAK_COMPARE_WORDS: readonly string[] = vocabulary.cues.weak_compare;
export const HOW_TO_WORDS: readonly string[] = vocabulary.cues.how_to;
export const ADVICE_WORDS = vocabulary.cues.advice;
export const PROCEDURE_WORDS = vocabulary.cues.procedure;
export const ORDER_WORDS: Readonly<Record<string, PolicyField>> = vocabulary.cues.order;
/** Superlatives of quality, which order by the field they are said of ("weakest"). */
export const QUALITY_ORDER_WORDS: readonly string[] = vocabulary.cues.quality_order;
export const ASKING_WORDS: Readonly<
  Record<
    | "wh"
    | "auxiliaries"
    | "modals"
    | "discourse"
    | "conditions"
    | "requests"
    | "negations"
    | "lead_verbs"
    | "no_content"
    | "purposes"
    | "stance"
    | "asker"
    | "checks"
    | "measures"
    | "changes"
    | "returns"
    | "persons"
    | "talk"
    | "present"
    | "agent_links",
    readonly string[]
  >
> = vocabulary.cues.asking;
export const ALL_POLICIES_WORDS: readonly string[] = vocabulary.cues.all_policies;
export const ONE_OR_MANY_WORDS: Readonly<
  Record<"addressees" | "many" | "each" | "pronouns_of_many", readonly string[]>
> = vocabulary.cues.one_or_many;
/** Words that quantify the noun after them ("all", "both"; cues.json one_or_many). */
export const QUANTIFIER_WORDS: ReadonlySet<string> = vocabulary.cues.one_or_many.quantifiers;
export const THE_REST_WORDS: readonly string[] = vocabulary.cues.the_rest;
export const LIKENESS_WORDS: readonly string[] = vocabulary.cues.likeness;
/** Words opening a clause of the asker's comparison ("as in several Nordic countries"). */
export const FRAME_OPENERS: readonly string[] = vocabulary.cues.frame_openers;
export const YEAR_BOUNDS: Readonly<Record<"bounds" | "duration_verbs", readonly string[]>> =
  vocabulary.cues.year_bounds;
export const NAME_JOINS: readonly string[] = vocabulary.cues.name_joins;
export const ELLIPSIS_WORDS: readonly string[] = vocabulary.cues.ellipsis;
export const FIELD_LIST_WORDS: Readonly<{
  joins: readonly string[];
  between: ReadonlySet<string>;
}> = vocabulary.cues.field_list;
export const IDIOM_WORDS: readonly string[] = vocabulary.cues.idioms;
export const STOP_WORDS: readonly string[] = vocabulary.words.stop;
export const COMMON_WORDS: readonly string[] = [
  ...vocabulary.words.stop,
  ...vocabulary.words.common,
];
export const EVERYDAY_WORDS: readonly string[] = vocabulary.words.everyday;
export const FILLER_WORDS: readonly string[] = vocabulary.words.fillers;
export const ASIDE_WORDS: Readonly<
  Record<"phrases" | "counts" | "units" | "limits", readonly string[]>
> = vocabulary.words.asides;
export const GENERIC_NAME_WORDS: readonly string[] = vocabulary.words.generic_name;
export const GEOGRAPHIC_WORDS: readonly string[] = vocabulary.words.geographic;
export const NAME_NOUNS: readonly string[] = vocabulary.words.name_nouns;
export const REFERENCE_WORDS: readonly string[] = vocabulary.words.references;
export const ARTICLE_WORDS: readonly string[] = vocabulary.words.articles;
/** Words read past before an offered value, and the scales that make a number an amount. */
export const OFFERED_VALUE_WORDS: Readonly<Record<"skipped" | "scales", readonly string[]>> =
  vocabulary.words.offered_values;
export const CJK_GENERIC_WORDS: readonly string[] = vocabulary.chinese.generic;
export const CJK_QUESTION_WORDS: readonly string[] = vocabulary.chinese.question;
export const CJK_ORDER_WORDS: Readonly<Record<string, PolicyField>> = vocabulary.chinese.order;
export const CJK_COMPARE_WORDS: readonly string[] = vocabulary.chinese.compare;
export const CJK_QUALITY_ORDER_WORDS: readonly string[] = vocabulary.chinese.quality_order;
/** Every Chinese cue word (orders, comparisons, all of them, superlatives of quality): known. */
export const CJK_CUE_WORDS: readonly string[] = [
  ...Object.keys(vocabulary.chinese.order),
  ...vocabulary.chinese.compare,
  ...vocabulary.chinese.all,
  ...vocabulary.chinese.quality_order,
];
export const CJK_ALL_WORDS: readonly string[] = vocabulary.chinese.all;
/** Words that join two names ("和", "与"): what they join to one of ours is a name too. */
export const CJK_CONJUNCTIONS: readonly string[] = vocabulary.chinese.conjunctions;
/** Particles and words of asking that end a name's slot ("的", "是", "哪个"). */
export const CJK_PARTICLES: readonly string[] = vocabulary.chinese.particles;
export const CJK_WHICH_WORDS: readonly string[] = vocabulary.chinese.which;
export const CJK_FIELD_WORDS: Readonly<ChineseFieldWords> = vocabulary.chinese.fields;
export const CJK_OWN_NAMES: Readonly<ChineseFieldWords> = vocabulary.chinese.own_names;
export const CJK_WHEN_WORDS: readonly string[] = vocabulary.chinese.when;
export const CJK_WHERE_WORDS: readonly string[] = vocabulary.chinese.where;
export const CJK_START_EVENTS: readonly string[] = vocabulary.chinese.start_events;
export const CJK_AMOUNT_WORDS: readonly string[] = vocabulary.chinese.amount;
export const CJK_ORIGIN_WORDS: readonly string[] = vocabulary.chinese.origin;
export const CJK_MODIFIER_LINKS: readonly string[] = vocabulary.chinese.modifier_links;
export const CJK_PURPOSE_WORDS: readonly string[] = vocabulary.chinese.purpose;
export const CJK_CANTONESE: Readonly<{
  words: Readonly<Record<string, string>>;
  shared: readonly string[];
  which: Readonly<Record<string, string>>;
}> = vocabulary.chinese.cantonese;
/** Words of Taiwan and Hong Kong that OpenCC's tables keep → the mainland's ("群聚" → "集群"). */
export const CJK_REGIONAL: Readonly<Record<string, string>> = vocabulary.chinese.regional;
/** The pinyin of the characters of the data's Chinese names ("火" → huo). */
export const CJK_PINYIN: Readonly<Record<string, string>> = vocabulary.chinese.pinyin;
export const CJK_GLOSSES: Readonly<Record<string, string>> = vocabulary.glosses.words;
export const CJK_PLACE_GLOSSES: Readonly<Record<string, string>> = vocabulary.glosses.places;
export const CJK_COUNT_WORDS: readonly string[] = vocabulary.glosses.count;
export const OTHER_COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> =
  vocabulary.countries.other_names;
export const CAPITALISED_ABBREVIATIONS: readonly { abbreviation: string; word: string }[] = [
  ...vocabulary.countries.capitalised_abbreviations,
  ...Object.entries(vocabulary.words.abbreviations).map(([abbreviation, word]) => ({
    abbreviation,
    word,
  })),
];
