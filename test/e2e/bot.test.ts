import { SlashCommandBuilder } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERNAL_ERROR_TEXT } from "../../src/bot/interactions.ts";
import { MENTION_HINT, RATE_LIMIT_TEXT } from "../../src/bot/messages.ts";
import type { Command } from "../../src/command-api.ts";
import type { Country, Policy } from "../../src/dataset/schema.ts";
import { POLICY_FIELDS } from "../../src/dataset/schema.ts";
import { POLICY_FIELD_LABELS } from "../../src/render/field-labels.ts";
import { fixture } from "../discord-server/fixture.ts";
import type { BotMessage } from "../discord-server/server.ts";
import { buttonIds, selectMenu, startBotUnderTest, visibleText } from "./bot-under-test.ts";
import type { BotUnderTest } from "./bot-under-test.ts";

/**
 * The bot end to end: the real discord.js client inside the real bot, logged into the local
 * Discord-compatible server, driven the way users drive it. The server rejects anything Discord
 * would (limits, double acknowledgements, late answers), so a passing test means Discord would
 * have shown it.
 */

/** A command whose handler fails, to see the user get the error reply and the bot carry on. */
const explodingCommand: Command = {
  data: new SlashCommandBuilder().setName("explode").setDescription("Fails on purpose (tests)"),
  async execute() {
    throw new Error("handler failure on purpose");
  },
};

let subject: BotUnderTest;
let china: Country;

function policy(id: string): Policy {
  const found = china.policies.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`dataset has no ${id}`);
  return found;
}

beforeAll(async () => {
  subject = await startBotUnderTest({ askChannels: true, extraCommands: [explodingCommand] });
  const found = subject.countries.find((country) => country.id === "china");
  if (!found) throw new Error("dataset has no china");
  china = found;
});

afterAll(async () => {
  await subject?.stop();
});

describe("registration", () => {
  it("deploys every command to the guild, each definition passing Discord's rules", () => {
    const names = [...subject.harness.server.guildCommands.values()]
      .filter((command) => (command.type ?? 1) === 1)
      .map((command) => command.name);
    expect(names).toEqual([
      "policy",
      "compare",
      "maturity",
      "ask",
      "sources",
      "export",
      "help",
      "explode",
    ]);
    expect(subject.harness.server.rejectedRequests()).toEqual([]);
  });

  it("identifies with Guilds, GuildMessages and (ask-channels set) MessageContent", () => {
    const identify = subject.harness.server.gateway.connections[0];
    expect(identify?.opened).toBe("identify");
    expect(subject.harness.server.gateway.session?.intents).toBe((1 << 0) | (1 << 9) | (1 << 15));
  });
});

describe("/policy", () => {
  it("shows a card with the key facts, its source and a section menu", async () => {
    const torch = policy("torch");
    const outcome = await subject.harness.slash("policy", { name: "torch" });
    expect(outcome.ackType).toBe(4);
    expect(outcome.ephemeral).toBe(false);
    const text = visibleText(outcome.message);
    expect(text).toContain(torch.short_name);
    expect(text).toContain(String(torch.start_year.value));
    expect(outcome.message?.embeds[0]?.footer?.text).toMatch(/^Sources?: /);
    const menu = selectMenu(outcome.message);
    expect(menu?.options?.map((option) => option.value)).toEqual(["card", ...POLICY_FIELDS]);
  });

  it.each(POLICY_FIELDS)("shows the section %s in full", async (field) => {
    const outcome = await subject.harness.slash("policy", {
      name: "city-clusters",
      section: field,
    });
    expect(outcome.ephemeral).toBe(false);
    const clusters = policy("city-clusters");
    expect(outcome.message?.embeds[0]?.title).toMatch(new RegExp(`^${clusters.short_name}`));
    // Every section answer says which factsheet section it came from.
    expect(outcome.message?.embeds[0]?.footer?.text).toContain(clusters[field].source);
    expect(selectMenu(outcome.message)?.options?.find((option) => option.default)?.value).toBe(
      field,
    );
  });

  it("switches section in place from the select menu", async () => {
    const card = await subject.harness.slash("policy", { name: "torch" });
    const menu = selectMenu(card.message);
    if (!card.message || !menu?.custom_id) throw new Error("no section menu");
    const switched = await subject.harness.selectOption(card.message, menu.custom_id, ["budget"]);
    expect(switched.ackType).toBe(7);
    expect(switched.message?.id).toBe(card.message.id);
    expect(visibleText(switched.message)).toContain(POLICY_FIELD_LABELS.budget);
    expect(visibleText(switched.message)).toContain(policy("torch").budget.overall.slice(0, 40));
    const back = await subject.harness.selectOption(card.message, menu.custom_id, ["card"]);
    expect(back.message?.id).toBe(card.message.id);
    expect(visibleText(back.message)).toContain(policy("torch").short_name);
  });

  it("carries the timeline only while a history section shows it", async () => {
    const attached = (message: BotMessage | null): unknown[] => {
      const list = Array.isArray(message?.raw.attachments) ? message.raw.attachments : [];
      return list.map((item: { filename?: unknown }) => item.filename);
    };
    const history = await subject.harness.slash("policy", { name: "torch", section: "start_year" });
    const menu = selectMenu(history.message);
    if (!history.message || !menu?.custom_id) throw new Error("no section menu");
    expect(history.message.embeds[0]?.image?.url).toBe("attachment://timeline.png");
    expect(attached(history.message)).toEqual(["timeline.png"]);
    const budget = await subject.harness.selectOption(history.message, menu.custom_id, ["budget"]);
    expect(budget.message?.embeds[0]?.image).toBeUndefined();
    expect(attached(budget.message)).toEqual([]);
    const again = await subject.harness.selectOption(history.message, menu.custom_id, ["end_year"]);
    expect(again.message?.embeds[0]?.image?.url).toBe("attachment://timeline.png");
    expect(attached(again.message)).toEqual(["timeline.png"]);
  });

  it("refuses an unknown policy privately, suggesting names", async () => {
    const unknown = await subject.harness.slash("policy", { name: "zzzz qqqq" });
    expect(unknown.ephemeral).toBe(true);
    expect(visibleText(unknown.message)).toMatch(/don't know that policy/i);
  });

  it("quotes a long unknown name without cutting an emoji in half (Discord refuses half one)", async () => {
    for (const pad of [77, 78]) {
      const name = `${"y".repeat(pad)}😀😀😀`;
      const unknown = await subject.harness.slash("policy", { name }, { unchecked: true });
      expect(unknown.interaction.rejected).toEqual([]);
      expect(visibleText(unknown.message)).toMatch(/^I don't know that policy \(“y{20}/);
    }
  });
});

describe("autocomplete", () => {
  it("lists every policy for an empty query, at most 25", async () => {
    const choices = await subject.harness.autocomplete("policy", "name", "");
    expect(choices.map((choice) => choice.value).sort()).toEqual(
      china.policies.map((candidate) => candidate.id).sort(),
    );
  });

  it.each([
    ["torhc", "torch"],
    ["GBA", "greater-bay-area"],
    ["城市群", "city-clusters"],
    ["bay area", "greater-bay-area"],
  ])("ranks %s → %s first", async (typed, expected) => {
    const choices = await subject.harness.autocomplete("policy", "name", typed);
    expect(choices[0]?.value).toBe(expected);
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it("suggests countries for /maturity and leaves chosen policies out of /compare", async () => {
    expect((await subject.harness.autocomplete("maturity", "country", "chi"))[0]?.value).toBe(
      "china",
    );
    const second = await subject.harness.autocomplete("compare", "b", "", { a: "torch" });
    expect(second.map((choice) => choice.value)).not.toContain("torch");
  });
});

describe("/compare", () => {
  it("compares two policies side by side", async () => {
    const outcome = await subject.harness.slash("compare", { a: "torch", b: "city-clusters" });
    const text = visibleText(outcome.message);
    expect(outcome.ephemeral).toBe(false);
    expect(text).toContain(policy("torch").short_name);
    expect(text).toContain(policy("city-clusters").short_name);
  });

  it("compares three policies on one field", async () => {
    const outcome = await subject.harness.slash("compare", {
      a: "torch",
      b: "city-clusters",
      c: "greater-bay-area",
      field: "start_year",
    });
    const text = visibleText(outcome.message);
    for (const id of ["torch", "city-clusters", "greater-bay-area"]) {
      expect(text).toContain(String(policy(id).start_year.value));
    }
  });

  it("gives a private error for the same policy twice", async () => {
    const outcome = await subject.harness.slash("compare", { a: "torch", b: "TORCH" });
    expect(outcome.ephemeral).toBe(true);
    expect(visibleText(outcome.message)).toMatch(/twice/);
  });
});

describe("/maturity, /ask, /sources, /help", () => {
  it("/maturity china shows each dimension with its score, and the total", async () => {
    const outcome = await subject.harness.slash("maturity", { country: "china" });
    const text = visibleText(outcome.message);
    for (const dimension of china.maturity.dimensions) {
      expect(text).toContain(dimension.label);
      expect(text).toContain(`${dimension.score}/${dimension.max}`);
    }
    expect(text).toMatch(/Total/);
  });

  it("/maturity of an unknown country is refused privately", async () => {
    const outcome = await subject.harness.slash("maturity", { country: "Atlantis" });
    expect(outcome.ephemeral).toBe(true);
    expect(visibleText(outcome.message)).toMatch(/don't know that country/i);
  });

  it("/ask answers a question in words", async () => {
    const outcome = await subject.harness.slash("ask", {
      question: "When did the TORCH Program start?",
    });
    expect(visibleText(outcome.message)).toContain(String(policy("torch").start_year.value));
  });

  it("/sources lists the bibliography with addresses", async () => {
    const outcome = await subject.harness.slash("sources", { country: "china" });
    const text = visibleText(outcome.message);
    const withUrl = china.bibliography.filter((entry) => entry.url);
    expect(withUrl.length).toBeGreaterThan(0);
    expect(withUrl.some((entry) => entry.url && text.includes(entry.url))).toBe(true);
  });

  it("/help lists the commands privately and its example buttons answer", async () => {
    const help = await subject.harness.slash("help");
    expect(help.ephemeral).toBe(true);
    expect(visibleText(help.message)).toContain("/policy");
    const [first] = buttonIds(help.message);
    if (!help.message || !first) throw new Error("no example buttons");
    const pressed = await subject.harness.pressButton(help.message, first);
    expect(pressed.message?.embeds.length ?? 0).toBeGreaterThan(0);
  });
});

describe("free text", () => {
  it("answers a mention with the same embed as /ask", async () => {
    const reply = await subject.harness.say("torch start year?", { mentionBot: true });
    const asked = await subject.harness.slash("ask", { question: "torch start year?" });
    expect(reply.embeds[0]?.title).toBe(asked.message?.embeds[0]?.title);
    expect(visibleText(reply)).toContain(String(policy("torch").start_year.value));
  });

  it("answers every question in an ask-channel, without a mention", async () => {
    const reply = await subject.harness.say("when did city clusters start?", {
      channel: "askPolicy",
      author: fixture.users.bob,
    });
    expect(visibleText(reply)).toContain(String(policy("city-clusters").start_year.value));
  });

  it("leaves chatter in an ask-channel and in other channels alone", async () => {
    await subject.harness.sayExpectingSilence("what's the weather like in Paris tomorrow?", {
      channel: "askPolicy",
      author: fixture.users.bob,
    });
    await subject.harness.sayExpectingSilence("torch budget?", {
      channel: "random",
      author: fixture.users.bob,
    });
  });

  it("hints at /help when mentioned with an out-of-scope question", async () => {
    const reply = await subject.harness.say("what's the weather like in Paris tomorrow?", {
      mentionBot: true,
      author: fixture.users.bob,
    });
    expect(reply.content).toMatch(/\/help/);
    const empty = await subject.harness.say("", { mentionBot: true, author: fixture.users.bob });
    expect(empty.content).toBe(MENTION_HINT);
  });

  it("asks back with buttons that answer when pressed", async () => {
    const reply = await subject.harness.say("what is the budget?", {
      mentionBot: true,
      author: fixture.users.erin,
    });
    const [first] = buttonIds(reply);
    expect(first).toBeDefined();
    if (!first) return;
    const pressed = await subject.harness.pressButton(reply, first, { user: fixture.users.erin });
    expect(pressed.message?.embeds.length ?? 0).toBeGreaterThan(0);
    expect(visibleText(pressed.message)).toMatch(/budget/i);
  });

  it("ignores other bots, even when they mention it", async () => {
    await subject.harness.sayExpectingSilence("torch budget?", {
      mentionBot: true,
      author: fixture.users.otherBot,
    });
  });

  it("limits each user: 5 questions, one quiet warning, then silence", async () => {
    for (let index = 0; index < 5; index += 1) {
      const reply = await subject.harness.say(`torch budget? (${index})`, {
        mentionBot: true,
        author: fixture.users.carol,
      });
      expect(reply.embeds.length).toBe(1);
    }
    const warning = await subject.harness.say("torch budget?", {
      mentionBot: true,
      author: fixture.users.carol,
    });
    expect(warning.content).toBe(RATE_LIMIT_TEXT);
    expect(warning.flags & (1 << 12)).not.toBe(0);
    await subject.harness.sayExpectingSilence("torch budget?", {
      mentionBot: true,
      author: fixture.users.carol,
    });
    // Someone else is not affected.
    expect(
      (await subject.harness.say("torch budget?", { mentionBot: true, author: fixture.users.bob }))
        .embeds,
    ).toHaveLength(1);
  });
});

describe("faults and bad input", () => {
  it("a handler that throws: the user gets a private error, the error is logged, the next command works", async () => {
    const failed = await subject.harness.slash("explode");
    expect(failed.ephemeral).toBe(true);
    expect(failed.message?.content).toBe(INTERNAL_ERROR_TEXT);
    const logged = subject.log.lines.find(
      (line) => line.level === "error" && line.message.includes(failed.interaction.id),
    );
    expect(logged?.error).toBeInstanceOf(Error);
    const next = await subject.harness.slash("policy", { name: "torch" });
    expect(visibleText(next.message)).toContain(policy("torch").short_name);
  });

  it.each([1006, 4000])(
    "resumes after the gateway drops with %i and answers again",
    async (code) => {
      const how = await subject.harness.dropConnection(code);
      expect(how).toBe("resumed");
      const outcome = await subject.harness.slash("policy", { name: "greater-bay-area" });
      expect(visibleText(outcome.message)).toContain(policy("greater-bay-area").short_name);
      const reply = await subject.harness.say("torch start year?", {
        mentionBot: true,
        author: fixture.users.dave,
      });
      expect(visibleText(reply)).toContain(String(policy("torch").start_year.value));
    },
  );

  const nasty = [
    ["6,000 characters", `torch budget ${"x".repeat(6000)}`],
    [
      "zero-width and right-to-left characters",
      "\u200btorch\u200d budget\u200f?\u202e\u2066 \u061c",
    ],
    ["markdown", "**torch** __budget__ `code` ||spoiler|| # heading\n> quote ```js\nx```"],
    [
      "@everyone and role mentions",
      `@everyone @here <@&${fixture.roles.moderators.id}> <@${fixture.users.bob.id}> torch budget?`,
    ],
  ] as const;

  it.each(nasty)(
    "free text with %s: a reply within limits that pings nobody",
    async (_label, text) => {
      const reply = await subject.harness.say(text, {
        mentionBot: true,
        author: fixture.users.frank,
      });
      expect(reply.allowedMentions?.parse).toEqual([]);
      expect(reply.pings).toEqual({ everyone: false, users: [], roles: [], repliedUser: false });
    },
  );

  it.each(nasty)(
    "commands with %s: answered within limits, pinging nobody",
    async (_label, text) => {
      const asked = await subject.harness.slash("ask", { question: text }, { unchecked: true });
      const named = await subject.harness.slash("policy", { name: text }, { unchecked: true });
      const compared = await subject.harness.slash(
        "compare",
        { a: text, b: "torch" },
        { unchecked: true },
      );
      for (const outcome of [asked, named, compared]) {
        expect(outcome.message).not.toBeNull();
        expect(outcome.message?.pings).toEqual({
          everyone: false,
          users: [],
          roles: [],
          repliedUser: false,
        });
      }
      const choices = await subject.harness.autocomplete(
        "policy",
        "name",
        text,
        {},
        { unchecked: true },
      );
      expect(choices.length).toBeLessThanOrEqual(25);
    },
  );

  it("sent nothing Discord would reject and nothing that could ping anyone", () => {
    const server = subject.harness.server;
    expect(
      server.rejectedRequests().map((request) => `${request.route} ${request.status}`),
    ).toEqual([]);
    const messages: BotMessage[] = server.botMessages.filter((message) => !message.loading);
    expect(messages.length).toBeGreaterThan(50);
    expect(subject.harness.repliesToIgnoredMessages()).toEqual([]);
    for (const message of messages) {
      expect(message.pings).toEqual({ everyone: false, users: [], roles: [], repliedUser: false });
      expect(message.allowedMentions?.parse).toEqual([]);
      // A reply to someone's question does not ping them: said outright, not left to a default.
      if (message.replyTo !== null) expect(message.allowedMentions?.replied_user).toBe(false);
      // Every chart an embed shows is a file of that message.
      const files = (Array.isArray(message.raw.attachments) ? message.raw.attachments : []).map(
        (item: { filename?: unknown }) => `attachment://${String(item.filename)}`,
      );
      for (const embed of message.embeds) {
        if (embed.image?.url.startsWith("attachment://")) expect(files).toContain(embed.image.url);
      }
    }
  });
});
