import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { askCommand, MAX_QUESTION_LENGTH } from "../../commands/ask.ts";
import { compareCommand } from "../../commands/compare.ts";
import { EXAMPLE_QUESTIONS, helpCommand } from "../../commands/help.ts";
import { ALL_COMMANDS } from "../../commands/index.ts";
import { maturityCommand } from "../../commands/maturity.ts";
import { policyCommand } from "../../commands/policy.ts";
import { sourcesCommand } from "../../commands/sources.ts";
import type { ReplyView } from "../../src/command-api.ts";
import { UserError } from "../../src/command-api.ts";
import { createEngine } from "../../src/create-engine.ts";
import { defaultDataDir, loadDataset } from "../../src/dataset/load.ts";
import { POLICY_FIELDS } from "../../src/dataset/schema.ts";
import type { Engine } from "../../src/engine.ts";
import {
  fitAutocompleteChoices,
  renderReplyView,
  safeReplyPayload,
} from "../../src/render/discord.ts";
import { suggestionFromCustomId } from "../../src/render/suggestion-ids.ts";
import { autocompleteOf, replyOf, runCommand } from "./command-context.ts";
import { hasLoneSurrogate, payloadProblems, payloadText } from "./payload-problems.ts";
import { userText } from "./user-text.ts";

let engine: Engine;
let policyIds: string[];
const fakePng = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

beforeAll(() => {
  engine = createEngine(loadDataset(defaultDataDir()));
  policyIds = engine.countries.flatMap((country) => country.policies.map((policy) => policy.id));
});

function render(view: ReplyView) {
  return renderReplyView(view, { renderChart: () => fakePng });
}

function policyName(id: string): string {
  for (const country of engine.countries) {
    const policy = country.policies.find((candidate) => candidate.id === id);
    if (policy) return policy.short_name;
  }
  throw new Error(`no policy ${id}`);
}

describe("/policy", () => {
  it("shows a policy card with its source and a section menu", async () => {
    const view = await replyOf(policyCommand, engine, { name: "torch" });
    expect(view.answer.kind).toBe("answer");
    expect(view.sectionMenu).toEqual({ policy: "torch", current: null });
    expect(view.ephemeral).not.toBe(true);
    const payload = render(view);
    expect(payload.embeds[0]?.title).toContain(policyName("torch"));
    expect(payload.embeds[0]?.footer?.text).toMatch(/^Sources?: Country factsheet: China › /);
  });

  it("shows one section in full, named by id or by its readable name", async () => {
    const byId = await replyOf(policyCommand, engine, { name: "torch", section: "start_year" });
    const byLabel = await replyOf(policyCommand, engine, { name: "torch", section: "Start year" });
    expect(byLabel).toEqual(byId);
    expect(byId.sectionMenu).toEqual({ policy: "torch", current: "start_year" });
    expect(payloadText(render(byId))).toContain("1988");
  });

  it("accepts a name typed without picking from autocomplete", async () => {
    const view = await replyOf(policyCommand, engine, { name: policyName("city-clusters") });
    expect(view.sectionMenu?.policy).toBe("city-clusters");
  });

  it("refuses an unknown policy politely, privately, with the closest names", async () => {
    const view = await replyOf(policyCommand, engine, { name: "Horizon Europe" });
    expect(view.ephemeral).toBe(true);
    expect(view.answer.kind).toBe("none");
    expect(view.answer.text).toMatch(/^I don't know that policy \(“Horizon Europe”\)/);
  });

  it("lists the policies it knows when no name is close", async () => {
    const view = await replyOf(policyCommand, engine, { name: "qqqqqq" });
    expect(view.answer.text).toContain("I know TORCH Program (China), City Clusters (China)");
  });

  it("quotes a long unknown name without cutting an emoji in half", async () => {
    for (const pad of [76, 77, 78, 79]) {
      const name = `${"y".repeat(pad)}😀😀😀`;
      const view = await replyOf(policyCommand, engine, { name });
      expect(view.answer.text).toContain("“yyyy");
      expect(hasLoneSurrogate(view.answer.text)).toBe(false);
    }
  });

  it("suggests close names for a misspelling it cannot resolve on its own", async () => {
    const view = await replyOf(policyCommand, engine, { name: "grate bey" });
    if (view.answer.kind === "none") {
      expect(view.answer.text).toContain("did you mean");
      expect(view.answer.text).toContain(policyName("greater-bay-area"));
    } else {
      expect(view.sectionMenu?.policy).toBe("greater-bay-area");
    }
  });

  it("rejects a section it does not know with the list of sections", async () => {
    const { error } = await runCommand(policyCommand, engine, {
      name: "torch",
      section: "weather",
    });
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain("Start year");
  });

  it("autocompletes every policy for an empty query, and by name as typed", () => {
    const all = autocompleteOf(policyCommand, engine, { name: "name", value: "" });
    expect(all.map((choice) => choice.value).sort()).toEqual([...policyIds].sort());
    const typed = autocompleteOf(policyCommand, engine, { name: "name", value: "torc" });
    expect(typed[0]?.value).toBe("torch");
  });
});

describe("/compare", () => {
  it("puts two policies side by side", async () => {
    const view = await replyOf(compareCommand, engine, { a: "torch", b: "city-clusters" });
    expect(view.answer.kind).toBe("compare");
    if (view.answer.kind !== "compare") return;
    expect(view.answer.policies).toEqual(["city-clusters", "torch"]);
    const text = payloadText(render(view));
    expect(text).toContain(policyName("torch"));
    expect(text).toContain(policyName("city-clusters"));
  });

  it("compares three policies on one field", async () => {
    const view = await replyOf(compareCommand, engine, {
      a: "torch",
      b: "city-clusters",
      c: "greater-bay-area",
      field: "start_year",
    });
    expect(view.answer.kind).toBe("compare");
    if (view.answer.kind !== "compare") return;
    expect(view.answer.policies).toHaveLength(3);
    expect(view.answer.field).toBe("start_year");
  });

  it("refuses the same policy twice, even when named two ways", async () => {
    for (const b of ["torch", policyName("torch")]) {
      const { error, views } = await runCommand(compareCommand, engine, { a: "torch", b });
      expect(views).toEqual([]);
      expect(error).toBeInstanceOf(UserError);
      expect(String(error)).toContain(`You picked ${policyName("torch")} twice`);
    }
  });

  it("refuses an unknown policy in any slot", async () => {
    const view = await replyOf(compareCommand, engine, { a: "torch", b: "horizon europe" });
    expect(view.ephemeral).toBe(true);
    expect(view.answer.text).toContain("I don't know that policy");
  });

  it("leaves policies already chosen out of autocomplete", () => {
    const choices = autocompleteOf(
      compareCommand,
      engine,
      { name: "b", value: "" },
      { a: "torch" },
    );
    expect(choices.map((choice) => choice.value)).not.toContain("torch");
    expect(choices.length).toBe(policyIds.length - 1);
  });
});

describe("/maturity", () => {
  it("shows each dimension's score with the chart", async () => {
    const view = await replyOf(maturityCommand, engine, { country: "china" });
    expect(view.image).toBe("maturity");
    const payload = render(view);
    expect(payload.files.map((file) => file.name)).toEqual(["maturity.png"]);
    expect(payloadText(payload)).toContain("**Total** 6.5/7 (the sum of the scores)");
  });

  it("refuses an unknown country", async () => {
    const view = await replyOf(maturityCommand, engine, { country: "Atlantis" });
    expect(view.ephemeral).toBe(true);
    expect(view.answer.text).toContain("I don't know that country");
  });
});

describe("/ask", () => {
  it("answers a question in words", async () => {
    const view = await replyOf(askCommand, engine, {
      question: "When did the TORCH Program start?",
    });
    expect(view.answer.kind).toBe("answer");
    const payload = render(view);
    expect(payloadText(payload)).toContain("1988");
    // Follow-up questions come as buttons that ask them.
    const followUps = payload.components
      .flatMap((row) => row.components)
      .map((button) => ("custom_id" in button ? suggestionFromCustomId(button.custom_id) : null));
    expect(followUps.length).toBeGreaterThan(0);
    for (const question of followUps) {
      expect(question).not.toBeNull();
      expect(["answer", "compare"]).toContain(engine.ask(question ?? "").kind);
    }
  });

  it("declines an out-of-scope question privately", async () => {
    const view = await replyOf(askCommand, engine, { question: "What's the weather in Paris?" });
    expect(view.answer.kind).toBe("none");
    expect(view.ephemeral).toBe(true);
  });

  it("turns away an over-long question with a clear message", async () => {
    const { error } = await runCommand(askCommand, engine, { question: "torch ".repeat(1000) });
    expect(error).toBeInstanceOf(UserError);
    expect(String(error)).toContain(String(MAX_QUESTION_LENGTH));
  });
});

describe("/sources and /help", () => {
  it("lists the bibliography, for a country or one policy", async () => {
    const asked: Record<string, string>[] = [{}, { country: "china" }, { policy: "torch" }];
    for (const values of asked) {
      const view = await replyOf(sourcesCommand, engine, values);
      expect(view.answer.kind).toBe("answer");
      expect(payloadText(render(view))).toMatch(/https?:\/\//);
    }
  });

  it("names every command, and its example questions all get answers", async () => {
    const view = await replyOf(helpCommand, engine);
    const payload = render(view);
    const text = payloadText(payload);
    for (const command of ALL_COMMANDS) expect(text).toContain(`/${command.data.name}`);
    const pressed = payload.components
      .flatMap((row) => row.components)
      .map((button) => ("custom_id" in button ? suggestionFromCustomId(button.custom_id) : null));
    expect(pressed).toEqual([...EXAMPLE_QUESTIONS]);
    for (const question of EXAMPLE_QUESTIONS) {
      expect(["answer", "compare"]).toContain(engine.ask(question).kind);
    }
  });
});

describe("every command's reply fits Discord's limits", () => {
  it("for every policy × section, every pair × field, and every country", async () => {
    const views: ReplyView[] = [];
    const sections = [undefined, ...POLICY_FIELDS];
    for (const name of policyIds) {
      for (const section of sections) {
        views.push(await replyOf(policyCommand, engine, section ? { name, section } : { name }));
      }
      views.push(await replyOf(sourcesCommand, engine, { policy: name }));
    }
    for (const a of policyIds) {
      for (const b of policyIds) {
        if (a === b) continue;
        for (const field of sections) {
          views.push(await replyOf(compareCommand, engine, field ? { a, b, field } : { a, b }));
        }
      }
    }
    for (const country of engine.countries) {
      views.push(await replyOf(maturityCommand, engine, { country: country.id }));
      views.push(await replyOf(sourcesCommand, engine, { country: country.id }));
    }
    views.push(await replyOf(helpCommand, engine));
    expect(views.length).toBeGreaterThan(policyIds.length * 14);
    for (const view of views) {
      const payload = render(view);
      expect(payloadProblems(payload), view.answer.text).toEqual([]);
      expect(payload.embeds.length + (payload.content ? 1 : 0)).toBeGreaterThan(0);
    }
  });
});

describe("whatever the user types, replies fit Discord's limits and ping nobody (property)", () => {
  it("as a policy name, a country, a comparison and a question", async () => {
    await fc.assert(
      fc.asyncProperty(userText, userText, async (first, second) => {
        const runs = [
          await runCommand(policyCommand, engine, { name: first, section: "budget" }),
          await runCommand(maturityCommand, engine, { country: first }),
          await runCommand(compareCommand, engine, { a: first, b: second }),
          await runCommand(sourcesCommand, engine, { country: first, policy: second }),
          await runCommand(askCommand, engine, { question: first }),
        ];
        for (const { views, error } of runs) {
          // A command either replies or refuses with a message meant for the user.
          if (error !== null) expect(error).toBeInstanceOf(UserError);
          if (error instanceof UserError) {
            // As the router shows a refusal.
            const refusal = safeReplyPayload({ content: error.message, ephemeral: true });
            expect(payloadProblems(refusal)).toEqual([]);
          }
          for (const view of views) {
            const payload = render(view);
            expect(payloadProblems(payload)).toEqual([]);
            expect(payload.allowedMentions).toEqual({ parse: [] });
          }
        }
      }),
      { numRuns: 150 },
    );
    // 750 commands run here, charts included: about 7 s alone, but several times that on a
    // loaded machine (a CI run timed out at the default 30 s while other jobs shared its cores).
  }, 120_000);

  it("as what is typed into any autocomplete option", () => {
    const focusable = ALL_COMMANDS.flatMap((command) =>
      (command.data.toJSON().options ?? [])
        .filter((option) => "autocomplete" in option && option.autocomplete === true)
        .map((option) => ({ command, name: option.name })),
    );
    expect(focusable.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...focusable), userText, ({ command, name }, typed) => {
        const choices = fitAutocompleteChoices(
          autocompleteOf(command, engine, { name, value: typed }),
        );
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of choices) {
          expect(choice.name.trim().length).toBeGreaterThanOrEqual(1);
          expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(choice.value.length).toBeGreaterThanOrEqual(1);
          expect(choice.value.length).toBeLessThanOrEqual(100);
          expect(hasLoneSurrogate(choice.name) || hasLoneSurrogate(choice.value)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });
});
