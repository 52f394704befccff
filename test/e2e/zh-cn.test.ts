import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { POLICY_FIELDS } from "../../src/dataset/schema.ts";
import { fixture } from "../discord-server/fixture.ts";
import type { BotMessage } from "../discord-server/server.ts";
import { buttonIds, selectMenu, startBotUnderTest, visibleText } from "./bot-under-test.ts";
import type { BotUnderTest } from "./bot-under-test.ts";

/**
 * A reader whose Discord client is in Chinese (interaction locale zh-CN), end to end through the
 * local Discord-compatible server, which holds every reply to Discord's limits: the bot's own
 * words in Chinese, the facts in English with the Chinese names beside them.
 */

const ZH = { locale: "zh-CN" } as const;

const Localizations = z.record(z.string(), z.string()).optional();
/** A registered command as the server stored it, localisations included. */
const Registered = z.looseObject({
  name: z.string(),
  name_localizations: Localizations,
  description_localizations: Localizations,
  options: z
    .array(
      z.looseObject({
        name: z.string(),
        name_localizations: Localizations,
        choices: z
          .array(z.looseObject({ value: z.unknown(), name_localizations: Localizations }))
          .optional(),
      }),
    )
    .optional(),
});

let subject: BotUnderTest;

beforeAll(async () => {
  subject = await startBotUnderTest({ askChannels: true });
});

afterAll(async () => {
  await subject?.stop();
});

function buttonLabels(message: BotMessage | null): string[] {
  return (message?.components ?? []).flatMap((row) =>
    row.components.filter((component) => component.type === 2).map((c) => c.label ?? ""),
  );
}

describe("registration", () => {
  it("is accepted with zh-CN names and descriptions for commands, options and choices", () => {
    const policy = Registered.parse(subject.harness.server.findCommand("policy", 1));
    expect(policy.name_localizations).toEqual({ "zh-CN": "政策" });
    expect(policy.description_localizations?.["zh-CN"]).toMatch(/集群政策/);
    const section = policy.options?.find((option) => option.name === "section");
    expect(section?.name_localizations).toEqual({ "zh-CN": "部分" });
    const budget = section?.choices?.find((choice) => choice.value === "budget");
    expect(budget?.name_localizations).toEqual({ "zh-CN": "预算" });
    const message = Registered.parse(subject.harness.server.findCommand("Ask policybot", 3));
    expect(message.name_localizations).toEqual({ "zh-CN": "询问 policybot" });
  });
});

describe("a zh-CN reader", () => {
  it("gets a policy section with Chinese heading, labels, sources line and section menu", async () => {
    const outcome = await subject.harness.slash("policy", { name: "torch", section: "budget" }, ZH);
    expect(outcome.interaction.rejected).toEqual([]);
    const embed = outcome.message?.embeds[0];
    expect(embed?.title).toBe("TORCH Program（火炬计划） — 预算");
    const labels = (embed?.fields ?? []).map((field) => field.name);
    expect(labels).toEqual(expect.arrayContaining(["总额", "年度", "资金来源"]));
    expect(embed?.footer?.text).toMatch(/^来源：Country factsheet: China/);
    // The facts stay in the source's language.
    expect(embed?.description).toMatch(/EUR 890 million/);
    const menu = selectMenu(outcome.message);
    expect(menu?.placeholder).toBe("显示其他部分");
    expect(menu?.options?.map((option) => option.label)).toContain("开始年份");

    const other = await subject.harness.selectOption(
      outcome.message as BotMessage,
      menu?.custom_id ?? "",
      ["start_year"],
      ZH,
    );
    expect(other.interaction.rejected).toEqual([]);
    expect(other.message?.embeds[0]?.title).toBe("TORCH Program（火炬计划） — 开始年份");
    expect(other.message?.files.map((file) => file.name)).toEqual(["timeline.png"]);
  });

  it("gets the maturity scores with Chinese dimension names and a chart", async () => {
    const outcome = await subject.harness.slash("maturity", { country: "china" }, ZH);
    expect(outcome.interaction.rejected).toEqual([]);
    const text = visibleText(outcome.message);
    expect(outcome.message?.embeds[0]?.title).toBe("China（中国） — 集群政策成熟度");
    for (const words of ["成熟度得分", "政策范围", "绩效证据", "总分"])
      expect(text).toContain(words);
    expect(outcome.message?.files.map((file) => file.name)).toEqual(["maturity.png"]);
  });

  it("gets /help in Chinese, with Chinese example questions that answer when pressed", async () => {
    const outcome = await subject.harness.slash("help", {}, ZH);
    expect(outcome.ephemeral).toBe(true);
    expect(outcome.message?.embeds[0]?.title).toBe("policybot — 我能回答什么");
    expect(visibleText(outcome.message)).toContain("示例问题");
    expect(buttonLabels(outcome.message)).toContain("火炬计划的预算是多少？");
    const id = buttonIds(outcome.message)[0] ?? "";
    const pressed = await subject.harness.pressButton(outcome.message as BotMessage, id, ZH);
    expect(pressed.interaction.rejected).toEqual([]);
    expect(pressed.message?.embeds[0]?.title).toBe("TORCH Program（火炬计划） — 预算");
  });

  it("gets /export's files with a Chinese heading", async () => {
    const outcome = await subject.harness.slash("export", { country: "china" }, ZH);
    expect(outcome.message?.files.map((file) => file.name)).toEqual([
      "policybot-china.json",
      "policybot-china.csv",
    ]);
    expect(outcome.message?.embeds[0]?.title).toBe("China（中国） — 数据集");
  });

  it("is told about mistakes in Chinese", async () => {
    const unknown = await subject.harness.slash("policy", { name: "atlantis plan" }, ZH);
    expect(unknown.ephemeral).toBe(true);
    expect(visibleText(unknown.message)).toMatch(/^我不知道这项政策（“atlantis plan”）/);
    const twice = await subject.harness.slash("compare", { a: "torch", b: "torch" }, ZH);
    expect(twice.ephemeral).toBe(true);
    expect(visibleText(twice.message)).toBe("你选了两次 TORCH Program——请选择不同的政策进行比较。");
    const outside = await subject.harness.slash(
      "export",
      { country: "china" },
      {
        ...ZH,
        place: { context: 1, installation: 1 },
      },
    );
    expect(outside.interaction.rejected).toEqual([]);
    expect(outside.message?.files.length).toBe(2);
  });

  it("gets “Ask policybot” in Chinese, and its Post for everyone button says so", async () => {
    const posted = subject.harness.post("what is the budget of the torch program?", {
      author: fixture.users.alice,
    });
    const outcome = await subject.harness.messageCommand("Ask policybot", posted, ZH);
    expect(outcome.ephemeral).toBe(true);
    expect(outcome.message?.embeds[0]?.title).toBe("TORCH Program（火炬计划） — 预算");
    expect(buttonLabels(outcome.message)).toContain("发给所有人");
    const share = buttonIds(outcome.message).find((id) => id.startsWith("share")) ?? "";
    const shared = await subject.harness.pressButton(outcome.message as BotMessage, share, ZH);
    expect(shared.ephemeral).toBe(false);
    expect(shared.message?.embeds[0]?.title).toBe("TORCH Program（火炬计划） — 预算");
  });

  it("sees the Chinese names beside the English ones in autocomplete, and a Chinese lead to choices", async () => {
    const choices = await subject.harness.autocomplete("policy", "name", "tor", {}, ZH);
    const torch = choices.find((choice) => choice.value === "torch");
    expect(torch?.name).toMatch(/^TORCH Program（火炬计划）/);
    const english = await subject.harness.autocomplete("policy", "name", "tor");
    expect(english.find((choice) => choice.value === "torch")?.name).not.toMatch(/火炬计划/);

    // A user with no conversation yet: "it" names nothing, so the bot asks back.
    const clarify = await subject.harness.slash(
      "ask",
      { question: "when did it start?" },
      { ...ZH, user: fixture.users.frank, channel: "random" },
    );
    expect(clarify.interaction.rejected).toEqual([]);
    expect(clarify.message?.content).toMatch(/\n你是不是想问：$/);
    expect(buttonIds(clarify.message).length).toBeGreaterThan(1);
  });

  it("still gets English when the client is in any other language", async () => {
    const outcome = await subject.harness.slash(
      "policy",
      { name: "torch", section: "budget" },
      { locale: "en-GB" },
    );
    expect(outcome.message?.embeds[0]?.title).toBe("TORCH Program — budget");
    expect(outcome.message?.embeds[0]?.footer?.text).toMatch(/^Sources?: /);
  });
});

describe("a question written in Chinese", () => {
  it("gets Chinese labels from /ask, a mention and an ask-channel, whatever the client's language", async () => {
    const asked = await subject.harness.slash("ask", { question: "城市群是哪一年开始的？" });
    expect(asked.message?.embeds[0]?.title).toBe("City Clusters（城市群） — 开始年份");

    const mention = await subject.harness.say("火炬计划的预算是多少？", { mentionBot: true });
    expect(mention.embeds[0]?.title).toBe("TORCH Program（火炬计划） — 预算");
    expect(mention.embeds[0]?.footer?.text).toMatch(/^来源：/);

    const channel = await subject.harness.say("粤港澳大湾区规划什么时候结束？", {
      channel: "askPolicy",
    });
    expect(channel.embeds[0]?.title).toBe("Greater Bay Area plan（粤港澳大湾区） — 结束年份");

    const english = await subject.harness.say("torch budget?", { mentionBot: true });
    expect(english.embeds[0]?.title).toBe("TORCH Program — budget");
  });
});

describe("zh-CN: every command × section × subject, through the server's limits (property)", () => {
  const policies = ["torch", "city-clusters", "greater-bay-area"];
  const invocation = fc.oneof(
    fc.record({
      name: fc.constant("policy"),
      options: fc.record({
        name: fc.constantFrom(...policies),
        section: fc.constantFrom(...POLICY_FIELDS),
      }),
    }),
    fc.record({
      name: fc.constant("compare"),
      options: fc
        .record({
          a: fc.constantFrom(...policies),
          b: fc.constantFrom(...policies),
          field: fc.constantFrom(...POLICY_FIELDS),
        })
        .filter((options) => options.a !== options.b),
    }),
    fc.record({
      name: fc.constantFrom("maturity", "sources"),
      options: fc.constant({ country: "china" }),
    }),
    fc.record({
      name: fc.constant("ask"),
      options: fc.record({
        question: fc.constantFrom(
          "火炬计划的预算是多少？",
          "城市群的目标是什么？",
          "比较火炬计划和城市群的受益方",
          "中国的集群政策成熟度",
          "火炬计划有评估吗？",
        ),
      }),
    }),
  );

  it("is accepted, and speaks Chinese in every answer", async () => {
    await fc.assert(
      fc.asyncProperty(invocation, async ({ name, options }) => {
        const outcome = await subject.harness.slash(name, options, ZH);
        expect(outcome.interaction.rejected).toEqual([]);
        expect(outcome.message?.allowedMentions).toEqual({ parse: [] });
        const embed = outcome.message?.embeds[0];
        // Every answer's heading or sources line is in Chinese.
        expect(`${embed?.title ?? ""}\n${embed?.footer?.text ?? ""}`).toMatch(/\p{Script=Han}/u);
      }),
      { numRuns: 40 },
    );
  });
});
