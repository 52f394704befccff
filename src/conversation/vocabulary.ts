import { readFileSync } from "node:fs";
import { z } from "zod";
import { formatJsonPath } from "../dataset/load.ts";
import { PolicyField, PolicyKind } from "../dataset/schema.ts";
import { packagePath } from "../package-root.ts";
import { PARSED_ONCE } from "../parse-once.ts";

/**
 * The cue words of follow-up questions ("its", "the other two", "and … ?", "than"), as data:
 * a new phrasing is a line in data/vocabulary/conversation.json, not a branch in code.
 */

const Phrase = z.string().trim().min(1);

/** Which end of an order words ask for: "newest" the highest year, "oldest" the lowest. */
const Ranks = z.object({ highest: z.array(Phrase), lowest: z.array(Phrase) }).strict();

export const ConversationVocabularySchema = z
  .object({
    $comment: z.string().optional(),
    references: z
      .object({
        /** One thing already talked about: "it", "this policy", "它". */
        one: z.array(Phrase).min(1),
        /** The several things talked about: "they", "both", "它们". */
        several: z.array(Phrase).min(1),
        /**
         * Those of `several` that mean two ("both", "the two"): after one policy, then another,
         * they are the two.
         */
        pairs: z.array(Phrase),
        /** Every policy of the country talked about: "all three". */
        all: z.array(Phrase).min(1),
        /** The policies not talked about; `count` says how many the phrase expects. */
        others: z
          .array(
            z.object({ phrase: Phrase, count: z.number().int().positive().nullable() }).strict(),
          )
          .min(1),
        /** References to the last fact rather than the policy ("is that more than …"): the field stays. */
        facts: z.array(Phrase),
        /**
         * Of two policies, the one talked about first ("the former") and the one brought in
         * after it ("the latter").
         */
        former: z.array(Phrase),
        latter: z.array(Phrase),
      })
      .strict(),
    /**
     * Words standing for the aspect talked about, not for a policy: "in this respect", "those
     * arrangements", "the same", "这方面". A follow-up is read with the field talked about said
     * in their place ("how does torch compare in this respect?" → "… compare on evaluation"),
     * or without them when the turn names a field of its own ("does it target the same groups?").
     * A longer phrase of `comparatives` or `comparisons` overlapping one ("the same as") wins.
     */
    aspects: z.array(Phrase),
    /**
     * Words saying that a policy is the one the subject derives from ("the parent policy", "the
     * national policy it comes from"): with the data's `derived_from`, the turn is about that one.
     */
    parentWords: z.array(Phrase),
    /**
     * Words that read as either of two or more fields ("funding": the budget or the source of
     * funding): in a follow-up, the field talked about is the one they mean.
     */
    sharedFieldWords: z.array(
      z.object({ words: z.array(Phrase).min(1), fields: z.array(PolicyField).min(2) }).strict(),
    ),
    /** Words that open a follow-up leaving the rest unsaid: "and the budget?", "what about GBA?". */
    ellipsisLeads: z.array(Phrase),
    /** Words that close one: "…呢", "… too". */
    ellipsisTails: z.array(Phrase),
    /** "is that more than city clusters?": the earlier subject is measured against a new one. */
    comparatives: z.array(Phrase),
    /** "compare it with torch": the earlier subject is put beside a new one. */
    comparisons: z.array(Phrase),
    /**
     * "how does it stack up overall?": the turn asks of the policies as a whole, so no field
     * talked about carries over to it.
     */
    wholes: z.array(Phrase),
    /** Words of a question about a score ("why only 0.5 for evidence?"). */
    scoreWords: z.array(Phrase),
    /**
     * Words that take back the last question to ask it again of something else ("sorry, I
     * meant torch"): they are dropped, and what is left is read as an elliptic follow-up.
     */
    corrections: z.array(Phrase),
    /**
     * Words opening a turn that takes back what it names first ("not torch, GBA", "不是火炬，
     * 是城市群"): the part after the first clause break is the correction.
     */
    negations: z.array(Phrase),
    /**
     * Words of chat that open or close a turn without asking anything ("oh", "lol", "haha",
     * "哈哈"): "oh sorry, I meant torch lol" is read as "sorry, I meant torch".
     */
    chatWords: z.array(Phrase),
    /**
     * Chinese characters that stand alone as words in any question ("的", "吗", "有"): a run of
     * three or more other single characters is a name the segmenter does not know ("雄安新区").
     */
    cjkFunctionCharacters: z.string(),
    /** Words of degree: "which one is bigger?" chooses by a quantity. */
    degreeWords: z.array(Phrase),
    /** "which one", "哪个": asks to choose between the subjects, so a comparative compares them. */
    choices: z.array(Phrase),
    /**
     * Which end of an order a question asks for: "newest", "ends last" → the highest year;
     * "oldest", "first" → the lowest. The policy at that end is then "that one".
     */
    ranks: Ranks,
    /**
     * "the second one", "第二个", "the weakest": words picking one part of the answer just given
     * (an item of its list, a maturity dimension) by its place or its score.
     */
    parts: z
      .object({
        $comment: z.string().optional(),
        /** Ordinal words by place: "1" the first, "-1" the last. */
        ordinals: z.record(z.string().regex(/^-?[1-9][0-9]*$/u), z.array(Phrase)),
        /** English nouns after an ordinal: "the second one", "the third objective". */
        nouns: z.array(Phrase).min(1),
        /** Chinese measure words after an ordinal: "第二个", "第三项". */
        measures: z.array(Phrase).min(1),
        /** Which end of scored parts: "strongest" the highest score, "weakest" the lowest. */
        extremes: Ranks,
      })
      .strict(),
    /** Words that ask something: "thanks, that's all" asks nothing of "that". */
    questionWords: z.array(Phrase),
    /**
     * "the regional one", "the national ones", "the oldest one": the policies talked about (or
     * all of the country's), picked by what the data says of them. A word of `types` (by the
     * data's policy kind) or `years` (the highest or lowest year of a year field) before a noun.
     */
    selections: z
      .object({
        $comment: z.string().optional(),
        /** English words before the attribute: "the regional one", not "a regional one". */
        determiners: z.array(Phrase).min(1),
        nouns: z.object({ one: z.array(Phrase).min(1), several: z.array(Phrase).min(1) }).strict(),
        types: z.record(PolicyKind, z.array(Phrase)),
        /** "the one with no end date", "the one without any evaluation": what the data lacks. */
        without: z.array(Phrase),
        years: z.object({ start_year: Ranks.optional(), end_year: Ranks.optional() }).strict(),
      })
      .strict(),
  })
  .strict();
export type ConversationVocabulary = z.infer<typeof ConversationVocabularySchema>;

export class VocabularyError extends Error {
  override readonly name = "VocabularyError";
}

export function defaultConversationVocabularyFile(): string {
  return packagePath("data", "vocabulary", "conversation.json");
}

/** Reads and validates the file; a problem names the file and the JSON path. */
export function loadConversationVocabulary(
  file: string = defaultConversationVocabularyFile(),
): ConversationVocabulary {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new VocabularyError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = ConversationVocabularySchema.safeParse(raw, PARSED_ONCE);
  if (!parsed.success) {
    throw new VocabularyError(
      parsed.error.issues
        .map((issue) => `${file}: ${formatJsonPath(issue.path) || "(root)"}: ${issue.message}`)
        .join("\n"),
    );
  }
  return parsed.data;
}

let cached: ConversationVocabulary | null = null;

/** The repository's vocabulary, read once. */
export function conversationVocabulary(): ConversationVocabulary {
  cached ??= loadConversationVocabulary();
  return cached;
}
