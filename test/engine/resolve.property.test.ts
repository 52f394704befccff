import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { createEngine } from "../../src/create-engine.ts";
import { buildCatalog } from "../../src/search/catalog.ts";
import { phraseStems } from "../../src/model/normalize.ts";
import {
  COMMON_WORDS,
  GENERIC_NAME_WORDS,
  POLICY_FIELD_WORDS,
} from "../../src/search/vocabulary.ts";

const countries = loadDataset(defaultDataDir());
const engine = createEngine(countries);
const catalog = buildCatalog(countries);

/** Words that are not a distinctive word of any policy's names. */
const nameWords = new Set(
  catalog.aliases.flatMap((alias) => alias.stems.filter((_, i) => !alias.generic[i])),
);
const harmless = [
  ...COMMON_WORDS,
  ...GENERIC_NAME_WORDS,
  ...Object.values(POLICY_FIELD_WORDS).flatMap((words) => words.strong),
].filter((phrase) => phraseStems(phrase).every((stem) => !nameWords.has(stem)));

describe("resolveQuestion over arbitrary text", () => {
  it("never throws, and every answer names ids the data holds", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        const answer = engine.ask(text);
        if (answer.kind === "answer") {
          expect(catalog.countryById.has(answer.country)).toBe(true);
          if (answer.policy !== null) expect(catalog.policies.has(answer.policy)).toBe(true);
        }
        if (answer.kind === "clarify" || answer.kind === "none") {
          expect(answer.text.length).toBeLessThan(600);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("ordinary and generic words never select a policy by themselves", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...harmless), { minLength: 1, maxLength: 8 }),
        (words) => {
          const intent = engine.resolveQuestion(words.join(" "));
          expect(intent.kind).not.toBe("policy");
        },
      ),
      { numRuns: 400 },
    );
  });

  it("a policy's own name is found whatever the case and punctuation around it", () => {
    const names = countries.flatMap((c) => c.policies.map((p) => [p.id, p.short_name] as const));
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.constantFrom("", "?", "!!", "...", " please"),
        fc.boolean(),
        ([id, name], tail, upper) => {
          const text = `${upper ? name.toUpperCase() : name.toLowerCase()}${tail}`;
          expect(engine.resolveQuestion(text)).toMatchObject({ kind: "policy", policy: id });
        },
      ),
    );
  });
});
