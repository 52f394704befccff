import path from "node:path";
import { packagePath } from "../package-root.ts";
import { z } from "zod";
import {
  COUNTRY_FIELDS,
  MaturityDimensionId,
  POLICY_FIELDS,
  PolicyField,
  CountryField,
} from "./schema.ts";
import { loadJsonFile } from "./load.ts";
import { simplifyChinese } from "../text/chinese-script.ts";

/**
 * The words questions are written in, as data (data/vocabulary/*.json), checked at start-up:
 * a bad file stops the start naming the file and the JSON path. Words tied to one country
 * (its places, local abbreviations) live in that country's file instead (`words`).
 */

const Phrase = z.string().trim().min(1);
const Phrases = z.array(Phrase);
/** Single words looked up one token at a time. */
const WordSet = Phrases.transform((words): ReadonlySet<string> => new Set(words));

/** `strong` phrases name the field; `weak` ones count only when nothing stronger does. */
const FieldWordsSchema = z.object({ strong: Phrases, weak: Phrases.optional() }).strict();
export type FieldWords = z.infer<typeof FieldWordsSchema>;

function everyField<const K extends string>(fields: readonly K[]) {
  return z
    .object(
      Object.fromEntries(fields.map((f) => [f, FieldWordsSchema])) as Record<
        K,
        typeof FieldWordsSchema
      >,
    )
    .strict();
}

const FieldsFile = z
  .object({
    policy: everyField(POLICY_FIELDS),
    country: everyField(COUNTRY_FIELDS),
    /**
     * Words that name a maturity dimension besides its label's own ("evaluated" → evidence of
     * performance), so a maturity question about them leads with that dimension.
     */
    dimensions: z.partialRecord(MaturityDimensionId, Phrases).default({}),
    /**
     * How money is asked about: a budget read only from `currencies` asks about currencies; a
     * `paying_verbs` word after "who" (before any `receiving_verbs`: "who gets funding") or a
     * paying verb or `money_nouns` word just before it asks who pays; `origin_nouns`, or "from"
     * with "where" or a `coming_verbs` word, ask where money comes from; `amounts` ask how much
     * ("most" and "more" compare quantities).
     */
    money: z
      .object({
        currencies: WordSet,
        paying_verbs: WordSet,
        /** Words asking for an agent ("who", "whose"): before a paying verb or after a money word. */
        payer_words: WordSet.default(new Set(["who"])),
        amounts: WordSet,
        money_nouns: WordSet,
        origin_nouns: WordSet,
        coming_verbs: WordSet,
        receiving_verbs: WordSet,
        /**
         * "who provides most of the funding", "borne primarily by": a share of the money, not
         * an amount, so the payer is still asked.
         */
        share_words: Phrases.default([]),
        /** "which level of government bears the cost": "which"/"what" with these asks an agent. */
        payer_nouns: WordSet.default(new Set<string>()),
        /** "which of them lean on regional money": relying on money asks where it comes from. */
        reliance_verbs: WordSet.default(new Set<string>()),
      })
      .strict(),
    /**
     * Fields that together make one period, the first answering for all ("starting and ending
     * year" asks the period: the start year's answer gives both).
     */
    period: z.array(PolicyField),
    /**
     * "why was the GBA picked", "why is it listed separately": "why" with a verb of choosing in
     * its clause asks why the factsheet covers a policy, which the `field` text says.
     */
    choice: z.object({ field: CountryField, verbs: WordSet }).strict(),
    /**
     * How long and how unbroken a country's policies have run, which the `field` text rates
     * (the consistency dimension is scored in years of experience and whether they were
     * interrupted): `breaks` words ask about interruption, and a span of `units` counted by a
     * number or a `counts` word ("more than a decade", "10 years", ">10yrs") asks the span the
     * rating is given in. An open "how long" or "over the decades" counts nothing.
     */
    duration: z
      .object({
        field: CountryField,
        breaks: Phrases,
        units: WordSet,
        counts: WordSet,
        /** Words besides the country's name that make a span said of its policies. */
        subjects: WordSet,
      })
      .strict(),
    /**
     * "where does the factsheet get its information?": `where` asked in a clause with one of
     * the `nouns` of information asks where the information comes from, which the `field`
     * (the bibliography) answers.
     */
    information_origin: z.object({ field: CountryField, where: WordSet, nouns: WordSet }).strict(),
    /**
     * Fields whose values are actors (who runs, who benefits, who pays), and the actor field a
     * "who" question means when its words read another field ("who is it aimed at" → beneficiaries).
     */
    who: z
      .object({
        actors: z.array(PolicyField),
        asked_of: z.partialRecord(PolicyField, PolicyField),
      })
      .strict(),
    /**
     * A word's role in its sentence, which the field it names does not say alone.
     */
    roles: z
      .object({
        /**
         * "what does TORCH give start-ups?", "do startups get free rent from torch?": a
         * `recipients` word (a kind of beneficiary) in a clause with a provision `verbs` word and
         * something provided (a `provided_markers` word, or a word naming the thing) is the
         * receiver, and the question asks what is provided (`provided_field`), not who benefits
         * (`recipient_field`). An `asking_recipient` phrase just before it ("which companies
         * get support?", "what kinds of firms does it support?") asks the receiver itself.
         */
        provision: z
          .object({
            recipient_field: PolicyField,
            provided_field: PolicyField,
            recipients: Phrases,
            verbs: Phrases,
            asking_recipient: Phrases,
            provided_markers: WordSet,
            /**
             * "help big companies or just small ones": what follows is another receiver
             * offered, not a thing provided.
             */
            alternatives: WordSet,
          })
          .strict(),
        /**
         * "is promoting start-ups one of torch's goals?": a list named by its own noun is the
         * list asked, over a kind of beneficiary the same words name as an item.
         */
        list_nouns: z.partialRecord(PolicyField, Phrases),
        /**
         * "where does the money come from, and how much?": a wh-word after a `joins` word or a
         * clause break (a `lead_ins` word may come between: "…, and over which years?") opens a
         * second question; the first question's field words decide the field.
         */
        clauses: z.object({ joins: Phrases, lead_ins: WordSet }).strict(),
        /**
         * "who wrote the GBA plan?": the author of a policy (its name after the verb) is the
         * authority that drafted it (`of_policy`); the author of the factsheet is its source.
         */
        authorship: z.object({ verbs: Phrases, of_policy: PolicyField }).strict(),
      })
      .strict(),
  })
  .strict();

const CuesFile = z
  .object({
    /** "compare", "versus", "which is older": two or more policies side by side. */
    compare: Phrases,
    /** "share", "in common": a comparison only when several policies are in view. */
    weak_compare: Phrases,
    /** "how do I…": errands, not questions about a fact. */
    how_to: Phrases,
    /**
     * Asking for advice on method rather than for a fact ("how should I cite this?", "would a
     * difference-in-differences design work…?"): a modal before the asker as its subject
     * ("should I", "could we") with a verb of doing, not of finding out (`info_verbs`: "can I
     * read…", "should I know…"); a modal before "you" with a verb of judging (`opinion_verbs`:
     * "how would you evaluate…"); a modal before a thing proposed ("would a … design work"),
     * `proposed_verbs`; and phrases of advice ("best way to", "suitable for").
     */
    advice: z
      .object({
        modals: WordSet,
        askers: WordSet,
        info_verbs: WordSet,
        opinion_verbs: WordSet,
        proposed_verbs: WordSet,
        /** Wh-words asking a fact ("who do I talk to…?"): a modal after them asks no method. */
        fact_wh: WordSet.default(new Set<string>()),
        phrases: Phrases,
        /** The same in Chinese, read inside a run ("我应该怎么引用", "…可行吗"). */
        cjk: Phrases,
      })
      .strict(),
    /**
     * Asking how to take part in a policy ("how does an SME apply…", "the deadline to register"):
     * a word of applying (`verbs`) with a word of its procedure (`steps`), or a Chinese phrase
     * of both (`cjk`: "怎么申请"). The factsheet gives whom a policy is for, never how or by when
     * to apply; "who can apply" (no step asked) is a question about the beneficiaries.
     */
    procedure: z
      .object({ verbs: WordSet, steps: WordSet, cjk: Phrases })
      .strict()
      .default({ verbs: new Set<string>(), steps: new Set<string>(), cjk: [] }),
    /** Orderings and superlatives → the field they order by ("oldest" → start_year). */
    order: z.record(Phrase, PolicyField),
    /**
     * Superlatives of quality ("weakest", "most thorough"): they order the policies by the field
     * they are said of ("whose evaluation is weakest" → every policy's evaluation side by side),
     * having no field of their own.
     */
    quality_order: Phrases,
    /** "all policies", "each of them": the question is about every policy. */
    all_policies: Phrases,
    /**
     * Whether a question naming no policy asks of one ("it", "the policy") or of several:
     * "all" after an addressee is said to people ("you all"); words for several policies, and
     * "each"/"every" when they count policies; pronouns of several, which "the policy" outweighs.
     */
    one_or_many: z
      .object({
        addressees: Phrases,
        many: Phrases,
        each: Phrases,
        pronouns_of_many: Phrases,
        /**
         * Words that quantify the noun after them ("all", "both"): they quantify the policies only
         * before a word of ours or alone — "both 2006 and 2016", "all the way back" count other things.
         */
        quantifiers: WordSet,
      })
      .strict(),
    /** "what about the other one?" after naming all but one policy: the one not named. */
    the_rest: Phrases,
    /**
     * "anything like torch?", "an equivalent of the GBA plan": a policy of ours as the model
     * for something else, so not what is asked about.
     */
    likeness: Phrases,
    /**
     * "…, as in several Nordic countries?", "…, like in our region": words opening a clause that
     * sets the asker's comparison beside what is asked; its names are the comparison's, no
     * subject, when a country field is firmly asked.
     */
    frame_openers: Phrases,
    /** "at all", "first of all": phrases holding a cue word that cue nothing. */
    idioms: Phrases,
    /**
     * "which run beyond 2030", "which started before 2000": a bound before a year filters the
     * policies by a date, so it orders them all by it. The date is the end when the nearest verb
     * before the bound is an end word (of the end-year field) or says how long a policy goes on
     * (`duration_verbs`, single words), else the start.
     */
    year_bounds: z.object({ bounds: Phrases, duration_verbs: Phrases }).strict(),
    /**
     * "torch and the GBA", "bigger than City Clusters": words that join two names typed one
     * after the other into one comparison; two names not so joined, with no cue to compare,
     * are one policy asked about and another as its context.
     */
    name_joins: Phrases,
    /**
     * "is torch national? and the gba one?", "what about GBA?": besides a name, the words of a
     * sentence that asks the question before it again of another policy, which compares the two.
     */
    ellipsis: Phrases,
    /**
     * "budget, type and period", "the budget and its start year": field words one after another,
     * each pair parted by a comma or a join word with only `between` words besides, list what is
     * asked, so every one of them is asked (the card, or the key facts side by side). A wh-word
     * is not between: "who drafts, who funds" asks how one thing is shared out.
     */
    field_list: z.object({ joins: Phrases, between: WordSet }).strict(),
    /**
     * How a question asks: wh-words, auxiliaries that open a clause ("does …"), and words a
     * request opens with ("tell", "list"). What follows them is what is asked.
     */
    asking: z
      .object({
        wh: Phrases,
        auxiliaries: Phrases,
        /**
         * Auxiliaries that ask even after a subject: "I would be grateful for…", "we'd like…"
         * request, where "we are benchmarking…" only says what the asker does.
         */
        modals: Phrases,
        /**
         * Words of talk that may open a clause before its question ("like is there…", "so does
         * it…", "and who runs it?"): an auxiliary after them still asks.
         */
        discourse: Phrases.default([]),
        /**
         * Words opening a question that depends on the answer to the one before ("…, and if so
         * which body did it?"): it narrows that question, it does not replace it.
         */
        conditions: Phrases.default([]),
        requests: Phrases,
        /** Words before a field word that set it against what is asked ("…, not a summary"). */
        negations: Phrases,
        /** Words of talk between a negation and a name ("not talking about the GBA"). */
        talk: Phrases.default([]),
        /** Verbs of leading: "which university leads X" asks for one leader, not a kind. */
        lead_verbs: Phrases,
        /** Words of asking that no text answers ("know", "thing"), besides the ones above. */
        no_content: Phrases,
        /**
         * Words opening what an answer is for ("… to put on a slide", "… for my class"): after
         * what is asked, they end it; the purpose is the asker's, not a thing asked about.
         */
        purposes: Phrases,
        /**
         * What the asker thinks of a claim ("I doubt…", "I heard…", "prove me wrong"): a claim
         * put to be checked, so it asks; the words themselves name nothing the data must hold.
         */
        stance: Phrases,
        /**
         * The asker speaking of themself ("we", "our", "here"): a clause of them is the asker's
         * own context ("in Poland's programme we use vouchers"), not the subject asked about.
         */
        asker: Phrases,
        /**
         * Words that put a claim to be checked or hedge its figure ("right?", "true?",
         * "about 12%", "according to the factsheet"): what the claim is about is the rest.
         */
        checks: Phrases,
        /**
         * Words asking for a measure ("success rate", "what percentage…"): a field whose
         * answer states no figure (an evaluation, a list of objectives) does not answer them.
         */
        measures: Phrases,
        /**
         * Words of a change over time ("cut", "increased", "every year"): said of a budget the
         * factsheet states as one figure, they ask a trend it does not give.
         */
        changes: Phrases.default([]),
        /** Words dating a fact now ("this year", "今年"): no figure of the factsheet's own year. */
        present: Phrases.default([]),
        /**
         * Measures of a return on money ("ROI", "IRR", "exit multiples"): no field gives one,
         * least of all the budget the money words would otherwise be read as.
         */
        returns: Phrases.default([]),
        /**
         * Words for a person ("director", "minister", "his name"): the responsible authorities are
         * bodies, so a person asked of them is something the factsheet does not give.
         */
        persons: Phrases.default([]),
        /**
         * Words after a participle that name its agent ("jobs created by the GBA plan"): the
         * date verb is said of the noun before it, not of the policy.
         */
        agent_links: Phrases,
      })
      .strict(),
  })
  .strict();

const WordsFile = z
  .object({
    /** Words that carry no meaning for matching (never typos, never names). */
    stop: Phrases,
    /** Ordinary words of questions (the stop words are added): never typos, never names. */
    common: Phrases,
    /** Everyday words never corrected into a field word ("lunch"), never a name alone. */
    everyday: Phrases,
    /**
     * Hedges and chat ("even", "sorry", "tbh") that qualify how something is asked, never what:
     * read past, like an adverb ("really"), so they neither name a thing nor break a phrase.
     */
    fillers: Phrases,
    /** Words many names share ("program", "national"): little evidence for one policy. */
    generic_name: Phrases,
    /** Words of places ("river", "delta"): a partial name made only of them is a guess. */
    geographic: Phrases,
    /** Nouns typed after a name as part of it ("the GBA plan"). */
    name_nouns: Phrases,
    /** Words referring back to a thing named before ("its budget", "how that works"). */
    references: Phrases,
    /** "a", "an", "the": skipped where a phrase or a name is read on either side of them. */
    articles: Phrases,
    /**
     * "2006 or 2016", "5 million or 10 million": words read past between a value and the "or"
     * that offers another (`skipped`), and the scales said after a number that make it an
     * amount (`scales`).
     */
    offered_values: z.object({ skipped: Phrases, scales: Phrases }).strict(),
    /** Short forms read as the word they stand for, as typed ("natl" → national, "src" → source). */
    abbreviations: z.record(Phrase, Phrase),
    /**
     * Asides on how to answer, read past and taken so they are no field words nor things asked
     * about: slang for asking ("spill the tea", "for dummies", "key points"), and a length of
     * answer, a count before a unit and an optional limit ("one minute", "5 bullets max").
     */
    asides: z
      .object({ phrases: Phrases, counts: Phrases, units: Phrases, limits: Phrases })
      .strict(),
  })
  .strict();

const ChineseFile = z
  .object({
    /** Generic nouns of programme names ("计划"): never evidence for one name. */
    generic: Phrases,
    /** Function and question words ("什么", "哪个"). */
    question: Phrases,
    /** Chinese field words, by field. */
    fields: z.partialRecord(z.enum([...POLICY_FIELDS, ...COUNTRY_FIELDS]), Phrases),
    /**
     * A field's own name, as "consistency" is in English: named outright, it outweighs another
     * field's word said of it ("报告如何评价…的连续性": how the report rates the continuity).
     */
    own_names: z.partialRecord(z.enum([...POLICY_FIELDS, ...COUNTRY_FIELDS]), Phrases),
    /** Orderings and superlatives ("更早", "最新") → the field they order by. */
    order: z.record(Phrase, PolicyField),
    /** Superlatives of quality ("最薄弱", "最好"): they order by the field they are said of. */
    quality_order: Phrases,
    /** Words that set policies side by side ("比较", "区别"). */
    compare: Phrases,
    /** Words that put every policy in view ("三个", "所有"). */
    all: Phrases,
    /** Words that join two names ("和", "与"): what one joins to a known name is a name too. */
    conjunctions: Phrases.default([]),
    /** Particles and words of asking ("的", "是", "哪个"): a name's slot ends at them. */
    particles: Phrases.default([]),
    /** Which-words ("哪个", "哪些"): which of the policies, unless a field word follows. */
    which: Phrases.default([]),
    /** Words that ask for a time ("哪年", "什么时候"): an event asked with them is a start. */
    when: Phrases.default([]),
    /**
     * Words that ask for a place ("哪里", "什么地方"): a policy's card answers no place, so with
     * words of their own beside the name they ask where that other thing is.
     */
    where: Phrases.default([]),
    /** Events of a policy's beginning ("批准", "发布"): asked with a time word, its start year. */
    start_events: Phrases.default([]),
    /** Words that ask for an amount ("多少", "金额"): money asked with them is the budget. */
    amount: Phrases.default([]),
    /** Words that ask where something comes from ("来自", "从哪"): money asked with them is its source. */
    origin: Phrases.default([]),
    /**
     * "实施所需资金" (the money implementation needs): a field word joined by one of these to a
     * later field word of another field only qualifies it; the later word, the head, is asked.
     */
    modifier_links: Phrases.default([]),
    /** Openings of a clause that says what the answer is for ("我想查…", "我需要…"), not a question. */
    purpose: Phrases.default([]),
    /**
     * Cantonese words (as simplified script spells them) → the Mandarin words the rest of the
     * vocabulary knows ("边个" → "谁"); an empty value drops a sentence particle ("嚟").
     */
    cantonese: z
      .object({
        words: z
          .record(Phrase, z.string())
          .superRefine((table, ctx) => checkChineseWords(Object.keys(table), ctx, (w) => [w])),
        /** Words Mandarin has too ("定" decide, "系" system): read as Cantonese only beside one it lacks. */
        shared: Phrases,
        /** Who-words that ask which before a noun ("边个 policy", "边个政策": which policy). */
        which: z.record(Phrase, Phrase).default({}),
      })
      .strict()
      .default({ words: {}, shared: [], which: {} }),
    /**
     * Words of Taiwan and Hong Kong (as simplified script spells them) that OpenCC's tables
     * leave as they are → the mainland words the vocabulary knows ("群聚" → "集群"). Always read
     * so, as whole words: unlike Cantonese, they are no other language.
     */
    regional: z
      .record(Phrase, Phrase)
      .superRefine((table, ctx) => checkChineseWords(Object.keys(table), ctx, (w) => [w]))
      .default({}),
    /**
     * The reading (pinyin without tones) of each character of the data's Chinese names, so a
     * name typed in romanisation ("huoju jihua", "dawanqu") is read as the name it spells.
     */
    pinyin: z
      .record(
        z.string().regex(/^\p{Script=Han}$/u, "one Han character"),
        z.string().regex(/^[a-z]+$/),
      )
      .default({}),
  })
  .strict();

/**
 * Chinese words as the resolver reads them: Han characters in simplified script (traditional
 * text is converted before reading, so a traditional key could never match). Checked per key
 * so a bad key is named with what is wrong with it.
 */
function checkChineseWords(
  words: readonly string[],
  ctx: z.RefinementCtx,
  at: (word: string, k: number) => (string | number)[],
): void {
  words.forEach((word, k) => {
    if (!/^\p{Script=Han}+$/u.test(word)) {
      ctx.addIssue({ code: "custom", message: "Han characters only", path: at(word, k) });
    } else if (simplifyChinese(word) !== word) {
      ctx.addIssue({
        code: "custom",
        message: `write it in simplified script (${simplifyChinese(word)}): questions are read as simplified`,
        path: at(word, k),
      });
    }
  });
}
/** The English words a gloss stands for, as the factsheet's texts spell them. */
const EnglishWords = z.string().regex(/^[a-z]+(?: [a-z]+)*$/u, "lower-case English words");
const GlossTable = z
  .record(z.string(), EnglishWords)
  .superRefine((table, ctx) => checkChineseWords(Object.keys(table), ctx, (word) => [word]));

const GlossesFile = z
  .object({
    /**
     * Content words of the domain → English, so a Chinese question is searched for in the
     * English texts ("户口" → hukou). Words the data lacks are glossed too ("员工" →
     * employees): a question about them is then declined, not answered with the overview.
     */
    words: GlossTable,
    /**
     * Places, glossed like words, yet still read as the name of something else when they
     * stand in a name's slot ("长三角规划": another plan).
     */
    places: GlossTable,
    /** Words that count ("几个", "多少"): before a glossed word, "how many" of it. */
    count: z
      .array(z.string())
      .superRefine((words, ctx) => checkChineseWords(words, ctx, (_, k) => [k])),
  })
  .strict();

const CountriesFile = z
  .object({
    /**
     * Words for countries beyond their ISO names (from i18n-iso-countries), by ISO 3166-1
     * alpha-2 code: demonyms and everyday names ("german", "holland").
     */
    other_names: z.record(z.string().regex(/^[A-Z]{2}$/u), Phrases),
    /** Abbreviations that mean a country only in capitals ("US"; "us" is a pronoun). */
    capitalised_abbreviations: z
      .array(z.object({ abbreviation: Phrase, word: Phrase }).strict())
      .default([]),
  })
  .strict();

/**
 * One way of asking a field, names masked: "{policy}" stands for any policy's name, "{country}"
 * for a country's, so an example teaches how a field is asked, not which name it is asked of.
 * Lower-case (the resolver's words are), Chinese in simplified script.
 */
const FieldExample = z
  .string()
  .trim()
  .min(1)
  .superRefine((text, ctx) => {
    const slots = text.match(/\{[^}]*\}?/gu) ?? [];
    for (const slot of slots) {
      if (slot !== "{policy}" && slot !== "{country}") {
        ctx.addIssue({
          code: "custom",
          message: `unknown slot ${slot}: write {policy} or {country} for a name`,
        });
      }
    }
    if (text !== text.toLowerCase()) {
      ctx.addIssue({ code: "custom", message: "write examples in lower case" });
    }
    if (simplifyChinese(text) !== text) {
      ctx.addIssue({
        code: "custom",
        message: `write it in simplified script (${simplifyChinese(text)}): questions are read as simplified`,
      });
    }
  });

/**
 * Labelled ways of asking each field (and the overview card: a name alone, "tell me about…"),
 * for the resolver's similarity evidence (src/search/resolve/field-similarity.ts).
 */
const ExampleLabel = z.enum(["card", ...POLICY_FIELDS, ...COUNTRY_FIELDS]);
export type ExampleLabel = z.infer<typeof ExampleLabel>;
export const EXAMPLE_LABELS: readonly ExampleLabel[] = ExampleLabel.options;
/** Every label has its examples (a record over an enum of keys is exhaustive, and strict). */
const FieldExamplesFile = z.record(ExampleLabel, z.array(FieldExample));
export type FieldExamples = z.infer<typeof FieldExamplesFile>;

export interface Vocabulary {
  fields: z.infer<typeof FieldsFile>;
  cues: z.infer<typeof CuesFile>;
  words: z.infer<typeof WordsFile>;
  chinese: z.infer<typeof ChineseFile>;
  countries: z.infer<typeof CountriesFile>;
  glosses: z.infer<typeof GlossesFile>;
  fieldExamples: FieldExamples;
}

export type ChineseFieldWords = Partial<Record<PolicyField | CountryField, string[]>>;

/** The package's data/vocabulary, found from the package root so any cwd (and the build) works. */
export function defaultVocabularyDir(): string {
  return packagePath("data", "vocabulary");
}

export function loadVocabulary(dir: string = defaultVocabularyDir()): Vocabulary {
  const file = (name: string): string => path.join(dir, `${name}.json`);
  return {
    fields: loadJsonFile(file("fields"), FieldsFile),
    cues: loadJsonFile(file("cues"), CuesFile),
    words: loadJsonFile(file("words"), WordsFile),
    chinese: loadJsonFile(file("chinese"), ChineseFile),
    countries: loadJsonFile(file("countries"), CountriesFile),
    glosses: loadJsonFile(file("glosses"), GlossesFile),
    fieldExamples: loadJsonFile(file("field-examples"), FieldExamplesFile),
  };
}
