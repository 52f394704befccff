import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Country, Policy } from "../../src/dataset/schema.ts";
import { fixture, type FixtureUser } from "../discord-server/fixture.ts";
import { buttonIds, selectMenu, startBotUnderTest, visibleText } from "./bot-under-test.ts";
import type { BotUnderTest } from "./bot-under-test.ts";

/**
 * Follow-up questions end to end: the real bot against the local Discord-compatible server.
 * Context belongs to one user in one channel and ends after the configured quiet period; the
 * test moves the bot's clock past it rather than waiting.
 */

const TTL_SECONDS = 60;
let clockOffsetMs = 0;
let subject: BotUnderTest;
let china: Country;

function policy(id: string): Policy {
  const found = china.policies.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`dataset has no ${id}`);
  return found;
}

/** A clarify reply: asks which policy, and shows no budget figure. */
function expectClarify(text: string): void {
  expect(text).toMatch(/Which policy do you mean\?/);
  expect(text).not.toMatch(/EUR \d/);
}

beforeAll(async () => {
  subject = await startBotUnderTest({
    askChannels: true,
    conversation: { ttlSeconds: TTL_SECONDS, now: () => Date.now() + clockOffsetMs },
  });
  const found = subject.countries.find((country) => country.id === "china");
  if (!found) throw new Error("dataset has no china");
  china = found;
});

afterAll(async () => {
  await subject?.stop();
});

describe("a conversation in Discord", () => {
  it("/policy torch, then a mention “and its budget?” gets TORCH's budget; another user gets a clarify; after the quiet period so does the first", async () => {
    const torch = policy("torch");
    const { alice, bob } = fixture.users;
    const card = await subject.harness.slash("policy", { name: "torch" }, { user: alice });
    expect(visibleText(card.message)).toContain(torch.short_name);

    const followUp = await subject.harness.say("and its budget?", {
      author: alice,
      mentionBot: true,
    });
    const answer = visibleText(followUp);
    expect(answer).toContain(`${torch.short_name} — budget`);
    expect(answer).toMatch(/EUR \d/);

    // Same channel, another user: alice's context is not bob's.
    const other = await subject.harness.say("and its budget?", { author: bob, mentionBot: true });
    expectClarify(visibleText(other));

    // Alice's context survives bob's question...
    const again = await subject.harness.say("and when did it start?", {
      author: alice,
      mentionBot: true,
    });
    expect(visibleText(again)).toContain(`${torch.short_name} — start year`);

    // ...but not a quiet period longer than the configured one.
    clockOffsetMs += (TTL_SECONDS + 1) * 1000;
    const expired = await subject.harness.say("and its budget?", {
      author: alice,
      mentionBot: true,
    });
    expectClarify(visibleText(expired));
    expect(subject.harness.server.rejectedRequests()).toEqual([]);
  });

  it("keeps a conversation per channel: the same user elsewhere starts afresh", async () => {
    const { bob } = fixture.users;
    await subject.harness.slash(
      "policy",
      { name: "city-clusters" },
      { user: bob, channel: "random" },
    );
    const here = await subject.harness.say("when does it end?", {
      author: bob,
      channel: "random",
      mentionBot: true,
    });
    expect(visibleText(here)).toContain(`${policy("city-clusters").short_name} — end year`);
    const elsewhere = await subject.harness.say("when does it end?", {
      author: bob,
      channel: "general",
      mentionBot: true,
    });
    expect(visibleText(elsewhere)).toMatch(/Which policy do you mean\?/);
  });

  it("follows /compare, /maturity and /ask, and questions in an ask-channel", async () => {
    const { bob } = fixture.users;
    await subject.harness.slash("compare", { a: "torch", b: "greater-bay-area" }, { user: bob });
    const first = await subject.harness.slash(
      "ask",
      { question: "which of them started first?" },
      { user: bob },
    );
    expect(visibleText(first.message)).toMatch(/start year/);
    expect(visibleText(first.message)).toContain(policy("greater-bay-area").short_name);

    await subject.harness.slash(
      "maturity",
      { country: "china" },
      { user: bob, channel: "askPolicy" },
    );
    const why = await subject.harness.say("why only 0.5 for evidence?", {
      author: bob,
      channel: "askPolicy",
    });
    expect(visibleText(why)).toMatch(/Evidence of performance: 0\.5 of 1/);
  });

  it("a suggestion button and the section menu move the conversation on", async () => {
    const { alice } = fixture.users;
    const card = await subject.harness.slash(
      "policy",
      { name: "greater-bay-area" },
      { user: alice, channel: "random" },
    );
    const menu = selectMenu(card.message);
    if (!card.message || !menu?.custom_id) throw new Error("no section menu");
    await subject.harness.selectOption(card.message, menu.custom_id, ["budget"], { user: alice });
    const other = await subject.harness.say("and torch?", {
      author: alice,
      channel: "random",
      mentionBot: true,
    });
    expect(visibleText(other)).toContain(`${policy("torch").short_name} — budget`);

    const withButtons = await subject.harness.slash(
      "ask",
      { question: "city clusters objectives" },
      { user: alice, channel: "random" },
    );
    const pressed = buttonIds(withButtons.message)[0];
    if (!withButtons.message || pressed === undefined) throw new Error("no suggestion button");
    const after = await subject.harness.pressButton(withButtons.message, pressed, { user: alice });
    const pressedTitle = after.message?.embeds[0]?.title ?? "";
    expect(pressedTitle).toContain(policy("city-clusters").short_name);
    const followUp = await subject.harness.say("and the GBA?", {
      author: alice,
      channel: "random",
      mentionBot: true,
    });
    const field = pressedTitle.split(" — ")[1];
    expect(visibleText(followUp)).toContain(
      `${policy("greater-bay-area").short_name}${field ? ` — ${field}` : ""}`,
    );
  });

  /** Asks as one user in the ask-channel, mentioning the bot, and gives the reply's text. */
  const askAs =
    (author: FixtureUser) =>
    (text: string): Promise<string> =>
      subject.harness
        .say(text, { author, channel: "askPolicy", mentionBot: true })
        .then(visibleText);

  it("a reply to a question asked back answers it, and the policy picked stays the subject", async () => {
    const ask = askAs(fixture.users.carol);
    const torch = policy("torch");
    expectClarify(await ask("what's the budget?"));
    const budget = await ask("TORCH, sorry");
    expect(budget).toContain(`${torch.short_name} — budget`);
    expect(budget).toMatch(/EUR \d/);
    expect(await ask("who pays for it?")).toContain(`${torch.short_name} — source of funding`);
  });

  it("a declined question keeps the policy it named, answered or left alone", async () => {
    const { dave } = fixture.users;
    const ask = askAs(dave);
    const gba = policy("greater-bay-area");
    const declined = await ask("how many startups did the GBA plan create?");
    expect(declined).not.toContain(`${gba.short_name} — `);
    expect(await ask("when does it end?")).toContain(`${gba.short_name} — end year`);
    // Unmentioned in an ask-channel, a declined question gets no reply but still moves the
    // conversation on to the policy it named.
    await subject.harness.sayExpectingSilence("how many startups did city clusters create?", {
      author: dave,
      channel: "askPolicy",
    });
    expect(await ask("who runs it?")).toContain(`${policy("city-clusters").short_name} — `);
  });

  it("after an ordering, “that one” is the policy it put first", async () => {
    const ask = askAs(fixture.users.erin);
    expect(await ask("which policy is the oldest?")).toMatch(/start year/);
    expect(await ask("what's that one's budget?")).toContain(
      `${policy("torch").short_name} — budget`,
    );
    expect(subject.harness.server.rejectedRequests()).toEqual([]);
  });
});
