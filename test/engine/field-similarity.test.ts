import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createEngine } from "../../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { defaultVocabularyDir, loadVocabulary } from "../../src/dataset/vocabulary.ts";
import { FIELD_EXAMPLES } from "../../src/search/vocabulary.ts";
import { chinaEngine } from "../china-engine.ts";

const countries = loadDataset(defaultDataDir());
/** The same engine with no examples: the rules alone. */
const rulesAlone = createEngine(countries, { fieldExamples: {} });

describe("similar phrasings: a way of asking no field word lists reaches its field", () => {
  it("'still alive?' of a policy is its end year, where the rules alone show the card", () => {
    const answer = chinaEngine.ask("torch: still alive?");
    expect(answer.kind).toBe("answer");
    expect(answer.text).toContain("has no end year (an unlimited period)");
    expect(rulesAlone.ask("torch: still alive?").text).toContain("is a national cluster policy");
  });

  // Taught by examples only: a phrasing of funding no vocabulary word covers.
  const taught = createEngine(countries, {
    fieldExamples: {
      ...FIELD_EXAMPLES,
      funding_source: [
        ...FIELD_EXAMPLES.funding_source,
        "{policy}: who signs the cheques",
        "who signs the cheques for {policy}",
      ],
    },
  });

  it.each([
    ["city clusters: who signs the cheques?", "local and municipal administrations"],
    ["who signs the cheques for the GBA plan", "regional governments of Guangdong"],
  ])("%s → the source of funding, once examples teach it", (question, fact) => {
    expect(taught.ask(question).text).toContain(fact);
    expect(rulesAlone.ask(question).kind).toBe("none");
  });

  it.each([
    // A word no example of the field holds asks what the data lacks.
    ["torch: who is its mascot?", "mascot"],
    ["torch: who signs the guestbook?", "guestbook"],
    ["who signs the cheques for torch, and what colour are they?", "colour"],
  ])("%s → still declined on “%s”", (question, word) => {
    const answer = taught.ask(question);
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain(word);
  });

  it.each([
    ["xiongan new area: who signs the cheques?", "national cluster policies"],
    ["who signs the cheques for germany's cluster programme?", "I have no data on Germany"],
  ])("%s → an unknown name or another country still declines", (question, text) => {
    const answer = taught.ask(question);
    expect(answer.kind).toBe("none");
    expect(answer.text).toContain(text);
  });

  it("ordinary words alone ('who are you?') after a policy are no field", () => {
    expect(chinaEngine.ask("who are you? city clusters").text).not.toContain("beneficiar");
  });
});

describe("field-examples.json is checked at start-up", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "policybot-examples-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const withExamples = (change: (file: Record<string, unknown>) => Record<string, unknown>) => {
    cpSync(defaultVocabularyDir(), dir, { recursive: true });
    const file = path.join(dir, "field-examples.json");
    const examples = z
      .record(z.string(), z.unknown())
      .parse(JSON.parse(readFileSync(file, "utf8")));
    writeFileSync(file, JSON.stringify(change(examples)));
  };

  it("loads as shipped, every field with examples", () => {
    const examples = loadVocabulary().fieldExamples;
    expect(examples.funding_source.length).toBeGreaterThan(10);
    expect(examples.consistency.length).toBeGreaterThan(10);
  });

  it("names the file and the JSON path of a slot that is not a name's", () => {
    withExamples((file) => ({ ...file, budget: ["how much does {programme} cost"] }));
    expect(() => loadVocabulary(dir)).toThrow(
      /field-examples\.json[\s\S]*budget\[0\][\s\S]*\{programme\}/,
    );
  });

  it("names a field left without examples, and a label that is no field", () => {
    withExamples(({ evaluation: _dropped, ...rest }) => ({ ...rest, pricing: ["{policy} price"] }));
    expect(() => loadVocabulary(dir)).toThrow(/field-examples\.json[\s\S]*evaluation/);
    expect(() => loadVocabulary(dir)).toThrow(/pricing/);
  });

  it("asks for simplified script, as questions are read", () => {
    withExamples((file) => ({ ...file, budget: ["{policy} 的經費是多少"] }));
    expect(() => loadVocabulary(dir)).toThrow(
      /field-examples\.json[\s\S]*budget\[0\][\s\S]*simplified/,
    );
  });
});
