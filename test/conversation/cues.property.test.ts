import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPhrases, type CueMatch } from "../../src/conversation/cues.ts";
import { conversationVocabulary } from "../../src/conversation/vocabulary.ts";

/**
 * findPhrases skips a phrase whose words are not in the text before scanning for it; skipping
 * must never lose a match. The reference scans every phrase with the documented rule: English
 * phrases as whole words in any case and spacing, Chinese phrases anywhere.
 */
function referenceFind(text: string, phrases: readonly string[]): CueMatch[] {
  const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const found: CueMatch[] = [];
  for (const phrase of phrases) {
    const body = phrase.trim().split(/\s+/u).map(escape).join("[\\s\\-]+");
    const pattern = /[\u3400-\u9fff\uf900-\ufaff]/u.test(phrase)
      ? new RegExp(body, "gu")
      : new RegExp(`(?<![\\p{L}\\p{N}'’])${body}(?![\\p{L}\\p{N}])`, "giu");
    for (const match of text.matchAll(pattern)) {
      found.push({ phrase, start: match.index, end: match.index + match[0].length });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: CueMatch[] = [];
  for (const match of found) {
    if (kept.some((k) => match.start < k.end && k.start < match.end)) continue;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const vocabulary = conversationVocabulary();
const lists: readonly (readonly string[])[] = [
  vocabulary.references.one,
  vocabulary.references.several,
  vocabulary.references.all,
  vocabulary.references.others.map((other) => other.phrase),
  vocabulary.ellipsisLeads,
  vocabulary.ellipsisTails,
  vocabulary.comparatives,
  vocabulary.comparisons,
  vocabulary.scoreWords,
  vocabulary.questionWords,
  // Phrases beyond ASCII and with characters that fold onto ASCII letters.
  ["naïve one", "ſo", "Kelvin", "that's", "это"],
];
const allPhrases = lists.flat();

/** Text made of the vocabulary's own phrases, re-cased and re-spaced, with noise between. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...allPhrases),
      fc.constantFrom(" ", "  ", "-", "?", "？", "'", "’", "x", "1", "呢", "ſ", "\u212a", "İ", "é"),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 12 },
  )
  .chain((parts) =>
    fc
      .array(fc.constantFrom("lower", "upper", "as is"), {
        minLength: parts.length,
        maxLength: parts.length,
      })
      .map((cases) =>
        parts
          .map((part, i) =>
            cases[i] === "upper"
              ? part.toUpperCase()
              : cases[i] === "lower"
                ? part.toLowerCase()
                : part,
          )
          .join(""),
      ),
  );

describe("findPhrases", () => {
  it("finds what a scan of every phrase finds, for any text and case", () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...lists), (input, phrases) => {
        expect(findPhrases(input, phrases)).toEqual(referenceFind(input, phrases));
      }),
      { numRuns: 2000 },
    );
  });

  it("matches letters that fold onto ASCII the way the pattern does (ſ, the Kelvin sign)", () => {
    expect(findPhrases("ſo what", ["so"]).map((m) => m.phrase)).toEqual(["so"]);
    expect(findPhrases("\u212aelvin", ["kelvin"]).map((m) => m.phrase)).toEqual(["kelvin"]);
    expect(findPhrases("AND ITS BUDGET?", ["its"])).toEqual([{ phrase: "its", start: 4, end: 7 }]);
  });
});
