import { ComponentType, MessageFlags } from "discord.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answers/types.ts";
import type { ReplyView } from "../../src/command-api.ts";
import { POLICY_FIELDS } from "../../src/dataset/schema.ts";
import {
  fitAutocompleteChoices,
  renderReplyView,
  safeReplyPayload,
  scoreBar,
  scoreLines,
  sourcesLine,
} from "../../src/render/discord.ts";
import {
  policyFromSectionMenuCustomId,
  suggestionFromCustomId,
} from "../../src/render/suggestion-ids.ts";
import { hasLoneSurrogate, payloadProblems, payloadText } from "./payload-problems.ts";
import { userText } from "./user-text.ts";

const budgetAnswer: Answer = {
  kind: "answer",
  country: "china",
  policy: "torch",
  field: "budget",
  title: "TORCH Program — budget",
  text: "The TORCH Program's overall budget is not stated in the factsheet.",
  details: [
    { name: "Overall", value: "Not stated", inline: true },
    { name: "Annual", value: "About EUR 1.2 billion (Innofund)", inline: true },
  ],
  sources: ["Country factsheet: China › National cluster policy › BUDGET"],
  suggestions: ["When did the TORCH Program start?"],
};

const maturityAnswer: Answer = {
  kind: "answer",
  country: "china",
  policy: null,
  field: "maturity",
  title: "China — cluster policy maturity",
  text: "China scores 6.5 of 7.",
  details: [{ name: "Notes", value: "A long-standing, consistent approach." }],
  sources: ["Country factsheet: China › Maturity index"],
  suggestions: [],
  scores: [
    { label: "Policy scope", score: 2, max: 2, reason: "A dedicated national cluster policy." },
    { label: "Evidence of performance", score: 1.5, max: 2, reason: "Evaluated in itinere." },
  ],
};

describe("renderReplyView", () => {
  it("shows an answer as an embed: title, first sentence, details as fields, source in the footer", () => {
    const payload = renderReplyView({ answer: budgetAnswer });
    const [embed] = payload.embeds;
    expect(embed?.title).toBe("TORCH Program — budget");
    expect(embed?.description).toBe(budgetAnswer.text);
    expect(embed?.fields).toEqual([
      { name: "Overall", value: "Not stated", inline: true },
      { name: "Annual", value: "About EUR 1.2 billion (Innofund)", inline: true },
    ]);
    expect(embed?.footer?.text).toBe(
      "Source: Country factsheet: China › National cluster policy › BUDGET",
    );
    expect(payload.allowedMentions).toEqual({ parse: [] });
    expect(payload.flags).toBeUndefined();
    expect(payloadProblems(payload)).toEqual([]);
  });

  it("draws maturity scores one line per dimension with a bar, score of maximum, reason and total", () => {
    const payload = renderReplyView({ answer: maturityAnswer });
    const scores = payload.embeds[0]?.fields?.find((field) => field.name === "Maturity scores");
    expect(scores?.value.split("\n")).toEqual([
      "▰▰▰▰ **Policy scope** 2/2 — A dedicated national cluster policy.",
      "▰▰▰▱ **Evidence of performance** 1.5/2 — Evaluated in itinere.",
      "**Total** 3.5/4 (the sum of the scores)",
    ]);
  });

  it("makes bars proportional to the score", () => {
    expect(scoreBar(0, 2)).toBe("▱▱▱▱");
    expect(scoreBar(0.5, 1)).toBe("▰▱");
    expect(scoreBar(7, 7)).toBe("▰".repeat(10));
    expect(scoreBar(3, 0)).toBe("▱".repeat(10));
    expect(scoreLines([{ label: "A", score: 1, max: 1, reason: "" }])).toBe(
      "▰▰ **A** 1/1\n**Total** 1/1 (the sum of the scores)",
    );
  });

  it("attaches the chart as a file and shows it as the embed image", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const kinds: string[] = [];
    const payload = renderReplyView(
      { answer: maturityAnswer, image: "maturity" },
      { renderChart: (kind) => (kinds.push(kind), png) },
    );
    expect(kinds).toEqual(["maturity"]);
    expect(payload.files).toEqual([{ attachment: png, name: "maturity.png" }]);
    expect(payload.embeds[0]?.image).toEqual({ url: "attachment://maturity.png" });
    const without = renderReplyView(
      { answer: maturityAnswer, image: "maturity" },
      { renderChart: () => null },
    );
    expect(without.files).toEqual([]);
    expect(without.embeds[0]?.image).toBeUndefined();
  });

  it("asks back with the suggestions as buttons whose ids map back to the question", () => {
    const suggestions = [
      "What is the TORCH Program's budget?",
      "What is the budget of the Greater Bay Area plan, the Outline Development Plan for the Guangdong-Hong Kong-Macao Greater Bay Area?",
    ];
    const payload = renderReplyView({
      answer: { kind: "clarify", text: "Which policy do you mean?", suggestions },
    });
    expect(payload.content).toBe("Which policy do you mean?");
    expect(payload.embeds).toEqual([]);
    const buttons = payload.components.flatMap((row) => row.components);
    expect(buttons).toHaveLength(2);
    const pressed = buttons.map((button) =>
      "custom_id" in button ? suggestionFromCustomId(button.custom_id) : null,
    );
    expect(pressed).toEqual(suggestions);
    expect(payloadProblems(payload)).toEqual([]);
  });

  it("declines with a short text and a hint to /help, privately when asked", () => {
    const payload = renderReplyView({
      answer: { kind: "none", text: "I only know about cluster policies.", suggestions: [] },
      ephemeral: true,
    });
    expect(payload.content).toContain("I only know about cluster policies.");
    expect(payload.content).toContain("/help");
    expect(payload.flags).toBe(MessageFlags.Ephemeral);
    expect(payload.components).toEqual([]);
  });

  it("puts a section menu under a policy card, with the current section selected", () => {
    const payload = renderReplyView({
      answer: budgetAnswer,
      sectionMenu: { policy: "torch", current: "budget" },
    });
    const [row] = payload.components;
    const select = row?.components[0];
    expect(select?.type).toBe(ComponentType.StringSelect);
    if (select?.type !== ComponentType.StringSelect) return;
    expect(policyFromSectionMenuCustomId(select.custom_id)).toBe("torch");
    expect(select.options.map((option) => option.value)).toEqual(["card", ...POLICY_FIELDS]);
    expect(select.options.filter((option) => option.default).map((option) => option.value)).toEqual(
      ["budget"],
    );
  });

  it("splits a long section over several fields instead of dropping it", () => {
    const sentence = "The policy supports clusters of innovative firms in high-tech zones. ";
    const value = sentence.repeat(40);
    const payload = renderReplyView({
      answer: { ...budgetAnswer, details: [{ name: "Summary", value }] },
    });
    const fields = payload.embeds[0]?.fields ?? [];
    expect(fields.map((field) => field.name)).toEqual([
      "Summary",
      "Summary (cont.)",
      "Summary (cont.)",
    ]);
    expect(fields.map((field) => field.value).join(" ")).toBe(value);
    expect(payloadProblems(payload)).toEqual([]);
  });

  it("trims to the 6000-character total and says how much is not shown", () => {
    const details = Array.from({ length: 30 }, (_, i) => ({
      name: `Section ${i + 1}`,
      value: "x".repeat(900),
    }));
    const payload = renderReplyView({ answer: { ...budgetAnswer, details } });
    const fields = payload.embeds[0]?.fields ?? [];
    expect(payloadProblems(payload)).toEqual([]);
    expect(fields.at(-1)?.value).toMatch(/^\d+ more not shown\.$/);
    expect(fields[0]?.value).toBe("x".repeat(900));
  });
});

describe("safeReplyPayload", () => {
  it("turns mentions off and clamps content, whatever the caller passes", () => {
    const payload = safeReplyPayload({ content: "@everyone ".repeat(500), ephemeral: true });
    expect(payload.allowedMentions).toEqual({ parse: [] });
    expect(payload.content?.length).toBeLessThanOrEqual(2000);
    expect(payload.content?.endsWith("…")).toBe(true);
    expect(payloadProblems(payload)).toEqual([]);
  });

  it("never sends an empty message", () => {
    expect(payloadProblems(safeReplyPayload({ content: "  " }))).toEqual([]);
  });
});

describe("what Discord would refuse outright", () => {
  it("never sends half an emoji: a lone surrogate becomes U+FFFD everywhere", () => {
    const half = "Torch \ud83d budget";
    const payload = renderReplyView({
      answer: { kind: "clarify", text: half, suggestions: [half, "\ude00 start year"] },
    });
    expect(payload.content).toBe("Torch \ufffd budget");
    const buttons = payload.components.flatMap((row) => row.components);
    expect(buttons.map((button) => ("label" in button ? button.label : ""))).toEqual([
      "Torch \ufffd budget",
      "\ufffd start year",
    ]);
    expect(payloadProblems(payload)).toEqual([]);
    const card = renderReplyView({
      answer: { ...budgetAnswer, title: "\udbff", details: [{ name: "a\ud800", value: "b" }] },
    });
    expect(card.embeds[0]?.title).toBe("\ufffd");
    expect(card.embeds[0]?.fields?.[0]?.name).toBe("a\ufffd");
    expect(payloadProblems(card)).toEqual([]);
  });

  it("drops an embed that would show nothing, so the reply is never empty", () => {
    const payload = renderReplyView({
      answer: { ...budgetAnswer, title: " ", text: "\u001f", details: [], sources: [] },
    });
    expect(payload.embeds).toEqual([]);
    expect(payload.content).toBe("I have nothing to show for that.");
    expect(payloadProblems(payload)).toEqual([]);
  });

  it("preselects at most max_values options of a menu", () => {
    const option = (value: string) => ({ label: value, value, default: true });
    const payload = safeReplyPayload({
      content: "Pick one",
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.StringSelect,
              custom_id: "menu",
              options: [option("a"), option("b"), option("c")],
            },
          ],
        },
      ],
    });
    const select = payload.components[0]?.components[0];
    if (select?.type !== ComponentType.StringSelect) throw new Error("no select menu");
    expect(select.options.map((o) => o.default)).toEqual([true, false, false]);
    expect(payloadProblems(payload)).toEqual([]);
  });
});

describe("fitAutocompleteChoices", () => {
  it("keeps at most 25 choices with names of 1–100 and values of at most 100 characters", () => {
    const choices = [
      ...Array.from({ length: 40 }, (_, i) => ({ name: "n".repeat(150), value: `id-${i}` })),
    ];
    const fitted = fitAutocompleteChoices([
      { name: "", value: "blank-name" },
      { name: "too long a value", value: "v".repeat(101) },
      ...choices,
    ]);
    expect(fitted).toHaveLength(25);
    expect(fitted[0]).toEqual({ name: "blank-name", value: "blank-name" });
    expect(
      fitted.every((c) => c.name.length >= 1 && c.name.length <= 100 && c.value.length <= 100),
    ).toBe(true);
  });

  it("never offers half an emoji", () => {
    expect(fitAutocompleteChoices([{ name: "x\ud83d", value: "\ude00y" }])).toEqual([
      { name: "x\ufffd", value: "\ufffdy" },
    ]);
  });
});

const section = fc.record({ name: userText, value: userText, inline: fc.boolean() });
const scoreRow = fc.record({
  label: userText,
  score: fc.double({ min: 0, max: 10, noNaN: true }),
  max: fc.double({ min: 0.5, max: 10, noNaN: true }),
  reason: userText,
});
const body = {
  title: userText,
  text: userText,
  details: fc.array(section, { maxLength: 40 }),
  sources: fc.array(userText, { maxLength: 6 }),
  suggestions: fc.array(userText, { maxLength: 30 }),
};
const answerArb: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({
    kind: fc.constant("answer" as const),
    country: fc.constant("china"),
    policy: fc.option(fc.constant("torch")),
    field: fc.constant("budget"),
    ...body,
    scores: fc.array(scoreRow, { maxLength: 6 }),
  }),
  fc.record({
    kind: fc.constant("compare" as const),
    country: fc.constant("china"),
    policies: fc.constant<string[]>(["city-clusters", "torch"]),
    field: fc.constant(null),
    ...body,
  }),
  fc.record({
    kind: fc.constantFrom("clarify" as const, "none" as const),
    text: userText,
    suggestions: fc.array(userText, { maxLength: 30 }),
  }),
);
const viewArb: fc.Arbitrary<ReplyView> = fc.record(
  {
    answer: answerArb,
    ephemeral: fc.boolean(),
    sectionMenu: fc.record({
      policy: fc.oneof(fc.constantFrom("torch", "city-clusters"), fc.string({ maxLength: 120 })),
      current: fc.option(fc.constantFrom(...POLICY_FIELDS)),
    }),
    suggestionButtons: fc.array(userText, { maxLength: 30 }),
    image: fc.constantFrom("maturity" as const, "timeline" as const),
  },
  { requiredKeys: ["answer"] },
);

describe("every rendered reply fits Discord's limits (property)", () => {
  it("holds for random user text: long, emoji, zero-width, right-to-left, markdown, mentions", () => {
    const png = Buffer.from([1, 2, 3]);
    fc.assert(
      fc.property(viewArb, fc.boolean(), (view, withChart) => {
        const payload = renderReplyView(view, withChart ? { renderChart: () => png } : {});
        expect(payloadProblems(payload)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the first sentence of an answer readable, cutting with a marker and never inside a character", () => {
    const graphemeText = fc.string({ unit: "grapheme", minLength: 1, maxLength: 6000 });
    fc.assert(
      fc.property(graphemeText, (text) => {
        fc.pre(text.trim().length > 0);
        const payload = renderReplyView({ answer: { ...budgetAnswer, text } });
        const description = payload.embeds[0]?.description ?? "";
        expect(hasLoneSurrogate(description)).toBe(false);
        if (text.length <= 4096) expect(description).toBe(text);
        else expect(description.endsWith("…")).toBe(true);
        expect(payloadText(payload)).toContain(description);
      }),
      { numRuns: 100 },
    );
  });
});

describe("sourcesLine", () => {
  it("names one source as is, and says the part several sources share once", () => {
    expect(sourcesLine([])).toBe("");
    expect(sourcesLine(["Country factsheet: China › Bibliography"])).toBe(
      "Source: Country factsheet: China › Bibliography",
    );
    expect(
      sourcesLine([
        "Country factsheet: China › National cluster policy › BUDGET",
        "Country factsheet: China › National cluster policy › HISTORY",
        "Country factsheet: China › National cluster policy › BUDGET",
        "Country factsheet: China › National cluster policy › POLICY OBJECTIVES › description",
      ]),
    ).toBe(
      "Sources: Country factsheet: China › National cluster policy › BUDGET · HISTORY · POLICY OBJECTIVES › description",
    );
    expect(sourcesLine(["A › x", "B › y"])).toBe("Sources: A › x · B › y");
  });
});
