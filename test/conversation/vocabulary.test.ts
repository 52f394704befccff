import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConversationState } from "../../src/conversation/state.ts";
import {
  defaultConversationVocabularyFile,
  loadConversationVocabulary,
} from "../../src/conversation/vocabulary.ts";

describe("the conversation vocabulary file", () => {
  it("is valid", () => {
    const vocabulary = loadConversationVocabulary();
    expect(vocabulary.references.one).toContain("its");
    expect(vocabulary.references.one).toContain("它的");
  });

  it("a bad file stops the load, naming the file and the JSON path", () => {
    const raw = JSON.parse(readFileSync(defaultConversationVocabularyFile(), "utf8")) as {
      references: { others: unknown[] };
    };
    raw.references.others[1] = { phrase: "the other policy", count: "one" };
    const file = path.join(mkdtempSync(path.join(tmpdir(), "vocabulary-")), "conversation.json");
    writeFileSync(file, JSON.stringify(raw));
    expect(() => loadConversationVocabulary(file)).toThrow(`${file}: references.others[1].count:`);
    writeFileSync(file, "{ not json");
    expect(() => loadConversationVocabulary(file)).toThrow(file);
  });
});

describe("a stored conversation state read back", () => {
  it("is validated: anything else reads as no conversation", () => {
    const state = {
      version: 1,
      last: "policy",
      country: "china",
      policies: ["torch"],
      field: null,
    };
    expect(parseConversationState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(parseConversationState({ ...state, version: 2 })).toBeNull();
    expect(parseConversationState({ ...state, policies: "torch" })).toBeNull();
    expect(parseConversationState({ ...state, extra: true })).toBeNull();
    expect(parseConversationState(null)).toBeNull();
  });
});
