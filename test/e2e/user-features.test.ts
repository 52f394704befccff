import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UTF8_BOM } from "../../src/export/csv.ts";
import { CSV_HEADER } from "../../src/export/dataset-export.ts";
import { CountrySchema, POLICY_FIELDS, type Country } from "../../src/dataset/schema.ts";
import { parseCsv } from "../export/rfc4180.ts";
import { fixture } from "../discord-server/fixture.ts";
import { buttonIds, startBotUnderTest, visibleText } from "./bot-under-test.ts";
import type { BotUnderTest } from "./bot-under-test.ts";

/**
 * What Discord users of well-kept bots expect, end to end through the local Discord-compatible
 * server: the data to take away (/export), "Ask policybot" on any message.
 */

const MESSAGE_CONTENT_INTENT = 1 << 15;

let subject: BotUnderTest;
let china: Country;

beforeAll(async () => {
  subject = await startBotUnderTest();
  const found = subject.countries.find((country) => country.id === "china");
  if (!found) throw new Error("dataset has no china");
  china = found;
});

afterAll(async () => {
  await subject?.stop();
});

describe("/export", () => {
  it("attaches the JSON and the CSV, and the CSV reads back to the JSON's facts", async () => {
    const outcome = await subject.harness.slash("export", { country: "china" });
    expect(outcome.interaction.rejected).toEqual([]);
    const files = outcome.message?.files ?? [];
    expect(files.map((file) => file.name)).toEqual(["policybot-china.json", "policybot-china.csv"]);
    for (const file of files) expect(file.size).toBeLessThanOrEqual(10 * 1024 * 1024);

    const json = CountrySchema.parse(JSON.parse(files[0]?.data.toString("utf8") ?? ""));
    expect(json).toEqual(china);
    const csv = files[1]?.data.toString("utf8") ?? "";
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(UTF8_BOM.length));
    expect(header).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(json.policies.length * POLICY_FIELDS.length);
    for (const [country, policyId, , field, value, source, note] of rows) {
      const policy = json.policies.find((candidate) => candidate.id === policyId);
      const key = POLICY_FIELDS.find((candidate) => candidate === field);
      if (!policy || !key) throw new Error(`row names an unknown fact: ${policyId}/${field}`);
      expect(country).toBe(json.id);
      expect(source).toBe(policy[key].source);
      expect(note).toBe(policy[key].note ?? "");
      expect(value).not.toBe("");
    }
    expect(visibleText(outcome.message)).toContain("China");
  });

  it("attaches one format when asked, and refuses an unknown country politely", async () => {
    const csvOnly = await subject.harness.slash("export", { country: "china", format: "csv" });
    expect(csvOnly.message?.files.map((file) => file.name)).toEqual(["policybot-china.csv"]);
    const unknown = await subject.harness.slash("export", { country: "atlantis" });
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.message?.files).toEqual([]);
    expect(visibleText(unknown.message)).toMatch(/I don't know that country/);
  });
});

describe("“Ask policybot” on a message", () => {
  it("is registered as a message command, and the bot runs without the Message Content intent", () => {
    const command = subject.harness.server.findCommand("Ask policybot", 3);
    expect(command).toMatchObject({ type: 3, name: "Ask policybot" });
    expect(command?.description ?? "").toBe("");
    expect((subject.harness.server.gateway.session?.intents ?? 0) & MESSAGE_CONTENT_INTENT).toBe(0);
  });

  it("answers the question in the message privately, with a button to post it for everyone", async () => {
    const torch = china.policies.find((policy) => policy.id === "torch");
    if (!torch) throw new Error("no torch");
    const posted = subject.harness.post("what is the budget of the torch program?", {
      author: fixture.users.alice,
    });
    const outcome = await subject.harness.messageCommand("Ask policybot", posted, {
      user: fixture.users.bob,
    });
    expect(outcome.interaction.rejected).toEqual([]);
    expect(outcome.ephemeral).toBe(true);
    const privateText = visibleText(outcome.message);
    expect(privateText).toContain(torch.short_name);
    expect(privateText).toContain(torch.budget.overall.slice(0, 40));
    const share = buttonIds(outcome.message).find((id) => id.startsWith("share"));
    expect(share).toBeDefined();
    if (!outcome.message || !share) return;

    const shared = await subject.harness.pressButton(outcome.message, share, {
      user: fixture.users.bob,
    });
    expect(shared.interaction.rejected).toEqual([]);
    expect(shared.ephemeral).toBe(false);
    expect(visibleText(shared.message)).toBe(privateText);
    expect(buttonIds(shared.message).some((id) => id.startsWith("share"))).toBe(false);
  });

  it("reads the words around mentions, and says so politely when a message has no words", async () => {
    const mention = subject.harness.post(
      `<@${fixture.users.bob.id}> when did city clusters start?`,
    );
    const answered = await subject.harness.messageCommand("Ask policybot", mention);
    expect(visibleText(answered.message)).toContain("2006");

    const empty = subject.harness.post(`<@${fixture.users.bob.id}>`);
    const refused = await subject.harness.messageCommand("Ask policybot", empty);
    expect(refused.ephemeral).toBe(true);
    expect(visibleText(refused.message)).toMatch(/no text to ask about/);
  });
});

describe("use anywhere: installed to a user as well as to a server", () => {
  it("declares every command for guild and user installs, in guilds, the bot's DM and group DMs", () => {
    for (const command of subject.harness.server.guildCommands.values()) {
      expect(command.integration_types, String(command.name)).toEqual([0, 1]);
      expect(command.contexts, String(command.name)).toEqual([0, 1, 2]);
    }
  });

  it("answers a user-install command in the bot's DM, where there is no guild", async () => {
    const torch = china.policies.find((policy) => policy.id === "torch");
    if (!torch) throw new Error("no torch");
    const outcome = await subject.harness.slash(
      "policy",
      { name: "torch", section: "budget" },
      { place: { context: 1, installation: 1 }, user: fixture.users.carol },
    );
    expect(outcome.interaction.rejected).toEqual([]);
    expect(outcome.message?.channelId).toBe(fixture.elsewhere.botDm.id);
    expect(visibleText(outcome.message)).toContain(torch.budget.overall.slice(0, 40));
  });

  it("answers in a server without the bot and in a group DM, chart included", async () => {
    const elsewhere = await subject.harness.slash(
      "ask",
      { question: "when did city clusters start?" },
      { place: { context: 0, installation: 1 } },
    );
    expect(elsewhere.interaction.rejected).toEqual([]);
    expect(visibleText(elsewhere.message)).toContain("2006");

    const group = await subject.harness.slash(
      "maturity",
      { country: "china" },
      { place: { context: 2, installation: 1 } },
    );
    expect(group.interaction.rejected).toEqual([]);
    expect(group.message?.files.map((file) => file.name)).toEqual(["maturity.png"]);
  });

  it("is not offered where Discord would not offer it: a group DM needs a user install", async () => {
    await expect(
      subject.harness.slash("help", {}, { place: { context: 2, installation: 0 } }),
    ).rejects.toThrow(/user-installed/);
  });
});
